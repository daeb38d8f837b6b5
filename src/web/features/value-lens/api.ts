import type { ValueLensRequest } from '../../../core/value-lens/contracts.ts';
import { brandApiPath } from '../../kit/workspace/brand.ts';
import { type Ok, request } from '../../lib/api-client.ts';

function valueLensPath(brandId: string): string {
  return `${brandApiPath(brandId)}/value-lens`;
}

export const valueLensApi = {
  generateValueLensCopy: (brandId: string, body: ValueLensRequest) =>
    request('POST', valueLensPath(brandId), 'valueLensGenerationResponseSchema', body),
  listValueLensHistory: (brandId: string, cursor?: string | null) =>
    request(
      'GET',
      cursor ? `${valueLensPath(brandId)}?${new URLSearchParams({ cursor })}` : valueLensPath(brandId),
      'valueLensHistoryResponseSchema',
    ),
  deleteValueLensGeneration: (id: string): Promise<Ok> =>
    request('DELETE', `/api/value-lens/${encodeURIComponent(id)}`, 'okSchema'),
};
