/**
 * The operator's console: the audit log of admin actions, and accounts whose sign-in an admin
 * disabled.
 */
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';

/**
 * Every admin action, written once in the transaction of the action and never changed: no route
 * updates or deletes a row, and the table has no `updated_at`. Actor and target are plain ids, not
 * foreign keys, so the record of what happened outlives the accounts it names (and the data
 * lifecycle does not treat rows as the actor's data: the account purge leaves them).
 */
export const adminAuditLog = pgTable(
  'admin_audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // Newest first, for the page and every filter; the id breaks ties for stable paging.
    index('admin_audit_log_created_at_idx').on(sql`${table.createdAt} desc`, sql`${table.id} desc`),
    index('admin_audit_log_actor_idx').on(table.actorId, sql`${table.createdAt} desc`),
    index('admin_audit_log_target_idx').on(table.targetType, table.targetId, sql`${table.createdAt} desc`),
  ],
);

/**
 * Accounts an admin stopped from signing in. The row's existence is the lock: no session may be
 * created while it exists, and the account's sessions were ended when it was written. Kept apart
 * from `users` (the table better-auth shapes), like `account_deletions`.
 */
export const signInBlocks = pgTable('sign_in_blocks', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
