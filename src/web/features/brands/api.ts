import { BRANDS_API, brandApiPath } from '../../kit/workspace/brand.ts';
import { type Ok, request } from '../../lib/api-client.ts';

/** Creating, renaming and deleting brands; the list itself is kit/workspace/brand.ts's (every workspace page reads it). */
export const brandsApi = {
  createBrand: (name: string) => request('POST', BRANDS_API, 'brandResponseSchema', { name }),
  renameBrand: (brandId: string, name: string) =>
    request('PATCH', brandApiPath(brandId), 'brandResponseSchema', { name }),
  deleteBrand: (brandId: string): Promise<Ok> => request('DELETE', brandApiPath(brandId), 'okSchema'),
};
