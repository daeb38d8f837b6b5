import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const diagnosticKeys = {
  all: ['diagnostic'] as const,
  history: ['diagnostic', 'history'] as const,
  result: (id: string) => ['diagnostic', 'result', id] as const,
};

/** The signed-in user's results, newest first. */
export const historyQuery = queryOptions({
  queryKey: diagnosticKeys.history,
  queryFn: api.listDiagnosticResults,
});

export function resultQuery(id: string) {
  return queryOptions({
    queryKey: diagnosticKeys.result(id),
    queryFn: () => api.getDiagnosticResult(id),
  });
}
