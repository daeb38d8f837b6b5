import { DIMENSIONS, type Dimension, type Questionnaire } from './questionnaire.ts';

export const BANDS = ['strong', 'good', 'developing', 'needs-attention'] as const;
export type Band = (typeof BANDS)[number];

export const BAND_LABELS: Record<Band, string> = {
  strong: 'Strong',
  good: 'Good',
  developing: 'Developing',
  'needs-attention': 'Needs attention',
};

/** Answers keyed by question id, each 1–5. */
export type Answers = Readonly<Record<string, number>>;

export interface DimensionScore {
  dimension: Dimension;
  score: number;
  band: Band;
}

export interface DiagnosticScores {
  overall: number;
  overallBand: Band;
  dimensions: Record<Dimension, DimensionScore>;
}

export function bandFor(score: number): Band {
  if (score >= 80) return 'strong';
  if (score >= 60) return 'good';
  if (score >= 40) return 'developing';
  return 'needs-attention';
}

/** 0–100: round((mean − 1) / 4 × 100). Integer arithmetic keeps the .5 cases exact. */
export function dimensionScore(values: readonly number[]): number {
  if (values.length === 0) throw new Error('a dimension needs at least one answer');
  const sum = values.reduce((total, value) => total + value, 0);
  return Math.round(((sum - values.length) * 100) / (4 * values.length));
}

/**
 * Scores a complete, validated set of answers. Overall = round(mean of the four dimension scores).
 * Validation (unknown or missing questions, out-of-range values) happens at the API boundary.
 */
export function scoreAnswers(questionnaire: Questionnaire, answers: Answers): DiagnosticScores {
  const dimensions = {} as Record<Dimension, DimensionScore>;
  for (const dimension of DIMENSIONS) {
    const values = questionnaire.questions
      .filter((question) => question.dimension === dimension)
      .map((question) => {
        const value = answers[question.id];
        if (value === undefined) throw new Error(`missing answer for ${question.id}`);
        return value;
      });
    const score = dimensionScore(values);
    dimensions[dimension] = { dimension, score, band: bandFor(score) };
  }
  const total = DIMENSIONS.reduce((sum, dimension) => sum + dimensions[dimension].score, 0);
  const overall = Math.round(total / DIMENSIONS.length);
  return { overall, overallBand: bandFor(overall), dimensions };
}

/** Dimensions from weakest to strongest; ties keep the I-D-E-A order, so the result is stable. */
export function dimensionsByWeakness(scores: DiagnosticScores): DimensionScore[] {
  return DIMENSIONS.map((dimension) => scores.dimensions[dimension]).sort((a, b) => a.score - b.score);
}

/** The dimensions to work on first: every dimension within 10 points of the weakest (at most two). */
export function focusDimensions(scores: DiagnosticScores): DimensionScore[] {
  const [weakest, ...rest] = dimensionsByWeakness(scores);
  if (!weakest) return [];
  const close = rest.filter((entry) => entry.score - weakest.score <= 10 && entry.score < 80).slice(0, 1);
  return [weakest, ...close];
}

/**
 * Full scores, bands included, from the numbers a stored or transmitted result carries. Bands are
 * derived rather than trusted, so every consumer labels a score the same way.
 */
export function scoresFrom(
  overall: number,
  dimensionScores: Readonly<Record<Dimension, number>>,
): DiagnosticScores {
  const dimensions = {} as Record<Dimension, DimensionScore>;
  for (const dimension of DIMENSIONS) {
    const score = dimensionScores[dimension];
    dimensions[dimension] = { dimension, score, band: bandFor(score) };
  }
  return { overall, overallBand: bandFor(overall), dimensions };
}
