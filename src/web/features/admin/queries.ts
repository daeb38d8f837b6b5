import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const adminKeys = {
  all: ['admin'] as const,
  usage: (days: number) => ['admin', 'usage', days] as const,
  budget: ['admin', 'budget'] as const,
  calls: ['admin', 'calls'] as const,
  prompts: ['admin', 'prompts'] as const,
};

export const usageQuery = (days: number) =>
  queryOptions({
    queryKey: adminKeys.usage(days),
    queryFn: () => api.getAdminUsage(days),
    placeholderData: (previous) => previous,
  });
export const budgetQuery = queryOptions({ queryKey: adminKeys.budget, queryFn: api.getAdminBudget });
export const callsQuery = queryOptions({ queryKey: adminKeys.calls, queryFn: () => api.listAdminCalls(50) });
export const promptsQuery = queryOptions({ queryKey: adminKeys.prompts, queryFn: api.listPrompts });
