/**
 * Importing customer reviews into an avatar's voice of customer: pasted text or a CSV file's text,
 * turned into the list the `avatar-voice` analysis takes. The server does the import (and so the
 * validation); the splitting and column rules are pure, shared and unit-tested here, and free of the
 * schema library so pages can use them (the request and answer schemas are in avatar-contracts.ts).
 */
import { MAX_REVIEW_CHARACTERS, MAX_REVIEW_LENGTH, MAX_REVIEWS } from '../ai/review-limits.ts';

/** Largest paste or CSV accepted (the JSON body limit is 1 MiB). */
export const MAX_IMPORT_CHARACTERS = 900_000;

/** Header names that mark the review text column, in order of preference. */
const REVIEW_HEADERS = [
  'review',
  'review text',
  'review body',
  'reviewtext',
  'review_text',
  'text',
  'comment',
  'comments',
  'feedback',
  'body',
  'content',
  'message',
  'description',
];

function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/^\uFEFF/, '');
}

/**
 * The column holding review text: an exact known header first, then a header containing "review",
 * "comment" or "text" (not a title or rating), then the column whose values are longest on average
 * — provided that column reads like prose (several words per row on average). Null when none does.
 */
export function pickReviewColumn(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): number | null {
  const normalised = headers.map(normaliseHeader);
  for (const wanted of REVIEW_HEADERS) {
    const index = normalised.indexOf(wanted);
    if (index >= 0) return index;
  }
  const partial = normalised.findIndex(
    (header) =>
      /review|comment|feedback|text/.test(header) && !/title|rating|score|date|id\b|name/.test(header),
  );
  if (partial >= 0) return partial;
  let best: { index: number; words: number } | null = null;
  headers.forEach((_header, index) => {
    const values = rows.map((row) => row[index] ?? '').filter((value) => value.trim() !== '');
    if (values.length === 0) return;
    const words = values.reduce((sum, value) => sum + value.trim().split(/\s+/).length, 0) / values.length;
    if (!best || words > best.words) best = { index, words };
  });
  const found = best as { index: number; words: number } | null;
  return found && found.words >= 4 ? found.index : null;
}

/**
 * Splits pasted reviews: blank-line separated when the text has blank lines (a review may then span
 * several lines), otherwise one per line. Blank entries are dropped.
 */
export function splitPastedReviews(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const blocks = /\n[ \t]*\n/.test(normalised) ? normalised.split(/\n[ \t]*\n+/) : normalised.split('\n');
  return blocks
    .map((block) => block.trim().replace(/[ \t]*\n[ \t]*/g, ' '))
    .filter((block) => block.length > 0);
}

/** Cuts a review to the maximum length at a word boundary. */
function clipReview(review: string): string {
  if (review.length <= MAX_REVIEW_LENGTH) return review;
  const cut = review.slice(0, MAX_REVIEW_LENGTH);
  const space = cut.lastIndexOf(' ');
  return (space > MAX_REVIEW_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd();
}

/**
 * Keeps reviews in order while they fit one analysis: at most MAX_REVIEWS, each clipped, and
 * MAX_REVIEW_CHARACTERS in total. Returns what was kept and how many were left out.
 */
export function fitReviews(reviews: readonly string[]): { reviews: string[]; omitted: number } {
  const kept: string[] = [];
  let total = 0;
  for (const review of reviews) {
    const clipped = clipReview(review.trim());
    if (!clipped) continue;
    if (kept.length >= MAX_REVIEWS || total + clipped.length > MAX_REVIEW_CHARACTERS) break;
    kept.push(clipped);
    total += clipped.length;
  }
  const nonBlank = reviews.filter((review) => review.trim() !== '').length;
  return { reviews: kept, omitted: nonBlank - kept.length };
}

/** The reviews as the avatar stores them: blank-line separated, so multi-line reviews survive. */
export function joinReviews(reviews: readonly string[]): string {
  return reviews.join('\n\n');
}
