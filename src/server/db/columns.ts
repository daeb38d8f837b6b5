/**
 * Column sets every table shares. Kept apart from schema.ts so the per-area schema files in
 * schema/ can use them without a circular import at evaluation time.
 */
import { timestamp } from 'drizzle-orm/pg-core';

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};
