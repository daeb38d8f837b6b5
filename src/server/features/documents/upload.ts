/** How a document is uploaded: one file of at most 10 MB in the form field `file` (ADR 0034). */
import { DOCUMENT_MAX_BYTES, DOCUMENT_UPLOAD_FIELD } from '../../../core/knowledge/contracts.ts';
import { multipartUpload } from '../../platform/multipart-upload.ts';

export const documentUpload = multipartUpload({
  field: DOCUMENT_UPLOAD_FIELD,
  maxBytes: DOCUMENT_MAX_BYTES,
  what: 'file',
  tooLargeAdvice: 'Split it, or save a smaller version (for example without images), and upload that.',
  logLabel: 'upload refused',
});
