/**
 * The shared zod contracts, as one chunk loaded on demand. zod is about a fifth of the app's
 * JavaScript and no page needs it to draw itself: only to check what the server sends back and what
 * a form submits. `loadContracts()` starts it with the first request and caches it from then on.
 */
export type Contracts = typeof import('./contracts-bundle.ts');

let loading: Promise<Contracts> | null = null;

export function loadContracts(): Promise<Contracts> {
  loading ??= import('./contracts-bundle.ts').catch((error: unknown) => {
    // Forget the failure so the next request tries the download again.
    loading = null;
    throw error;
  });
  return loading;
}
