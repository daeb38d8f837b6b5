/**
 * One review read as a whole: its sentences located verbatim, scored, and a label — positive,
 * negative, mixed, or neutral when it voices no opinion at all.
 */
import {
  type Polarity,
  polarityOf,
  type ScoredSentence,
  scoreSentence,
  segmentFactor,
  sentenceScore,
  settleBetween,
} from './sentiment.ts';
import { splitSentences } from './tokens.ts';

export type ReviewSentiment = 'positive' | 'negative' | 'mixed' | 'neutral';

export interface ReadSentence extends ScoredSentence {
  /** Where the sentence stands in the review. */
  start: number;
  end: number;
  score: number;
  polarity: Polarity;
}

export interface ReadReview {
  sentences: ReadSentence[];
  /** Weighted praise and complaint in the review. */
  positive: number;
  negative: number;
  score: number;
  label: ReviewSentiment;
}

/** A review is mixed when its lesser side is at least this share of its greater side. */
export const MIXED_RATIO = 0.4;
/** Below this much opinion in total, a review is neutral. */
const OPINION_FLOOR = 0.5;

export function readReview(text: string): ReadReview {
  const spans = splitSentences(text);
  const scored = spans.map((span) => scoreSentence(span.text));
  settleBetween(scored);
  let positive = 0;
  let negative = 0;
  let tails = 0;
  for (const sentence of scored)
    for (const segment of sentence.segments) {
      const factor = segmentFactor(segment);
      positive += segment.praise * factor;
      negative += segment.complaint * factor;
      // Middling words ("fine", "decent") lean neither way: they pull a review towards mixed.
      positive += segment.middling;
      negative += segment.middling;
      tails += segment.tail;
    }
  // A sarcasm tail ("just what I needed") in a review that otherwise complains is one more complaint.
  if (tails !== 0) {
    if (negative > positive) {
      negative += Math.abs(tails);
      for (const sentence of scored)
        for (const segment of sentence.segments) segment.tail = -Math.abs(segment.tail);
    } else positive += Math.max(0, tails);
  }
  const sentences = scored.map((sentence, index) => {
    const span = spans[index] as (typeof spans)[number];
    const score = sentenceScore(sentence);
    return { ...sentence, start: span.start, end: span.end, score, polarity: polarityOf(score) };
  });
  return { sentences, positive, negative, score: positive - negative, label: labelOf(positive, negative) };
}

export function labelOf(positive: number, negative: number): ReviewSentiment {
  if (positive + negative < OPINION_FLOOR) return 'neutral';
  const lesser = Math.min(positive, negative);
  const greater = Math.max(positive, negative);
  if (lesser / greater >= MIXED_RATIO - 1e-9) return 'mixed';
  return positive > negative ? 'positive' : 'negative';
}
