/**
 * The free diagnostic: stored results (anonymous or owned), report-by-email leads and spent
 * proof-of-work challenges.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../columns.ts';
import { users } from './auth.ts';
import { brands } from './workspace.ts';

/**
 * One take of the diagnostic. Anonymous takes are keyed by a hash of the browser's anonymous token
 * (the raw token lives only in the HttpOnly cookie); claiming moves them to the account and into the
 * brand active at sign-in. An owned result always belongs to one of its owner's brands.
 */
export const diagnosticResults = pgTable(
  'diagnostic_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The brand the result was taken for; null only while the result is anonymous. */
    brandId: uuid('brand_id').references(() => brands.id, { onDelete: 'cascade' }),
    anonymousTokenHash: text('anonymous_token_hash'),
    questionnaireVersion: integer('questionnaire_version').notNull(),
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
    overallScore: integer('overall_score').notNull(),
    insightScore: integer('insight_score').notNull(),
    distinctiveScore: integer('distinctive_score').notNull(),
    empatheticScore: integer('empathetic_score').notNull(),
    authenticScore: integer('authentic_score').notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    ...timestamps,
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [
    // The newest live result of a brand (every dashboard and coach answer reads it, ordered by
    // created_at then id) is one backward probe of this index, not a sort of the brand's history
    // (ADR 0063).
    index('diagnostic_results_user_id_brand_id_created_at_idx').on(
      table.userId,
      table.brandId,
      table.createdAt,
      table.id,
    ),
    index('diagnostic_results_brand_id_created_at_idx').on(table.brandId, table.createdAt),
    index('diagnostic_results_anonymous_token_hash_idx').on(table.anonymousTokenHash),
    check('diagnostic_results_owned_by_a_brand', sql`(${table.userId} is null) = (${table.brandId} is null)`),
  ],
);

/** People who asked for their report by email, with the consent they gave. */
export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    consentText: text('consent_text').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    sourceResultId: uuid('source_result_id').references(() => diagnosticResults.id, { onDelete: 'set null' }),
    reportSentAt: timestamp('report_sent_at', { withTimezone: true }),
    ...timestamps,
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [
    index('leads_source_result_id_idx').on(table.sourceResultId),
    index('leads_email_idx').on(table.email),
  ],
);

/** Spent proof-of-work challenges, so a solved ALTCHA payload works once. */
export const spentChallenges = pgTable(
  'spent_challenges',
  {
    signature: text('signature').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('spent_challenges_expires_at_idx').on(table.expiresAt)],
);
