import { brandApiPath } from '../../kit/workspace/brand.ts';
import { request } from '../../lib/api-client.ts';

function snapshotsPath(brandId: string): string {
  return `${brandApiPath(brandId)}/insight-snapshots`;
}

function snapshotPath(snapshotId: string): string {
  return `/api/insight-snapshots/${encodeURIComponent(snapshotId)}`;
}

/** Where an Insight snapshot's PDF downloads from (owner only). */
export function insightSnapshotPdfUrl(snapshotId: string): string {
  return `${snapshotPath(snapshotId)}/pdf`;
}

/** Insight snapshots; the worksheets themselves are workspace items (kit/workspace/api.ts). */
export const ideaApi = {
  listInsightSnapshots: (brandId: string) =>
    request('GET', snapshotsPath(brandId), 'insightSnapshotListResponseSchema'),
  createInsightSnapshot: (brandId: string) =>
    request('POST', snapshotsPath(brandId), 'insightSnapshotResponseSchema'),
  emailInsightSnapshot: (snapshotId: string) =>
    request('POST', `${snapshotPath(snapshotId)}/email`, 'insightSnapshotEmailResponseSchema'),
};
