import { type ComponentType, lazy } from 'react';
import { type RouteObject, useRoutes } from 'react-router';
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

function pageRoute(definition: RouteDefinition): RouteObject {
  const Page = lazy(loaderFor(definition));
  const element = (
    <RouteErrorBoundary key={definition.path}>
      <Page />
    </RouteErrorBoundary>
  );
  if (definition.path === PAGE_PATHS.home) return { index: true, element };
  return { path: definition.path === '*' ? '*' : definition.path.slice(1), element };
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
 * Fetch the other pages' code well after the first page is up, so later navigations don't wait on
 * the network but the first page never competes with it. Skipped when the user asked to save data.
 */
export function prefetchPages(definitions: readonly RouteDefinition[] = routeTable) {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData) return;
  const run = () => {
    for (const definition of definitions) void loaderFor(definition)().catch(() => undefined);
  };
  setTimeout(() => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 5000 });
    else run();
  }, PREFETCH_DELAY_MS);
}
