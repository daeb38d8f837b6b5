/** How a review export is uploaded: one CSV in the form field the page uses. */
import type { FastifyRequest } from 'fastify';
import { REVIEW_RUN_LIMITS, REVIEW_UPLOAD_FIELD } from '../../../core/research-reviews/limits.ts';
import { multipartUpload } from '../../platform/multipart-upload.ts';
import type { UploadedCsv } from './service.ts';

export const reviewUpload = multipartUpload({
  field: REVIEW_UPLOAD_FIELD,
  maxBytes: REVIEW_RUN_LIMITS.csvBytes,
  what: 'CSV file',
  tooLargeAdvice: 'Export fewer reviews (for example one product or a few months) and upload that.',
  logLabel: 'review CSV upload refused',
});

/** The uploaded CSV, its name as shown back to the owner (trimmed, at most 200 characters). */
export async function readUploadedCsv(request: FastifyRequest): Promise<UploadedCsv> {
  const file = await reviewUpload.read(request);
  return { ...file, fileName: file.fileName.trim().slice(0, 200) };
}
