/**
 * Turns what the owner gives the analyser into review records: a paste (blank-line blocks, or one
 * review per line), an avatar's saved reviews, or a CSV export — decoded (UTF-8 with or without a
 * BOM, UTF-16 with one), parsed (comma, semicolon or tab; quoted fields), its columns mapped (the
 * owner's choice, else recognised from the header) and its rating and date cells read. Everything
 * wrong with the input is an `ImportProblem`: a plain object (it crosses the worker boundary) that
 * the service turns into a 4xx naming what to fix.
 */
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import type { ReviewRecord } from '../../../core/research-reviews/analyse.ts';
import {
  detectReviewColumns,
  normaliseReviewDate,
  parseRating,
  REVIEW_COLUMN_LABELS,
  REVIEW_COLUMN_ROLES,
  type ReviewColumnMapping,
} from '../../../core/research-reviews/columns.ts';
import type { ReviewCsvPreview, ReviewUploadQuery } from '../../../core/research-reviews/contracts.ts';
import { formatCount, REVIEW_RUN_LIMITS as LIMITS } from '../../../core/research-reviews/limits.ts';
import { detectCsvDelimiter } from '../../../core/text/csv.ts';
import { splitPastedReviews } from '../../../core/workspace/avatar-reviews.ts';

export interface ImportProblem {
  status: 400 | 422;
  code: 'VALIDATION_FAILED' | 'BAD_REQUEST';
  message: string;
  /** The request part to fix, e.g. `body.text` or `querystring.rating`. */
  path: string;
}

export class ImportFailure extends Error {
  readonly problem: ImportProblem;
  constructor(problem: ImportProblem) {
    super(problem.message);
    this.problem = problem;
  }
}

function fail(path: string, message: string, status: 400 | 422 = 400): never {
  throw new ImportFailure({
    status,
    code: status === 400 ? 'VALIDATION_FAILED' : 'BAD_REQUEST',
    message,
    path,
  });
}

export interface ImportedReviews {
  records: ReviewRecord[];
  notes: string[];
}

const TOO_MANY = (count: number, what: 'paste' | 'avatar') =>
  `This ${what === 'paste' ? 'paste' : 'avatar'} holds ${formatCount(count)} reviews; one run analyses at most ${formatCount(LIMITS.reviews)}. Split it (for example by month or product) and run each part.`;

/** Only the first rows past the limit are parsed, so the file's own count is not known. */
const FILE_TOO_LONG = `This file holds more than ${formatCount(LIMITS.reviews)} reviews; one run analyses at most ${formatCount(LIMITS.reviews)}. Split it (for example by month or product) and upload each part.`;

/** Cuts an over-long review at a word boundary. */
function clipReview(text: string): { text: string; clipped: boolean } {
  if (text.length <= LIMITS.reviewLength) return { text, clipped: false };
  const cut = text.slice(0, LIMITS.reviewLength);
  const space = cut.lastIndexOf(' ');
  return { text: (space > LIMITS.reviewLength / 2 ? cut.slice(0, space) : cut).trimEnd(), clipped: true };
}

function clippedNote(count: number): string[] {
  if (count === 0) return [];
  return [
    `${formatCount(count)} ${count === 1 ? 'review was' : 'reviews were'} longer than ${formatCount(LIMITS.reviewLength)} characters and ${count === 1 ? 'was' : 'were'} cut there.`,
  ];
}

/** Pasted text or an avatar's saved reviews (stored blank-line separated) as records. */
export function recordsFromText(text: string, path: string, what: 'paste' | 'avatar'): ImportedReviews {
  const blocks = splitPastedReviews(text);
  if (blocks.length === 0)
    fail(
      path,
      what === 'paste'
        ? 'Paste at least one review.'
        : 'This avatar has no saved reviews yet. Add some on the avatar’s voice of customer first.',
      what === 'paste' ? 400 : 422,
    );
  if (blocks.length > LIMITS.reviews) fail(path, TOO_MANY(blocks.length, what));
  let clipped = 0;
  const records = blocks.map((block) => {
    const review = clipReview(block);
    if (review.clipped) clipped += 1;
    return { text: review.text, rating: null, date: null, source: null };
  });
  return { records, notes: clippedNote(clipped) };
}

/** Control characters other than tab, newline and carriage return: a sign of a binary file. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point.
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** The file's text: UTF-8 (a BOM is dropped) or UTF-16 with its BOM; anything else is refused. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.length === 0) fail('body.file', 'The file is empty.');
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      fail(
        'body.file',
        'This file is not UTF-8 text, so its accents and symbols would come out wrong. In your spreadsheet choose “Save as” → “CSV UTF-8” and upload that file.',
      );
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (BINARY.test(text.slice(0, 20_000)))
    fail(
      'body.file',
      'This file is not a CSV: it contains binary data. Export the reviews as CSV and try again.',
    );
  if (text.trim() === '') fail('body.file', 'The file is empty.');
  return text;
}

interface ParsedCsv {
  columns: string[];
  rows: string[][];
}

function parseCsv(text: string): ParsedCsv {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectCsvDelimiter(text),
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: false,
      trim: false,
      // One past the limit is enough to know the file is over it; the rest is not read.
      to: LIMITS.reviews + 2,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError)
      fail('body.file', `This file is not a valid CSV (${error.message.replace(/^Invalid [^:]*: /, '')}).`);
    throw error;
  }
  const [header, ...rows] = records;
  if (!header || header.every((cell) => cell.trim() === '')) fail('body.file', 'The file is empty.');
  const seen = new Map<string, number>();
  const columns = header.map((cell, index) => {
    const name = cell.trim() || `Column ${index + 1}`;
    const times = (seen.get(name) ?? 0) + 1;
    seen.set(name, times);
    return times > 1 ? `${name} (${times})` : name;
  });
  return { columns, rows };
}

/** Whether a data row is blank in every cell (spreadsheets leave such rows at the end). */
const blankRow = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

export function previewCsv(bytes: Uint8Array, fileName: string): ReviewCsvPreview {
  const { columns, rows } = parseCsv(decodeCsv(bytes));
  const data = rows.filter((row) => !blankRow(row));
  if (data.length > LIMITS.reviews) fail('body.file', FILE_TOO_LONG);
  return {
    fileName,
    columns,
    mapping: detectReviewColumns(columns, data.slice(0, 50)),
    rowCount: data.length,
    sample: data.slice(0, 3).map((row) => columns.map((_column, index) => (row[index] ?? '').slice(0, 200))),
  };
}

/** A cell's text as one line: line breaks inside a quoted cell become spaces. */
function cellText(value: string | undefined): string {
  return (value ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

export function recordsFromCsv(
  bytes: Uint8Array,
  query: ReviewUploadQuery,
): ImportedReviews & { mapping: ReviewColumnMapping } {
  const { columns, rows } = parseCsv(decodeCsv(bytes));
  const data = rows.filter((row) => !blankRow(row));
  if (data.length === 0) fail('body.file', 'The file has a header row but no reviews.');
  if (data.length > LIMITS.reviews) fail('body.file', FILE_TOO_LONG);

  const detected = detectReviewColumns(columns, data.slice(0, 50));
  const mapping: ReviewColumnMapping = { text: null, rating: null, date: null, source: null };
  const indexes: Record<keyof ReviewColumnMapping, number> = { text: -1, rating: -1, date: -1, source: -1 };
  for (const role of REVIEW_COLUMN_ROLES) {
    const chosen = query[role];
    if (chosen !== undefined) {
      const index = columns.findIndex((name) => name.toLowerCase() === chosen.toLowerCase());
      if (index < 0)
        fail(
          `querystring.${role}`,
          `The file has no column called “${chosen}”. Its columns are: ${columns.join(', ')}.`,
        );
      indexes[role] = index;
    } else if (detected[role] !== null) indexes[role] = columns.indexOf(detected[role]);
    mapping[role] = indexes[role] >= 0 ? (columns[indexes[role]] ?? null) : null;
  }
  if (indexes.text < 0)
    fail(
      'querystring.text',
      `No column holds review text. Choose the ${REVIEW_COLUMN_LABELS.text.toLowerCase()} column: one of ${columns.join(', ')}.`,
    );

  const records: ReviewRecord[] = [];
  let blank = 0;
  let clipped = 0;
  let unreadRatings = 0;
  for (const row of data) {
    const text = cellText(row[indexes.text]);
    if (!text) {
      blank += 1;
      continue;
    }
    const review = clipReview(text);
    if (review.clipped) clipped += 1;
    const ratingCell = indexes.rating >= 0 ? cellText(row[indexes.rating]) : '';
    const rating = ratingCell ? parseRating(ratingCell) : undefined;
    if (ratingCell && rating === undefined) unreadRatings += 1;
    const date = indexes.date >= 0 ? normaliseReviewDate(cellText(row[indexes.date])) : undefined;
    const source = indexes.source >= 0 ? cellText(row[indexes.source]).slice(0, 80) : '';
    records.push({ text: review.text, rating: rating ?? null, date: date ?? null, source: source || null });
  }
  if (records.length === 0)
    fail(
      'querystring.text',
      `The column “${mapping.text}” is empty in every row. Choose the column with the review text.`,
    );
  const notes = [
    ...(blank > 0
      ? [
          `${formatCount(blank)} ${blank === 1 ? 'row has' : 'rows have'} no review text and ${blank === 1 ? 'was' : 'were'} skipped.`,
        ]
      : []),
    ...clippedNote(clipped),
    ...(unreadRatings > 0
      ? [
          `${formatCount(unreadRatings)} ${unreadRatings === 1 ? 'rating was' : 'ratings were'} not a number of stars from 1 to 5 and ${unreadRatings === 1 ? 'was' : 'were'} left out.`,
        ]
      : []),
  ];
  return { records, notes, mapping };
}
