/**
 * What an uploaded file is, decided from its bytes rather than its name (ADR 0034): a PDF starts with
 * `%PDF-`, a Word document is a ZIP holding `word/document.xml` (whose declared unpacked sizes are
 * checked before anything is unpacked), and TXT, Markdown and CSV are UTF-8 text that is not mostly
 * control characters — told apart by the name's ending, or by the content when the ending names none
 * of them.
 * Everything else is refused with the status and message the upload answers.
 */
import { unzipSync } from 'fflate';
import type { ErrorCode } from '../../../core/http/envelope.ts';
import { DOCUMENT_FORMAT_LABELS, type DocumentFormat } from '../../../core/knowledge/contracts.ts';
import { textFormatOf } from '../../../core/knowledge/document-text.ts';

/** A Word file's parts together may unpack to this much; a real document's text needs far less. */
export const DOCX_MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
/** More parts than any real Word document has; a ZIP with more is refused before it is read. */
export const DOCX_MAX_ENTRIES = 5000;

export type Detection =
  | { ok: true; format: DocumentFormat }
  | { ok: false; status: 400 | 413 | 415; code: ErrorCode; message: string };

const ACCEPTED = `Upload a ${Object.values(DOCUMENT_FORMAT_LABELS)
  .join(', ')
  .replace(/, ([^,]+)$/, ' or $1')} file.`;

function unsupported(what: string, hint = ''): Detection {
  return {
    ok: false,
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: `${what} is not a supported type. ${hint ? `${hint} ` : ''}${ACCEPTED}`,
  };
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

/** Formats people upload by mistake, named so the answer can say what to do instead. */
const KNOWN_BINARIES: { signature: readonly number[]; what: string; hint?: string }[] = [
  {
    signature: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'An older Office file (.doc, .xls or .ppt), or a password-protected Office file,',
    hint: 'Remove the password, or save it as .docx or PDF first.',
  },
  { signature: ascii('{\\rtf'), what: 'A Rich Text (RTF) file', hint: 'Save it as .docx or PDF first.' },
  { signature: [0x89, 0x50, 0x4e, 0x47], what: 'An image (PNG)' },
  { signature: [0xff, 0xd8, 0xff], what: 'An image (JPEG)' },
  { signature: ascii('GIF8'), what: 'An image (GIF)' },
  { signature: ascii('RIFF'), what: 'A media file' },
  { signature: ascii('%!PS'), what: 'A PostScript file', hint: 'Save it as PDF first.' },
  { signature: [0x1f, 0x8b], what: 'A compressed (gzip) file' },
  { signature: ascii('7z'), what: 'A 7-Zip archive' },
  { signature: ascii('Rar!'), what: 'A RAR archive' },
];

/**
 * Programs, told by their first bytes. "MZ" could begin a text file too, so these name a file only
 * once it has turned out not to be text.
 */
const PROGRAMS: { signature: readonly number[]; what: string }[] = [
  { signature: ascii('MZ'), what: 'A program (.exe or .dll)' },
  { signature: [0x7f, ...ascii('ELF')], what: 'A program' },
  { signature: [0xcf, 0xfa, 0xed, 0xfe], what: 'A program' },
];

function notText(bytes: Uint8Array): Detection {
  const program = PROGRAMS.find((candidate) => startsWith(bytes, candidate.signature));
  return program
    ? unsupported(program.what)
    : unsupported('This file', 'If it is text, save it as UTF-8 first.');
}

/** What else a ZIP may be, by a part only that kind of file has. */
const OTHER_ZIPS: { part: string; what: string; hint?: string }[] = [
  { part: 'xl/workbook.xml', what: 'An Excel workbook', hint: 'Save the sheet as CSV first.' },
  { part: 'ppt/presentation.xml', what: 'A PowerPoint presentation', hint: 'Save it as PDF first.' },
  { part: 'content.xml', what: 'An OpenDocument file', hint: 'Save it as .docx or PDF first.' },
  { part: 'META-INF/container.xml', what: 'An e-book (EPUB)' },
];

const MB = 1024 * 1024;

function inspectZip(bytes: Uint8Array): Detection {
  const entries: { name: string; unpacked: number }[] = [];
  try {
    // The filter sees each part's central-directory record (name, declared unpacked size) and
    // declines it, so nothing is decompressed here.
    unzipSync(bytes, {
      filter(file) {
        entries.push({ name: file.name, unpacked: file.originalSize });
        return false;
      },
    });
  } catch {
    return {
      ok: false,
      status: 400,
      code: 'BAD_REQUEST',
      message:
        'This file looks like a ZIP or Word document but is damaged, so it cannot be read. Save it again and upload the new copy.',
    };
  }
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has('word/document.xml')) {
    const other = OTHER_ZIPS.find((candidate) => names.has(candidate.part));
    return other ? unsupported(other.what, other.hint) : unsupported('A ZIP archive');
  }
  const unpacked = entries.reduce((total, entry) => total + entry.unpacked, 0);
  if (entries.length > DOCX_MAX_ENTRIES || unpacked > DOCX_MAX_UNPACKED_BYTES) {
    const size =
      entries.length > DOCX_MAX_ENTRIES
        ? `has ${entries.length} parts (at most ${DOCX_MAX_ENTRIES})`
        : `would unpack to ${Math.round(unpacked / MB)} MB (at most ${DOCX_MAX_UNPACKED_BYTES / MB} MB)`;
    return {
      ok: false,
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `This Word document ${size}, far more than any document's text needs, so it was not unpacked. It may be damaged or built to overload the reader (a "zip bomb"). Save it again from your word processor, or split it.`,
    };
  }
  return { ok: true, format: 'docx' };
}

/**
 * The share of control characters (NUL included; tab, line breaks and form feed not) that says
 * "binary" — or UTF-16 text without its byte-order mark, where every other byte is NUL. A few stray
 * NULs in real text are not enough: they are dropped when the text is read.
 */
const BINARY_CONTROL_SHARE = 0.1;

function controlShare(text: string): number {
  const sample = text.slice(0, 8192);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is the point
  const controls = sample.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  return sample.length === 0 ? 0 : controls / sample.length;
}

/** Decides the format of `bytes`, uploaded as `fileName`, or why it is refused. */
export function detectDocumentFormat(bytes: Uint8Array, fileName: string): Detection {
  if (bytes.length === 0) {
    return { ok: false, status: 400, code: 'VALIDATION_FAILED', message: 'The file is empty.' };
  }
  // PDF readers accept the signature anywhere in the first kilobyte (some writers put junk first).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return { ok: true, format: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return inspectZip(bytes);
  }
  const binary = KNOWN_BINARIES.find((candidate) => startsWith(bytes, candidate.signature));
  if (binary) return unsupported(binary.what, binary.hint);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return unsupported('UTF-16 text', 'Save it as UTF-8 text first.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return notText(bytes);
  }
  if (
    text
      .replace(/^\uFEFF/, '')
      .replaceAll('\u0000', '')
      .trim() === ''
  ) {
    return {
      ok: false,
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'The file is empty: it holds no text.',
    };
  }
  if (controlShare(text) > BINARY_CONTROL_SHARE) return notText(bytes);
  return { ok: true, format: textFormatOf(text.replace(/^\uFEFF/, ''), fileName) };
}
