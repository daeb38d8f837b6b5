/**
 * Turns a paste or a CSV file's text into the list of reviews an analysis takes, rejecting what is
 * not one: an empty paste, a binary file, text csv-parse cannot read, a header with no rows, or a
 * file without a column of review text. Every rejection is a 400 naming the field to fix.
 */
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { detectCsvDelimiter } from '../../../core/text/csv.ts';
import type { ReviewImport, ReviewImportBody } from '../../../core/workspace/avatar-contracts.ts';
import { fitReviews, pickReviewColumn, splitPastedReviews } from '../../../core/workspace/avatar-reviews.ts';
import { AppError } from '../../platform/errors.ts';

function invalid(path: string, message: string): AppError {
  return new AppError(400, 'VALIDATION_FAILED', message, { details: [{ path: `body.${path}`, message }] });
}

/** Control characters other than tab, newline and carriage return: a sign of a binary file. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point.
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|\uFFFD/;

/** A cell's text as one review: line breaks inside a cell become spaces. */
function cellText(value: string | undefined): string {
  return (value ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function fromText(text: string): ReviewImport {
  const found = splitPastedReviews(text);
  if (found.length === 0) throw invalid('text', 'Paste at least one review.');
  return { ...fitReviews(found), columns: [], column: null };
}

function fromCsv(text: string, column: string | undefined): ReviewImport {
  if (text.trim() === '') throw invalid('text', 'The file is empty.');
  if (BINARY.test(text.slice(0, 20_000))) {
    throw invalid(
      'text',
      'This file is not a CSV: it contains binary data. Export the reviews as CSV and try again.',
    );
  }
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectCsvDelimiter(text.replace(/^\uFEFF/, '')),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: false,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      throw invalid(
        'text',
        `This file is not a valid CSV (${error.message.replace(/^Invalid [^:]*: /, '')}).`,
      );
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header || header.every((cell) => cell.trim() === '')) throw invalid('text', 'The file is empty.');
  const columns = header.map((cell, index) => cell.trim() || `Column ${index + 1}`);

  let index: number | null;
  if (column !== undefined) {
    index = columns.findIndex((name) => name.toLowerCase() === column.toLowerCase());
    if (index < 0) throw invalid('column', `The file has no column called “${column}”.`);
  } else {
    index = pickReviewColumn(columns, rows);
    // One column whose first line is not a header: the file is a plain list of reviews.
    if (columns.length === 1 && index === 0 && (header[0] ?? '').trim().split(/\s+/).length >= 4) {
      rows.unshift(header);
    }
  }
  if (index === null) {
    throw invalid(
      'column',
      `No column holds review text. Name it “review”, “text” or “comment”, or choose one of: ${columns.join(', ')}.`,
    );
  }
  if (rows.length === 0) throw invalid('text', 'The file has a header row but no reviews.');
  const texts = rows.map((row) => cellText(row[index]));
  if (texts.every((value) => value === '')) {
    throw invalid('column', `The column “${columns[index]}” is empty in every row.`);
  }
  return { ...fitReviews(texts), columns, column: columns[index] ?? null };
}

export function importReviews(body: ReviewImportBody): ReviewImport {
  return body.format === 'csv' ? fromCsv(body.text, body.column) : fromText(body.text);
}
