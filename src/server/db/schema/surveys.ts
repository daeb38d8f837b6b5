/**
 * Surveys: a brand's questionnaires and the anonymous answers to their public links. A survey is
 * soft-deleted (its answers stay with it until the retention purge); answers belong to their survey
 * and go with it (the foreign key cascades), so the account export and purge find them through it.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { StoredAnswers } from '../../../core/surveys/answers.ts';
import type { SurveyQuestion } from '../../../core/surveys/contracts.ts';
import { SURVEY_LIMITS, SURVEY_STATUSES } from '../../../core/surveys/limits.ts';
import { timestamps } from '../columns.ts';
import { users } from './auth.ts';
import { brands } from './workspace.ts';

export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    intro: text('intro').notNull().default(''),
    questions: jsonb('questions').$type<SurveyQuestion[]>().notNull(),
    status: text('status', { enum: SURVEY_STATUSES }).notNull().default('draft'),
    /** The public link's random part (`/s/<slug>`): 80 bits of base32, unguessable. */
    slug: text('slug').notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    responseCap: integer('response_cap'),
    /** Kept in the transaction that stores each answer, so the cap holds under concurrent answers. */
    responseCount: integer('response_count').notNull().default(0),
    version: integer('version').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Answers up to this moment have been in a daily digest email. */
    digestedThrough: timestamp('digested_through', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('surveys_slug_idx').on(table.slug),
    index('surveys_brand_id_idx').on(table.brandId, table.createdAt),
    index('surveys_user_id_idx').on(table.userId),
    check('surveys_status', sql`${table.status} in ('draft', 'published', 'closed')`),
    check(
      'surveys_title_length',
      sql`char_length(${table.title}) between 1 and ${sql.raw(String(SURVEY_LIMITS.titleMax))}`,
    ),
    check(
      'surveys_response_cap',
      sql`${table.responseCap} is null or ${table.responseCap} between 1 and ${sql.raw(String(SURVEY_LIMITS.responsesMax))}`,
    ),
  ],
);

export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    answers: jsonb('answers').$type<StoredAnswers>().notNull(),
    /**
     * SHA-256 of the answering browser's token and the survey id: one answer per browser, and the
     * token itself (a cookie) is never stored. No IP address or account is kept with an answer.
     */
    respondentHash: text('respondent_hash').notNull(),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('survey_responses_respondent_idx').on(table.surveyId, table.respondentHash),
    index('survey_responses_survey_id_idx').on(table.surveyId, table.createdAt, table.id),
  ],
);

/**
 * Owners who turned off the daily email about new survey answers (Settings). A row means "off": the
 * digest is on for everyone else, so a new account needs no row.
 */
export const surveyDigestOptOuts = pgTable('survey_digest_opt_outs', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  ...timestamps,
});
