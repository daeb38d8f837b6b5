/** How a search-term report is uploaded: one CSV in the form field the page uses. */
import { INTENT_RESEARCH_LIMITS, INTENT_UPLOAD_FIELD } from '../../../core/research/intent-limits.ts';
import { multipartUpload } from '../../platform/multipart-upload.ts';

export const reportUpload = multipartUpload({
  field: INTENT_UPLOAD_FIELD,
  maxBytes: INTENT_RESEARCH_LIMITS.csvBytes,
  what: 'CSV file',
  tooLargeAdvice:
    'Export fewer rows (for example one month, or only the columns with the search term and its volume) and upload that.',
  logLabel: 'search-term report upload refused',
});
