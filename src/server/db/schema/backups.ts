/** Backups: which database this is, and the history of backup runs. */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../columns.ts';

/**
 * Which database this is: exactly one row (the `singleton` column can only be true and is unique),
 * with a random id, made by the migration that created the table. Backups carry the id in their file
 * names and manifests, and rotation deletes only backups of its own database, so several databases
 * can share one BACKUP_DIR without deleting each other's files. A restore brings the backup's row
 * along: the restored database continues the one the backup was taken from (ADR 0032).
 */
export const databaseIdentity = pgTable(
  'database_identity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    singleton: boolean('singleton').notNull().default(true).unique(),
    ...timestamps,
  },
  (table) => [check('database_identity_one_row', sql`${table.singleton}`)],
);

/**
 * One row per backup attempt (successful or not), so operators and the admin System page can see
 * when the last good backup was taken without listing the backup folder. Holds no user content.
 */
export const backupRuns = pgTable(
  'backup_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    durationMs: integer('duration_ms').notNull(),
    outcome: text('outcome', { enum: ['success', 'failure'] }).notNull(),
    /** What started it: the `npm run backup` command or the scheduled job. */
    trigger: text('trigger', { enum: ['cli', 'job'] }).notNull(),
    databaseKind: text('database_kind', { enum: ['pglite', 'postgres'] }).notNull(),
    /** File name inside BACKUP_DIR; null when the run failed before a file existed. */
    fileName: text('file_name'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    /** SHA-256 (hex) of the file's bytes as stored, i.e. after encryption. */
    sha256: text('sha256'),
    encrypted: boolean('encrypted').notNull().default(false),
    /** Backups deleted by rotation after this run. */
    rotatedCount: integer('rotated_count').notNull().default(0),
    error: text('error'),
    ...timestamps,
  },
  (table) => [
    index('backup_runs_started_at_idx').on(table.startedAt),
    index('backup_runs_outcome_started_at_idx').on(table.outcome, table.startedAt),
  ],
);
