import { describe, expect, it } from 'vitest';
import {
  findReportLayout,
  parseCount,
  reportTerms,
  splitPastedTerms,
  termsWithinLimit,
} from './search-terms.ts';

describe('pasted terms', () => {
  it('takes one term per line, trimmed, blank lines and repeats (any case or spacing) dropped', () => {
    const pasted = splitPastedTerms(
      '  linen shirt \r\n\n\nLinen   Shirt\nbest linen shirts\r  \nlinen shirt',
    );
    expect(pasted).toEqual({ terms: ['linen shirt', 'best linen shirts'], tooLong: [], duplicates: 2 });
  });

  it('reports the lines over the length limit', () => {
    const pasted = splitPastedTerms(`ok\n${'x'.repeat(201)}\n${'y'.repeat(200)}`);
    expect(pasted.tooLong).toEqual([2]);
    expect(pasted.terms).toHaveLength(2);
  });
});

describe('search-term report layouts', () => {
  it('finds the term and volume columns by their usual names, under title lines', () => {
    const layout = findReportLayout([
      ['Search terms report'],
      ['1 November 2026 - 30 November 2026'],
      ['Search term', 'Match type', 'Clicks', 'Impr.', 'Cost'],
    ]);
    expect(layout).toEqual({ headerRow: 2, term: 0, volume: { index: 3, label: 'Impr.' }, clicks: 2 });
    expect(findReportLayout([['Keyword', 'Avg. monthly searches']])?.volume).toEqual({
      index: 1,
      label: 'Avg. monthly searches',
    });
    expect(findReportLayout([['Top queries', 'Clicks', 'Impressions']])).toMatchObject({
      term: 0,
      clicks: 1,
    });
    expect(findReportLayout([['Query', 'Search volume', 'Impressions']])?.volume?.label).toBe(
      'Search volume',
    );
    expect(findReportLayout([['Review', 'Rating']])).toBeNull();
  });

  it('reads counts as reports write them', () => {
    expect(parseCount('1,234')).toBe(1234);
    expect(parseCount('1.234.567')).toBe(1234567);
    expect(parseCount('1 234')).toBe(1234);
    expect(parseCount('12.5')).toBe(13);
    expect(parseCount('1.234,5')).toBe(1235);
    expect(parseCount('< 10')).toBe(10);
    expect(parseCount('--')).toBeNull();
    expect(parseCount('-4')).toBeNull();
    expect(parseCount('')).toBeNull();
    expect(parseCount('99999999999')).toBeNull();
  });

  it('sums the volumes of a term over its rows and skips totals and blanks', () => {
    const layout = { headerRow: 0, term: 0, volume: { index: 1, label: 'Impressions' }, clicks: 2 };
    const read = reportTerms(
      [
        ['linen shirt', '100', '4'],
        ['Linen Shirt', '50', ''],
        ['', '3', '1'],
        ['Total: Account', '150', '4'],
        ['x'.repeat(201), '1', '1'],
        ['best linen', '--', '--'],
      ],
      layout,
    );
    expect(read).toEqual({
      terms: [
        { term: 'linen shirt', volume: 150, clicks: 4 },
        { term: 'best linen', volume: null, clicks: null },
      ],
      tooLong: 1,
      skipped: 2,
    });
  });

  it('keeps the terms with the most volume when a report has more than a run takes, in file order', () => {
    const terms = [
      { term: 'a', volume: 1, clicks: null },
      { term: 'b', volume: 30, clicks: null },
      { term: 'c', volume: null, clicks: null },
      { term: 'd', volume: 20, clicks: null },
    ];
    expect(termsWithinLimit(terms, 2).map((term) => term.term)).toEqual(['b', 'd']);
    expect(termsWithinLimit(terms, 10)).toHaveLength(4);
  });
});
