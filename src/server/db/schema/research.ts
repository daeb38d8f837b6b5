/**
 * Research tools. Buyer-intent runs: each analysis of pasted terms or an uploaded search-term report,
 * with its terms grouped by theme and the provider that classified them; soft-deleted from the list.
 * Brand names: per brand, the owner's own names and their competitors', which make search terms
 * naming them navigational.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { timestamps } from '../columns.ts';
import { aiCalls } from './ai.ts';
import { users } from './auth.ts';
import { brands } from './workspace.ts';

export const researchIntentRuns = pgTable(
  'research_intent_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** `paste` or `csv`. */
    source: text('source').notNull(),
    fileName: text('file_name'),
    industry: text('industry'),
    termCount: integer('term_count').notNull(),
    totalTerms: integer('total_terms').notNull(),
    /** `{ informational, commercial, transactional, navigational }`: for the list without the groups. */
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    volumeLabel: text('volume_label'),
    hasClicks: boolean('has_clicks').notNull().default(false),
    /** `{ groups, strategy, notes, brandNames }` as the API returns them. */
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    promptVersion: integer('prompt_version').notNull(),
    cached: boolean('cached').notNull().default(false),
    notice: jsonb('notice').$type<{ code: string; message: string } | null>(),
    /** The AI call whose provider and prompt version the run shows, which a thumbs up / down names (ADR 0051). */
    aiCallId: uuid('ai_call_id').references(() => aiCalls.id, { onDelete: 'set null' }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    // The list: one user's live runs for a brand, newest first.
    index('research_intent_runs_list_idx')
      .on(table.userId, table.brandId, table.createdAt.desc(), table.id.desc())
      .where(sql`${table.deletedAt} is null`),
    index('research_intent_runs_brand_id_idx').on(table.brandId),
    index('research_intent_runs_ai_call_id_idx').on(table.aiCallId),
    check('research_intent_runs_source', sql`${table.source} in ('paste', 'csv')`),
  ],
);

export const researchBrandNames = pgTable(
  'research_brand_names',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    own: jsonb('own').$type<string[]>().notNull(),
    competitors: jsonb('competitors').$type<string[]>().notNull(),
    ...timestamps,
  },
  (table) => [
    // One list per brand; saving again replaces it.
    uniqueIndex('research_brand_names_brand_unique').on(table.brandId),
    index('research_brand_names_user_id_idx').on(table.userId),
  ],
);
