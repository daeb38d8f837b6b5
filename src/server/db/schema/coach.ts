/**
 * Coach conversations: chat sessions per brand and their messages.
 */
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ProposalTarget } from '../../../core/coach/proposal-contracts.ts';
import type { Citation } from '../../../core/knowledge/contracts.ts';
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
    /** The sources an assistant answer cites, numbered as its `[n]` markers. */
    citations: jsonb('citations').$type<Citation[]>().notNull().default([]),
    provider: text('provider'),
    promptVersion: integer('prompt_version'),
    notice: text('notice'),
    ...timestamps,
  },
  (table) => [index('chat_messages_session_id_created_at_idx').on(table.sessionId, table.createdAt)],
);

/**
 * An edit the coach proposed in an assistant message (docs/decisions/0038-coach-tools-and-proposals.md):
 * written to the owner's work only when they accept it, as a versioned save marked as from the coach.
 * `base_version` and `current_text` are the item's version and the field's text when the coach read
 * it; accepting checks the field still says that, so nothing changed meanwhile is overwritten.
 */
export const chatProposals = pgTable(
  'chat_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => chatMessages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    /** Its place among the message's proposals (cards show in this order). */
    position: integer('position').notNull(),
    target: jsonb('target').$type<ProposalTarget>().notNull(),
    label: text('label').notNull(),
    currentText: text('current_text').notNull(),
    proposedText: text('proposed_text').notNull(),
    reason: text('reason').notNull(),
    baseVersion: integer('base_version').notNull(),
    status: text('status', { enum: ['pending', 'accepted', 'dismissed'] })
      .notNull()
      .default('pending'),
    /** What Accept saved: the proposed text or the owner's edit of it. */
    acceptedText: text('accepted_text'),
    /** The item version the accepted save produced (null when the field already said it). */
    savedVersion: integer('saved_version'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    index('chat_proposals_message_id_idx').on(table.messageId, table.position),
    index('chat_proposals_user_id_idx').on(table.userId),
    index('chat_proposals_brand_id_idx').on(table.brandId),
  ],
);
