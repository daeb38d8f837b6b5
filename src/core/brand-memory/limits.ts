/**
 * Brand memory limits without zod, so pages can show them (a counter, "12 of 100") without loading
 * the contracts chunk; contracts.ts builds its schemas from the same numbers.
 */

/** One fact: a sentence or two, short enough to stay a fact and not become a document. */
export const BRAND_MEMORY_TEXT_MAX = 500;

/** Facts per brand: enough for everything an owner would confirm, bounded so the coach's budget holds. */
export const BRAND_MEMORY_MAX_PER_BRAND = 100;

/** Who first wrote the fact down: the owner, or the coach (saved only when the owner confirmed it). */
export const BRAND_MEMORY_SOURCES = ['owner', 'coach-suggested'] as const;
export type BrandMemorySource = (typeof BRAND_MEMORY_SOURCES)[number];

/** A fact's text as stored and compared: trimmed, inner whitespace runs collapsed to one space. */
export function normaliseFact(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Two facts are the same when they differ only in case, spacing or a final full stop. */
export function sameFact(a: string, b: string): boolean {
  const key = (text: string) =>
    normaliseFact(text)
      .replace(/[.!]+$/, '')
      .toLowerCase();
  return key(a) === key(b);
}
