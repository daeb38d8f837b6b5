/**
 * The shared zod contracts, as three chunks loaded on demand. zod is about a fifth of the app's
 * JavaScript and no page needs it to draw itself: only to check what the server sends back and what
 * a form submits. Building schemas is work too (~30 ms for the public ones on a mid-range phone, in
 * one task), so a page load builds only the session's; the public pages' forms and requests load
 * theirs when first used, and the signed-in app's come with the first request that needs one of
 * them. Each load is cached from then on.
 */
export type PublicContracts = typeof import('./contracts-public.ts');
export type Contracts = PublicContracts & typeof import('./contracts-bundle.ts');

function cachedImport<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      // Forget the failure so the next request tries the download again.
      loading = null;
      throw error;
    });
    return loading;
  };
}

/** Resolves in a later task, so the browser can paint and handle input in between. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// zod itself first, then the schemas, each in a task of its own: the main thread is never held for
// both at once while a page hydrates.
const loadSessionContracts = cachedImport(async () => {
  await import('./zod-jitless.ts');
  await nextTask();
  return import('./contracts-session.ts');
});

export const loadPublicContracts = cachedImport(async () => {
  await loadSessionContracts();
  await nextTask();
  return import('./contracts-public.ts');
});

/** Every contract. */
export const loadContracts = cachedImport(async (): Promise<Contracts> => {
  // Both chunks download at once.
  const [publicContracts, appContracts] = await Promise.all([
    loadPublicContracts(),
    import('./contracts-bundle.ts'),
  ]);
  return { ...publicContracts, ...appContracts };
});

/**
 * The smallest set of contracts holding `key`: the session chunk, the public one, or every contract.
 * Only `key` (and the error envelope, which every set holds) will be read from it.
 */
export async function loadContractsWith(key: keyof Contracts): Promise<Contracts> {
  const sessionContracts = await loadSessionContracts();
  if (key in sessionContracts) return sessionContracts as unknown as Contracts;
  const publicContracts = await loadPublicContracts();
  if (key in publicContracts) return publicContracts as Contracts;
  return loadContracts();
}
