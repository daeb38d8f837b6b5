/**
 * Feedback: what people tell us from any page (with or without an account), the admin's replies, and
 * thumbs up / down on coach answers and AI task results (docs/decisions/0051-feedback-and-ratings.md).
 */
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../columns.ts';
import { aiCalls } from './ai.ts';
import { users } from './auth.ts';
import { chatMessages } from './coach.ts';

/**
 * One message from the feedback control. `user_id` is null for anonymous feedback (then only the
 * optional contact address says who sent it); the page and the app version are attached by the app.
 */
export const feedback = pgTable(
  'feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['idea', 'problem', 'praise'] }).notNull(),
    message: text('message').notNull(),
    /** The app path the control was opened on (no query string or fragment). */
    page: text('page').notNull(),
    appVersion: text('app_version').notNull(),
    /** Where an anonymous sender asked to be answered; signed-in senders are answered at their account's address. */
    contactEmail: text('contact_email'),
    status: text('status', { enum: ['new', 'triaged', 'done'] })
      .notNull()
      .default('new'),
    ...timestamps,
  },
  (table) => [
    index('feedback_user_id_idx').on(table.userId),
    index('feedback_status_created_at_idx').on(table.status, sql`${table.createdAt} desc`),
    index('feedback_created_at_idx').on(sql`${table.createdAt} desc`, sql`${table.id} desc`),
  ],
);

/** An admin's emailed answer to one feedback message, as sent. */
export const feedbackReplies = pgTable(
  'feedback_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    feedbackId: uuid('feedback_id')
      .notNull()
      .references(() => feedback.id, { onDelete: 'cascade' }),
    /** The admin who wrote it; the link goes when their account is purged, the reply stays. */
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    message: text('message').notNull(),
    sentTo: text('sent_to').notNull(),
    ...timestamps,
  },
  (table) => [
    index('feedback_replies_feedback_id_idx').on(table.feedbackId),
    index('feedback_replies_author_id_idx').on(table.authorId),
  ],
);

/**
 * A thumbs up or down on one coach answer (by its message) or one AI task result (by its ledger row),
 * stored with the task, prompt version and provider that produced it so versions can be compared.
 * One rating per user per answer: rating again changes it.
 */
export const aiRatings = pgTable(
  'ai_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    subject: text('subject', { enum: ['coach-answer', 'task-result'] }).notNull(),
    chatMessageId: uuid('chat_message_id').references(() => chatMessages.id, { onDelete: 'cascade' }),
    aiCallId: uuid('ai_call_id').references(() => aiCalls.id, { onDelete: 'set null' }),
    task: text('task').notNull(),
    promptId: text('prompt_id').notNull(),
    /** Null only for coach answers stored before answers recorded their prompt version. */
    promptVersion: integer('prompt_version'),
    provider: text('provider'),
    model: text('model'),
    rating: text('rating', { enum: ['up', 'down'] }).notNull(),
    reason: text('reason'),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('ai_ratings_user_message_unique')
      .on(table.userId, table.chatMessageId)
      .where(sql`${table.chatMessageId} is not null`),
    uniqueIndex('ai_ratings_user_call_unique')
      .on(table.userId, table.aiCallId)
      .where(sql`${table.aiCallId} is not null`),
    // The account purge and export find a user's ratings by it (the unique indexes above are partial).
    index('ai_ratings_user_id_idx').on(table.userId),
    index('ai_ratings_chat_message_id_idx').on(table.chatMessageId),
    index('ai_ratings_ai_call_id_idx').on(table.aiCallId),
    index('ai_ratings_prompt_idx').on(table.task, table.promptId, table.promptVersion),
  ],
);
