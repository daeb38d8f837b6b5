import { describe, expect, it } from 'vitest';
import { AI_TASK_SCHEMAS } from './contracts.ts';
import { avatarVoice } from './offline-review-tasks.ts';
import { analyseVoiceOfCustomer } from './voice-of-customer.ts';

/** Reviews of a baby stroller, as customers write them: mixed lengths, mixed feelings, some typos. */
const REVIEWS = [
  'Love this stroller! The folding mechanism is so easy that I can do it with one hand while holding the baby. Such a relief on busy mornings.',
  'Sturdy frame and the canopy is huge. We take it on long walks in the park every day and the baby sleeps the whole way.',
  'The customer service team replied within an hour when a wheel squeaked and sent a replacement wheel for free. I trust this brand now.',
  'Delivery was late by two weeks and nobody answered my emails. The straps broke after a month. Very disappointed.',
  'Great stroller for city life, it fits through narrow shop doors and the basket holds a full grocery run.',
  'The folding mechanism jammed twice in the first week. Not worth the price, honestly.',
  'Other parents at nursery keep asking where we got it, I feel proud pushing it. The canopy is huge and keeps the sun off.',
  'It arrived on a Tuesday in a big box.',
  'Wheels are smooth on pavements but the basket is tiny and the straps are hard to adjust.',
  'Finally a stroller that is light enough for the bus. Folding mechanism works well and the customer service team was friendly.',
];

const AVATAR = {
  name: 'Busy city parent',
  summary: 'Parent of a toddler, 25-34, urban, rents a flat without a lift.',
  values: ['Convenience', 'Safety'],
  fears: ['Straps breaking', 'Being ignored by support'],
  desires: ['One-hand folding', 'A huge canopy'],
  triggers: ['relief' as const],
};

describe('voice-of-customer analysis (offline coach for avatar-voice)', () => {
  const analysis = analyseVoiceOfCustomer({ avatar: AVATAR, reviews: REVIEWS });

  it('matches the task’s output schema and counts every review once', () => {
    expect(AI_TASK_SCHEMAS['avatar-voice'].output.safeParse(analysis).success).toBe(true);
    expect(analysis.reviewCount).toBe(REVIEWS.length);
    const { positive, neutral, negative } = analysis.sentiment;
    expect(positive + neutral + negative).toBe(REVIEWS.length);
  });

  it('gives a plausible sentiment split', () => {
    // Six clearly happy reviews, two clearly unhappy, one factual, one mixed.
    expect(analysis.sentiment.positive).toBeGreaterThanOrEqual(5);
    expect(analysis.sentiment.negative).toBeGreaterThanOrEqual(2);
    expect(analysis.sentiment.neutral).toBeGreaterThanOrEqual(1);
    expect(analysis.sentiment.positive).toBeGreaterThan(analysis.sentiment.negative);
  });

  it('finds the noun phrases customers repeat, with their sentiment', () => {
    const phrases = analysis.keyPhrases.map((entry) => entry.phrase);
    expect(phrases).toContain('folding mechanism');
    expect(phrases).toContain('customer service team');
    expect(phrases).toContain('canopy');
    const folding = analysis.keyPhrases.find((entry) => entry.phrase === 'folding mechanism');
    expect(folding?.count).toBe(3);
    const straps = analysis.keyPhrases.find((entry) => entry.phrase === 'strap');
    expect(straps?.sentiment).toBe('negative');
    // Pronouns, durations, generic words and people are not key phrases.
    for (const phrase of phrases)
      expect(['i', 'it', 'week', 'two weeks', 'month', 'baby', 'parent']).not.toContain(phrase);
  });

  it('quotes only verbatim text from the reviews', () => {
    const quotes = [
      ...analysis.quotes.map((quote) => quote.text),
      ...analysis.triggers.flatMap((trigger) => trigger.quotes),
      ...analysis.echoes.flatMap((echo) => (echo.quote ? [echo.quote] : [])),
    ];
    expect(quotes.length).toBeGreaterThan(5);
    for (const quote of quotes) expect(REVIEWS.some((review) => review.includes(quote))).toBe(true);
    const sentiments = new Set(analysis.quotes.map((quote) => quote.sentiment));
    expect(sentiments).toEqual(new Set(['positive', 'negative', 'neutral']));
  });

  it('detects emotional triggers and checks the avatar against the reviews', () => {
    const triggers = analysis.triggers.map((entry) => entry.trigger);
    expect(triggers).toEqual(expect.arrayContaining(['relief', 'trust', 'validation', 'hope']));
    const echo = (tag: string) => analysis.echoes.find((entry) => entry.tag === tag);
    expect(echo('One-hand folding')?.mentions).toBe(1);
    expect(echo('A huge canopy')?.mentions).toBe(2);
    expect(echo('Straps breaking')?.mentions).toBe(1);
    expect(echo('Safety')?.mentions).toBe(0);
    expect(analysis.summary.find((line) => line.startsWith('Not heard'))).toContain('“Safety”');
  });

  it('suggests tags for the right lists and never one the avatar already has', () => {
    expect(analysis.suggestions.values).toContain('Reliability');
    expect(analysis.suggestions.values).not.toContain('Convenience');
    expect(analysis.suggestions.fears).toContain('Strap');
    expect(analysis.suggestions.desires).toContain('Canopy');
    expect(analysis.suggestions.desires).not.toContain('Strap');
  });

  it('is deterministic and reflects different input', () => {
    expect(avatarVoice({ avatar: AVATAR, reviews: REVIEWS })).toEqual(analysis);
    const angry = analyseVoiceOfCustomer({
      avatar: AVATAR,
      reviews: ['Terrible. It broke on day one and the refund never came.', 'Awful wheels, awful seat.'],
    });
    expect(angry.sentiment).toEqual({ positive: 0, neutral: 0, negative: 2 });
  });
});
