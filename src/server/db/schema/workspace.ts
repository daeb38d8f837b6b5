/**
 * Brands and the items users write in the workspace, with their revision history
 * (docs/decisions/0015-workspace-persistence.md). Every row carries `user_id` so ownership checks,
 * account export and account deletion work the same way for every table.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { users } from './auth.ts';

export const brands = pgTable(
  'brands',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The brand created for a new account; at most one live default per user. */
    isDefault: boolean('is_default').notNull().default(false),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    index('brands_user_id_idx').on(table.userId, table.createdAt),
    uniqueIndex('brands_one_default_per_user_idx')
      .on(table.userId)
      .where(sql`${table.isDefault} and ${table.deletedAt} is null`),
  ],
);

export const workspaceItems = pgTable(
  'workspace_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** Incremented by every save; a save based on an older version is a conflict. */
    version: integer('version').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    sources: jsonb('sources').$type<Record<string, 'user' | 'ai'>>().notNull().default({}),
    /** Singleton kinds carry their kind here so a brand can hold only one live item of each. */
    singletonKey: text('singleton_key'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    index('workspace_items_brand_id_kind_idx').on(table.brandId, table.kind, table.createdAt),
    index('workspace_items_user_id_idx').on(table.userId),
    uniqueIndex('workspace_items_one_singleton_per_brand_idx')
      .on(table.brandId, table.singletonKey)
      .where(sql`${table.singletonKey} is not null and ${table.deletedAt} is null`),
  ],
);

export const workspaceItemRevisions = pgTable(
  'workspace_item_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => workspaceItems.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    sources: jsonb('sources').$type<Record<string, 'user' | 'ai'>>().notNull().default({}),
    /** RevisionOrigin (core/workspace/items.ts); `coach`: a chat proposal the owner accepted. */
    origin: text('origin', {
      enum: ['edit', 'restore', 'import', 'create', 'duplicate', 'coach'],
    }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('workspace_item_revisions_item_id_version_idx').on(table.itemId, table.version),
    index('workspace_item_revisions_user_id_idx').on(table.userId),
  ],
);
