import { describe, expect, it } from 'vitest';
import { TAG_MAX_LENGTH } from '../workspace/limits.ts';
import { mismatchOf } from './analyse.ts';
import { canvasWithFinding, findingTag } from './findings.ts';

describe('review findings', () => {
  it('words a complaint as a fear and praise as a desire, within a tag’s length', () => {
    expect(findingTag('con', { key: 'price', label: 'Price and value' })).toBe(
      'Paying too much for what arrives',
    );
    expect(findingTag('pro', { key: 'scent', label: 'Scent' })).toBe('A scent they can really smell');
    expect(findingTag('con', { key: 'phrase:wick', label: 'Wick' })).toBe('Problems with the wick');
    const long = findingTag('pro', { key: 'phrase:x', label: 'very '.repeat(30) });
    expect(long.length).toBeLessThanOrEqual(TAG_MAX_LENGTH);
  });

  it('adds a finding to a canvas field on its own line, never past the limit', () => {
    expect(canvasWithFinding('', 'pro', { label: 'Scent' }, 'Smells divine.', 1000)).toBe(
      'Customers praise scent: “Smells divine.”',
    );
    expect(canvasWithFinding('Calm evenings.', 'con', { label: 'Packaging' }, 'Box crushed.', 1000)).toBe(
      'Calm evenings.\nCustomers complain about packaging: “Box crushed.”',
    );
    const full = 'x'.repeat(995);
    expect(canvasWithFinding(full, 'pro', { label: 'Scent' }, 'Smells divine.', 1000)).toBe(full);
    expect(
      canvasWithFinding('a', 'pro', { label: 'Scent' }, 'word '.repeat(100), 120).length,
    ).toBeLessThanOrEqual(120);
  });

  it('flags stars that contradict the words', () => {
    expect(mismatchOf(5, 'negative')).toBe('high-rating-negative-text');
    expect(mismatchOf(4, 'negative')).toBe('high-rating-negative-text');
    expect(mismatchOf(2, 'positive')).toBe('low-rating-positive-text');
    expect(mismatchOf(3, 'positive')).toBeNull();
    expect(mismatchOf(5, 'mixed')).toBeNull();
    expect(mismatchOf(null, 'negative')).toBeNull();
  });
});

describe('a long quote in a canvas finding', () => {
  it('is cut at a word with an ellipsis and keeps its closing quote mark', () => {
    const text = canvasWithFinding('', 'pro', { label: 'Scent' }, 'lovely '.repeat(40).trim(), 100);
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text).toMatch(/^Customers praise scent: “lovely( lovely)*…”$/);
  });
});
