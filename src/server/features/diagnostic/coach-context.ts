/**
 * The diagnostic as the coach reads it: the result the task names, or the user's latest, with the
 * scores per dimension and what the weakest one means.
 */
import { guidanceFor } from '../../../core/diagnostic/guidance.ts';
import { DIMENSION_LABELS, DIMENSIONS } from '../../../core/diagnostic/questionnaire.ts';
import { BAND_LABELS, dimensionsByWeakness, scoresFrom } from '../../../core/diagnostic/scoring.ts';
import type { ContextSource } from '../../ai/context.ts';
import type { DiagnosticService } from './service.ts';

export function diagnosticContextSource(
  diagnostic: Pick<DiagnosticService, 'get' | 'latest'>,
): ContextSource {
  return async ({ userId, input }) => {
    const resultId = typeof input.resultId === 'string' ? input.resultId : null;
    const result = resultId
      ? await diagnostic.get(resultId, { userId, anonymousToken: null, ip: '' })
      : await diagnostic.latest(userId);
    if (!result) return { coach: { diagnostic: null }, section: null };
    const { dimensions } = result.scores;
    const scores = scoresFrom(result.scores.overall, {
      insight: dimensions.insight.score,
      distinctive: dimensions.distinctive.score,
      empathetic: dimensions.empathetic.score,
      authentic: dimensions.authentic.score,
    });
    const [weakest] = dimensionsByWeakness(scores);
    const lines = [
      `Taken ${result.createdAt.slice(0, 10)}. Overall ${scores.overall}/100 (${BAND_LABELS[scores.overallBand]}).`,
      ...DIMENSIONS.map(
        (dimension) =>
          `- ${DIMENSION_LABELS[dimension]}: ${scores.dimensions[dimension].score}/100 (${BAND_LABELS[scores.dimensions[dimension].band]})`,
      ),
      weakest
        ? `Weakest: ${DIMENSION_LABELS[weakest.dimension]}. ${guidanceFor(weakest.dimension, weakest.band).explanation}`
        : '',
    ];
    return {
      coach: { diagnostic: { takenAt: result.createdAt, scores } },
      section: { name: 'Latest IDEA diagnostic', priority: 10, text: lines.filter(Boolean).join('\n') },
    };
  };
}
