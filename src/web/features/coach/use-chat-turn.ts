/**
 * One chat turn at a time: sends the message, shows the answer as it streams, and ends in one of
 * four ways — done, stopped by the user, an error event from the server, or a failure before the
 * stream started (quota, validation, network). The conversation's stored messages stay the source of
 * truth: whatever the outcome, they are fetched again. A finished turn carries the id of the stored
 * answer, so the thread shows it until the fetched messages hold that answer, and then only the
 * stored one (dropping the turn earlier or later would flash the answer away, or show it twice).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '../../../core/ai/chat-contracts.ts';
import type { AiNoticeCode } from '../../../core/ai/contracts.ts';
import type { ChatProposal } from '../../../core/coach/proposal-contracts.ts';
import type { Citation } from '../../../core/knowledge/contracts.ts';
import { aiUsageQuery } from '../../kit/coach/ai-usage.ts';
import { coachKeys } from '../../kit/coach/sessions.ts';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { coachApi } from './api.ts';

export type TurnState =
  | { status: 'streaming'; text: string }
  | {
      status: 'done';
      /** The stored answer's id: once the conversation's messages hold it, the turn gives way to it. */
      messageId: string;
      /** The answer as stored (citations checked), which replaces the streamed text. */
      text: string;
      citations: Citation[];
      followUps: string[];
      provider: 'offline' | 'openai-compatible';
      notice: { code: AiNoticeCode; message: string } | null;
      /** A fact the message stated, which the coach offers to remember (the owner decides). */
      rememberSuggestion: { text: string } | null;
      /** Edits the coach proposes (cards: Accept / Edit / Dismiss); nothing is written until accepted. */
      proposals: ChatProposal[];
    }
  | { status: 'stopped'; text: string }
  | {
      status: 'failed';
      text: string;
      message: string;
      /** The server refused the turn because today's quota is used up. */
      quotaExceeded: boolean;
      /** What the user wrote, handed back so nothing they typed is lost. */
      unsent: string;
    };

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function useChatTurn(sessionId: string) {
  const queryClient = useQueryClient();
  const [turn, setTurn] = useState<TurnState | null>(null);
  const controller = useRef<AbortController | null>(null);

  // Leaving the conversation stops its answer (the server then refunds the request).
  useEffect(
    () => () => {
      controller.current?.abort();
    },
    [],
  );

  const refresh = useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: coachKeys.messages(sessionId) }),
        queryClient.invalidateQueries({ queryKey: coachKeys.sessions }),
        queryClient.invalidateQueries({ queryKey: aiUsageQuery.queryKey }),
      ]),
    [queryClient, sessionId],
  );

  const send = useCallback(
    async (content: string) => {
      if (controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      // The user's turn shows at once; the refetch afterwards replaces it with the stored one.
      const pending: ChatMessage = {
        id: crypto.randomUUID(),
        role: 'user',
        content,
        followUps: [],
        provider: null,
        promptVersion: null,
        notice: null,
        citations: [],
        proposals: [],
        createdAt: new Date().toISOString(),
      };
      queryClient.setQueryData<{ messages: ChatMessage[] }>(coachKeys.messages(sessionId), (current) => {
        const messages = current?.messages ?? [];
        const last = messages.at(-1);
        // Asking again after a stopped or failed answer: the server reuses the unanswered question.
        if (last?.role === 'user' && last.content === content.trim()) return { messages };
        return { messages: [...messages, pending] };
      });
      setTurn({ status: 'streaming', text: '' });
      let text = '';
      // A holder rather than a variable: the stream's callback sets it, which flow analysis can't see.
      const result: { outcome: TurnState | null } = { outcome: null };
      try {
        await coachApi.streamChatTurn(sessionId, content, {
          signal: abort.signal,
          onEvent: (event) => {
            if (event.event === 'delta') {
              text += event.data.text;
              setTurn({ status: 'streaming', text });
            } else if (event.event === 'done') {
              text = event.data.text;
              result.outcome = {
                status: 'done',
                messageId: event.data.messageId,
                text,
                citations: event.data.citations,
                followUps: event.data.followUps,
                provider: event.data.provider,
                notice: event.data.notice ?? null,
                rememberSuggestion: event.data.rememberSuggestion ?? null,
                proposals: event.data.proposals,
              };
              setTurn(result.outcome);
            } else {
              result.outcome = {
                status: 'failed',
                text,
                message: event.data.message,
                quotaExceeded: false,
                unsent: content,
              };
              setTurn(result.outcome);
            }
          },
        });
      } catch (error) {
        if (isAbort(error)) result.outcome = { status: 'stopped', text };
        else
          result.outcome = {
            status: 'failed',
            text,
            message: describeError(error),
            quotaExceeded: isApiError(error) && error.code === 'QUOTA_EXCEEDED',
            unsent: content,
          };
        setTurn(result.outcome);
      } finally {
        controller.current = null;
      }
      await refresh().catch(() => undefined);
    },
    [queryClient, refresh, sessionId],
  );

  const stop = useCallback(() => controller.current?.abort(), []);
  const dismiss = useCallback(() => setTurn(null), []);

  return { turn, send, stop, dismiss, busy: turn?.status === 'streaming' };
}
