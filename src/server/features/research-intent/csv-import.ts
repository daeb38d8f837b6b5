/**
 * Turns an uploaded search-term report into distinct terms with their volumes, or refuses it with a
 * 400 that says what to fix: not text (binary, or an encoding other than UTF-8/UTF-16), not a CSV
 * csv-parse can read, no column of search terms, no terms, or more rows than a run reads.
 * Delimiter (comma, semicolon, tab), quotes, a byte-order mark and title lines above the header (as
 * ads exports write them) are handled.
 */
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { INTENT_RESEARCH_LIMITS } from '../../../core/research/intent-limits.ts';
import {
  findReportLayout,
  type ReportLayout,
  type ReportTerm,
  reportTerms,
} from '../../../core/research/search-terms.ts';
import { CSV_DELIMITERS, type CsvDelimiter } from '../../../core/text/csv.ts';
import { AppError } from '../../platform/errors.ts';

function invalidFile(message: string): AppError {
  return new AppError(400, 'VALIDATION_FAILED', message, { details: [{ path: 'body.file', message }] });
}

/** Control characters other than tab, newline and carriage return: a sign of a binary file. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point.
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** The file's text: UTF-8 (with or without a byte-order mark), or UTF-16 with one (keyword planner exports). */
export function decodeReport(bytes: Uint8Array): string {
  const [first, second] = bytes;
  let encoding = 'utf-8';
  if (first === 0xff && second === 0xfe) encoding = 'utf-16le';
  else if (first === 0xfe && second === 0xff) encoding = 'utf-16be';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw invalidFile(
      'This file is not UTF-8 text (it may be saved in another encoding, such as Windows-1252). Save it as “CSV UTF-8” and upload it again.',
    );
  }
  if (BINARY.test(text.slice(0, 20_000))) {
    throw invalidFile(
      'This file is not a CSV: it contains binary data. Export the report as CSV and try again.',
    );
  }
  return text;
}

/** The delimiter of the header: the one used most on any of the first lines (title lines have none). */
function delimiterOf(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; count: number } = { delimiter: ',', count: 0 };
  for (const line of text.split(/\r\n|\r|\n/, 10)) {
    const unquoted = line.replace(/"[^"]*"/g, '');
    for (const delimiter of CSV_DELIMITERS) {
      const count = unquoted.split(delimiter).length - 1;
      if (count > best.count) best = { delimiter, count };
    }
  }
  return best.delimiter;
}

export interface ImportedReport {
  terms: ReportTerm[];
  layout: ReportLayout;
  volumeLabel: string | null;
  hasClicks: boolean;
  /** Rows whose term was too long to analyse, left out. */
  tooLong: number;
}

export function importReport(bytes: Uint8Array): ImportedReport {
  if (bytes.length === 0) throw invalidFile('The file is empty.');
  const text = decodeReport(bytes);
  if (text.trim() === '') throw invalidFile('The file is empty.');
  const maxRows = INTENT_RESEARCH_LIMITS.csvRows;
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      skip_empty_lines: true,
      relax_column_count: true,
      // Search terms may hold a quote mid-field (8" candle, "phrase match"): keep it as text.
      relax_quotes: true,
      // Title lines, the header and one row past the limit are enough to tell a file is too long.
      to: maxRows + 12,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      throw invalidFile(`This file is not a valid CSV (${error.message.replace(/^Invalid [^:]*: /, '')}).`);
    }
    throw error;
  }
  const layout = findReportLayout(records);
  if (!layout) {
    const header = (records[0] ?? []).map((cell) => cell.trim()).filter(Boolean);
    throw invalidFile(
      `No column of search terms was found. Name it “Search term”, “Query” or “Keyword”${
        header.length > 0 ? ` (the first row has: ${header.slice(0, 8).join(', ').slice(0, 300)})` : ''
      }, or paste the terms instead.`,
    );
  }
  const rows = records.slice(layout.headerRow + 1);
  if (rows.length > maxRows) {
    throw invalidFile(
      `The file has more than ${maxRows.toLocaleString('en-GB')} rows. Export a shorter period or only the top terms, and upload that.`,
    );
  }
  const read = reportTerms(rows, layout);
  if (read.terms.length === 0) {
    throw invalidFile(
      read.tooLong > 0
        ? `Every search term in the file is longer than ${INTENT_RESEARCH_LIMITS.termLength} characters.`
        : 'The file has a search-term column but no terms in it.',
    );
  }
  return {
    terms: read.terms,
    layout,
    volumeLabel:
      layout.volume && read.terms.some((term) => term.volume !== null) ? layout.volume.label : null,
    hasClicks: layout.clicks !== null && read.terms.some((term) => term.clicks !== null),
    tooLong: read.tooLong,
  };
}
