import { describe, expect, it } from 'vitest';
import { analyseReviewSet, findMentions, monthOf } from './engine.ts';
import { scoreSentiment, scoreThemes } from './evaluation.ts';
import { readReview } from './review.ts';
import { REVIEW_CATEGORIES, REVIEW_LABELS, REVIEW_SET } from './review-set.ts';

/** The label the engine gives one review on its own. */
const labelOf = (text: string) => readReview(text).label;

describe('the labelled review set', () => {
  it('is large, balanced, spread over categories and partly themed, dated and rated', () => {
    expect(REVIEW_SET.length).toBeGreaterThanOrEqual(300);
    for (const label of REVIEW_LABELS) {
      const share = REVIEW_SET.filter((review) => review.label === label).length / REVIEW_SET.length;
      expect(share).toBeGreaterThan(0.3);
    }
    for (const category of REVIEW_CATEGORIES)
      expect(REVIEW_SET.filter((review) => review.category === category).length).toBeGreaterThanOrEqual(60);
    expect(REVIEW_SET.filter((review) => review.themes).length).toBeGreaterThanOrEqual(100);
    expect(REVIEW_SET.filter((review) => review.date).length).toBeGreaterThan(100);
    expect(REVIEW_SET.filter((review) => review.rating).length).toBeGreaterThan(100);
    expect(new Set(REVIEW_SET.map((review) => review.id)).size).toBe(REVIEW_SET.length);
  });
});

describe('review engine on the labelled set (targets of ADR 0039)', () => {
  const analysis = analyseReviewSet(
    REVIEW_SET.map((review) => ({ text: review.text, rating: review.rating, date: review.date })),
  );
  const pairs = REVIEW_SET.map((review, index) => ({
    expected: review.label,
    predicted: analysis.reviews[index]?.label ?? 'neutral',
  }));

  it('labels reviews positive, negative or mixed with accuracy ≥ 85 % and macro-F1 ≥ 0.80', () => {
    const scores = scoreSentiment(pairs);
    expect(scores.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(scores.macroF1).toBeGreaterThanOrEqual(0.8);
    // No class is sacrificed for the average.
    for (const label of REVIEW_LABELS) expect(scores.perClass[label].f1).toBeGreaterThanOrEqual(0.75);
  });

  it('finds the labelled themes with recall ≥ 0.8', () => {
    const themed = REVIEW_SET.flatMap((review, index) =>
      review.themes
        ? [
            {
              expected: review.themes,
              predicted: [
                ...new Set(analysis.reviews[index]?.sentences.flatMap((sentence) => sentence.themes)),
              ],
            },
          ]
        : [],
    );
    const scores = scoreThemes(themed);
    expect(scores.labelled).toBeGreaterThanOrEqual(100);
    expect(scores.recall).toBeGreaterThanOrEqual(0.8);
    expect(scores.precision).toBeGreaterThanOrEqual(0.7);
  });

  it('quotes pros and cons as whole sentences of the review they come from', () => {
    const quotes = analysis.themes.flatMap((theme) => [...theme.pros, ...theme.cons]);
    expect(quotes.length).toBeGreaterThan(50);
    for (const quote of quotes) {
      const source = REVIEW_SET[quote.review]?.text ?? '';
      expect(source).toContain(quote.text);
      expect(analysis.reviews[quote.review]?.sentences.map((sentence) => sentence.text)).toContain(
        quote.text,
      );
    }
    const price = analysis.themes.find((theme) => theme.key === 'price');
    expect(price?.cons.length).toBeGreaterThan(0);
    expect(price?.pros.length).toBeGreaterThan(0);
  });

  it('gives a month-by-month trend for the dated reviews', () => {
    const dated = REVIEW_SET.filter((review) => review.date).length;
    expect(analysis.trend.reduce((sum, month) => sum + month.count, 0)).toBe(dated);
    expect(analysis.undated).toBe(REVIEW_SET.length - dated);
    const months = analysis.trend.map((month) => month.month);
    expect(months).toEqual([...months].sort());
    for (const month of analysis.trend)
      expect(month.positive + month.negative + month.mixed + month.neutral).toBe(month.count);
  });
});

describe('what a new user saw misread', () => {
  it('hears price complaints as complaints', () => {
    expect(labelOf('For $34 I expected better packing. The lid was loose.')).toBe('negative');
    expect(labelOf('For $34 I expected better packing.')).toBe('negative');
    expect(labelOf('I can get two big ones at Target for the same money.')).toBe('negative');
    expect(labelOf('Overpriced for what it is.')).toBe('negative');
    expect(readReview('For $34 I expected better packing.').sentences[0]?.cues.has('price')).toBe(true);
  });

  it('hears a weak effect as a complaint', () => {
    expect(labelOf('I can barely smell it.')).toBe('negative');
    expect(labelOf('Hardly any scent once lit, even in a small room.')).toBe('negative');
  });

  it('reads a negated complaint as relief', () => {
    expect(labelOf("Finally a candle that doesn't give me a headache")).toBe('positive');
    expect(labelOf('No soot, no tunnelling, no drama.')).toBe('positive');
    expect(labelOf('Not bad at all!')).toBe('positive');
    expect(labelOf('Not worth the money.')).toBe('negative');
  });

  it('weighs the clause after "but" and keeps two different points as mixed', () => {
    expect(labelOf('A bit pricey, but worth every penny.')).toBe('positive');
    expect(labelOf('The scent is lovely but it burned out in under 15 hours.')).toBe('mixed');
    expect(labelOf('Gorgeous colour, flimsy fabric.')).toBe('mixed');
  });

  it('hears intensifiers and sarcasm', () => {
    const plain = readReview('The wick is good.');
    const boosted = readReview('The wick is really good.');
    expect(boosted.score).toBeGreaterThan(plain.score);
    expect(labelOf('Oh great, another candle that smells like absolutely nothing. Just what I needed.')).toBe(
      'negative',
    );
    expect(labelOf('Oh wonderful, it logged me out mid-invoice again. Love that for me.')).toBe('negative');
  });

  it('says neutral when a review voices no opinion', () => {
    expect(labelOf('It arrived on a Tuesday in a big box.')).toBe('neutral');
  });

  it('groups what customers say into themes, not one word counted four times', () => {
    const analysis = analyseReviewSet(
      [
        'For $34 I expected better packing.',
        'I can get two big ones at Target for that price.',
        'I can barely smell it.',
        "Finally a candle that doesn't give me a headache.",
      ].map((text) => ({ text })),
    );
    expect(analysis.counts).toEqual({ positive: 1, negative: 3, mixed: 0, neutral: 0 });
    const keys = analysis.themes.map((theme) => theme.key);
    expect(keys).toEqual(expect.arrayContaining(['price', 'packaging', 'scent', 'health']));
    expect(analysis.themes.find((theme) => theme.key === 'price')?.negative).toBe(2);
    expect(analysis.themes.find((theme) => theme.key === 'health')?.pros[0]?.text).toBe(
      "Finally a candle that doesn't give me a headache.",
    );
  });

  it('hears an avatar’s fear through lemmas, stems and synonyms', () => {
    const analysis = analyseReviewSet(
      [
        'The first one gave me a headache within an hour.',
        "Finally a candle that doesn't give me a headache.",
        'The straps broke after a month.',
        'Lovely colours.',
      ].map((text) => ({ text })),
    );
    expect(findMentions(analysis, 'Headaches from fake scents').map((quote) => quote.review)).toEqual([0, 1]);
    expect(findMentions(analysis, 'Straps breaking')).toEqual([
      { review: 2, text: 'The straps broke after a month.' },
    ]);
    expect(findMentions(analysis, 'Safety')).toEqual([]);
    expect(findMentions(analysis, 'A strong smell')).toEqual([]);
  });
});

describe('review engine details', () => {
  it('reads the dates shops export and ignores the rest', () => {
    expect(monthOf('2025-03-14')).toBe('2025-03');
    expect(monthOf('2025-03-14T10:00:00Z')).toBe('2025-03');
    expect(monthOf('14 March 2025')).toBe('2025-03');
    expect(monthOf('Mar 4, 2025')).toBe('2025-03');
    expect(monthOf('2025-13-01')).toBeUndefined();
    expect(monthOf('yesterday')).toBeUndefined();
    expect(monthOf(undefined)).toBeUndefined();
  });

  it('skips blank reviews and keeps the input order in its indexes', () => {
    const analysis = analyseReviewSet([{ text: '  ' }, { text: 'Terrible.' }]);
    expect(analysis.reviews.map((review) => review.index)).toEqual([1]);
    expect(analysis.counts.negative).toBe(1);
  });

  it('counts emotional triggers once per review and ignores a denied one', () => {
    const analysis = analyseReviewSet([
      { text: 'Such a relief. So easy to set up.' },
      { text: 'It was not easy to assemble at all.' },
    ]);
    const relief = analysis.triggers.find((finding) => finding.trigger === 'relief');
    expect(relief?.mentions).toBe(1);
    expect(relief?.quotes).toEqual([{ review: 0, text: 'Such a relief.' }]);
  });
});
