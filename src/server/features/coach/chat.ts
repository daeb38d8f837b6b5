/**
 * Chat with the coach: sessions and messages per user, and one streamed turn at a time. A turn uses
 * the same machinery as every other task — the chat task's context builder (recent turns within the
 * token budget), the published prompt, the daily quota and the spending reservation — but streams
 * its answer. The user's message is stored first; the assistant's only once it is complete, so a cut
 * or stopped stream leaves nothing half-written and gives the quota back.
 */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { ChatMessage, ChatSession, ChatStreamEvent } from '../../../core/ai/chat-contracts.ts';
import { CHAT_MESSAGE_MAX } from '../../../core/ai/chat-contracts.ts';
import type { AiTaskInput, AiTaskOutput } from '../../../core/ai/contracts.ts';
import { type AiEngine, noticeFor } from '../../ai/engine.ts';
import type { QuotaState } from '../../ai/quota.ts';
import { quotaHeaders } from '../../ai/quota.ts';
import type { Database } from '../../db/client.ts';
import { chatMessages, chatSessions } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { WorkspaceStore } from '../../platform/workspace-store.ts';

export const DEFAULT_CHAT_TITLE = 'New conversation';
/** Turns read back as history; the context builder trims them further to the token budget. */
const HISTORY_TURNS = 20;

export interface ChatTurn {
  quota: QuotaState;
  headers: Record<string, string>;
  /** Runs the turn, calling `emit` for each event; resolves when the stream is over. */
  run(signal: AbortSignal, emit: (event: ChatStreamEvent) => void): Promise<void>;
}

function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

function toSession(row: {
  id: string;
  brandId: string;
  title: string;
  createdAt: Date;
  lastMessageAt: Date;
}): ChatSession {
  return {
    id: row.id,
    brandId: row.brandId,
    title: row.title,
    createdAt: row.createdAt.toISOString(),
    lastMessageAt: row.lastMessageAt.toISOString(),
  };
}

export function createChatService(deps: {
  database: Database;
  ai: AiEngine;
  brands: Pick<WorkspaceStore, 'requireBrand'>;
  log: FastifyBaseLogger;
}) {
  const { database, log } = deps;
  const db = database.db;

  async function ownedSession(userId: string, sessionId: string) {
    const [row] = await db
      .select()
      .from(chatSessions)
      .where(
        and(eq(chatSessions.id, sessionId), eq(chatSessions.userId, userId), isNull(chatSessions.deletedAt)),
      )
      .limit(1);
    // Someone else's session and a deleted one look the same as a missing one.
    if (!row) throw new AppError(404, 'NOT_FOUND', 'There is no such conversation.');
    return row;
  }

  async function list(userId: string, query?: string, brandId?: string): Promise<ChatSession[]> {
    const conditions = [eq(chatSessions.userId, userId), isNull(chatSessions.deletedAt)];
    if (brandId) conditions.push(eq(chatSessions.brandId, brandId));
    if (query) {
      const pattern = likePattern(query);
      conditions.push(
        sql`(${chatSessions.title} ilike ${pattern} or exists (select 1 from ${chatMessages} m where m.session_id = ${chatSessions.id} and m.content ilike ${pattern}))`,
      );
    }
    const rows = await db
      .select()
      .from(chatSessions)
      .where(and(...conditions))
      .orderBy(desc(chatSessions.lastMessageAt), desc(chatSessions.createdAt))
      .limit(200);
    return rows.map(toSession);
  }

  async function create(userId: string, brandId: string, title?: string): Promise<ChatSession> {
    // Someone else's (or a deleted) brand is a 404, like every other foreign id.
    await deps.brands.requireBrand(userId, brandId);
    const [row] = await db
      .insert(chatSessions)
      .values({ userId, brandId, title: title ?? DEFAULT_CHAT_TITLE })
      .returning();
    if (!row) throw new Error('chat session insert returned nothing');
    return toSession(row);
  }

  async function get(userId: string, sessionId: string): Promise<ChatSession> {
    return toSession(await ownedSession(userId, sessionId));
  }

  async function rename(userId: string, sessionId: string, title: string): Promise<ChatSession> {
    await ownedSession(userId, sessionId);
    const [row] = await db
      .update(chatSessions)
      .set({ title })
      .where(eq(chatSessions.id, sessionId))
      .returning();
    if (!row) throw new AppError(404, 'NOT_FOUND', 'There is no such conversation.');
    return toSession(row);
  }

  async function remove(userId: string, sessionId: string): Promise<void> {
    await ownedSession(userId, sessionId);
    await db.update(chatSessions).set({ deletedAt: new Date() }).where(eq(chatSessions.id, sessionId));
  }

  async function messages(userId: string, sessionId: string): Promise<ChatMessage[]> {
    await ownedSession(userId, sessionId);
    const rows = await db
      .select()
      .from(chatMessages)
      .where(eq(chatMessages.sessionId, sessionId))
      .orderBy(asc(chatMessages.createdAt), asc(chatMessages.role));
    return rows.map((row) => ({
      id: row.id,
      role: row.role,
      content: row.content,
      followUps: row.followUps,
      provider: row.provider === 'offline' || row.provider === 'openai-compatible' ? row.provider : null,
      promptVersion: row.promptVersion,
      notice: noticeFor(row.notice),
      createdAt: row.createdAt.toISOString(),
    }));
  }

  /**
   * Everything that can fail with a normal error envelope happens here, before any byte of the
   * stream: the session check, the context, the prompt, the quota and storing the user's turn.
   */
  async function startTurn(userId: string, sessionId: string, content: string): Promise<ChatTurn> {
    const session = await ownedSession(userId, sessionId);
    const recent = await db
      .select({ role: chatMessages.role, content: chatMessages.content })
      .from(chatMessages)
      .where(eq(chatMessages.sessionId, sessionId))
      .orderBy(desc(chatMessages.createdAt))
      .limit(HISTORY_TURNS);
    // Asking again after a stopped or failed answer must not store the question twice: the
    // unanswered turn is reused, and it is the message, not part of the history.
    const retriesUnanswered = recent[0]?.role === 'user' && recent[0].content === content;
    const history = (retriesUnanswered ? recent.slice(1) : recent).reverse();
    const input: AiTaskInput<'chat'> = {
      // The coach reads the workspace of the conversation's brand.
      brandId: session.brandId,
      message: content,
      history: history.map((turn) => ({
        role: turn.role,
        content: turn.content.slice(0, CHAT_MESSAGE_MAX),
      })),
    };
    const prepared = await deps.ai.prepareTask({ task: 'chat', userId, input });
    try {
      await db.transaction(async (tx) => {
        if (!retriesUnanswered) await tx.insert(chatMessages).values({ sessionId, role: 'user', content });
        await tx
          .update(chatSessions)
          .set({
            lastMessageAt: new Date(),
            // The first message names an untitled conversation.
            ...(session.title === DEFAULT_CHAT_TITLE ? { title: content.slice(0, 60) } : {}),
          })
          .where(eq(chatSessions.id, sessionId));
      });
    } catch (error) {
      await prepared.refund();
      throw error;
    }

    async function run(signal: AbortSignal, emit: (event: ChatStreamEvent) => void): Promise<void> {
      try {
        const outcome = await prepared.stream({
          signal,
          onDelta: (text) => emit({ event: 'delta', data: { text } }),
        });
        if (outcome.status === 'aborted') return;
        if (outcome.status === 'cut') {
          emit({ event: 'error', data: { code: 'AI_STREAM_FAILED', message: outcome.message } });
          return;
        }
        const { output, meta } = outcome.answer;
        const { reply, followUps } = output as AiTaskOutput<'chat'>;
        // The assistant's turn is stored only once it is complete.
        const messageId = await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(chatMessages)
            .values({
              sessionId,
              role: 'assistant',
              content: reply,
              followUps,
              provider: meta.provider,
              promptVersion: meta.promptVersion,
              notice: meta.notice?.code ?? null,
            })
            .returning({ id: chatMessages.id });
          await tx
            .update(chatSessions)
            .set({ lastMessageAt: new Date() })
            .where(eq(chatSessions.id, sessionId));
          return row?.id ?? '';
        });
        emit({
          event: 'done',
          data: {
            messageId,
            followUps,
            provider: meta.provider,
            ...(meta.notice ? { notice: meta.notice } : {}),
          },
        });
      } catch (error) {
        log.error({ err: error }, 'AI chat turn failed');
        await prepared.refund().catch(() => undefined);
        emit({
          event: 'error',
          data: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' },
        });
      }
    }

    const quota = prepared.quota as QuotaState;
    return { quota, headers: quotaHeaders(quota), run };
  }

  return { list, get, create, rename, remove, messages, startTurn };
}
export type ChatService = ReturnType<typeof createChatService>;
