import { queryOptions } from '@tanstack/react-query';
import { adminApi } from './api.ts';

export const adminKeys = {
  all: ['admin'] as const,
  usage: (days: number) => ['admin', 'usage', days] as const,
  budget: ['admin', 'budget'] as const,
  calls: ['admin', 'calls'] as const,
  prompts: ['admin', 'prompts'] as const,
  system: ['admin', 'system'] as const,
};

export const usageQuery = (days: number) =>
  queryOptions({
    queryKey: adminKeys.usage(days),
    queryFn: () => adminApi.getAdminUsage(days),
    placeholderData: (previous) => previous,
  });
export const budgetQuery = queryOptions({ queryKey: adminKeys.budget, queryFn: adminApi.getAdminBudget });
export const callsQuery = queryOptions({
  queryKey: adminKeys.calls,
  queryFn: () => adminApi.listAdminCalls(50),
});
export const promptsQuery = queryOptions({ queryKey: adminKeys.prompts, queryFn: adminApi.listPrompts });
export const systemQuery = queryOptions({ queryKey: adminKeys.system, queryFn: adminApi.getSystemStatus });
