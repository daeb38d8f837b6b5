/**
 * The beta programme (ADR 0053): who joined, in which words and when, and when they left; and the
 * short feedback a tester gives on each journey step. The journey itself is not stored: each step is
 * derived from the tester's real work whenever it is read.
 */
import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { BetaChannel, BetaStep, StepRating } from '../../../core/beta/journey.ts';
import { timestamps } from '../columns.ts';
import { users } from './auth.ts';

/**
 * One row per time a user joined, like a consent record: leaving sets `left_at` and keeps the row;
 * joining again makes a new one. The account's deletion removes them.
 */
export const betaMemberships = pgTable(
  'beta_memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    textVersion: text('text_version').notNull(),
    consentText: text('consent_text').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    joinedVia: text('joined_via').$type<BetaChannel>().notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
    leftVia: text('left_via').$type<BetaChannel>(),
    ...timestamps,
  },
  (table) => [
    index('beta_memberships_user_id_idx').on(table.userId),
    // At most one live membership per user, so a double click never joins twice.
    uniqueIndex('beta_memberships_one_live_per_user').on(table.userId).where(sql`${table.leftAt} is null`),
  ],
);

/** A tester's answer to one step's short prompt; answering again replaces it. */
export const betaStepFeedback = pgTable(
  'beta_step_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    step: text('step').$type<BetaStep>().notNull(),
    rating: text('rating').$type<StepRating>().notNull(),
    comment: text('comment').notNull().default(''),
    ...timestamps,
  },
  (table) => [uniqueIndex('beta_step_feedback_user_step_idx').on(table.userId, table.step)],
);
