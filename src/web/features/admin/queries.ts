import { queryOptions } from '@tanstack/react-query';
import { adminApi } from './api.ts';

export const adminKeys = {
  all: ['admin'] as const,
  usage: (days: number) => ['admin', 'usage', days] as const,
  budget: ['admin', 'budget'] as const,
  calls: ['admin', 'calls'] as const,
  prompts: ['admin', 'prompts'] as const,
  system: ['admin', 'system'] as const,
  users: (query: string) => ['admin', 'users', query] as const,
  user: (userId: string) => ['admin', 'user', userId] as const,
  auditLog: (query: string) => ['admin', 'audit-log', query] as const,
  leads: ['admin', 'leads'] as const,
  beta: ['admin', 'beta'] as const,
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
export const leadsQuery = queryOptions({ queryKey: adminKeys.leads, queryFn: adminApi.listLeads });
export const betaOverviewQuery = queryOptions({
  queryKey: adminKeys.beta,
  queryFn: adminApi.getBetaOverview,
});
/** One page of the user list; the query string holds the filters and the page. */
export const usersQuery = (query: string) =>
  queryOptions({
    queryKey: adminKeys.users(query),
    queryFn: () => adminApi.listUsers(query),
    placeholderData: (previous) => previous,
  });
export const userQuery = (userId: string) =>
  queryOptions({ queryKey: adminKeys.user(userId), queryFn: () => adminApi.getUser(userId) });
export const auditLogQuery = (query: string) =>
  queryOptions({
    queryKey: adminKeys.auditLog(query),
    queryFn: () => adminApi.listAuditLog(query),
    placeholderData: (previous) => previous,
  });
