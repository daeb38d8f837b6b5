/**
 * The review analyser's limits, kept free of the schema library so the page can state them without
 * loading it. One run reads at most 5,000 reviews: the engine reads 10,000 in about 3 s on a 2-core
 * machine (ADR 0039), so a run stays a few seconds of one worker thread, never of the event loop.
 */
import { MAX_REVIEW_LENGTH } from '../ai/review-limits.ts';
import { MAX_IMPORT_CHARACTERS } from '../workspace/avatar-reviews.ts';

export const REVIEW_RUN_LIMITS = {
  /** Reviews (non-blank rows or paste blocks) one run analyses. */
  reviews: 5000,
  /** A longer review is cut at a word boundary. */
  reviewLength: MAX_REVIEW_LENGTH,
  /** A paste travels in a JSON body (1 MiB limit). */
  pasteCharacters: MAX_IMPORT_CHARACTERS,
  /** An uploaded CSV file. */
  csvBytes: 5 * 1024 * 1024,
  runName: 120,
  columnName: 200,
  pageSizeMax: 50,
  reviewsPageMax: 100,
  /** What a stored run keeps of the engine's lists. */
  themes: 25,
  keyPhrases: 30,
  mismatches: 50,
} as const;

/** The multipart form field the CSV travels in. */
export const REVIEW_UPLOAD_FIELD = 'file';

/** "5,000", the way limits are written in messages. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-GB');
}
