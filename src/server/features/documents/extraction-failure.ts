/**
 * Why a file could not be read, apart from the readers (extract.ts) so that the main thread — the
 * extraction pool and the document service — can name failures without loading mammoth and pdf.js,
 * which only the extraction worker needs.
 */
import { DOCX_MAX_UNPACKED_BYTES } from './detect.ts';

export type ExtractionFailureKind = 'encrypted' | 'no-text' | 'empty' | 'damaged' | 'too-large' | 'timeout';

const MB = 1024 * 1024;

/** The reasons a document shows when its processing failed. */
export const EXTRACTION_FAILURE_MESSAGES: Record<ExtractionFailureKind, string> = {
  encrypted:
    'This PDF is encrypted (protected with a password), so its text cannot be read. Remove the password — for example by printing it to a new PDF — and upload it again.',
  'no-text':
    'This PDF has no text layer: it looks like a scan or photos of pages, so there is no text to search. Run text recognition (OCR) on it, or export it again with its text, and upload the result.',
  empty: 'This file is empty: it has no text to index.',
  damaged:
    'This file is damaged or not what its type says, so it could not be read. Save or export it again and upload the new copy.',
  'too-large': `This file is too large to read: it unpacks to more than ${DOCX_MAX_UNPACKED_BYTES / MB} MB, or reading it needs more memory than one document may use. Split it into smaller files.`,
  timeout: 'Reading this file took too long, so it was stopped. Split it into smaller files and upload them.',
};

/** Why a file could not be read; `message` is what the owner sees. */
export class ExtractionFailure extends Error {
  readonly kind: ExtractionFailureKind;

  constructor(kind: ExtractionFailureKind, message: string = EXTRACTION_FAILURE_MESSAGES[kind]) {
    super(message);
    this.name = 'ExtractionFailure';
    this.kind = kind;
  }
}
