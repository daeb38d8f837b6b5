/**
 * Review analyser runs: what was analysed (paste, CSV with its column mapping, or an avatar's saved
 * reviews), the summary the page shows, and every review with its label and themes for the list and
 * the CSV export. Soft-deleted from the list.
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { brands, workspaceItems } from './workspace.ts';

export const reviewRuns = pgTable(
  'review_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** `paste`, `csv` or `avatar`. */
    source: text('source').notNull(),
    fileName: text('file_name'),
    /** The avatar whose reviews were read; cleared if that avatar row is ever removed for good. */
    avatarId: uuid('avatar_id').references(() => workspaceItems.id, { onDelete: 'set null' }),
    /** The CSV columns read for text, rating, date and source. */
    mapping: jsonb('mapping').$type<Record<string, string | null> | null>(),
    reviewCount: integer('review_count').notNull(),
    /** `{ counts, themes, keyPhrases, triggers, trend, undated, mismatches, … }` (contracts.ts). */
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    /** Every review with its rating, date, source, label, score and themes. */
    reviews: jsonb('reviews').$type<Record<string, unknown>[]>().notNull(),
    notes: jsonb('notes').$type<string[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [
    // The list: one user's live runs for a brand, newest first.
    index('review_runs_list_idx')
      .on(table.userId, table.brandId, table.createdAt.desc(), table.id.desc())
      .where(sql`${table.deletedAt} is null`),
    index('review_runs_brand_id_idx').on(table.brandId),
    index('review_runs_avatar_id_idx').on(table.avatarId),
  ],
);
