/** A brand's diagnostic results, shared by the history page and the dashboard. */
import { queryOptions } from '@tanstack/react-query';
import type { DiagnosticHistoryResponse } from '../../../core/diagnostic/contracts.ts';
import { request } from '../../lib/api-client.ts';

export const diagnosticKeys = {
  all: ['diagnostic'] as const,
  /** Every brand's history (what a new result invalidates); one brand's is `historyOf(brandId)`. */
  history: ['diagnostic', 'history'] as const,
  historyOf: (brandId: string) => ['diagnostic', 'history', brandId] as const,
  result: (id: string) => ['diagnostic', 'result', id] as const,
};

function listDiagnosticResults(brandId: string): Promise<DiagnosticHistoryResponse> {
  return request(
    'GET',
    `/api/diagnostic/results?brandId=${encodeURIComponent(brandId)}`,
    'diagnosticHistoryResponseSchema',
  );
}

/** One brand's results, newest first. */
export function historyQuery(brandId: string) {
  return queryOptions({
    queryKey: diagnosticKeys.historyOf(brandId),
    queryFn: () => listDiagnosticResults(brandId),
  });
}
