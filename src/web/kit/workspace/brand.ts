/**
 * Which brand the workspace shows. The list lives on the server; the choice is remembered per
 * browser (a phone and a laptop may work on different brands) and falls back to the first brand
 * when the remembered one is gone.
 */
import { type QueryClient, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { Brand } from '../../../core/workspace/items.ts';
import { request } from '../../lib/api-client.ts';

const STORAGE_KEY = 'ibc.current-brand';

export const brandKeys = { all: ['brands'] as const };

/** Where the user's brands live in the API; one brand is `${BRANDS_API}/<id>`. */
export const BRANDS_API = '/api/brands';

/** Where one brand, and everything stored under it, lives in the API. */
export function brandApiPath(brandId: string): string {
  return `${BRANDS_API}/${encodeURIComponent(brandId)}`;
}

// Fetched here rather than in ./api.ts: every page with an "Ask the coach" button needs the brand
// list, and none of those should download the item endpoints with it.
export const brandsQuery = queryOptions({
  queryKey: brandKeys.all,
  queryFn: () => request('GET', BRANDS_API, 'brandListResponseSchema'),
});

const listeners = new Set<() => void>();

function readStoredBrandId(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The brand this browser last chose, for requests made before the brand list is known (signing in
 * claims this browser's anonymous diagnostic results into it). The server checks it is the user's.
 */
export function rememberedBrandId(): string | null {
  const stored = readStoredBrandId();
  return stored && UUID.test(stored) ? stored : null;
}

function storeBrandId(brandId: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, brandId);
  } catch {
    // Private mode or storage full: the choice lasts for this page only, which is acceptable.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function pickCurrentBrand(brands: readonly Brand[], storedId: string | null): Brand | null {
  return brands.find((brand) => brand.id === storedId) ?? brands[0] ?? null;
}

/**
 * The current brand's id outside React (a mutation that must name it): the same choice as
 * `useCurrentBrand`, loading the brand list if it is not cached yet. Signed-in users only.
 */
export async function currentBrandId(client: QueryClient): Promise<string | null> {
  const { brands } = await client.ensureQueryData(brandsQuery);
  return pickCurrentBrand(brands, readStoredBrandId())?.id ?? null;
}

export interface CurrentBrand {
  /** Null while loading or when loading failed. */
  brand: Brand | null;
  brands: Brand[];
  isLoading: boolean;
  error: unknown;
  switchBrand(brandId: string): void;
}

export function useCurrentBrand(): CurrentBrand {
  const storedId = useSyncExternalStore(subscribe, readStoredBrandId, () => null);
  const query = useQuery(brandsQuery);
  const queryClient = useQueryClient();
  const brands = query.data?.brands ?? [];
  const switchBrand = useCallback(
    (brandId: string) => {
      storeBrandId(brandId);
      // Everything below a brand is keyed by its id, so nothing stale shows after a switch.
      void queryClient.invalidateQueries({ queryKey: ['workspace'] });
    },
    [queryClient],
  );
  return {
    brand: pickCurrentBrand(brands, storedId),
    brands,
    isLoading: query.isLoading,
    error: query.error,
    switchBrand,
  };
}
