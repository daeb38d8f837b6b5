/**
 * Conversations as every page sees them: their cache keys, starting one, and the router state that
 * carries a first question into it. The coach pages (features/coach) and every "Ask the coach"
 * button share these.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ChatSession, ChatSessionList } from '../../../core/ai/chat-contracts.ts';
import { request } from '../../lib/api-client.ts';

export const coachKeys = {
  all: ['coach'] as const,
  sessions: ['coach', 'sessions'] as const,
  sessionList: (brandId: string | null, query: string) =>
    ['coach', 'sessions', brandId ?? 'all', query] as const,
  // Under `sessions`, so refreshing the lists (e.g. after the first message names it) refreshes it too.
  session: (sessionId: string) => ['coach', 'sessions', 'one', sessionId] as const,
  messages: (sessionId: string) => ['coach', 'messages', sessionId] as const,
};

/** Where conversations live in the API; one is `${CHAT_SESSIONS_API}/<id>`. */
export const CHAT_SESSIONS_API = '/api/ai/chat/sessions';

/** A conversation always belongs to a brand: the coach reads that brand's workspace only. */
export function createChatSession(options: { title?: string | undefined; brandId: string }) {
  return request('POST', CHAT_SESSIONS_API, 'chatSessionSchema', {
    ...(options.title ? { title: options.title } : {}),
    brandId: options.brandId,
  });
}

/** Asked for while the brand list is still loading (the button is disabled then, so rarely). */
export const BRAND_NOT_READY = 'Your brands are still loading. Please try again in a moment.';

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

/** Router state an "Ask the coach" link may carry: a first question to put in the composer. */
export interface CoachLocationState {
  starter?: string;
}
