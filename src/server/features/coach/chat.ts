/**
 * Chat with the coach: sessions and messages per user, and one streamed turn at a time. A turn uses
 * the same machinery as every other task — the chat task's context builder (recent turns within the
 * token budget), the published prompt, the daily quota and the spending reservation — but streams
 * its answer. The user's message is stored first; the assistant's only once it is complete, so a cut
 * or stopped stream leaves nothing half-written and gives the quota back.
 */
import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { ChatMessage, ChatSession, ChatStreamEvent } from '../../core/ai/chat-contracts.ts';
import { CHAT_MESSAGE_MAX } from '../../core/ai/chat-contracts.ts';
import { estimateTokens, renderUserData } from '../../core/ai/context.ts';
import { AI_NOTICES, type AiNoticeCode, type AiTaskInput } from '../../core/ai/contracts.ts';
import { chatReply } from '../../core/ai/offline-coach.ts';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { chatMessages, chatSessions } from '../db/schema.ts';
import type { WorkspaceService } from '../features/workspace/service.ts';
import { AppError } from '../platform/errors.ts';
import { ProviderStreamCutError, ProviderUnavailableError, StreamAbortedError } from './provider.ts';
import type { QuotaState } from './quota.ts';
import { quotaHeaders } from './quota.ts';
import { type AiService, NOTICES, OFFLINE_MODEL } from './service.ts';
import { type CallRecord, costMicros } from './spend.ts';
import { TASKS } from './tasks.ts';

export const DEFAULT_CHAT_TITLE = 'New conversation';
/** Turns read back as history; the context builder trims them further to the token budget. */
const HISTORY_TURNS = 20;
/** Pause between the offline coach's chunks. */
const OFFLINE_CHUNK_DELAY_MS = 15;
/** Added to the chat prompt when streaming: the answer is prose, not the structured object. */
const STREAM_INSTRUCTION =
  '\n\nAnswer with the Markdown reply only (no JSON, no follow-up list): the app adds follow-up suggestions itself.';

export interface ChatTurn {
  quota: QuotaState;
  headers: Record<string, string>;
  /** Runs the turn, calling `emit` for each event; resolves when the stream is over. */
  run(signal: AbortSignal, emit: (event: ChatStreamEvent) => void): Promise<void>;
}

type Notice = { code: AiNoticeCode; message: string };

function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

function toSession(row: {
  id: string;
  brandId: string | null;
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

function noticeOf(code: string | null): Notice | null {
  const known = AI_NOTICES.find((candidate) => candidate === code);
  return known ? { code: known, message: NOTICES[known] } : null;
}

/** Splits an offline answer into small pieces so it streams like a model's would. */
export function chunkText(text: string, size = 48): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const word of text.split(/(?<=\s)/)) {
    current += word;
    if (current.length >= size) {
      chunks.push(current);
      current = '';
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

export function createChatService(deps: {
  database: Database;
  ai: AiService;
  workspace: WorkspaceService;
  config: AppConfig;
  log: FastifyBaseLogger;
}) {
  const { database, log } = deps;
  const { quota, spend, contexts, provider, breaker } = deps.ai.internals;
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
    if (brandId) {
      const brandCondition = or(eq(chatSessions.brandId, brandId), isNull(chatSessions.brandId));
      if (brandCondition) conditions.push(brandCondition);
    }
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

  async function create(userId: string, title?: string, brandId?: string): Promise<ChatSession> {
    // Someone else's (or a deleted) brand is a 404, like every other foreign id.
    if (brandId) await deps.workspace.requireBrand(userId, brandId);
    const [row] = await db
      .insert(chatSessions)
      .values({ userId, brandId: brandId ?? null, title: title ?? DEFAULT_CHAT_TITLE })
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
      notice: noticeOf(row.notice),
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
    const task = TASKS.chat;
    const input: AiTaskInput<'chat'> = {
      message: content,
      history: history.map((turn) => ({
        role: turn.role,
        content: turn.content.slice(0, CHAT_MESSAGE_MAX),
      })),
    };
    // The coach reads the workspace of the conversation's brand.
    const context = await contexts.build(
      task,
      session.brandId ? { ...input, brandId: session.brandId } : input,
      userId,
    );
    const prompt = await deps.ai.prompts.published(task.promptId);

    const grant = await quota.consumeOrThrow(userId);
    const day = grant.day;
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
      await quota.refund(userId, day);
      throw error;
    }

    const base = { userId, task: 'chat', promptId: prompt.promptId, promptVersion: prompt.version };
    const offlineAnswer = chatReply(context.promptInput as AiTaskInput<'chat'>, context.coach);

    async function run(signal: AbortSignal, emit: (event: ChatStreamEvent) => void): Promise<void> {
      const started = performance.now();
      const latency = () => Math.round(performance.now() - started);
      let charged = true;
      const refund = async () => {
        if (!charged) return;
        charged = false;
        await quota.refund(userId, day);
      };

      async function complete(
        text: string,
        answeredBy: 'offline' | 'openai-compatible',
        notice: Notice | null,
        record: Partial<CallRecord>,
      ) {
        const messageId = await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(chatMessages)
            .values({
              sessionId,
              role: 'assistant',
              content: text,
              followUps: offlineAnswer.followUps,
              provider: answeredBy,
              promptVersion: prompt.version,
              notice: notice?.code ?? null,
            })
            .returning({ id: chatMessages.id });
          await tx
            .update(chatSessions)
            .set({ lastMessageAt: new Date() })
            .where(eq(chatSessions.id, sessionId));
          return row?.id ?? '';
        });
        await spend.record({
          ...base,
          provider: answeredBy,
          model: OFFLINE_MODEL,
          inputTokens: 0,
          outputTokens: 0,
          costMicros: 0,
          latencyMs: latency(),
          cacheHit: false,
          outcome: 'ok',
          attempts: 0,
          ...record,
        });
        emit({
          event: 'done',
          data: {
            messageId,
            followUps: offlineAnswer.followUps,
            provider: answeredBy,
            ...(notice ? { notice } : {}),
          },
        });
      }

      async function offline(noticeCode: AiNoticeCode | null, record: Partial<CallRecord> = {}) {
        const notice = noticeCode ? { code: noticeCode, message: NOTICES[noticeCode] } : null;
        for (const piece of chunkText(offlineAnswer.reply)) {
          // Paced like a model's stream, so the answer appears progressively and the stop button
          // (a disconnect) can interrupt it.
          await new Promise((resolve) => setTimeout(resolve, OFFLINE_CHUNK_DELAY_MS));
          if (signal.aborted) {
            await refund();
            return;
          }
          emit({ event: 'delta', data: { text: piece } });
        }
        const outcome: CallRecord['outcome'] =
          noticeCode === 'spending-cap' ? 'fallback-cap' : noticeCode ? 'fallback-outage' : 'ok';
        await complete(offlineAnswer.reply, 'offline', notice, { outcome, ...record });
      }

      try {
        if (!provider) return await offline(null);
        if (!breaker.allow()) return await offline('provider-unavailable', { model: provider.model });
        const price = deps.config.ai.prices[provider.model];
        if (!price) throw new Error(`no price for model ${provider.model}`);
        const system = `${prompt.body}${STREAM_INSTRUCTION}`;
        const userPrompt = `${context.rendered}\n\n${renderUserData(context.promptInput)}`;
        const inputEstimate = Math.ceil((system.length + userPrompt.length) / 3) + 50;
        const reservation = await spend.reserve(
          userId,
          costMicros(price, inputEstimate, task.maxOutputTokens),
        );
        if (!reservation.ok) return await offline('spending-cap', { model: provider.model });
        let actual = 0;
        try {
          const result = await provider.stream({
            system,
            prompt: userPrompt,
            maxOutputTokens: task.maxOutputTokens,
            signal,
            onDelta: (text) => emit({ event: 'delta', data: { text } }),
          });
          breaker.succeeded();
          actual = costMicros(price, result.inputTokens, result.outputTokens);
          await complete(result.text, provider.name, null, {
            model: provider.model,
            inputTokens: result.inputTokens,
            outputTokens: result.outputTokens,
            costMicros: actual,
            attempts: result.attempts,
          });
        } catch (error) {
          if (error instanceof ProviderUnavailableError) {
            breaker.failed();
            log.warn(
              { err: error, attempts: error.attempts },
              'AI provider unavailable; offline chat fallback',
            );
            return await offline('provider-unavailable', { model: provider.model, attempts: error.attempts });
          }
          if (error instanceof ProviderStreamCutError || error instanceof StreamAbortedError) {
            // The provider produced (and bills for) what was streamed; the user gets the quota back.
            const outputTokens = estimateTokens(error.partialText);
            actual = outputTokens > 0 ? costMicros(price, inputEstimate, outputTokens) : 0;
            const cut = error instanceof ProviderStreamCutError;
            await spend.record({
              ...base,
              provider: provider.name,
              model: provider.model,
              inputTokens: outputTokens > 0 ? inputEstimate : 0,
              outputTokens,
              costMicros: actual,
              latencyMs: latency(),
              cacheHit: false,
              outcome: cut ? 'error' : 'aborted',
              attempts: cut ? error.attempts : 1,
            });
            await refund();
            if (cut) {
              breaker.failed();
              log.warn({ err: error }, 'AI chat stream cut');
              emit({
                event: 'error',
                data: {
                  code: 'AI_STREAM_FAILED',
                  message:
                    'The answer was cut off by the AI provider. Nothing was saved or charged to your quota; please try again.',
                },
              });
            }
            return;
          }
          throw error;
        } finally {
          await spend.settle(reservation.reservation, actual);
        }
      } catch (error) {
        log.error({ err: error }, 'AI chat turn failed');
        await refund().catch(() => undefined);
        emit({
          event: 'error',
          data: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' },
        });
      }
    }

    return { quota: grant, headers: quotaHeaders(grant), run };
  }

  return { list, get, create, rename, remove, messages, startTurn };
}
export type ChatService = ReturnType<typeof createChatService>;
