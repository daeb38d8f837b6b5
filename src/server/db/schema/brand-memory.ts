/**
 * Brand memory: facts the owner confirmed about a brand, which the coach reads with every answer
 * about it. Soft-deleted, so a mistaken delete can be undone by support until the retention purge.
 */
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { BRAND_MEMORY_SOURCES, BRAND_MEMORY_TEXT_MAX } from '../../../core/brand-memory/limits.ts';
import { timestamps } from '../columns.ts';
import { users } from './auth.ts';
import { brands } from './workspace.ts';

export const brandMemories = pgTable(
  'brand_memories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    /** Who first wrote it down: the owner, or the coach (stored only once the owner saved it). */
    source: text('source', { enum: BRAND_MEMORY_SOURCES }).notNull().default('owner'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    // A brand's facts in the order they were remembered: the list, the coach's context, the cascade.
    index('brand_memories_brand_id_idx').on(table.brandId, table.createdAt, table.id),
    index('brand_memories_user_id_idx').on(table.userId),
    check(
      'brand_memories_text_length',
      sql`char_length(${table.text}) between 1 and ${sql.raw(String(BRAND_MEMORY_TEXT_MAX))}`,
    ),
    check('brand_memories_source', sql`${table.source} in ('owner', 'coach-suggested')`),
  ],
);
