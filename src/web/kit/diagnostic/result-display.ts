import type { DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import { DIMENSIONS, type Dimension } from '../../../core/diagnostic/questionnaire.ts';
import { type Band, type DiagnosticScores, scoresFrom } from '../../../core/diagnostic/scoring.ts';

/** A result's scores with the domain's shape, so the shared guidance and ranking functions apply. */
export function scoresOfResult(result: DiagnosticResult): DiagnosticScores {
  const dimensionScores = Object.fromEntries(
    DIMENSIONS.map((dimension) => [dimension, result.scores.dimensions[dimension].score]),
  ) as Record<Dimension, number>;
  return scoresFrom(result.scores.overall, dimensionScores);
}

/** What an overall band means, in a sentence. */
export const OVERALL_BAND_SUMMARIES: Record<Band, string> = {
  strong:
    'Your brand gives customers solid reasons to trust it on every front. The work now is keeping it that way as you grow.',
  good: 'You have a sound foundation. A few focused improvements will make the difference customers notice.',
  developing:
    'The basics are in place, but customers may not yet see a clear reason to choose you over the alternatives.',
  'needs-attention':
    'Your brand isn’t yet doing the work of earning trust. The good news: small, concrete steps move these scores quickly.',
};

/** Oldest first: the order a trend reads in. */
export function chronological(results: readonly DiagnosticResult[]): DiagnosticResult[] {
  return [...results].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}
