import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False while the page is rendered at build time (scripts/prerender.ts) and while React hydrates that
 * HTML in the browser, true from then on — and from the first render when there is nothing to hydrate.
 * What only the browser knows (the query string, storage, the current year) is read behind it, so the
 * first render in the browser matches the prerendered HTML and the real values follow at once.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
