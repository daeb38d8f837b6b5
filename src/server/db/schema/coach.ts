/**
 * Coach conversations: chat sessions per brand and their messages.
 */
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../columns.ts';
import { users } from './auth.ts';
import { brands } from './workspace.ts';

/** A coach conversation; soft-deleted so a mistaken delete can be undone by support. */
export const chatSessions = pgTable(
  'chat_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The brand the conversation is about; null for conversations started before brands existed. */
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    index('chat_sessions_user_id_last_message_at_idx').on(table.userId, table.lastMessageAt),
    index('chat_sessions_brand_id_idx').on(table.brandId),
  ],
);

/** One turn of a conversation; assistant turns are stored only once their answer is complete. */
export const chatMessages = pgTable(
  'chat_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => chatSessions.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['user', 'assistant'] }).notNull(),
    content: text('content').notNull(),
    followUps: jsonb('follow_ups').$type<string[]>().notNull().default([]),
    provider: text('provider'),
    promptVersion: integer('prompt_version'),
    notice: text('notice'),
    ...timestamps,
  },
  (table) => [index('chat_messages_session_id_created_at_idx').on(table.sessionId, table.createdAt)],
);
