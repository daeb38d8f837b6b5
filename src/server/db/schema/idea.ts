/**
 * Insight snapshots: frozen copies of a brand's Insight worksheet and trigger-assessment result,
 * taken when the user submits the module (PDF and email are made from them). Every row carries
 * `user_id` so ownership checks, account export and deletion work as for every other table.
 */
import { index, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { InsightSnapshotData } from '../../../core/workspace/insight-snapshot.ts';
import { timestamps } from '../columns.ts';
import { users } from './auth.ts';
import { brands } from './workspace.ts';

export const insightSnapshots = pgTable(
  'insight_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    data: jsonb('data').$type<InsightSnapshotData>().notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    // Serves the brand's list (newest first) and the brand foreign key.
    index('insight_snapshots_brand_id_created_at_idx').on(table.brandId, table.createdAt),
    index('insight_snapshots_user_id_idx').on(table.userId),
  ],
);
