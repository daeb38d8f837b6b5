/**
 * Value Lens generations: each brief, the copy the coach wrote for it (already held to the format's
 * length limit) and which prompt version wrote it. Soft-deleted from the history.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { aiCalls } from './ai.ts';
import { users } from './auth.ts';
import { brands, workspaceItems } from './workspace.ts';

export const valueLensGenerations = pgTable(
  'value_lens_generations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    /** The avatar written for; cleared if that avatar row is ever removed for good. */
    avatarId: uuid('avatar_id').references(() => workspaceItems.id, { onDelete: 'set null' }),
    avatarName: text('avatar_name'),
    usedCanvas: boolean('used_canvas').notNull().default(false),
    /** The brief as the user wrote it (without the gathered context). */
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    /** `{ format, variants, notes, limit }`, within the format's limit. */
    output: jsonb('output').$type<Record<string, unknown>>().notNull(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    promptVersion: integer('prompt_version').notNull(),
    cached: boolean('cached').notNull().default(false),
    notice: jsonb('notice').$type<{ code: string; message: string } | null>(),
    /** The AI call that wrote it, which a thumbs up / down names (ADR 0051); null before that existed. */
    aiCallId: uuid('ai_call_id').references(() => aiCalls.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [
    // The history: one user's live generations for a brand, newest first.
    index('value_lens_generations_history_idx')
      .on(table.userId, table.brandId, table.createdAt.desc(), table.id.desc())
      .where(sql`${table.deletedAt} is null`),
    index('value_lens_generations_brand_id_idx').on(table.brandId),
    index('value_lens_generations_avatar_id_idx').on(table.avatarId),
    index('value_lens_generations_ai_call_id_idx').on(table.aiCallId),
  ],
);
