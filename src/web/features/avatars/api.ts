import type { ReviewImportBody } from '../../../core/workspace/avatar-contracts.ts';
import { downloadFile, request } from '../../lib/api-client.ts';

/** Where an avatar's PDF report downloads from (owner only; served as an attachment). */
function avatarPdfUrl(itemId: string): string {
  return `/api/avatars/${encodeURIComponent(itemId)}/pdf`;
}

/** The avatar endpoints beyond the shared item ones (kit/workspace/api.ts). */
export const avatarsApi = {
  downloadAvatarPdf: (itemId: string) => downloadFile(avatarPdfUrl(itemId)),
  importReviews: (body: ReviewImportBody) =>
    request('POST', '/api/avatars/reviews/import', 'reviewImportResponseSchema', body),
};
