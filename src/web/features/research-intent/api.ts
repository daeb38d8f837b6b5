import type { BrandNamesBody, PastedTermsRun } from '../../../core/research/intent-contracts.ts';
import { INTENT_UPLOAD_FIELD } from '../../../core/research/intent-limits.ts';
import { brandApiPath } from '../../kit/workspace/brand.ts';
import { downloadFile, type Ok, request, type UploadOptions, uploadFile } from '../../lib/api-client.ts';

function researchPath(brandId: string): string {
  return `${brandApiPath(brandId)}/research/intent`;
}

function runPath(brandId: string, runId: string): string {
  return `${researchPath(brandId)}/runs/${encodeURIComponent(runId)}`;
}

export const researchIntentKeys = {
  runs: (brandId: string) => ['research-intent', 'runs', brandId] as const,
  run: (brandId: string, runId: string) => ['research-intent', 'run', brandId, runId] as const,
  brandNames: (brandId: string) => ['research-intent', 'brand-names', brandId] as const,
};

export const researchIntentApi = {
  classifyPastedTerms: (brandId: string, body: PastedTermsRun) =>
    request('POST', `${researchPath(brandId)}/runs`, 'intentRunResponseSchema', body),
  uploadReport: (brandId: string, file: File, options: Omit<UploadOptions, 'field'> = {}) =>
    uploadFile('POST', `${researchPath(brandId)}/runs/upload`, 'intentRunResponseSchema', file, {
      ...options,
      field: INTENT_UPLOAD_FIELD,
    }),
  listRuns: (brandId: string, cursor?: string | null) =>
    request(
      'GET',
      cursor
        ? `${researchPath(brandId)}/runs?${new URLSearchParams({ cursor })}`
        : `${researchPath(brandId)}/runs`,
      'intentRunListResponseSchema',
    ),
  getRun: (brandId: string, runId: string) =>
    request('GET', runPath(brandId, runId), 'intentRunResponseSchema'),
  deleteRun: (brandId: string, runId: string): Promise<Ok> =>
    request('DELETE', runPath(brandId, runId), 'okSchema'),
  downloadRunCsv: (brandId: string, runId: string) => downloadFile(`${runPath(brandId, runId)}/export.csv`),
  getBrandNames: (brandId: string) =>
    request('GET', `${researchPath(brandId)}/brand-names`, 'brandNamesResponseSchema'),
  saveBrandNames: (brandId: string, body: BrandNamesBody) =>
    request('PUT', `${researchPath(brandId)}/brand-names`, 'brandNamesResponseSchema', body),
};
