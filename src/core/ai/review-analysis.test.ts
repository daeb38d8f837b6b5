import { describe, expect, it } from 'vitest';
import { REVIEW_SET } from '../reviews/review-set.ts';
import { AI_TASK_SCHEMAS } from './contracts.ts';
import { analyseReviews } from './review-analysis.ts';
import { analyseVoiceOfCustomer } from './voice-of-customer.ts';

/** The reviews a new user pasted into both analyses and got two different readings of. */
const CANDLE_REVIEWS = [
  'For $34 I expected better packing. The jar arrived with a cracked lid.',
  'I can get two big ones at Target for the price of this one.',
  'I can barely smell it, even in the bathroom.',
  "Finally a candle that doesn't give me a headache. The fig scent is lovely.",
  'Beautiful scent, but it burned out in under 15 hours.',
];

const AVATAR = { name: 'Candle lover', summary: '', values: [], fears: [], desires: [], triggers: [] };

describe('review-analysis (offline)', () => {
  it('reads complaints as complaints and relief as praise, in the task’s shape', () => {
    const analysis = analyseReviews(CANDLE_REVIEWS);
    expect(AI_TASK_SCHEMAS['review-analysis'].output.safeParse(analysis).success).toBe(true);
    // Three complaints, one relief, one mixed review (counted as neutral by the contract).
    expect(analysis.sentiment).toEqual({ positive: 1, neutral: 1, negative: 3 });
    expect(analysis.trustGaps.map((gap) => gap.issue)).toContain('Price feels higher than the value');
    const price = analysis.trustGaps.find((gap) => gap.issue === 'Price feels higher than the value');
    expect(price?.quotes).toEqual([
      'For $34 I expected better packing.',
      'I can get two big ones at Target for the price of this one.',
    ]);
    expect(analysis.triggers.find((trigger) => trigger.trigger === 'relief')?.quotes).toEqual([
      "Finally a candle that doesn't give me a headache.",
    ]);
    // Recurring phrases are what customers talk about, not the product named in every review.
    const candles = analyseReviews(
      CANDLE_REVIEWS.map(
        (review, index) => `${review} This candle came ${index < 2 ? 'in a gift box' : 'loose'}.`,
      ),
    );
    expect(candles.topPhrases.map((entry) => entry.phrase)).not.toContain('candle');
    expect(candles.topPhrases.map((entry) => entry.phrase)).toContain('box');
  });

  it('counts sentiment exactly as the avatar voice-of-customer analysis does, for any texts', () => {
    const sets = [
      CANDLE_REVIEWS,
      REVIEW_SET.slice(0, 120).map((review) => review.text),
      REVIEW_SET.slice(200, 320).map((review) => review.text),
      ['It arrived on a Tuesday in a big box.', 'Terrible.', 'Great, thanks!'],
    ];
    for (const reviews of sets) {
      const task = analyseReviews(reviews);
      const voice = analyseVoiceOfCustomer({ avatar: AVATAR, reviews });
      expect(task.sentiment).toEqual(voice.sentiment);
      expect(task.sentiment.positive + task.sentiment.neutral + task.sentiment.negative).toBe(reviews.length);
    }
  });

  it('hears the avatar’s fear of headaches in the reviews that mention one', () => {
    const voice = analyseVoiceOfCustomer({
      avatar: { ...AVATAR, fears: ['Headaches from fake scents'], desires: ['Strong scent throw'] },
      reviews: [...CANDLE_REVIEWS, 'The lavender gave me a headache within twenty minutes.'],
    });
    const fear = voice.echoes.find((echo) => echo.tag === 'Headaches from fake scents');
    expect(fear?.mentions).toBe(2);
    expect(fear?.quote).toBe("Finally a candle that doesn't give me a headache.");
    expect(voice.summary.join(' ')).not.toMatch(/Not heard[^.]*Headaches from fake scents/);
  });
});
