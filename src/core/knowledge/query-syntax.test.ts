import { describe, expect, it } from 'vitest';
import { asksForExactWords } from './query-syntax.ts';

describe('asksForExactWords', () => {
  it('is true for quotes, `or` between words and a leading minus', () => {
    for (const query of [
      '"night shift"',
      'candles or soap',
      'candles OR soap',
      'candles -soy',
      '-soy candles',
    ]) {
      expect(asksForExactWords(query), query).toBe(true);
    }
  });

  it('is false for plain words, hyphenated words and words that merely contain "or"', () => {
    for (const query of [
      'how do refunds work',
      'night-shift nurses',
      'order history for our store',
      'price – value',
      'colour and scent',
    ]) {
      expect(asksForExactWords(query), query).toBe(false);
    }
  });
});
