/** Facts about a database and this build that a backup records and a restore checks. */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from '../../db/client.ts';
import { appliedMigrationCount, MIGRATIONS_FOLDER } from '../../db/migrate.ts';
import { BackupError } from './errors.ts';

interface Journal {
  entries: { idx: number; tag: string }[];
}

function migrationTags(): string[] {
  const journal = JSON.parse(
    readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  return journal.entries.map((entry) => entry.tag);
}

/** How many migrations the database has applied and the name of the last one. */
export async function migrationLevel(
  database: Database,
): Promise<{ applied: number; latest: string | null }> {
  const applied = await appliedMigrationCount(database);
  return { applied, latest: applied > 0 ? (migrationTags()[applied - 1] ?? null) : null };
}

export const migrationsInThisBuild = () => migrationTags().length;

/**
 * This database's identity: the id of its one `database_identity` row (ADR 0032). The migration that
 * made the table made the row; should it have been deleted, a new one is made here, so backups are
 * never taken without an identity (a new identity only ever leaves older backups alone).
 */
export async function databaseIdentityOf(database: Database): Promise<string> {
  try {
    const [row] = await database.query<{ id: string }>(
      `with made as (insert into database_identity default values on conflict (singleton) do nothing returning id)
       select id from made union all select id from database_identity limit 1`,
    );
    if (!row) throw new Error('database_identity returned no row');
    return row.id;
  } catch (error) {
    // 42P01 undefined_table: the build is newer than the database's migrations.
    if ((error as { code?: unknown }).code === '42P01') {
      throw new BackupError(
        'NOT_MIGRATED',
        'The database has no identity table yet: start the app once (or run `npm run db:migrate`) so its migrations are applied, then back up.',
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * Gives the database a new identity, for a restored copy that must not be taken for the original
 * (`npm run restore -- <file> --new-identity`): its backups and the original's then never rotate
 * each other, even in one BACKUP_DIR.
 */
export async function renewDatabaseIdentity(database: Database): Promise<string> {
  await databaseIdentityOf(database);
  const [row] = await database.query<{ id: string }>(
    'update database_identity set id = gen_random_uuid(), updated_at = now() returning id',
  );
  if (!row) throw new BackupError('RESTORE_FAILED', 'The restored database has no identity row to renew.');
  return row.id;
}

/** "PostgreSQL 15.20" or "PGlite 0.5.16 (PostgreSQL 18.6)". */
export async function engineOf(database: Database): Promise<string> {
  const [row] = await database.query<{ version: string }>('select version() as version');
  const text = row?.version ?? '';
  const postgres = /PostgreSQL (\d+(?:\.\d+)*)/.exec(text)?.[1] ?? 'unknown';
  const pglite = /PGlite (\d+(?:\.\d+)*)/.exec(text)?.[1];
  return pglite ? `PGlite ${pglite} (PostgreSQL ${postgres})` : `PostgreSQL ${postgres}`;
}

export async function serverMajorVersion(database: Database): Promise<number> {
  const [row] = await database.query<{ server_version_num: string }>('show server_version_num');
  return Math.floor(Number(row?.server_version_num ?? 0) / 10_000);
}

/** The PGlite instance behind an open database, for its data-folder dump. */
export function pgliteClientOf(database: Database): PGlite {
  const client = (database.db as unknown as { $client?: PGlite }).$client;
  if (!client || typeof client.dumpDataDir !== 'function') {
    throw new BackupError('BACKUP_FAILED', 'The open database does not expose its PGlite instance.');
  }
  return client;
}

export type PgliteDirState = 'missing' | 'empty' | 'in-use' | 'database' | 'other';

/**
 * What is in a PGlite data folder. PGlite keeps `postmaster.pid` there while an instance has it
 * open (and leaves it after a crash); PGlite itself takes no lock, so two processes opening one
 * folder would corrupt it — this file is the only sign another process may be using it.
 */
export async function pgliteDirState(dataDir: string): Promise<PgliteDirState> {
  let entries: string[];
  try {
    entries = await readdir(dataDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  if (entries.length === 0) return 'empty';
  if (entries.includes('postmaster.pid')) return 'in-use';
  return entries.includes('PG_VERSION') ? 'database' : 'other';
}

export function dataDirInUseError(dataDir: string): BackupError {
  return new BackupError(
    'DATA_DIR_IN_USE',
    `${dataDir} is open in another process (postmaster.pid is present). PGlite has no file lock, so a second ` +
      'process must not open it: stop the app first, or let the app take the backup itself (the daily backup ' +
      'job runs inside the app). If no process is using the folder (the app crashed), start and stop the app ' +
      'once so PGlite recovers and removes the file.',
  );
}
