/**
 * The diagnostic as the coach reads it: the result the task names, or the latest of the request's
 * brand, with the scores per dimension and what the weakest one means. Only that brand's results
 * count: another brand's take says nothing about this one.
 */
import { CONTEXT_SECTIONS } from '../../../core/ai/context-sections.ts';
import type { DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import { guidanceFor } from '../../../core/diagnostic/guidance.ts';
import { DIMENSION_LABELS, DIMENSIONS } from '../../../core/diagnostic/questionnaire.ts';
import { BAND_LABELS, dimensionsByWeakness, scoresFrom } from '../../../core/diagnostic/scoring.ts';
import { formatDay, SERVER_TIME_ZONE } from '../../../core/text/dates.ts';
import type { ContextSource, SourceRequest } from '../../ai/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { DiagnosticService } from './service.ts';

/**
 * `latest` reads the brand's newest result (the app passes the coach's shared brand read); a result
 * the task names is read by id.
 */
export function diagnosticContextSource(
  diagnostic: Pick<DiagnosticService, 'get'>,
  latest: (request: SourceRequest & { brandId: string }) => Promise<DiagnosticResult | null>,
): ContextSource {
  return async (request) => {
    const { userId, brandId, input } = request;
    // Every task that reads the diagnostic names a brand; without one there is nothing to read.
    if (!brandId) return { coach: { diagnostic: null }, section: null };
    const resultId = typeof input.resultId === 'string' ? input.resultId : null;
    let result = resultId ? await diagnostic.get(resultId, { userId, anonymousToken: null, ip: '' }) : null;
    if (result && result.brandId !== brandId) {
      // The same answer as for someone else's result: a result of another brand is not this one's.
      throw new AppError(404, 'NOT_FOUND', 'No diagnostic result with this id belongs to this brand.');
    }
    result ??= await latest({ ...request, brandId });
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
