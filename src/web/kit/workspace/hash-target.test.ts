// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { splitPastedReviews } from '../../../core/workspace/avatar-reviews.ts';
import { findHashTarget, reviewRange } from './hash-target.ts';

function reviewsByRange(text: string): string[] {
  const found: string[] = [];
  for (let index = 0; ; index += 1) {
    const range = reviewRange(text, index);
    if (!range) return found;
    found.push(text.slice(range[0], range[1]));
  }
}

/** What the index stores per review: the same text with its line breaks as spaces. */
function asIndexed(review: string): string {
  return review.trim().replace(/[ \t]*\n[ \t]*/g, ' ');
}

describe('reviewRange', () => {
  it('finds each review of a one-per-line paste, without the spaces around it', () => {
    const text = 'Love the smell.\n  Arrived late but worth it. \nNever again.';
    expect(reviewsByRange(text)).toEqual(['Love the smell.', 'Arrived late but worth it.', 'Never again.']);
    expect(reviewsByRange(text)).toEqual(splitPastedReviews(text));
  });

  it('keeps a multi-line review whole when reviews are separated by blank lines', () => {
    const text = 'Great soap,\nlasts for weeks.\n\n   \n\nThe box was\ncrushed.\n';
    expect(reviewsByRange(text)).toEqual(['Great soap,\nlasts for weeks.', 'The box was\ncrushed.']);
    expect(reviewsByRange(text).map(asIndexed)).toEqual(splitPastedReviews(text));
  });

  it('is null past the last review', () => {
    expect(reviewRange('Only one', 1)).toBeNull();
    expect(reviewRange('', 0)).toBeNull();
  });
});

describe('findHashTarget', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('finds a field by its anchor', () => {
    document.body.innerHTML = '<textarea id="field-purpose"></textarea>';
    expect(findHashTarget('field-purpose')?.element.id).toBe('field-purpose');
    expect(findHashTarget('field-vision')).toBeNull();
  });

  it('selects the n-th review inside the one reviews textarea', () => {
    document.body.innerHTML = '<textarea id="field-voice-reviews"></textarea>';
    const textarea = document.getElementById('field-voice-reviews') as HTMLTextAreaElement;
    textarea.value = 'Smells lovely.\nToo pricey for me.\nWould buy again.';
    const target = findHashTarget('review-2');
    expect(target?.element).toBe(textarea);
    const [start, end] = target?.options.select ?? [0, 0];
    expect(textarea.value.slice(start, end)).toBe('Too pricey for me.');
    // A review that is no longer there still lands on the reviews.
    expect(findHashTarget('review-9')).toEqual({ element: textarea, options: {} });
  });
});
