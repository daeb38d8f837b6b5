/**
 * What the page says about a file before and after it is sent: a quick check of the name and size
 * (the server checks the content and has the last word) and each upload failure in plain words.
 */
import { DOCUMENT_EXTENSIONS, DOCUMENT_MAX_BYTES } from '../../../core/knowledge/documents.ts';
import { formatBytes } from '../../../core/system/format.ts';
import { countOf } from '../../../core/text/plural.ts';
import { describeError, isApiError } from '../../lib/api-client.ts';

/** The file picker's `accept`: the name endings it offers. */
export const DOCUMENT_ACCEPT = DOCUMENT_EXTENSIONS.join(',');

/** The formats as a sentence names them. */
export const FORMAT_LIST = 'PDF, Word (.docx), plain text (.txt), Markdown (.md) or CSV';

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot).toLowerCase();
}

/**
 * Why a file cannot be sent at all, or null when it may be: sending a 40 MB video only to be told
 * it is too large would waste the user's time and data. The server still checks the content.
 */
export function problemWithFile(file: { name: string; size: number }): string | null {
  if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(extensionOf(file.name))) {
    return `“${file.name}” can’t be added: upload a ${FORMAT_LIST} file.`;
  }
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > DOCUMENT_MAX_BYTES) {
    return `“${file.name}” is ${formatBytes(file.size)}; a document can be at most ${formatBytes(DOCUMENT_MAX_BYTES)}.`;
  }
  return null;
}

function waitPhrase(seconds: number): string {
  return seconds < 60 ? countOf(seconds, 'second') : countOf(Math.ceil(seconds / 60), 'minute');
}

export interface UploadFailure {
  message: string;
  /** Sending the same file again may work (a dropped connection, a limit that resets, a server fault). */
  retryable: boolean;
}

/** An upload's failure in words a person can act on. */
export function describeUploadFailure(error: unknown): UploadFailure {
  if (!isApiError(error)) return { message: describeError(error), retryable: true };
  switch (error.code) {
    case 'RATE_LIMITED':
      return {
        message: error.retryAfterSeconds
          ? `Upload limit reached. Try again in ${waitPhrase(error.retryAfterSeconds)}.`
          : 'Upload limit reached. Please wait a few minutes and try again.',
        retryable: true,
      };
    case 'NETWORK_ERROR':
      return {
        message: 'The upload was interrupted. Check your connection and try again.',
        retryable: true,
      };
    case 'PAYLOAD_TOO_LARGE':
    case 'UNSUPPORTED_MEDIA_TYPE':
    case 'VALIDATION_FAILED':
    case 'BAD_REQUEST':
      return { message: error.message, retryable: false };
    default:
      return { message: describeError(error), retryable: error.status >= 500 || error.status === 0 };
  }
}
