/**
 * `server_errors`: the last unexpected failures (the error handler's 500s) for the admin System page.
 * System data, not a user's: no `user_id`, no request body, no URL — only the route pattern, a
 * redacted message and the top frame. Rows are written once and never updated (hence no
 * `updated_at`); the retention job keeps 30 days.
 */
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const serverErrors = pgTable(
  'server_errors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: text('request_id').notNull(),
    method: text('method').notNull(),
    route: text('route').notNull(),
    errorName: text('error_name').notNull(),
    message: text('message').notNull(),
    location: text('location'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('server_errors_created_at_idx').on(table.createdAt)],
);
