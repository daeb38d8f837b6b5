import type { ReviewColumnMapping } from '../../../core/research-reviews/columns.ts';
import type { AcceptFindingBody, ReviewRunRequest } from '../../../core/research-reviews/contracts.ts';
import { REVIEW_UPLOAD_FIELD } from '../../../core/research-reviews/limits.ts';
import { brandApiPath } from '../../kit/workspace/brand.ts';
import { downloadFile, type Ok, request, uploadFile } from '../../lib/api-client.ts';

function reviewsPath(brandId: string): string {
  return `${brandApiPath(brandId)}/research/reviews`;
}

function runPath(brandId: string, runId: string): string {
  return `${reviewsPath(brandId)}/runs/${encodeURIComponent(runId)}`;
}

export type ProposalQuery = { target: 'avatar'; avatarId: string } | { target: 'canvas'; field: string };

export const reviewResearchKeys = {
  runs: (brandId: string) => ['research-reviews', 'runs', brandId] as const,
  run: (brandId: string, runId: string) => ['research-reviews', 'run', brandId, runId] as const,
  reviews: (brandId: string, runId: string, label: string, offset: number) =>
    ['research-reviews', 'reviews', brandId, runId, label, offset] as const,
  proposals: (brandId: string, runId: string, query: ProposalQuery) =>
    ['research-reviews', 'proposals', brandId, runId, query] as const,
  avatars: (brandId: string) => ['research-reviews', 'avatars', brandId] as const,
};

export const reviewResearchApi = {
  run: (brandId: string, body: ReviewRunRequest) =>
    request('POST', `${reviewsPath(brandId)}/runs`, 'reviewRunResponseSchema', body),
  previewCsv: (brandId: string, file: File) =>
    uploadFile('POST', `${reviewsPath(brandId)}/csv-preview`, 'reviewCsvPreviewResponseSchema', file, {
      field: REVIEW_UPLOAD_FIELD,
    }),
  uploadCsv: (brandId: string, file: File, mapping: ReviewColumnMapping) => {
    const query = new URLSearchParams();
    for (const [role, column] of Object.entries(mapping)) if (column) query.set(role, column);
    return uploadFile(
      'POST',
      `${reviewsPath(brandId)}/runs/upload?${query}`,
      'reviewRunResponseSchema',
      file,
      { field: REVIEW_UPLOAD_FIELD },
    );
  },
  listRuns: (brandId: string, cursor?: string | null) =>
    request(
      'GET',
      cursor
        ? `${reviewsPath(brandId)}/runs?${new URLSearchParams({ cursor })}`
        : `${reviewsPath(brandId)}/runs`,
      'reviewRunListResponseSchema',
    ),
  getRun: (brandId: string, runId: string) =>
    request('GET', runPath(brandId, runId), 'reviewRunResponseSchema'),
  reviews: (brandId: string, runId: string, page: { offset: number; limit: number; label?: string }) => {
    const query = new URLSearchParams({ offset: String(page.offset), limit: String(page.limit) });
    if (page.label) query.set('label', page.label);
    return request('GET', `${runPath(brandId, runId)}/reviews?${query}`, 'reviewRowsResponseSchema');
  },
  deleteRun: (brandId: string, runId: string): Promise<Ok> =>
    request('DELETE', runPath(brandId, runId), 'okSchema'),
  downloadCsv: (brandId: string, runId: string) => downloadFile(`${runPath(brandId, runId)}/export.csv`),
  downloadPdf: (brandId: string, runId: string) => downloadFile(`${runPath(brandId, runId)}/export.pdf`),
  proposals: (brandId: string, runId: string, query: ProposalQuery) =>
    request(
      'GET',
      `${runPath(brandId, runId)}/proposals?${new URLSearchParams(query)}`,
      'findingProposalsResponseSchema',
    ),
  accept: (brandId: string, runId: string, body: AcceptFindingBody) =>
    request('POST', `${runPath(brandId, runId)}/proposals/accept`, 'acceptFindingResponseSchema', body),
};
