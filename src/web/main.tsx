import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoot } from './app/app-root.tsx';
import { createQueryClient } from './app/query-client.ts';
import { AppRoutes, prefetchPages, preloadPage } from './app/router.tsx';
import { installErrorReporting } from './lib/error-reporting.ts';
import { sessionQuery } from './lib/session.ts';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

const queryClient = createQueryClient();
installErrorReporting(() => queryClient.getQueryData(sessionQuery.queryKey)?.user?.id);

const app = (
  <AppRoot queryClient={queryClient}>
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  </AppRoot>
);

/**
 * The public pages arrive prerendered (scripts/prerender.ts marks the root with the path it was
 * rendered for); React then takes over that HTML instead of replacing it. Every other page starts
 * from an empty root.
 */
const { pathname } = window.location;
const prerendered = container.dataset.prerendered === pathname && container.firstElementChild !== null;

if (prerendered) {
  // The page's code first, so the first render is the page the HTML shows rather than its loader.
  // The session is not asked for before hydrating: the HTML was rendered for nobody in particular,
  // and the first render must match it; the header asks once it is interactive.
  // As a transition, hydration yields to the browser every few milliseconds (see below).
  void preloadPage(pathname)
    .catch(() => undefined)
    .then(() => startTransition(() => void hydrateRoot(container, app)));
} else {
  // Ask who is signed in while the first page's code downloads, not after it renders.
  void queryClient.prefetchQuery(sessionQuery);
  const root = createRoot(container);
  // As a transition, the first render yields to the browser every few milliseconds instead of holding
  // the main thread in one long task.
  startTransition(() => root.render(app));
}

if (document.readyState === 'complete') prefetchPages();
else window.addEventListener('load', () => prefetchPages(), { once: true });
