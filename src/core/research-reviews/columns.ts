/**
 * Which columns of a review export hold what: the text, the star rating, the date and where the
 * review was left. Marketplaces name them differently ("Review Text", "review_body", "Body",
 * "star_rating", "Stars", "Created", "Platform"…); the owner can always choose instead. Also how a
 * rating cell ("4", "4.0", "4,5", "4/5", "★★★★☆", "8/10") and a date cell ("2025-03-14",
 * "14.03.2025", "03/14/2025") are read. Pure and free of the schema library, so the page shows the
 * same detection the server applies.
 */
import { pickReviewColumn } from '../workspace/avatar-reviews.ts';

export const REVIEW_COLUMN_ROLES = ['text', 'rating', 'date', 'source'] as const;
export type ReviewColumnRole = (typeof REVIEW_COLUMN_ROLES)[number];

/** A column name per role; `text` is required to analyse, the others are optional. */
export type ReviewColumnMapping = Record<ReviewColumnRole, string | null>;

export const REVIEW_COLUMN_LABELS: Record<ReviewColumnRole, string> = {
  text: 'Review text',
  rating: 'Rating (stars)',
  date: 'Date',
  source: 'Source',
};

/** Known header names per role, already normalised (lower case, `_`/`-`/`.` as spaces), best first. */
const KNOWN_HEADERS: Record<ReviewColumnRole, readonly string[]> = {
  text: [
    'review text',
    'review body',
    'review content',
    'reviewtext',
    'review',
    'body',
    'content',
    'text',
    'comment',
    'comments',
    'feedback',
    'message',
  ],
  rating: [
    'rating',
    'star rating',
    'stars',
    'star',
    'review rating',
    'overall rating',
    'rating value',
    'score',
    'review score',
  ],
  date: [
    'date',
    'review date',
    'created',
    'created at',
    'date created',
    'submission date',
    'submitted at',
    'reviewed at',
    'published',
    'published at',
    'posted',
    'time',
  ],
  source: ['source', 'platform', 'marketplace', 'channel', 'site', 'store', 'shop', 'origin'],
};

export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[_.-]+/g, ' ')
    .replace(/\s+/g, ' ');
}

function emptyMapping(): ReviewColumnMapping {
  return { text: null, rating: null, date: null, source: null };
}

/**
 * The columns a file's header suggests for each role. A column serves one role at most; the text
 * falls back to the column that reads most like prose when no header names it.
 */
export function detectReviewColumns(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): ReviewColumnMapping {
  const normalised = headers.map(normaliseHeader);
  const mapping = emptyMapping();
  const taken = new Set<number>();
  const claim = (role: ReviewColumnRole, index: number) => {
    mapping[role] = headers[index] ?? null;
    taken.add(index);
  };
  for (const role of REVIEW_COLUMN_ROLES) {
    for (const wanted of KNOWN_HEADERS[role]) {
      const index = normalised.findIndex((header, at) => header === wanted && !taken.has(at));
      if (index >= 0) {
        claim(role, index);
        break;
      }
    }
  }
  // Headers that only contain a role's word ("Customer rating", "Date of review").
  const partial: Record<Exclude<ReviewColumnRole, 'text'>, RegExp> = {
    rating: /\b(?:rating|stars?)\b/,
    date: /\bdate\b/,
    source: /\b(?:source|platform|marketplace)\b/,
  };
  for (const role of ['rating', 'date', 'source'] as const) {
    if (mapping[role]) continue;
    const index = normalised.findIndex((header, at) => partial[role].test(header) && !taken.has(at));
    if (index >= 0) claim(role, index);
  }
  if (!mapping.text) {
    const free = headers.map((header, index) => (taken.has(index) ? '' : header));
    const index = pickReviewColumn(
      free,
      rows.map((row) => row.map((cell, at) => (taken.has(at) ? '' : cell))),
    );
    if (index !== null && !taken.has(index)) claim('text', index);
  }
  return mapping;
}

/** A star rating from 1 to 5, or undefined when the cell holds none. Ten-point scores are halved. */
export function parseRating(cell: string): number | undefined {
  const text = cell.trim();
  if (!text) return undefined;
  const stars = [...text].filter((char) => char === '★').length;
  if (stars > 0 && /^[★☆\s]+$/.test(text)) return stars;
  const match = /^(\d{1,2}(?:[.,]\d+)?)\s*(?:\/\s*(5|10)|(?:out of|of)\s*(5|10)|stars?)?$/i.exec(text);
  if (!match) return undefined;
  const value = Number((match[1] as string).replace(',', '.'));
  const scale = Number(match[2] ?? match[3] ?? 5);
  const rating = scale === 10 ? value / 2 : value;
  if (!Number.isFinite(rating) || rating < 0 || rating > 5) return undefined;
  return Math.round(rating * 10) / 10;
}

const pad = (value: number) => String(value).padStart(2, '0');

function validDay(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1990 || year > 2100) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A date cell as `YYYY-MM-DD` when it is numeric: ISO (with or without a time), `14.03.2025`
 * (day first), `14/03/2025` or `03/14/2025` (day first when the first number cannot be a month,
 * else month first, as US marketplace exports write it). Other text is returned trimmed for the
 * engine, which also reads "14 March 2025" and "March 14, 2025".
 */
export function normaliseReviewDate(cell: string): string | undefined {
  const text = cell.trim();
  if (!text) return undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?$/i.exec(text);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (dotted) return validDay(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+[\d:]+(?:\s?[AP]M)?)?$/i.exec(text);
  if (slashed) {
    const first = Number(slashed[1]);
    const second = Number(slashed[2]);
    const year = Number(slashed[3]);
    return first > 12 ? validDay(year, second, first) : validDay(year, first, second);
  }
  return text.slice(0, 40);
}
