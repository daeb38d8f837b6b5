/**
 * Applies drizzle-kit's SQL migrations. Several instances may start at once, so the whole run holds
 * a PostgreSQL advisory lock: the first applies, the others wait and then find nothing to do.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Database, Schema } from './client.ts';

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATIONS_TABLE = '__drizzle_migrations';
const MIGRATIONS_SCHEMA = 'drizzle';
/** Arbitrary but fixed: identifies "schema migration" among advisory locks. */
const MIGRATION_LOCK_KEY = 7_240_113_901;

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

export function expectedMigrationCount(): number {
  const journal = JSON.parse(
    readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  return journal.entries.length;
}

export async function runMigrations(
  database: Database,
  postgresUrl?: string,
  /** Another folder of drizzle-kit migrations (a test applies a prefix of the journal, ADR 0050). */
  migrationsFolder: string = MIGRATIONS_FOLDER,
): Promise<void> {
  const options = {
    migrationsFolder,
    migrationsTable: MIGRATIONS_TABLE,
    migrationsSchema: MIGRATIONS_SCHEMA,
  };
  if (database.kind === 'pglite') {
    // PGlite lives inside this one process; nothing else can race it.
    await migratePglite(database.db as unknown as PgliteDatabase<Schema>, options);
    return;
  }
  if (!postgresUrl) throw new Error('runMigrations needs the PostgreSQL URL to hold the migration lock');
  // The lock is held on a dedicated connection for the whole run: advisory locks belong to a session.
  const lockClient = new pg.Client({ connectionString: postgresUrl });
  await lockClient.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePostgres(database.db as unknown as NodePgDatabase<Schema>, options);
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await lockClient.end();
  }
}

/** How many migrations the database has applied (0 before the first run). */
export async function appliedMigrationCount(database: Database): Promise<number> {
  const [table] = await database.query<{ name: string | null }>('select to_regclass($1)::text as name', [
    `${MIGRATIONS_SCHEMA}.${MIGRATIONS_TABLE}`,
  ]);
  if (!table?.name) return 0;
  const [row] = await database.query<{ applied: number }>(
    `select count(*)::int as applied from ${MIGRATIONS_SCHEMA}.${MIGRATIONS_TABLE}`,
  );
  return row?.applied ?? 0;
}
