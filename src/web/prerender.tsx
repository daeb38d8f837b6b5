/**
 * The build-time renderer of the public pages (scripts/prerender.ts bundles it with Vite for Node and
 * calls `renderPage` for each path). A page renders as a visitor's first paint does: nobody signed in
 * yet, no query answered, nothing from the browser — the same first render the browser then hydrates.
 */
import { prerender } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { AppRoot } from './app/app-root.tsx';
import { createQueryClient } from './app/query-client.ts';
import { AppRoutes, pagesAt, preloadPage } from './app/router.tsx';
import { documentTitle } from './lib/document-title.ts';

export interface RenderedPage {
  /** The markup of `<div id="root">`. */
  html: string;
  /** The document title the page sets. */
  title: string;
  /** The page modules (as routes.ts names them) the markup needs, to preload their code. */
  modules: string[];
}

export async function renderPage(path: string): Promise<RenderedPage> {
  const pages = pagesAt(path);
  // Only the catch-all matches: prerendering would publish the not-found page at this path.
  if (pages.every((page) => page.path === '*')) throw new Error(`no page in routes.ts renders ${path}`);
  await preloadPage(path);
  let title = documentTitle(null);
  const errors: unknown[] = [];
  const { prelude } = await prerender(
    <AppRoot queryClient={createQueryClient()} collectTitle={(pageTitle) => (title = pageTitle)}>
      <StaticRouter location={path}>
        <AppRoutes />
      </StaticRouter>
    </AppRoot>,
    { onError: (error) => void errors.push(error) },
  );
  if (errors.length > 0) throw new AggregateError(errors, `rendering ${path} failed`);
  const html = await new Response(prelude).text();
  return { html, title, modules: pages.map((page) => page.module) };
}
