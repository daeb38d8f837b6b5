import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api-client.ts';

/**
 * Today's AI requests: used, limit, remaining and when the count resets. One cache entry for every
 * page that shows it (the coach, the dashboard, settings), so a chat turn refreshes them all.
 */
export const aiUsageQuery = queryOptions({
  queryKey: ['ai', 'usage'] as const,
  queryFn: () => request('GET', '/api/ai/usage', 'aiUsageSchema'),
});

export function useAiUsage() {
  return useQuery(aiUsageQuery);
}
