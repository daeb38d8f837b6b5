/**
 * Brand memory's endpoints and queries: the memory page lists and edits the facts, and the coach
 * saves one the owner chose to remember — so they live in the kit both features share.
 */
import { queryOptions } from '@tanstack/react-query';
import type { BrandMemorySource } from '../../../core/brand-memory/limits.ts';
import { type Ok, request } from '../../lib/api-client.ts';
import { brandApiPath } from '../workspace/brand.ts';

export const brandMemoryKeys = {
  all: ['brand-memory'] as const,
  brand: (brandId: string) => ['brand-memory', brandId] as const,
};

function memoryPath(memoryId: string): string {
  return `/api/brand-memories/${encodeURIComponent(memoryId)}`;
}

export const brandMemoryApi = {
  list: (brandId: string) => request('GET', `${brandApiPath(brandId)}/memories`, 'brandMemoryListSchema'),
  create: (brandId: string, text: string, source: BrandMemorySource = 'owner') =>
    request('POST', `${brandApiPath(brandId)}/memories`, 'brandMemoryResponseSchema', { text, source }),
  update: (memoryId: string, text: string) =>
    request('PATCH', memoryPath(memoryId), 'brandMemoryResponseSchema', { text }),
  remove: (memoryId: string): Promise<Ok> => request('DELETE', memoryPath(memoryId), 'okSchema'),
};

export function brandMemoryQuery(brandId: string) {
  return queryOptions({
    queryKey: brandMemoryKeys.brand(brandId),
    queryFn: () => brandMemoryApi.list(brandId),
  });
}
