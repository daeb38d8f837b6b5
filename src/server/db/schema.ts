/**
 * The database schema. Conventions for every table (see docs/decisions/0004-database.md):
 * uuid `id`, `created_at` / `updated_at` timestamps, `deleted_at` on user content (soft delete), and an
 * index on every foreign key. The auth tables' shape is dictated by better-auth; their JS field names
 * are the ones better-auth expects.
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
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns.ts';
import { brands } from './schema/workspace.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email').notNull().unique(),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    role: text('role', { enum: ['user', 'admin'] })
      .notNull()
      .default('user'),
    ...timestamps,
  },
  // Emails are stored lower-cased; this index makes case-insensitive uniqueness a database guarantee.
  (table) => [uniqueIndex('users_email_lower_unique').on(sql`lower(${table.email})`)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    token: text('token').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    ...timestamps,
  },
  (table) => [index('sessions_user_id_idx').on(table.userId)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text('scope'),
    password: text('password'),
    ...timestamps,
  },
  (table) => [index('accounts_user_id_idx').on(table.userId)],
);

export const verifications = pgTable(
  'verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (table) => [index('verifications_identifier_idx').on(table.identifier)],
);

/** Fixed-window counters for throttling; shared by every app instance through the database. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
    windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('rate_limits_window_ends_at_idx').on(table.windowEndsAt)],
);

/** The dev outbox: mail that would have been sent when no SMTP server is configured. */
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    /** Attachments are not kept in the outbox, only their names. */
    attachmentNames: jsonb('attachment_names').$type<string[]>().notNull().default([]),
    ...timestamps,
  },
  (table) => [index('outbox_emails_created_at_idx').on(table.createdAt)],
);

/**
 * One take of the diagnostic. Anonymous takes are keyed by a hash of the browser's anonymous token
 * (the raw token lives only in the HttpOnly cookie); claiming moves them to the account.
 */
export const diagnosticResults = pgTable(
  'diagnostic_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
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
    index('diagnostic_results_user_id_created_at_idx').on(table.userId, table.createdAt),
    index('diagnostic_results_anonymous_token_hash_idx').on(table.anonymousTokenHash),
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

/** A coach conversation; soft-deleted so a mistaken delete can be undone by support. */
export const chatSessions = pgTable(
  'chat_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The brand the conversation is about; null for conversations started before brands existed. */
    brandId: uuid('brand_id').references(() => brands.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    index('chat_sessions_user_id_last_message_at_idx').on(table.userId, table.lastMessageAt),
    index('chat_sessions_brand_id_idx').on(table.brandId),
  ],
);

/** One turn of a conversation; assistant turns are stored only once their answer is complete. */
export const chatMessages = pgTable(
  'chat_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => chatSessions.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['user', 'assistant'] }).notNull(),
    content: text('content').notNull(),
    followUps: jsonb('follow_ups').$type<string[]>().notNull().default([]),
    provider: text('provider'),
    promptVersion: integer('prompt_version'),
    notice: text('notice'),
    ...timestamps,
  },
  (table) => [index('chat_messages_session_id_created_at_idx').on(table.sessionId, table.createdAt)],
);
export * from './schema/account-lifecycle.ts';
export * from './schema/backups.ts';
export * from './schema/idea.ts';
export * from './schema/jobs.ts';
export * from './schema/system.ts';
export * from './schema/value-lens.ts';
export * from './schema/workspace.ts';
