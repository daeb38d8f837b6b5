/**
 * Accounts whose owner asked for deletion. The row makes the account unusable at once (sign-in
 * refused, no sessions) and tells the retention job when to purge everything the user owns; an admin
 * restores the account within the grace period by removing it. Kept apart from `users` so the
 * generic soft-delete purge (every table with `deleted_at`) never applies its shorter rule to users.
 */
import { index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';

export const accountDeletions = pgTable(
  'account_deletions',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    purgeAfter: timestamp('purge_after', { withTimezone: true }).notNull(),
  },
  // The primary key serves as the foreign-key index; this one serves the purge and the admin list.
  (table) => [index('account_deletions_purge_after_idx').on(table.purgeAfter)],
);
