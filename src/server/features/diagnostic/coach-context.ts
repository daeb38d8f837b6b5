/**
 * The diagnostic as the coach reads it: the result the task names, or the latest of the request's
 * brand, with the scores per dimension and what the weakest one means. Only that brand's results
 * count: another brand's take says nothing about this one.
 */
import { CONTEXT_SECTIONS } from '../../../core/ai/context-sections.ts';
import { guidanceFor } from '../../../core/diagnostic/guidance.ts';
import { DIMENSION_LABELS, DIMENSIONS } from '../../../core/diagnostic/questionnaire.ts';
import { BAND_LABELS, dimensionsByWeakness, scoresFrom } from '../../../core/diagnostic/scoring.ts';
import { formatDay, SERVER_TIME_ZONE } from '../../../core/text/dates.ts';
import type { ContextSource } from '../../ai/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { DiagnosticService } from './service.ts';

export function diagnosticContextSource(
  diagnostic: Pick<DiagnosticService, 'get' | 'latest'>,
): ContextSource {
  return async ({ userId, brandId, input }) => {
    // Every task that reads the diagnostic names a brand; without one there is nothing to read.
    if (!brandId) return { coach: { diagnostic: null }, section: null };
    const resultId = typeof input.resultId === 'string' ? input.resultId : null;
    let result = resultId ? await diagnostic.get(resultId, { userId, anonymousToken: null, ip: '' }) : null;
    if (result && result.brandId !== brandId) {
      // The same answer as for someone else's result: a result of another brand is not this one's.
      throw new AppError(404, 'NOT_FOUND', 'No diagnostic result with this id belongs to this brand.');
    }
    result ??= await diagnostic.latest(userId, brandId);
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
      `Taken ${formatDay(result.createdAt, { timeZone: SERVER_TIME_ZONE })}. Overall ${scores.overall}/100 (${BAND_LABELS[scores.overallBand]}).`,
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
      section: { ...CONTEXT_SECTIONS.diagnostic, text: lines.filter(Boolean).join('\n') },
    };
  };
}
