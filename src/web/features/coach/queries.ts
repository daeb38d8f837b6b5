import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { ChatSession, ChatSessionList } from '../../../core/ai/chat-contracts.ts';
import { api } from '../../lib/api.ts';

export const coachKeys = {
  all: ['coach'] as const,
  sessions: ['coach', 'sessions'] as const,
  sessionList: (brandId: string | null, query: string) =>
    ['coach', 'sessions', brandId ?? 'all', query] as const,
  // Under `sessions`, so refreshing the lists (e.g. after the first message names it) refreshes it too.
  session: (sessionId: string) => ['coach', 'sessions', 'one', sessionId] as const,
  messages: (sessionId: string) => ['coach', 'messages', sessionId] as const,
  usage: ['coach', 'usage'] as const,
};

/**
 * The conversations about a brand (and those from before brands existed), newest first; a non-empty
 * `query` searches titles and messages.
 */
export function sessionListQuery(brandId: string | null, query: string) {
  return queryOptions({
    queryKey: coachKeys.sessionList(brandId, query),
    queryFn: () => api.listChatSessions({ query: query || undefined, brandId: brandId ?? undefined }),
    placeholderData: (previous) => previous,
  });
}

/** One conversation, whichever brand it belongs to. */
export function sessionQuery(sessionId: string) {
  return queryOptions({
    queryKey: coachKeys.session(sessionId),
    queryFn: () => api.getChatSession(sessionId),
  });
}

export function messagesQuery(sessionId: string) {
  return queryOptions({
    queryKey: coachKeys.messages(sessionId),
    queryFn: () => api.listChatMessages(sessionId),
  });
}

/** Today's AI requests: used, left and when the count resets. */
export const usageQuery = queryOptions({
  queryKey: coachKeys.usage,
  queryFn: api.getAiUsage,
});

/**
 * A conversation just created is put in the cached list at once, so opening it never shows "not
 * found" while the list is fetched again.
 */
export function rememberNewSession(queryClient: QueryClient, session: ChatSession) {
  queryClient.setQueryData(coachKeys.session(session.id), session);
  queryClient.setQueryData<ChatSessionList>(coachKeys.sessionList(session.brandId, ''), (current) =>
    current
      ? { sessions: [session, ...current.sessions.filter((known) => known.id !== session.id)] }
      : current,
  );
  queryClient.setQueryData(coachKeys.messages(session.id), { messages: [] });
  void queryClient.invalidateQueries({ queryKey: coachKeys.sessions });
}
