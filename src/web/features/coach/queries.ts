import { queryOptions } from '@tanstack/react-query';
import { coachKeys } from '../../kit/coach/sessions.ts';
import { coachApi } from './api.ts';

/**
 * The conversations about a brand (and those from before brands existed), newest first; a non-empty
 * `query` searches titles and messages.
 */
export function sessionListQuery(brandId: string | null, query: string) {
  return queryOptions({
    queryKey: coachKeys.sessionList(brandId, query),
    queryFn: () => coachApi.listChatSessions({ query: query || undefined, brandId: brandId ?? undefined }),
    placeholderData: (previous) => previous,
  });
}

/** One conversation, whichever brand it belongs to. */
export function sessionQuery(sessionId: string) {
  return queryOptions({
    queryKey: coachKeys.session(sessionId),
    queryFn: () => coachApi.getChatSession(sessionId),
  });
}

export function messagesQuery(sessionId: string) {
  return queryOptions({
    queryKey: coachKeys.messages(sessionId),
    queryFn: () => coachApi.listChatMessages(sessionId),
  });
}
