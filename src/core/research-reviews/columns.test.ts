import { describe, expect, it } from 'vitest';
import { detectReviewColumns, normaliseReviewDate, parseRating } from './columns.ts';

describe('review export columns', () => {
  it('recognises the headers marketplaces and shops export', () => {
    expect(
      detectReviewColumns(
        ['marketplace', 'review_id', 'star_rating', 'review_headline', 'review_body', 'review_date'],
        [],
      ),
    ).toEqual({ text: 'review_body', rating: 'star_rating', date: 'review_date', source: 'marketplace' });
    expect(detectReviewColumns(['\uFEFFReview Text', 'Rating', 'Date', 'Source'], [])).toEqual({
      text: '\uFEFFReview Text',
      rating: 'Rating',
      date: 'Date',
      source: 'Source',
    });
    expect(detectReviewColumns(['Title', 'Body', 'Stars', 'Created', 'Platform'], [])).toEqual({
      text: 'Body',
      rating: 'Stars',
      date: 'Created',
      source: 'Platform',
    });
    expect(detectReviewColumns(['Content', 'Customer rating', 'Date of review'], [])).toEqual({
      text: 'Content',
      rating: 'Customer rating',
      date: 'Date of review',
      source: null,
    });
  });

  it('falls back to the column that reads like prose, and never uses a column twice', () => {
    const rows = [
      ['1', 'Ann', 'The scent is lovely and lasts for hours.'],
      ['2', 'Bo', 'Arrived cracked, but support replaced it quickly.'],
    ];
    expect(detectReviewColumns(['Id', 'Name', 'Bewertung'], rows).text).toBe('Bewertung');
    expect(detectReviewColumns(['Id', 'Rating'], [['1', '5']]).text).toBeNull();
    expect(detectReviewColumns(['Rating', 'Rating score'], []).rating).toBe('Rating');
  });

  it('reads ratings in the shapes exports write, and refuses the rest', () => {
    expect(['5', '4.0', '4,5', '3 stars', '4/5', '4 out of 5', '★★★★☆', '8/10'].map(parseRating)).toEqual([
      5, 4, 4.5, 3, 4, 4, 4, 4,
    ]);
    expect(['', 'four', '6', '-1', '5/7', 'N/A'].map(parseRating)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads numeric dates day- or month-first by what can be a month', () => {
    expect(normaliseReviewDate('2025-03-14')).toBe('2025-03-14');
    expect(normaliseReviewDate('2025-03-14T10:00:00Z')).toBe('2025-03-14');
    expect(normaliseReviewDate('14.03.2025')).toBe('2025-03-14');
    expect(normaliseReviewDate('14/03/2025')).toBe('2025-03-14');
    expect(normaliseReviewDate('03/14/2025')).toBe('2025-03-14');
    expect(normaliseReviewDate('2025-13-01')).toBeUndefined();
    expect(normaliseReviewDate('  March 3, 2025 ')).toBe('March 3, 2025');
    expect(normaliseReviewDate('')).toBeUndefined();
  });
});
