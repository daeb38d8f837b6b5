import { describe, expect, it } from 'vitest';
import { COPY_LIMITS, clipCopy, copyLength } from '../ai/copy-limits.ts';
import { enforceCopyLimits, isWithinLimit } from './limits.ts';

describe('enforceCopyLimits', () => {
  it('keeps copy within the limit unchanged', () => {
    const result = enforceCopyLimits(
      { format: 'ad-headline', variants: ['Calm mornings, finally'], notes: ['Short.'] },
      'ad-headline',
    );
    expect(result).toEqual({
      format: 'ad-headline',
      variants: ['Calm mornings, finally'],
      notes: ['Short.'],
      limit: 30,
      clipped: 0,
    });
  });

  it('shortens every over-long variant to the limit, drops blank ones and says so', () => {
    const long = 'Breakfast kits that take five minutes for the busiest parents in town';
    const result = enforceCopyLimits(
      { format: 'ad-headline', variants: [long, '   ', 'x'.repeat(80)], notes: [] },
      'ad-headline',
    );
    expect(result.variants).toHaveLength(2);
    for (const variant of result.variants) expect(copyLength(variant)).toBeLessThanOrEqual(30);
    expect(result.variants[0]).toBe('Breakfast kits that take five…');
    expect(result.clipped).toBe(2);
    expect(result.notes.at(-1)).toContain('2 variants were shortened to fit the 30-character limit');
  });

  it('holds each Amazon bullet to 500 characters and keeps at most six notes', () => {
    const result = enforceCopyLimits(
      { format: 'amazon-bullets', variants: ['a '.repeat(400)], notes: ['1', '2', '3', '4', '5', '6'] },
      'amazon-bullets',
    );
    expect(copyLength(result.variants[0] ?? '')).toBeLessThanOrEqual(COPY_LIMITS['amazon-bullets']);
    expect(result.notes).toHaveLength(6);
  });
});

describe('copy length', () => {
  it('counts an emoji as one character and never splits one when clipping', () => {
    expect(copyLength('Hi 👋')).toBe(4);
    const clipped = clipCopy('👋'.repeat(40), 30);
    expect(copyLength(clipped)).toBe(30);
    expect(clipped.endsWith('👋…')).toBe(true);
    expect(isWithinLimit('👋'.repeat(30), 'ad-headline')).toBe(true);
    expect(isWithinLimit('👋'.repeat(31), 'ad-headline')).toBe(false);
  });
});
