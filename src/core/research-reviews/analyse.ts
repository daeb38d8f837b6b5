/**
 * A review run read with the one review engine (ADR 0039): every review's label and themes, and what
 * the analyser page shows — themes with pros and cons quoted verbatim, key phrases, triggers, the
 * month trend, and reviews whose stars and words disagree. Server-side only (the engine carries
 * compromise's word list); the server runs it in a worker thread.
 */
import { analyseReviewSet, quotable } from '../reviews/engine.ts';
import { THEMES, type ThemeId } from '../reviews/themes.ts';
import type { AnalysedReviewRow, ReviewMismatch, ReviewRunResult } from './contracts.ts';
import { REVIEW_RUN_LIMITS } from './limits.ts';

/** One review as imported: its text and whatever else the source had. */
export interface ReviewRecord {
  text: string;
  rating: number | null;
  date: string | null;
  source: string | null;
}

/** 4–5 stars over a complaint, or 1–2 stars over praise, is worth reading again. */
export function mismatchOf(
  rating: number | null,
  label: AnalysedReviewRow['label'],
): ReviewMismatch['kind'] | null {
  if (rating === null) return null;
  if (rating >= 4 && label === 'negative') return 'high-rating-negative-text';
  if (rating <= 2 && label === 'positive') return 'low-rating-positive-text';
  return null;
}

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

export function analyseReviewRun(records: readonly ReviewRecord[]): {
  result: ReviewRunResult;
  reviews: AnalysedReviewRow[];
} {
  const analysis = analyseReviewSet(
    records.map((record) => ({
      text: record.text,
      ...(record.rating !== null ? { rating: record.rating } : {}),
      ...(record.date !== null ? { date: record.date } : {}),
    })),
  );
  const reviews: AnalysedReviewRow[] = analysis.reviews.map((review) => {
    const record = records[review.index] as ReviewRecord;
    const themes = [...new Set(review.sentences.flatMap((sentence) => sentence.themes))];
    return {
      index: review.index,
      text: record.text,
      rating: record.rating,
      date: record.date,
      source: record.source,
      label: review.label,
      score: round(review.score),
      themes: themes.map((theme) => THEMES[theme as ThemeId].label),
    };
  });

  const mismatches: ReviewMismatch[] = [];
  let mismatchCount = 0;
  let ratingSum = 0;
  let rated = 0;
  for (const review of reviews) {
    if (review.rating !== null) {
      rated += 1;
      ratingSum += review.rating;
    }
    const kind = mismatchOf(review.rating, review.label);
    if (!kind || review.rating === null) continue;
    mismatchCount += 1;
    if (mismatches.length < REVIEW_RUN_LIMITS.mismatches)
      mismatches.push({
        review: review.index,
        kind,
        rating: review.rating,
        label: review.label,
        text: quotable(review.text),
      });
  }

  return {
    reviews,
    result: {
      counts: analysis.counts,
      themes: analysis.themes.slice(0, REVIEW_RUN_LIMITS.themes),
      keyPhrases: analysis.keyPhrases
        .slice(0, REVIEW_RUN_LIMITS.keyPhrases)
        .map(({ phrase, count, polarity }) => ({ phrase, count, polarity })),
      triggers: analysis.triggers,
      trend: analysis.trend,
      undated: analysis.undated,
      mismatches,
      mismatchCount,
      rated,
      averageRating: rated > 0 ? round(ratingSum / rated) : null,
    },
  };
}
