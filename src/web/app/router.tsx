import { type ComponentType, lazy } from 'react';
import { matchRoutes, type RouteObject, useRoutes } from 'react-router';
import { PAGE_PATHS } from '../../core/navigation/pages.ts';
import { RouteErrorBoundary } from '../components/error-boundaries.tsx';
import { GuestOnly, RequireAdmin, RequireAuth } from './guards.tsx';
import { type RouteAccess, type RouteDefinition, routeTable } from './routes.ts';
import { Shell } from './shell.tsx';

type PageModule = { default: ComponentType };

const PREFETCH_DELAY_MS = 4000;
type LoadPage = () => Promise<PageModule>;

// Every page is its own chunk, fetched when its route first renders.
const pageModules = import.meta.glob<PageModule>('../features/*/*-page.tsx');

function loaderFor(definition: RouteDefinition): LoadPage {
  const load = pageModules[`../${definition.module}`];
  if (!load) throw new Error(`routes.ts names ${definition.module}, which is not a page module`);
  return load;
}

/** Page modules already downloaded, by module path. */
const loadedPages = new Map<string, PageModule>();

function loadPage(definition: RouteDefinition): Promise<PageModule> {
  return loaderFor(definition)().then((module) => {
    loadedPages.set(definition.module, module);
    return module;
  });
}

/**
 * A thenable that calls back at once. React.lazy reads the module synchronously when its loader's
 * thenable has resolved by the time `then` returns, and renders the page in the same pass instead of
 * suspending first: hydration needs that (the prerendered HTML holds the page, not the fallback), and
 * a page prefetched earlier then opens without flashing the loader.
 */
function alreadyLoaded(module: PageModule): Promise<PageModule> {
  const thenable = {
    // biome-ignore lint/suspicious/noThenProperty: a synchronous thenable is the point (see above).
    then(onFulfilled: (value: PageModule) => unknown) {
      onFulfilled(module);
    },
  };
  // React.lazy only ever calls `then(onFulfilled, onRejected)` on what its loader returns.
  return thenable as unknown as Promise<PageModule>;
}

/** The route tree's page routes, to find the pages a path renders. */
const definitionOfRoute = new WeakMap<RouteObject, RouteDefinition>();

function pageRoute(definition: RouteDefinition): RouteObject {
  const Page = lazy(() => {
    const loaded = loadedPages.get(definition.module);
    return loaded ? alreadyLoaded(loaded) : loadPage(definition);
  });
  const element = (
    <RouteErrorBoundary key={definition.path}>
      <Page />
    </RouteErrorBoundary>
  );
  const route: RouteObject =
    definition.path === PAGE_PATHS.home
      ? { index: true, element }
      : { path: definition.path === '*' ? '*' : definition.path.slice(1), element };
  definitionOfRoute.set(route, definition);
  return route;
}

const guards: Record<Exclude<RouteAccess, 'public'>, ComponentType> = {
  guest: GuestOnly,
  'signed-in': RequireAuth,
  admin: RequireAdmin,
};

export function buildRoutes(definitions: readonly RouteDefinition[] = routeTable): RouteObject[] {
  const children = definitions.filter((definition) => definition.access === 'public').map(pageRoute);
  for (const [access, Guard] of Object.entries(guards)) {
    const guarded = definitions.filter((definition) => definition.access === access).map(pageRoute);
    // Pathless layout routes: the guard wraps its pages without adding a URL segment.
    if (guarded.length > 0) children.push({ element: <Guard />, children: guarded });
  }
  return [{ path: '/', element: <Shell />, children }];
}

const appRoutes = buildRoutes();

export function AppRoutes() {
  return useRoutes(appRoutes);
}

/**
 * Downloads the code of the page at `pathname`, so that rendering it does not suspend: before
 * hydrating prerendered HTML, and before prerendering it.
 */
export async function preloadPage(pathname: string): Promise<void> {
  await Promise.all(pagesAt(pathname).map(loadPage));
}

/** The pages (from routes.ts) that render at `pathname`: one, or none when nothing matches. */
export function pagesAt(pathname: string): RouteDefinition[] {
  const matches = matchRoutes(appRoutes, pathname) ?? [];
  return matches.flatMap((match) => definitionOfRoute.get(match.route) ?? []);
}

/**
 * Fetch the other pages' code well after the first page is up, so later navigations don't wait on
 * the network but the first page never competes with it. Skipped when the user asked to save data.
 */
export function prefetchPages(definitions: readonly RouteDefinition[] = routeTable) {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData) return;
  const run = () => {
    for (const definition of definitions) void loadPage(definition).catch(() => undefined);
  };
  setTimeout(() => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 5000 });
    else run();
  }, PREFETCH_DELAY_MS);
}
