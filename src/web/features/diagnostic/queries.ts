import { queryOptions } from '@tanstack/react-query';
import { diagnosticKeys } from '../../kit/diagnostic/history.ts';
import { diagnosticApi } from './api.ts';

export function resultQuery(id: string) {
  return queryOptions({
    queryKey: diagnosticKeys.result(id),
    queryFn: () => diagnosticApi.getDiagnosticResult(id),
  });
}
