import { describe, expect, it } from 'vitest';
import { MAX_REVIEW_CHARACTERS, MAX_REVIEWS } from '../ai/contracts.ts';
import { emptyAvatarData } from './avatar.ts';
import { AVATAR_REVIEWS_MAX_CHARACTERS } from './avatar-profile.ts';
import { fitReviews, joinReviews, pickReviewColumn, splitPastedReviews } from './avatar-reviews.ts';
import { avatarSummary } from './avatar-summary.ts';

describe('review import rules', () => {
  it('splits a paste by blank lines when there are any, otherwise by line', () => {
    expect(splitPastedReviews('One\nTwo\r\n\r\nThree')).toEqual(['One Two', 'Three']);
    expect(splitPastedReviews('One\nTwo\n  \nThree\n\n\n')).toEqual(['One Two', 'Three']);
    expect(splitPastedReviews('One\r\nTwo\n Three ')).toEqual(['One', 'Two', 'Three']);
    expect(splitPastedReviews(' \n\t\n')).toEqual([]);
  });

  it('finds the review column by header, then by prose, and gives up on numbers', () => {
    expect(pickReviewColumn(['id', 'Rating', 'Review'], [])).toBe(2);
    expect(pickReviewColumn(['\uFEFFComment', 'stars'], [])).toBe(0);
    expect(pickReviewColumn(['title', 'customer_feedback_text'], [])).toBe(1);
    const rows = [
      ['5', 'Lovely soft fabric and quick delivery'],
      ['2', 'The seams came apart after one wash'],
    ];
    expect(pickReviewColumn(['stars', 'notes'], rows)).toBe(1);
    expect(
      pickReviewColumn(
        ['sku', 'qty'],
        [
          ['A1', '2'],
          ['B2', '1'],
        ],
      ),
    ).toBeNull();
  });

  it('keeps reviews in order within one analysis’s limits and counts what it left out', () => {
    const many = Array.from({ length: MAX_REVIEWS + 5 }, (_, index) => `Review ${index}`);
    expect(fitReviews(many)).toMatchObject({ omitted: 5 });
    const long = fitReviews(['word '.repeat(2000), '', 'short']);
    expect(long.reviews[0]?.length).toBeLessThanOrEqual(5000);
    expect(long.reviews[1]).toBe('short');
    expect(long.omitted).toBe(0);
    const full = fitReviews(Array.from({ length: MAX_REVIEWS }, () => 'x'.repeat(4000)));
    expect(full.reviews.reduce((sum, review) => sum + review.length, 0)).toBeLessThanOrEqual(
      MAX_REVIEW_CHARACTERS,
    );
    expect(joinReviews(full.reviews).length).toBeLessThanOrEqual(AVATAR_REVIEWS_MAX_CHARACTERS);
  });

  it('summarises an avatar from what is filled in only', () => {
    const data = emptyAvatarData();
    expect(avatarSummary(data)).toBe('');
    data.demographics.ageBand = '35-44';
    data.demographics.occupation = 'Nurse';
    data.buying.shoppingStyle = 'conscious';
    expect(avatarSummary(data)).toBe('Aged 35–44, Nurse. Conscious shopper.');
  });
});
