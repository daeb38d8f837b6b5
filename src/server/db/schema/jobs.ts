/**
 * The job queue and scheduler (docs/decisions/0018-jobs-and-data-lifecycle.md). One row per run:
 * scheduled jobs use their slot (e.g. the UTC date) as `run_key`, so the unique (name, run_key) pair
 * is what makes each slot run once however many instances enqueue it; ad-hoc jobs use a random key.
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../columns.ts';

export const JOB_STATUSES = ['pending', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    runKey: text('run_key').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    runAfter: timestamp('run_after', { withTimezone: true }).notNull(),
    /** The instance running it and until when; a lease that runs out is taken over by another. */
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('jobs_name_run_key_unique').on(table.name, table.runKey),
    // The claim query: due pending jobs, and running ones whose lease ran out.
    index('jobs_claim_idx').on(table.runAfter).where(sql`${table.status} = 'pending'`),
    index('jobs_lease_idx').on(table.lockedUntil).where(sql`${table.status} = 'running'`),
    index('jobs_finished_at_idx').on(table.finishedAt),
  ],
);
