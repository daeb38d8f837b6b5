/**
 * The AI engine: daily quota counters, monthly spend and its alerts, versioned prompts, the call
 * ledger, the answer cache and the embedding cache.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from '../columns.ts';
import { users } from './auth.ts';

/** AI requests per user per UTC day; the quota is one conditional upsert on this row. */
export const aiDailyUsage = pgTable(
  'ai_daily_usage',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    used: integer('used').notNull(),
    ...timestamps,
  },
  // The primary key leads with user_id, so it also serves as the foreign-key index.
  (table) => [
    primaryKey({ columns: [table.userId, table.day] }),
    index('ai_daily_usage_day_idx').on(table.day),
  ],
);

/**
 * Spending per month: one row for the whole platform (`user_id` null, key "global:YYYY-MM") and one
 * per user ("user:<id>:YYYY-MM"). `reserved_micros` holds worst-case amounts of calls in flight.
 */
export const aiSpend = pgTable(
  'ai_spend',
  {
    key: text('key').primaryKey(),
    month: text('month').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    spentMicros: bigint('spent_micros', { mode: 'number' }).notNull().default(0),
    reservedMicros: bigint('reserved_micros', { mode: 'number' }).notNull().default(0),
    ...timestamps,
  },
  (table) => [index('ai_spend_user_id_idx').on(table.userId), index('ai_spend_month_idx').on(table.month)],
);

/** Spending alerts; the unique (month, threshold) pair is what makes each alert fire once. */
export const aiSpendAlerts = pgTable(
  'ai_spend_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    month: text('month').notNull(),
    thresholdMicros: bigint('threshold_micros', { mode: 'number' }).notNull(),
    spentMicros: bigint('spent_micros', { mode: 'number' }).notNull(),
    notifiedCount: integer('notified_count').notNull().default(0),
    ...timestamps,
  },
  (table) => [uniqueIndex('ai_spend_alerts_month_threshold_unique').on(table.month, table.thresholdMicros)],
);

/** Versioned prompts per task; at most one published version per prompt. */
export const aiPrompts = pgTable(
  'ai_prompts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    promptId: text('prompt_id').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'published', 'archived'] }).notNull(),
    body: text('body').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('ai_prompts_prompt_id_version_unique').on(table.promptId, table.version),
    uniqueIndex('ai_prompts_one_published').on(table.promptId).where(sql`${table.status} = 'published'`),
    index('ai_prompts_created_by_idx').on(table.createdBy),
  ],
);

/** The ledger: one row per AI request, whoever answered it (provider, cache or offline coach). */
export const aiCalls = pgTable(
  'ai_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    task: text('task').notNull(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    promptId: text('prompt_id').notNull(),
    promptVersion: integer('prompt_version').notNull(),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    costMicros: bigint('cost_micros', { mode: 'number' }).notNull().default(0),
    latencyMs: integer('latency_ms').notNull(),
    cacheHit: boolean('cache_hit').notNull().default(false),
    /** ok | fallback-outage | fallback-cap | invalid-output | error */
    outcome: text('outcome').notNull(),
    attempts: integer('attempts').notNull().default(0),
    ...timestamps,
  },
  (table) => [
    index('ai_calls_user_id_created_at_idx').on(table.userId, table.createdAt),
    index('ai_calls_created_at_idx').on(table.createdAt),
  ],
);

/** Provider answers by request hash; never consulted for chat. */
export const aiCache = pgTable(
  'ai_cache',
  {
    key: text('key').primaryKey(),
    task: text('task').notNull(),
    model: text('model').notNull(),
    promptVersion: integer('prompt_version').notNull(),
    output: jsonb('output').$type<Record<string, unknown>>().notNull(),
    hits: integer('hits').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (table) => [index('ai_cache_expires_at_idx').on(table.expiresAt)],
);

/**
 * Embeddings by content: one vector per (model, SHA-256 of the text), made once and reused by every
 * user and brand — a vector tells nobody anything they could not compute from the text itself
 * (docs/decisions/0036-vector-search-when-available.md). `model` names the model and, when set, the
 * requested dimensions. A plain `real[]`, so the cache needs no extension.
 */
export const aiEmbeddings = pgTable(
  'ai_embeddings',
  {
    model: text('model').notNull(),
    textSha256: text('text_sha256').notNull(),
    dimensions: integer('dimensions').notNull(),
    embedding: real('embedding').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Moved forward (at most daily) whenever the entry is reused; unused entries are purged. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.model, table.textSha256] }),
    index('ai_embeddings_last_used_at_idx').on(table.lastUsedAt),
  ],
);
