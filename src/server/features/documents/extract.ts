/**
 * Turns an uploaded file into sections with their place — PDF pages (unpdf), Word headings (mammoth,
 * via HTML cut at h1–h6), Markdown headings, CSV row ranges (csv-parse, header row), plain text — or
 * fails with a reason a person understands. No database and no clock: the processing job runs it in a
 * worker thread with a time limit (extraction-pool.ts), and `npm run bench:knowledge` calls it
 * directly to time a 100-page PDF.
 */
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { Unzip, UnzipInflate } from 'fflate';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import {
  csvSections,
  markdownSections,
  type Section,
  textSections,
} from '../../../core/knowledge/chunking.ts';
import type { DocumentFormat } from '../../../core/knowledge/contracts.ts';
import {
  cleanExtractedText,
  htmlSections,
  labelDocumentSections,
  pdfPageSections,
} from '../../../core/knowledge/document-text.ts';
import { detectCsvDelimiter } from '../../../core/text/csv.ts';
import { DOCX_MAX_UNPACKED_BYTES } from './detect.ts';
import { ExtractionFailure } from './extraction-failure.ts';

export {
  EXTRACTION_FAILURE_MESSAGES,
  ExtractionFailure,
  type ExtractionFailureKind,
} from './extraction-failure.ts';

export interface ExtractedDocument {
  sections: Section[];
  /** Pages of a PDF; null for the other formats. */
  pageCount: number | null;
}

/**
 * A text file's content. NUL characters (a stray one is accepted at upload, see detect.ts) are
 * dropped here, before headings and CSV cells are cut out of the text: PostgreSQL can store them
 * in neither text nor JSON.
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    // The byte-order mark, if any, is dropped by the decoder.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ExtractionFailure('damaged');
  }
  return text.replaceAll('\u0000', '');
}

/**
 * Sections cleaned exactly as the index cleans passages, so a passage's range points into them; a
 * heading is cleaned the same way (it is stored in the passage's locator), and dropped if nothing
 * is left of it.
 */
export function cleaned(sections: readonly Section[], documentName: string): Section[] {
  return labelDocumentSections(
    sections
      .map((section) => {
        const { heading, ...place } = section.locator;
        const title = heading === undefined ? '' : cleanExtractedText(heading).replace(/\s+/g, ' ');
        return {
          ...section,
          text: cleanExtractedText(section.text),
          locator: title ? { ...place, heading: title } : place,
        };
      })
      .filter((section) => section.text !== ''),
    documentName,
  );
}

async function extractPdf(bytes: Uint8Array, documentName: string): Promise<ExtractedDocument> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes over (and empties) the array it is given: it gets a copy. (Not `slice()`: on a
    // Buffer, which node-postgres answers, that is a view of the same memory.)
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    if (error instanceof Error && error.name === 'PasswordException')
      throw new ExtractionFailure('encrypted');
    throw new ExtractionFailure('damaged');
  }
  try {
    const { text } = await extractText(pdf, { mergePages: false }).catch(() => {
      throw new ExtractionFailure('damaged');
    });
    const sections = pdfPageSections(text, documentName);
    if (sections.length === 0) throw new ExtractionFailure(pdf.numPages === 0 ? 'empty' : 'no-text');
    return { sections, pageCount: pdf.numPages };
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/**
 * Inflates every part of a ZIP, counting bytes, and fails once the total passes `limit`: the sizes the
 * archive declares were checked at upload, but they may lie. The archive is fed in small slices so a
 * single part cannot inflate far past the limit before it is stopped.
 */
export function assertUnpacksWithin(bytes: Uint8Array, limit: number): void {
  let total = 0;
  let over = false;
  const unzip = new Unzip((file) => {
    if (over) return;
    file.ondata = (error, chunk) => {
      if (error) throw error;
      total += chunk.length;
      if (total > limit && !over) {
        over = true;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const slice = 64 * 1024;
  try {
    for (let offset = 0; offset < bytes.length && !over; offset += slice) {
      unzip.push(bytes.subarray(offset, offset + slice), offset + slice >= bytes.length);
    }
  } catch {
    throw new ExtractionFailure('damaged');
  }
  if (over) throw new ExtractionFailure('too-large');
}

async function extractDocx(bytes: Uint8Array, documentName: string): Promise<ExtractedDocument> {
  assertUnpacksWithin(bytes, DOCX_MAX_UNPACKED_BYTES);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Never follow a link to another file, and skip images: only the text is wanted.
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch {
    throw new ExtractionFailure('damaged');
  }
  return { sections: cleaned(htmlSections(html, documentName), documentName), pageCount: null };
}

function extractCsv(bytes: Uint8Array, documentName: string): ExtractedDocument {
  const text = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectCsvDelimiter(text),
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: 1024 * 1024,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      throw new ExtractionFailure(
        'damaged',
        `This CSV file could not be read (${error.message.replace(/^Invalid [^:]*: /, '')}). Check the quotes on that line, or export it again.`,
      );
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header || rows.length === 0) {
    throw new ExtractionFailure(
      'empty',
      'This CSV file has no rows under its header, so there is nothing to index.',
    );
  }
  const columns = header.map((cell, index) => cell.trim() || `Column ${index + 1}`);
  return { sections: cleaned(csvSections(columns, rows, documentName), documentName), pageCount: null };
}

/**
 * Loads the readers that load on first use (unpdf brings in pdf.js then), so a worker can do it
 * before its first file and the file's time limit counts only the reading.
 */
export async function loadReaders(): Promise<void> {
  await getResolvedPDFJS();
}

/**
 * Reads a document of a known format (see detect.ts) into sections. Throws `ExtractionFailure` when
 * the file cannot give any text (encrypted, scanned, empty, damaged, too large once unpacked).
 */
export async function extractDocument(
  bytes: Uint8Array,
  format: DocumentFormat,
  name: string,
): Promise<{ sections: Section[]; pageCount: number | null }> {
  let extracted: ExtractedDocument;
  switch (format) {
    case 'pdf':
      return extractPdf(bytes, name);
    case 'docx':
      extracted = await extractDocx(bytes, name);
      break;
    case 'csv':
      extracted = extractCsv(bytes, name);
      break;
    case 'md':
      extracted = { sections: cleaned(markdownSections(decodeText(bytes), name), name), pageCount: null };
      break;
    case 'txt':
      extracted = { sections: cleaned(textSections(decodeText(bytes), name), name), pageCount: null };
      break;
  }
  if (extracted.sections.length === 0) throw new ExtractionFailure('empty');
  return extracted;
}
