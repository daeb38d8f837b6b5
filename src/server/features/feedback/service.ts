/**
 * Feedback (docs/decisions/0051-feedback-and-ratings.md):
 *
 * - The control on every page stores a kind, a message, the page it was sent from and the app's
 *   version. Signed in: limited per account. Anonymous: limited per IP address and it needs a solved
 *   proof of work (checked last, so refusals spend nothing). Nothing is stored unless every check passed.
 * - Thumbs up / down name what they rate: a coach answer by its message (which records the provider
 *   and prompt version that wrote it), a task result by its AI call ledger row. Either way the rating
 *   is stored with the task, prompt version and provider, read from our own records — never from the
 *   browser — so prompt versions can be compared by rating. Rating again changes the rating.
 * - Admins read the inbox, move a message through new → triaged → done, and reply by email; every
 *   change is written to the admin audit log in the same transaction.
 */
import { and, count, desc, eq, gte, inArray, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../../../core/auth/contracts.ts';
import {
  type AiRating,
  FEEDBACK_PAGE_SIZE,
  type FeedbackItem,
  type FeedbackList,
  type FeedbackListQuery,
  type MessageRatings,
  type RateAnswerBody,
  type RatingSummary,
} from '../../../core/feedback/admin-contracts.ts';
import {
  FEEDBACK_KIND_LABELS,
  FEEDBACK_LIMITS,
  type FeedbackKind,
  type FeedbackStatus,
  type SubmitFeedbackBody,
} from '../../../core/feedback/contracts.ts';
import type { AppConfig } from '../../config.ts';
import type { Database, Db } from '../../db/client.ts';
import {
  aiCalls,
  aiRatings,
  chatMessages,
  chatSessions,
  feedback,
  feedbackReplies,
  users,
} from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { escapeHtml, type Mailer } from '../../platform/mailer.ts';
import type { ProofOfWork } from '../../platform/proof-of-work.ts';
import type { Throttle } from '../../platform/throttle.ts';
import { appVersion } from '../../platform/version.ts';

const HOUR = 60 * 60;
const DAY = 24 * HOUR;
/** The coach's answers come from the `chat` task and its prompt. */
const CHAT_TASK = 'chat';
/** Ledger outcomes that handed the user an answer (the others produced nothing to rate). */
const ANSWERED_OUTCOMES = ['ok', 'fallback-outage', 'fallback-cap'];

/** What this feature needs of the admin audit log (wired in app.ts). */
export interface AdminActionRecorder {
  record(
    entry: {
      actorId: string;
      action: string;
      targetType: string;
      targetId: string;
      before?: unknown;
      after?: unknown;
    },
    db?: Db,
  ): Promise<void>;
}

export interface FeedbackServiceDeps {
  database: Database;
  throttle: Throttle;
  proofOfWork: ProofOfWork;
  mailer: Mailer;
  clock: Clock;
  config: Pick<AppConfig, 'publicUrl'>;
  audit: AdminActionRecorder;
}

export interface FeedbackSender {
  user: SessionUser | null;
  ip: string;
}

function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return `${row.createdAt.toISOString()}_${row.id}`;
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const separator = cursor.lastIndexOf('_');
  return { createdAt: new Date(cursor.slice(0, separator)), id: cursor.slice(separator + 1) };
}

const notFound = () => new AppError(404, 'NOT_FOUND', 'There is no such feedback.');

export function createFeedbackService(deps: FeedbackServiceDeps) {
  const { database, throttle, proofOfWork, mailer, clock, audit } = deps;
  const { db } = database;

  const itemColumns = {
    id: feedback.id,
    kind: feedback.kind,
    message: feedback.message,
    page: feedback.page,
    appVersion: feedback.appVersion,
    status: feedback.status,
    contactEmail: feedback.contactEmail,
    createdAt: feedback.createdAt,
    senderId: users.id,
    senderEmail: users.email,
    senderName: users.name,
  };
  interface ItemRow {
    id: string;
    kind: FeedbackKind;
    message: string;
    page: string;
    appVersion: string;
    status: FeedbackStatus;
    contactEmail: string | null;
    createdAt: Date;
    senderId: string | null;
    senderEmail: string | null;
    senderName: string | null;
  }

  /** The rows as the inbox shows them, each with its replies, in the order given. */
  async function toItems(tx: Db, rows: ItemRow[]): Promise<FeedbackItem[]> {
    const ids = rows.map((row) => row.id);
    const replies =
      ids.length === 0
        ? []
        : await tx
            .select({
              id: feedbackReplies.id,
              feedbackId: feedbackReplies.feedbackId,
              message: feedbackReplies.message,
              sentTo: feedbackReplies.sentTo,
              authorEmail: users.email,
              createdAt: feedbackReplies.createdAt,
            })
            .from(feedbackReplies)
            .leftJoin(users, eq(users.id, feedbackReplies.authorId))
            .where(inArray(feedbackReplies.feedbackId, ids))
            .orderBy(feedbackReplies.createdAt, feedbackReplies.id);
    return rows.map((row) => {
      const sender =
        row.senderId && row.senderEmail
          ? { id: row.senderId, email: row.senderEmail, name: row.senderName ?? '' }
          : null;
      return {
        id: row.id,
        kind: row.kind,
        message: row.message,
        page: row.page,
        appVersion: row.appVersion,
        status: row.status,
        sender,
        contactEmail: row.contactEmail,
        replyTo: sender?.email ?? row.contactEmail ?? null,
        replies: replies
          .filter((reply) => reply.feedbackId === row.id)
          .map((reply) => ({
            id: reply.id,
            message: reply.message,
            sentTo: reply.sentTo,
            authorEmail: reply.authorEmail,
            createdAt: reply.createdAt.toISOString(),
          })),
        createdAt: row.createdAt.toISOString(),
      };
    });
  }

  async function itemById(tx: Db, feedbackId: string): Promise<FeedbackItem> {
    const rows = await tx
      .select(itemColumns)
      .from(feedback)
      .leftJoin(users, eq(users.id, feedback.userId))
      .where(eq(feedback.id, feedbackId));
    const [item] = await toItems(tx, rows);
    if (!item) throw notFound();
    return item;
  }

  async function storeRating(
    userId: string,
    values: Omit<typeof aiRatings.$inferInsert, 'userId'>,
    conflict: 'message' | 'call',
  ): Promise<AiRating> {
    const target =
      conflict === 'message'
        ? {
            target: [aiRatings.userId, aiRatings.chatMessageId],
            targetWhere: isNotNull(aiRatings.chatMessageId),
          }
        : { target: [aiRatings.userId, aiRatings.aiCallId], targetWhere: isNotNull(aiRatings.aiCallId) };
    const [stored] = await db
      .insert(aiRatings)
      .values({ ...values, userId })
      .onConflictDoUpdate({
        ...target,
        set: { rating: values.rating, reason: values.reason ?? null, updatedAt: clock.now() },
      })
      .returning({
        rating: aiRatings.rating,
        reason: aiRatings.reason,
        task: aiRatings.task,
        promptVersion: aiRatings.promptVersion,
      });
    if (!stored) throw new Error('the rating upsert returned no row');
    return stored;
  }

  return {
    /** A proof-of-work challenge for anonymous feedback. */
    createChallenge: () => proofOfWork.createChallenge(),

    /**
     * Stores one message from the feedback control. Checks in order of cost: the limits, then (when
     * anonymous) the proof of work.
     */
    async submit(body: SubmitFeedbackBody, sender: FeedbackSender): Promise<void> {
      if (sender.user) {
        await throttle.enforce(
          { name: 'feedback:user', max: FEEDBACK_LIMITS.signedInPerUserPerHour, windowSeconds: HOUR },
          sender.user.id,
          'You have sent a lot of feedback in the last hour. Thank you! Please try again later.',
        );
      } else {
        await throttle.enforce(
          { name: 'feedback:ip', max: FEEDBACK_LIMITS.anonymousPerIpPerHour, windowSeconds: HOUR },
          sender.ip,
          'Much feedback came from your network in the last hour. Please try again later.',
        );
        await throttle.enforce(
          { name: 'feedback:ip-day', max: FEEDBACK_LIMITS.anonymousPerIpPerDay, windowSeconds: DAY },
          sender.ip,
          'Much feedback came from your network today. Please try again tomorrow.',
        );
        if (!body.altcha) {
          throw new AppError(400, 'VALIDATION_FAILED', 'Please complete the verification.', {
            details: [{ path: 'body.altcha', message: 'Please complete the verification' }],
          });
        }
        if (!(await proofOfWork.verifyAndSpend(body.altcha))) {
          throw new AppError(
            400,
            'CAPTCHA_FAILED',
            'The verification did not pass or was already used. Please tick the check box again.',
          );
        }
      }
      await db.insert(feedback).values({
        userId: sender.user?.id ?? null,
        kind: body.kind,
        message: body.message,
        page: body.page,
        appVersion: appVersion(),
        // A signed-in sender is answered at their account's address, whatever they typed.
        contactEmail: sender.user ? null : (body.contactEmail ?? null),
      });
    },

    /** Thumbs up / down on a coach answer or a task result of this user's. */
    async rate(userId: string, body: RateAnswerBody): Promise<AiRating> {
      await throttle.enforce(
        { name: 'feedback:rating', max: FEEDBACK_LIMITS.ratingsPerUserPerHour, windowSeconds: HOUR },
        userId,
      );
      const common = { rating: body.rating, reason: body.reason ? body.reason : null };
      if (body.subject === 'coach-answer') {
        const [message] = await db
          .select({
            id: chatMessages.id,
            provider: chatMessages.provider,
            promptVersion: chatMessages.promptVersion,
          })
          .from(chatMessages)
          .innerJoin(chatSessions, eq(chatSessions.id, chatMessages.sessionId))
          .where(
            and(
              eq(chatMessages.id, body.messageId),
              eq(chatMessages.role, 'assistant'),
              eq(chatSessions.userId, userId),
              sql`${chatSessions.deletedAt} is null`,
            ),
          );
        // Someone else's answer, a question, and a deleted conversation look like a missing answer.
        if (!message) throw new AppError(404, 'NOT_FOUND', 'There is no such coach answer.');
        return storeRating(
          userId,
          {
            ...common,
            subject: 'coach-answer',
            chatMessageId: message.id,
            task: CHAT_TASK,
            promptId: CHAT_TASK,
            promptVersion: message.promptVersion,
            provider: message.provider,
          },
          'message',
        );
      }
      const [call] = await db
        .select({
          id: aiCalls.id,
          task: aiCalls.task,
          promptId: aiCalls.promptId,
          promptVersion: aiCalls.promptVersion,
          provider: aiCalls.provider,
          model: aiCalls.model,
        })
        .from(aiCalls)
        .where(
          and(
            eq(aiCalls.id, body.callId),
            eq(aiCalls.userId, userId),
            inArray(aiCalls.outcome, ANSWERED_OUTCOMES),
          ),
        );
      if (!call) throw new AppError(404, 'NOT_FOUND', 'There is no such AI answer to rate.');
      return storeRating(
        userId,
        {
          ...common,
          subject: 'task-result',
          aiCallId: call.id,
          task: call.task,
          promptId: call.promptId,
          promptVersion: call.promptVersion,
          provider: call.provider,
          model: call.model,
        },
        'call',
      );
    },

    /** This user's ratings of the given coach answers (others' answers simply have none). */
    async messageRatings(userId: string, messageIds: string[]): Promise<MessageRatings> {
      if (messageIds.length === 0) return { ratings: [] };
      const rows = await db
        .select({ messageId: aiRatings.chatMessageId, rating: aiRatings.rating, reason: aiRatings.reason })
        .from(aiRatings)
        .where(and(eq(aiRatings.userId, userId), inArray(aiRatings.chatMessageId, messageIds)));
      return {
        ratings: rows.flatMap((row) =>
          row.messageId ? [{ messageId: row.messageId, rating: row.rating, reason: row.reason }] : [],
        ),
      };
    },

    /**
     * Which of these accounts have given feedback: a message from the feedback control or a rating of
     * an AI answer. For other features (the beta programme's journey), wired in app.ts.
     */
    async usersWhoGaveFeedback(userIds: readonly string[]): Promise<ReadonlySet<string>> {
      if (userIds.length === 0) return new Set();
      const rows = await database.query<{ user_id: string }>(
        `select user_id from feedback where user_id = any($1::uuid[])
         union
         select user_id from ai_ratings where user_id = any($1::uuid[])`,
        [[...userIds]],
      );
      return new Set(rows.map((row) => row.user_id));
    },

    // ---------------------------------------------------------------------------------- admin

    async list(query: FeedbackListQuery): Promise<FeedbackList> {
      const conditions: SQL[] = [];
      if (query.status) conditions.push(eq(feedback.status, query.status));
      if (query.kind) conditions.push(eq(feedback.kind, query.kind));
      if (query.q) {
        const pattern = likePattern(query.q);
        conditions.push(
          sql`(${feedback.message} ilike ${pattern} or ${feedback.page} ilike ${pattern} or ${feedback.contactEmail} ilike ${pattern} or ${users.email} ilike ${pattern})`,
        );
      }
      if (query.cursor) {
        const after = decodeCursor(query.cursor);
        if (Number.isNaN(after.createdAt.getTime())) {
          throw new AppError(400, 'VALIDATION_FAILED', 'Not a page cursor.');
        }
        const older = or(
          lt(feedback.createdAt, after.createdAt),
          and(eq(feedback.createdAt, after.createdAt), lt(feedback.id, after.id)),
        );
        if (older) conditions.push(older);
      }
      const rows = await db
        .select(itemColumns)
        .from(feedback)
        .leftJoin(users, eq(users.id, feedback.userId))
        .where(and(...conditions))
        .orderBy(desc(feedback.createdAt), desc(feedback.id))
        .limit(FEEDBACK_PAGE_SIZE + 1);
      const page = rows.slice(0, FEEDBACK_PAGE_SIZE);
      const last = page.at(-1);
      const statusCounts = await db
        .select({ status: feedback.status, count: count() })
        .from(feedback)
        .groupBy(feedback.status);
      const counts = { new: 0, triaged: 0, done: 0 };
      for (const row of statusCounts) counts[row.status] = row.count;
      return {
        items: await toItems(db, page),
        nextCursor: rows.length > FEEDBACK_PAGE_SIZE && last ? encodeCursor(last) : null,
        counts,
      };
    },

    /** Moves a message to another status; audited with the status before and after. */
    async setStatus(actorId: string, feedbackId: string, status: FeedbackStatus): Promise<FeedbackItem> {
      return db.transaction(async (tx) => {
        const [current] = await tx
          .select({ status: feedback.status })
          .from(feedback)
          .where(eq(feedback.id, feedbackId))
          .for('update');
        if (!current) throw notFound();
        if (current.status !== status) {
          await tx.update(feedback).set({ status }).where(eq(feedback.id, feedbackId));
          await audit.record(
            {
              actorId,
              action: 'feedback.set-status',
              targetType: 'feedback',
              targetId: feedbackId,
              before: { status: current.status },
              after: { status },
            },
            tx,
          );
        }
        return itemById(tx, feedbackId);
      });
    },

    /**
     * Emails a reply to the sender (their account's address, else the contact address they gave) and
     * keeps it with the message; audited. Sent before it is stored: a reply on record was sent.
     */
    async reply(actorId: string, feedbackId: string, message: string): Promise<FeedbackItem> {
      const item = await itemById(db, feedbackId);
      if (!item.replyTo) {
        throw new AppError(
          409,
          'CONFLICT',
          'This feedback was sent anonymously without an email address, so there is nowhere to reply.',
        );
      }
      const siteUrl = deps.config.publicUrl.origin;
      const kindLabel = FEEDBACK_KIND_LABELS[item.kind].toLowerCase();
      const greeting = item.sender?.name ? `Hi ${item.sender.name},` : 'Hello,';
      const quoted = item.message
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
      await mailer.send({
        to: item.replyTo,
        subject: 'A reply to your feedback on IDEA Brand Coach',
        text: [
          greeting,
          '',
          message,
          '',
          `You wrote (${kindLabel}, ${item.createdAt.slice(0, 10)}):`,
          quoted,
          '',
          `— IDEA Brand Coach, ${siteUrl}`,
        ].join('\n'),
        html: `<!doctype html>
<html lang="en"><body style="font-family:system-ui,sans-serif;color:#1f2937;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">
<p>${escapeHtml(greeting)}</p>
${message
  .split(/\n{2,}/)
  .map((paragraph) => `<p style="white-space:pre-line">${escapeHtml(paragraph)}</p>`)
  .join('\n')}
<p style="color:#6b7280">You wrote (${escapeHtml(kindLabel)}, ${escapeHtml(item.createdAt.slice(0, 10))}):</p>
<blockquote style="white-space:pre-line;border-left:3px solid #d1d5db;margin:0;padding-left:12px;color:#4b5563">${escapeHtml(item.message)}</blockquote>
<p>— IDEA Brand Coach, <a href="${escapeHtml(siteUrl)}">${escapeHtml(siteUrl)}</a></p>
</body></html>`,
      });
      return db.transaction(async (tx) => {
        const [stored] = await tx
          .insert(feedbackReplies)
          .values({ feedbackId, authorId: actorId, message, sentTo: item.replyTo as string })
          .returning({ id: feedbackReplies.id });
        await audit.record(
          {
            actorId,
            action: 'feedback.reply',
            targetType: 'feedback',
            targetId: feedbackId,
            after: { replyId: stored?.id, sentTo: item.replyTo, length: message.length },
          },
          tx,
        );
        return itemById(tx, feedbackId);
      });
    },

    /** Thumbs per task and per prompt version and provider over the last `days` days. */
    async ratingSummary(days: number): Promise<RatingSummary> {
      const since = new Date(clock.now().getTime() - days * DAY * 1000);
      const inWindow = gte(aiRatings.updatedAt, since);
      const up = sql<number>`count(*) filter (where ${aiRatings.rating} = 'up')`.mapWith(Number);
      const down = sql<number>`count(*) filter (where ${aiRatings.rating} = 'down')`.mapWith(Number);
      const byTask = await db
        .select({ task: aiRatings.task, up, down })
        .from(aiRatings)
        .where(inWindow)
        .groupBy(aiRatings.task)
        .orderBy(aiRatings.task);
      const byPromptVersion = await db
        .select({
          task: aiRatings.task,
          promptId: aiRatings.promptId,
          promptVersion: aiRatings.promptVersion,
          provider: aiRatings.provider,
          up,
          down,
        })
        .from(aiRatings)
        .where(inWindow)
        .groupBy(aiRatings.task, aiRatings.promptId, aiRatings.promptVersion, aiRatings.provider)
        .orderBy(aiRatings.task, sql`${aiRatings.promptVersion} desc nulls last`, aiRatings.provider);
      const reasons = await db
        .select({
          task: aiRatings.task,
          promptVersion: aiRatings.promptVersion,
          provider: aiRatings.provider,
          rating: aiRatings.rating,
          reason: aiRatings.reason,
          createdAt: aiRatings.updatedAt,
        })
        .from(aiRatings)
        .where(and(inWindow, isNotNull(aiRatings.reason), sql`${aiRatings.reason} <> ''`))
        .orderBy(desc(aiRatings.updatedAt))
        .limit(20);
      return {
        byTask,
        byPromptVersion,
        recentReasons: reasons.map((row) => ({
          ...row,
          reason: row.reason ?? '',
          createdAt: row.createdAt.toISOString(),
        })),
      };
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
