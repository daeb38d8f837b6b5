import { describe, expect, it } from 'vitest';
import { countOf, hasOrHave, isOrAre, plural } from './plural.ts';

describe('count phrases', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(countOf(1, 'review')).toBe('1 review');
    expect(countOf(0, 'review')).toBe('0 reviews');
    expect(countOf(2, 'entry', 'entries')).toBe('2 entries');
    expect(countOf(1200, 'request')).toBe('1,200 requests');
    expect(plural(1, 'value, fear or desire', 'values, fears and desires')).toBe('value, fear or desire');
    expect(`1 of them ${hasOrHave(1)}`).toBe('1 of them has');
    expect(`3 of them ${hasOrHave(3)}`).toBe('3 of them have');
    expect(isOrAre(1)).toBe('is');
    expect(isOrAre(4)).toBe('are');
  });
});
