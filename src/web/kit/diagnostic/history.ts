/** The signed-in user's diagnostic results, shared by the history page and the dashboard. */
import { queryOptions } from '@tanstack/react-query';
import type { DiagnosticHistoryResponse } from '../../../core/diagnostic/contracts.ts';
import { request } from '../../lib/api-client.ts';

export const diagnosticKeys = {
  all: ['diagnostic'] as const,
  history: ['diagnostic', 'history'] as const,
  result: (id: string) => ['diagnostic', 'result', id] as const,
};

function listDiagnosticResults(): Promise<DiagnosticHistoryResponse> {
  return request('GET', '/api/diagnostic/results', 'diagnosticHistoryResponseSchema');
}

/** The signed-in user's results, newest first. */
export const historyQuery = queryOptions({
  queryKey: diagnosticKeys.history,
  queryFn: listDiagnosticResults,
});
