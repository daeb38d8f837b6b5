import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const settingsKeys = {
  sessions: ['settings', 'sessions'] as const,
  aiUsage: ['ai', 'usage'] as const,
};

/** The account's signed-in devices, this one first. */
export const activeSessionsQuery = queryOptions({
  queryKey: settingsKeys.sessions,
  queryFn: api.listActiveSessions,
});

/** Today's AI requests: used, limit, remaining and when the count resets. */
export const aiUsageQuery = queryOptions({
  queryKey: settingsKeys.aiUsage,
  queryFn: api.getAiUsage,
});
