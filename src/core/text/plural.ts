/**
 * Count phrases in one place, so "1 review", "2 reviews" and "1 of them has" read right everywhere
 * (web pages, PDFs, emails and the coach's answers). English only: the singular is for exactly one.
 */

/** The word for `count` things: `plural(1, 'review')` → "review", `plural(2, 'review')` → "reviews". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return count === 1 ? singular : pluralForm;
}

/** The count and its word: `countOf(1, 'review')` → "1 review", `countOf(3, 'entry', 'entries')` → "3 entries". */
export function countOf(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${plural(count, singular, pluralForm)}`;
}

/** "has" for one, "have" for several: `${countOf(n, 'value')} ${hasOrHave(n)} a proof point`. */
export function hasOrHave(count: number): 'has' | 'have' {
  return count === 1 ? 'has' : 'have';
}

/** "is" for one, "are" for several. */
export function isOrAre(count: number): 'is' | 'are' {
  return count === 1 ? 'is' : 'are';
}
