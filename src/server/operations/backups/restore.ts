/**
 * Restores a backup into the configured database. Every check that can fail on a bad file or a bad
 * target runs before the target is touched: manifest and SHA-256, database kind, migration level,
 * target emptiness, decryption (GCM-authenticated) and the archive's readability. Then:
 *
 * - PostgreSQL: `pg_restore` turns the archive into SQL that `psql` applies in ONE transaction
 *   (with `--force`, after dropping the existing schemas in that same transaction), so a restore
 *   either fully happens or leaves the database as it was.
 * - PGlite: the archive is unpacked into a new folder next to DATA_DIR, opened and migrated there,
 *   and only then swapped in; with `--force` the old folder is kept beside it, renamed.
 *
 * Afterwards pending migrations run (the backup may predate this build).
 *
 * The restored database has the backup's identity (ADR 0032): it continues the database the backup
 * was taken from, and rotates that database's backups. A copy restored beside a database that is
 * still in use (a staging clone) takes `newIdentity`, so the two never rotate each other's backups.
 */

import { openAsBlob } from 'node:fs';
import { mkdtemp, rename, rm, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { AppConfig } from '../../config.ts';
import { type Database, openDatabase } from '../../db/client.ts';
import { appliedMigrationCount, runMigrations } from '../../db/migrate.ts';
import {
  databaseIdentityOf,
  dataDirInUseError,
  migrationsInThisBuild,
  pgliteDirState,
  renewDatabaseIdentity,
} from './database-info.ts';
import { decryptFile, keyIdOf } from './encryption.ts';
import { BackupError } from './errors.ts';
import { type TableRowCount, tableRowCounts } from './fingerprint.ts';
import { type BackupManifest, readManifest, sha256OfFile } from './manifest.ts';
import { captureStderr, exitOf, findPgTool, libpqConnection, spawnTool } from './pg-tools.ts';

export interface RestoreOptions {
  config: AppConfig;
  /** The backup file; its manifest must be next to it. */
  file: string;
  /** Replace a database that already holds data. */
  force?: boolean;
  /** Give the restored database a new identity instead of the backup's (a copy, not a recovery). */
  newIdentity?: boolean;
  /** Progress lines, as each step finishes. */
  onStep?: (step: RestoreStep) => void;
}

export interface RestoreStep {
  name: string;
  ms: number;
  detail: string;
}

export interface RestoreReport {
  manifest: BackupManifest;
  steps: RestoreStep[];
  migrationsApplied: number;
  /** Rows per table in the restored database. */
  tables: TableRowCount[];
  /** The restored database's identity: the backup's, or a new one with `newIdentity`. */
  databaseId: string;
  /** PGlite with --force: where the replaced data folder was moved. */
  previousDataDir: string | null;
}

/** Objects (tables, views, sequences) outside the system schemas. */
const USER_OBJECTS_SQL = `
  select count(*)::int as objects from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
    and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'`;

const USER_SCHEMAS_SQL = `
  select nspname as name from pg_namespace
  where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_%'`;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function withPgClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function verifyFile(file: string): Promise<BackupManifest> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new BackupError('FILE_MISSING', `No backup file at ${file}.`);
  }
  const manifest = await readManifest(file);
  if (size < manifest.sizeBytes) {
    throw new BackupError(
      'TRUNCATED',
      `The backup is truncated: ${size} bytes on disk, ${manifest.sizeBytes} when it was written (an incomplete copy?).`,
    );
  }
  const sha256 = await sha256OfFile(file);
  if (size !== manifest.sizeBytes || sha256 !== manifest.sha256) {
    throw new BackupError(
      'CHECKSUM_MISMATCH',
      `The backup is corrupted: its SHA-256 is ${sha256}, the manifest says ${manifest.sha256}.`,
    );
  }
  return manifest;
}

function checkCompatible(config: AppConfig, manifest: BackupManifest): void {
  if (manifest.database !== config.database.kind) {
    throw new BackupError(
      'DATABASE_KIND_MISMATCH',
      `This is a ${manifest.database} backup but the configured database is ${config.database.kind}; ` +
        (manifest.database === 'postgres' ? 'set DATABASE_URL.' : 'unset DATABASE_URL and set DATA_DIR.'),
    );
  }
  const known = migrationsInThisBuild();
  if (manifest.migrations.applied > known) {
    throw new BackupError(
      'BACKUP_NEWER_THAN_APP',
      `The backup has ${manifest.migrations.applied} migrations applied but this build knows ${known}: ` +
        `restore it with app version ${manifest.appVersion} or newer.`,
    );
  }
}

/** Refuses before anything is changed: an in-use or non-empty target (non-empty only without --force). */
async function checkTarget(config: AppConfig, force: boolean): Promise<string> {
  if (config.database.kind === 'postgres') {
    const objects = await withPgClient(config.database.url, async (client) => {
      const result = await client.query<{ objects: number }>(USER_OBJECTS_SQL);
      return result.rows[0]?.objects ?? 0;
    });
    if (objects > 0 && !force) {
      throw new BackupError(
        'TARGET_NOT_EMPTY',
        `The target database already holds ${objects} tables/sequences. Restore into an empty database, or pass --force to replace its contents.`,
      );
    }
    return objects > 0 ? `not empty (${objects} objects), replacing` : 'empty';
  }
  const { dataDir } = config.database;
  if (dataDir.startsWith('memory://')) {
    throw new BackupError(
      'IN_MEMORY_DATABASE',
      'DATA_DIR is memory://; set DATA_DIR to a folder to restore into.',
    );
  }
  const state = await pgliteDirState(dataDir);
  if (state === 'in-use') throw dataDirInUseError(dataDir);
  if ((state === 'database' || state === 'other') && !force) {
    throw new BackupError(
      'TARGET_NOT_EMPTY',
      `${dataDir} is not empty. Restore into an empty or new DATA_DIR, or pass --force to replace it (the old folder is kept, renamed).`,
    );
  }
  return state === 'missing' || state === 'empty' ? 'empty' : 'not empty, replacing (old folder kept)';
}

async function decryptIfNeeded(
  config: AppConfig,
  file: string,
  manifest: BackupManifest,
  workDir: string,
): Promise<string> {
  if (!manifest.encrypted) return file;
  const key = config.backup.encryptionKey;
  if (!key) {
    throw new BackupError(
      'KEY_MISSING',
      `The backup is encrypted (key ${manifest.encryption?.keyId}); set BACKUP_ENCRYPTION_KEY to that key.`,
    );
  }
  if (manifest.encryption && manifest.encryption.keyId !== keyIdOf(key)) {
    throw new BackupError(
      'WRONG_KEY',
      `Wrong key: the backup was encrypted with key ${manifest.encryption.keyId}, but BACKUP_ENCRYPTION_KEY is key ${keyIdOf(key)}.`,
    );
  }
  const plain = path.join(workDir, 'backup.plain');
  await decryptFile(file, plain, key);
  return plain;
}

/** `pg_restore --list` reads the whole table of contents: a damaged or foreign archive fails here. */
async function checkPgArchive(pgRestore: string, archive: string): Promise<void> {
  const child = spawnTool(pgRestore, ['--list', archive], process.env);
  child.stdout?.resume();
  try {
    await exitOf(child, 'pg_restore --list', captureStderr(child));
  } catch (error) {
    throw new BackupError(
      'ARCHIVE_INVALID',
      `The file is not a readable pg_dump archive: ${(error as Error).message}`,
    );
  }
}

async function restorePostgres(
  config: AppConfig,
  url: string,
  archive: string,
  force: boolean,
): Promise<void> {
  const [pgRestore, psql] = await Promise.all([
    findPgTool('pg_restore', config.backup.tools),
    findPgTool('psql', config.backup.tools),
  ]);
  await checkPgArchive(pgRestore, archive);
  let prelude = '';
  if (force) {
    const schemas = await withPgClient(
      url,
      async (client) => (await client.query<{ name: string }>(USER_SCHEMAS_SQL)).rows,
    );
    prelude = `${schemas.map((schema) => `drop schema ${quoteIdent(schema.name)} cascade;`).join('\n')}\ncreate schema public;\n`;
  }
  const { dbname, env } = libpqConnection(url);
  // Ownership and grants name roles of the source server; the restoring user owns everything instead.
  const decoder = spawnTool(pgRestore, ['--no-owner', '--no-privileges', '--file=-', archive], env);
  const applier = spawnTool(
    psql,
    [
      '--no-psqlrc',
      '--quiet',
      '--no-password',
      '--set=ON_ERROR_STOP=1',
      '--single-transaction',
      '--file=-',
      `--dbname=${dbname}`,
    ],
    env,
  );
  const decoded = exitOf(decoder, 'pg_restore', captureStderr(decoder));
  const applied = exitOf(applier, 'psql', captureStderr(applier));
  applier.stdout?.resume();
  if (!decoder.stdout || !applier.stdin)
    throw new BackupError('RESTORE_FAILED', 'Could not connect pg_restore to psql.');
  applier.stdin.write(prelude);
  const piped = pipeline(decoder.stdout, applier.stdin);
  const results = await Promise.allSettled([decoded, applied, piped]);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) {
    decoder.kill();
    applier.kill();
    throw new BackupError(
      'RESTORE_FAILED',
      `The restore failed and was rolled back: ${(failure.reason as Error).message}`,
      { cause: failure.reason },
    );
  }
}

/** Unpacks into a fresh folder; PGlite opening it proves the archive is complete. */
async function unpackPglite(archive: string, stagingDir: string): Promise<void> {
  try {
    const instance = await PGlite.create({ dataDir: stagingDir, loadDataDir: await openAsBlob(archive) });
    await instance.close();
  } catch (error) {
    await rm(stagingDir, { recursive: true, force: true });
    throw new BackupError(
      'ARCHIVE_INVALID',
      `The file is not a readable PGlite data archive: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

async function migrate(database: Database, postgresUrl: string | undefined): Promise<number> {
  const before = await appliedMigrationCount(database);
  await runMigrations(database, postgresUrl);
  return (await appliedMigrationCount(database)) - before;
}

/** Runs named, timed steps and reports each as it finishes. */
function stepper(steps: RestoreStep[], onStep: RestoreOptions['onStep']) {
  return async <T>(name: string, work: () => Promise<T>, detail: (value: T) => string): Promise<T> => {
    const started = performance.now();
    const value = await work();
    const entry = { name, ms: Math.round(performance.now() - started), detail: detail(value) };
    steps.push(entry);
    onStep?.(entry);
    return value;
  };
}

const verifiedDetail = (manifest: BackupManifest) =>
  `${manifest.file}: ${manifest.sizeBytes} bytes, SHA-256 matches the manifest (${manifest.database}, ${manifest.createdAt})`;

export interface VerifyReport {
  manifest: BackupManifest;
  steps: RestoreStep[];
  /** PGlite backups are opened, so their rows can be counted; PostgreSQL archives are listed only. */
  tables: TableRowCount[] | null;
}

/**
 * Everything a restore checks about the file, without a target: checksum, decryption and a full
 * read of the archive (PGlite: opened in a scratch folder; PostgreSQL: `pg_restore --list`).
 * Use it on off-site copies.
 */
export async function verifyBackup(options: Omit<RestoreOptions, 'force'>): Promise<VerifyReport> {
  const file = path.resolve(options.file);
  const steps: RestoreStep[] = [];
  const step = stepper(steps, options.onStep);
  const manifest = await step('verify', () => verifyFile(file), verifiedDetail);
  const workDir = await mkdtemp(path.join(tmpdir(), 'ibc-verify-'));
  try {
    const archive = await step(
      'decrypt',
      () => decryptIfNeeded(options.config, file, manifest, workDir),
      (value) => (value === file ? 'not encrypted' : 'AES-256-GCM authenticated'),
    );
    if (manifest.database === 'postgres') {
      const pgRestore = await findPgTool('pg_restore', options.config.backup.tools);
      await step(
        'read archive',
        () => checkPgArchive(pgRestore, archive),
        () => 'pg_restore --list reads the whole table of contents',
      );
      return { manifest, steps, tables: null };
    }
    const scratch = path.join(workDir, 'pgdata');
    const tables = await step(
      'read archive',
      async () => {
        await unpackPglite(archive, scratch);
        const database = await openDatabase({ kind: 'pglite', dataDir: scratch });
        try {
          return await tableRowCounts(database);
        } finally {
          await database.close();
        }
      },
      (counts) =>
        `opened: ${counts.length} tables, ${counts.reduce((sum, table) => sum + table.rows, 0)} rows`,
    );
    return { manifest, steps, tables };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const { config } = options;
  const force = options.force ?? false;
  const file = path.resolve(options.file);
  const steps: RestoreStep[] = [];
  const step = stepper(steps, options.onStep);

  const manifest = await step('verify', () => verifyFile(file), verifiedDetail);
  checkCompatible(config, manifest);
  await step(
    'check target',
    () => checkTarget(config, force),
    (value) => value,
  );

  const summarise = async (database: Database, postgresUrl: string | undefined) => {
    const migrationsApplied = await step(
      'migrate',
      () => migrate(database, postgresUrl),
      (count) => `${count} pending migration(s) applied`,
    );
    const databaseId = options.newIdentity
      ? await step(
          'new identity',
          () => renewDatabaseIdentity(database),
          (id) => `the restored database is ${id}, not the backup's ${manifest.databaseId ?? '(none)'}`,
        )
      : await databaseIdentityOf(database);
    const tables = await step(
      'count rows',
      () => tableRowCounts(database),
      (counts) => `${counts.length} tables, ${counts.reduce((sum, table) => sum + table.rows, 0)} rows`,
    );
    return { migrationsApplied, tables, databaseId };
  };

  const workDir = await mkdtemp(path.join(tmpdir(), 'ibc-restore-'));
  try {
    const archive = await step(
      'decrypt',
      () => decryptIfNeeded(config, file, manifest, workDir),
      (value) => (value === file ? 'not encrypted' : 'AES-256-GCM authenticated'),
    );

    if (config.database.kind === 'postgres') {
      const { url } = config.database;
      await step(
        'restore',
        () => restorePostgres(config, url, archive, force),
        () => 'pg_restore | psql, one transaction',
      );
      const database = await openDatabase({ kind: 'postgres', url, poolMax: 2 });
      try {
        const summary = await summarise(database, url);
        return { manifest, steps, ...summary, previousDataDir: null };
      } finally {
        await database.close();
      }
    }

    const { dataDir } = config.database;
    const stamp = new Date().toISOString().replace(/[-:.]/g, '');
    const stagingDir = `${dataDir}.restoring-${stamp}`;
    await step(
      'restore',
      () => unpackPglite(archive, stagingDir),
      () => `unpacked into ${stagingDir}`,
    );
    let summary: Awaited<ReturnType<typeof summarise>>;
    try {
      const database = await openDatabase({ kind: 'pglite', dataDir: stagingDir });
      try {
        summary = await summarise(database, undefined);
      } finally {
        await database.close();
      }
    } catch (error) {
      await rm(stagingDir, { recursive: true, force: true });
      throw error;
    }
    const previousDataDir = await step(
      'swap in',
      () => swapIn(dataDir, stagingDir, stamp),
      (value) => (value ? `${dataDir} replaced; the old folder is ${value}` : `${dataDir} created`),
    );
    return { manifest, steps, ...summary, previousDataDir };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Moves the restored folder into place; a replaced folder is kept beside it rather than deleted. */
async function swapIn(dataDir: string, stagingDir: string, stamp: string): Promise<string | null> {
  // Checked again: the app may have been started while the restore ran.
  const state = await pgliteDirState(dataDir);
  if (state === 'in-use') {
    await rm(stagingDir, { recursive: true, force: true });
    throw dataDirInUseError(dataDir);
  }
  let previous: string | null = null;
  if (state === 'empty') await rmdir(dataDir);
  if (state === 'database' || state === 'other') {
    previous = `${dataDir}.before-restore-${stamp}`;
    await rename(dataDir, previous);
  }
  await rename(stagingDir, dataDir);
  return previous;
}
