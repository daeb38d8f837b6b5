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
import { type AiTaskInput, type AiTaskOutput, CHAT_EARLIER_TURNS_MAX } from '../../../core/ai/contracts.ts';
import { BRAND_MEMORY_MAX_PER_BRAND, sameFact } from '../../../core/brand-memory/limits.ts';
import { type RememberSuggestion, rememberSuggestion } from '../../../core/coach/memory.ts';
import type { ChatProposal } from '../../../core/coach/proposals.ts';
import { type AiEngine, noticeFor } from '../../ai/engine.ts';
import type { QuotaState } from '../../ai/quota.ts';
import { quotaHeaders } from '../../ai/quota.ts';
import type { Database } from '../../db/client.ts';
import { chatMessages, chatSessions } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { WorkspaceStore } from '../../platform/workspace-store.ts';
import { proposalsOfMessages, storeProposals } from './chat-proposals.ts';
import {
  type ChatToolDeps,
  createChatToolbox,
  type ProposalOnVersion,
  readTargetField,
} from './chat-tools.ts';

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
  /** The brand's remembered facts, so the coach never offers to remember one it already knows. */
  memory: { facts(userId: string, brandId: string): Promise<string[]> };
  /** What the coach's tools read and run, and where proposals are checked (ADR 0038). */
  tools: ChatToolDeps;
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
    const proposals = await proposalsOfMessages(
      db,
      rows.filter((row) => row.role === 'assistant').map((row) => row.id),
    );
    return rows.map((row) => ({
      id: row.id,
      role: row.role,
      content: row.content,
      followUps: row.followUps,
      provider: row.provider === 'offline' || row.provider === 'openai-compatible' ? row.provider : null,
      promptVersion: row.promptVersion,
      notice: noticeFor(row.notice),
      citations: row.citations,
      proposals: proposals.get(row.id) ?? [],
      createdAt: row.createdAt.toISOString(),
    }));
  }

  /**
   * The fact the owner's message states about the brand, when it is one the coach could remember:
   * not remembered already, and the brand has room for it. Only offered — the owner saves it.
   */
  async function offerToRemember(
    userId: string,
    brandId: string,
    content: string,
  ): Promise<RememberSuggestion | null> {
    const suggestion = rememberSuggestion(content);
    if (!suggestion) return null;
    const facts = await deps.memory.facts(userId, brandId);
    if (facts.length >= BRAND_MEMORY_MAX_PER_BRAND) return null;
    return facts.some((fact) => sameFact(fact, suggestion.text)) ? null : suggestion;
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
      .orderBy(desc(chatMessages.createdAt), desc(chatMessages.id))
      .limit(HISTORY_TURNS);
    // Asking again after a stopped or failed answer must not store the question twice: the
    // unanswered turn is reused, and it is the message, not part of the history.
    const retriesUnanswered = recent[0]?.role === 'user' && recent[0].content === content;
    const history = (retriesUnanswered ? recent.slice(1) : recent).reverse();
    // A long conversation's older turns reach the coach as a short summary (the context builder
    // makes it); the window is bounded so a turn costs the same however long the conversation.
    const earlier =
      recent.length < HISTORY_TURNS
        ? []
        : (
            await db
              .select({
                role: chatMessages.role,
                content: sql<string>`left(${chatMessages.content}, ${CHAT_MESSAGE_MAX})`,
              })
              .from(chatMessages)
              .where(eq(chatMessages.sessionId, sessionId))
              .orderBy(desc(chatMessages.createdAt), desc(chatMessages.id))
              .offset(HISTORY_TURNS)
              .limit(CHAT_EARLIER_TURNS_MAX)
          ).reverse();
    const turn = (row: { role: 'user' | 'assistant'; content: string }) => ({
      role: row.role,
      content: row.content.slice(0, CHAT_MESSAGE_MAX),
    });
    const input: AiTaskInput<'chat'> = {
      // The coach reads the workspace of the conversation's brand.
      brandId: session.brandId,
      message: content,
      history: history.map(turn),
      ...(earlier.length > 0 ? { earlier: earlier.map(turn) } : {}),
    };
    // Read before the quota is counted, so a failure here costs the owner nothing.
    const remember = await offerToRemember(userId, session.brandId, content);
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

    const toolbox = createChatToolbox(deps.tools, {
      userId,
      brandId: session.brandId,
      passages: prepared.context.coach.passages ?? [],
      log,
    });

    async function run(signal: AbortSignal, emit: (event: ChatStreamEvent) => void): Promise<void> {
      try {
        const outcome = await prepared.stream({
          signal,
          onDelta: (text) => emit({ event: 'delta', data: { text } }),
          tools: toolbox,
        });
        if (outcome.status === 'aborted') return;
        if (outcome.status === 'cut') {
          emit({ event: 'error', data: { code: 'AI_STREAM_FAILED', message: outcome.message } });
          return;
        }
        const { output, meta } = outcome.answer;
        // The reply with its citations checked: what is stored and what the `done` event sends to
        // replace the streamed text (a made-up source number was already shown while streaming).
        const { reply, followUps, proposals: offered } = output as AiTaskOutput<'chat'>;
        // The offline coach proposes with its copy options; a provider through its tool calls (those
        // of an answer that fell back to the offline coach are dropped with that answer).
        const drafts =
          meta.provider === 'offline'
            ? await onVersions(userId, session.brandId, offered ?? [])
            : toolbox.proposals();
        // The assistant's turn is stored only once it is complete, with its proposals.
        let proposals: ChatProposal[] = [];
        const messageId = await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(chatMessages)
            .values({
              sessionId,
              role: 'assistant',
              content: reply,
              followUps,
              citations: meta.citations,
              provider: meta.provider,
              promptVersion: meta.promptVersion,
              notice: meta.notice?.code ?? null,
            })
            .returning({ id: chatMessages.id });
          if (row) {
            proposals = await storeProposals(tx, { id: row.id, userId, brandId: session.brandId }, drafts);
          }
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
            text: reply,
            citations: meta.citations,
            followUps,
            provider: meta.provider,
            proposals,
            ...(meta.notice ? { notice: meta.notice } : {}),
            ...(remember ? { rememberSuggestion: remember } : {}),
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

  /**
   * The offline coach's proposals with the version of the item whose text they were made against.
   * A field that changed while the answer was written has no such version any more: its proposal is
   * left out (the answer still shows the options).
   */
  async function onVersions(
    userId: string,
    brandId: string,
    drafts: NonNullable<AiTaskOutput<'chat'>['proposals']>,
  ): Promise<ProposalOnVersion[]> {
    const placed: ProposalOnVersion[] = [];
    for (const draft of drafts) {
      const field = await readTargetField(deps.tools.workspace, userId, brandId, draft.target);
      if (field && field.text === draft.currentText) placed.push({ ...draft, baseVersion: field.version });
    }
    return placed;
  }

  return { list, get, create, rename, remove, messages, startTurn };
}
export type ChatService = ReturnType<typeof createChatService>;
