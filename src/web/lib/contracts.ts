/**
 * The shared zod contracts, as two chunks loaded on demand. zod is about a fifth of the app's
 * JavaScript and no page needs it to draw itself: only to check what the server sends back and what
 * a form submits. The public pages' contracts come first and alone; the signed-in app's come with
 * the first request that needs one of them. Each load is cached from then on.
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

export const loadPublicContracts = cachedImport(() => import('./contracts-public.ts'));

/** Every contract. */
export const loadContracts = cachedImport(async (): Promise<Contracts> => {
  // Both chunks download at once.
  const [publicContracts, appContracts] = await Promise.all([
    loadPublicContracts(),
    import('./contracts-bundle.ts'),
  ]);
  return { ...publicContracts, ...appContracts };
});

/** The contracts holding `key`: the public chunk alone when it has it, else every contract. */
export async function loadContractsWith(key: keyof Contracts): Promise<Contracts> {
  const publicContracts = await loadPublicContracts();
  // Only `key` (and the public error envelope) will be read from it, and it holds both.
  if (key in publicContracts) return publicContracts as Contracts;
  return loadContracts();
}
