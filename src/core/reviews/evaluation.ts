/**
 * How well a sentiment reader and a theme finder agree with the labelled review set: 3-class
 * accuracy and macro-F1 (positive / negative / mixed; an answer of "neutral" — no opinion found —
 * is simply wrong for a review that has one), and theme recall and precision over the reviews that
 * carry theme labels. The unit test holds the engine to its targets with these; ADR 0039 records
 * the same numbers for the candidates it was chosen from.
 */
import { REVIEW_LABELS, type ReviewLabel } from './review-set.ts';
import type { ThemeId } from './themes.ts';

export type PredictedLabel = ReviewLabel | 'neutral';

export interface ClassScore {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface SentimentScores {
  total: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<ReviewLabel, ClassScore>;
}

export function scoreSentiment(
  pairs: readonly { expected: ReviewLabel; predicted: PredictedLabel }[],
): SentimentScores {
  const perClass = {} as Record<ReviewLabel, ClassScore>;
  for (const label of REVIEW_LABELS) {
    const truePositives = pairs.filter((pair) => pair.expected === label && pair.predicted === label).length;
    const predicted = pairs.filter((pair) => pair.predicted === label).length;
    const support = pairs.filter((pair) => pair.expected === label).length;
    const precision = predicted === 0 ? 0 : truePositives / predicted;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[label] = { precision, recall, f1, support };
  }
  const correct = pairs.filter((pair) => pair.expected === pair.predicted).length;
  return {
    total: pairs.length,
    accuracy: pairs.length === 0 ? 0 : correct / pairs.length,
    macroF1: REVIEW_LABELS.reduce((sum, label) => sum + perClass[label].f1, 0) / REVIEW_LABELS.length,
    perClass,
  };
}

export interface ThemeScores {
  /** Labelled (review, theme) pairs the finder found, over all labelled pairs. */
  recall: number;
  /** Found pairs that were labelled, over all pairs found in the labelled reviews. */
  precision: number;
  labelled: number;
}

export function scoreThemes(
  pairs: readonly { expected: readonly ThemeId[]; predicted: readonly ThemeId[] }[],
): ThemeScores {
  let labelled = 0;
  let found = 0;
  let predicted = 0;
  for (const pair of pairs) {
    labelled += pair.expected.length;
    predicted += pair.predicted.length;
    found += pair.expected.filter((theme) => pair.predicted.includes(theme)).length;
  }
  return {
    recall: labelled === 0 ? 0 : found / labelled,
    precision: predicted === 0 ? 0 : found / predicted,
    labelled,
  };
}
