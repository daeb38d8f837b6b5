import { queryOptions } from '@tanstack/react-query';
import { settingsApi } from './api.ts';

export const settingsKeys = {
  sessions: ['settings', 'sessions'] as const,
};

/** The account's signed-in devices, this one first. */
export const activeSessionsQuery = queryOptions({
  queryKey: settingsKeys.sessions,
  queryFn: settingsApi.listActiveSessions,
});
