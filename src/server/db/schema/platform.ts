/**
 * Platform state shared by every feature: throttle counters and the dev mail outbox.
 */
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../columns.ts';

/** Fixed-window counters for throttling; shared by every app instance through the database. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
    windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('rate_limits_window_ends_at_idx').on(table.windowEndsAt)],
);

/** The dev outbox: mail that would have been sent when no SMTP server is configured. */
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    /** Attachments are not kept in the outbox, only their names. */
    attachmentNames: jsonb('attachment_names').$type<string[]>().notNull().default([]),
    /** Extra headers the message carried, e.g. `List-Unsubscribe` on marketing mail. */
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    ...timestamps,
  },
  (table) => [index('outbox_emails_created_at_idx').on(table.createdAt)],
);
