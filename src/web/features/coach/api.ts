import type { ChatStreamEvent } from '../../../core/ai/chat-contracts.ts';
import type { AcceptProposalBody } from '../../../core/coach/proposal-contracts.ts';
import { CHAT_SESSIONS_API } from '../../kit/coach/sessions.ts';
import { type Ok, postEventStream, request } from '../../lib/api-client.ts';

function chatSessionPath(id: string): string {
  return `${CHAT_SESSIONS_API}/${encodeURIComponent(id)}`;
}

/**
 * POSTs a chat turn and calls `onEvent` for each server-sent event as it arrives, each checked
 * against its contract: `done` and `error` end the answer, other event names (for newer clients) are
 * skipped. Aborting `signal` (the stop button) rejects with the AbortError.
 */
function streamChatTurn(
  sessionId: string,
  content: string,
  options: { signal: AbortSignal; onEvent: (event: ChatStreamEvent) => void },
): Promise<void> {
  return postEventStream(
    `${chatSessionPath(sessionId)}/messages`,
    { content },
    {
      signal: options.signal,
      eventSchema: 'chatDeltaEventSchema',
      onMessage: ({ event, data }, contracts) => {
        if (event === 'delta') {
          const parsed = contracts.chatDeltaEventSchema.safeParse(data);
          if (!parsed.success) return 'invalid';
          options.onEvent({ event, data: parsed.data });
          return 'more';
        }
        if (event === 'done') {
          const parsed = contracts.chatDoneEventSchema.safeParse(data);
          if (!parsed.success) return 'invalid';
          options.onEvent({ event, data: parsed.data });
          return 'finished';
        }
        if (event === 'error') {
          const parsed = contracts.chatErrorEventSchema.safeParse(data);
          options.onEvent({
            event,
            data: parsed.success
              ? parsed.data
              : { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' },
          });
          return 'finished';
        }
        return 'more';
      },
    },
  );
}

export const coachApi = {
  listChatSessions: (filter: { query?: string | undefined; brandId?: string | undefined } = {}) => {
    const params = new URLSearchParams();
    if (filter.query) params.set('q', filter.query);
    if (filter.brandId) params.set('brandId', filter.brandId);
    const search = params.toString();
    return request('GET', `${CHAT_SESSIONS_API}${search ? `?${search}` : ''}`, 'chatSessionListSchema');
  },
  getChatSession: (id: string) => request('GET', chatSessionPath(id), 'chatSessionSchema'),
  renameChatSession: (id: string, title: string) =>
    request('PATCH', chatSessionPath(id), 'chatSessionSchema', { title }),
  deleteChatSession: (id: string): Promise<Ok> => request('DELETE', chatSessionPath(id), 'okSchema'),
  listChatMessages: (id: string) =>
    request('GET', `${chatSessionPath(id)}/messages`, 'chatMessageListSchema'),
  streamChatTurn,
  /** Saves a coach proposal (or the owner's edit of it); a 409 carries the field's text now. */
  acceptProposal: (messageId: string, proposalId: string, body: AcceptProposalBody = {}) =>
    request('POST', proposalPath(messageId, proposalId, 'accept'), 'proposalResponseSchema', body),
  dismissProposal: (messageId: string, proposalId: string) =>
    request('POST', proposalPath(messageId, proposalId, 'dismiss'), 'proposalResponseSchema'),
};

function proposalPath(messageId: string, proposalId: string, action: 'accept' | 'dismiss'): string {
  return `/api/ai/chat/messages/${encodeURIComponent(messageId)}/proposals/${encodeURIComponent(proposalId)}/${action}`;
}
