/**
 * Takes one consistent backup of the configured database into BACKUP_DIR, writes its manifest,
 * rotates old backups and records the run in `backup_runs`.
 *
 * - PostgreSQL: `pg_dump --format=custom`, which reads everything in one snapshot.
 * - PGlite: the open instance's own data-folder dump (`dumpDataDir`, a gzip tar). It runs inside the
 *   PGlite instance's query lock after a CHECKPOINT, so it is a consistent copy that PGlite of the
 *   same version opens directly. It must be taken by the process that has the folder open — the app
 *   (its scheduled job) or, with the app stopped, `npm run backup`.
 *
 * Bytes are streamed: dump → (AES-256-GCM) → SHA-256 → file, so a large dump never sits in memory.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { AppConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { appVersion } from '../../platform/version.ts';
import {
  databaseIdentityOf,
  engineOf,
  migrationLevel,
  pgliteClientOf,
  serverMajorVersion,
} from './database-info.ts';
import { createEncryptStream, keyIdOf } from './encryption.ts';
import { BackupError } from './errors.ts';
import { type BackupManifest, MANIFEST_SUFFIX, readManifest, writeManifest } from './manifest.ts';
import {
  captureStderr,
  exitOf,
  findPgTool,
  libpqConnection,
  spawnTool,
  toolMajorVersion,
} from './pg-tools.ts';
import { type BackupInFolder, planOwnRotation } from './rotation.ts';
import { recordBackupRun } from './runs.ts';

/** pino-compatible, so the app's logger can be passed as is. */
export interface BackupLogger {
  info(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface BackupDeps {
  config: AppConfig;
  /** The open database to back up; for PGlite it must be the instance that owns the folder. */
  database: Database;
  trigger?: 'cli' | 'job';
  logger?: BackupLogger;
  now?: () => Date;
  /** Delete old backups per the rotation policy afterwards (default true). */
  rotate?: boolean;
}

export interface BackupResult {
  /** Absolute path of the backup file; its manifest is next to it. */
  file: string;
  manifest: BackupManifest;
  /** File names deleted by rotation. */
  rotated: string[];
}

/** `ibc-<kind>-<database>-<time>-<random>.<ext>[.enc]`, the database being its identity's first 12 hex digits. */
const BACKUP_NAME =
  /^ibc-(pglite|postgres)-([0-9a-f]{12})-\d{8}T\d{6}Z-[0-9a-f]{6}\.(tar\.gz|pgdump)(\.enc)?$/;

/** The part of a backup's name that says which database it is from (the manifest has the full id). */
export const shortDatabaseId = (databaseId: string) =>
  databaseId.replaceAll('-', '').slice(0, 12).toLowerCase();

export function backupFileName(
  kind: Database['kind'],
  databaseId: string,
  at: Date,
  encrypted: boolean,
): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const extension = kind === 'pglite' ? 'tar.gz' : 'pgdump';
  // The random part keeps two backups started in the same second (CLI and job) apart.
  const unique = randomBytes(3).toString('hex');
  return `ibc-${kind}-${shortDatabaseId(databaseId)}-${stamp}-${unique}.${extension}${encrypted ? '.enc' : ''}`;
}

/** Counts and hashes the bytes flowing to the file. */
function measuring() {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest('hex'), sizeBytes: size }) };
}

async function writeDump(source: Readable, target: string, key: Buffer | null) {
  const measure = measuring();
  const file = createWriteStream(target, { mode: 0o600 });
  if (key) await pipeline(source, createEncryptStream(key), measure.stream, file);
  else await pipeline(source, measure.stream, file);
  // The file must be on disk before the manifest calls it complete.
  const handle = await open(target, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return measure.result();
}

async function dumpPglite(database: Database, target: string, key: Buffer | null) {
  const client = pgliteClientOf(database);
  // Flush shared buffers first, so the copy needs no WAL replay when it is opened.
  await client.exec('checkpoint');
  const blob = await client.dumpDataDir('gzip');
  const source = Readable.fromWeb(blob.stream() as unknown as WebReadableStream<Uint8Array>);
  return writeDump(source, target, key);
}

async function dumpPostgres(
  config: AppConfig,
  database: Database,
  url: string,
  target: string,
  key: Buffer | null,
) {
  const pgDump = await findPgTool('pg_dump', config.backup.tools);
  const [toolMajor, serverMajor] = await Promise.all([
    toolMajorVersion(pgDump),
    serverMajorVersion(database),
  ]);
  if (toolMajor < serverMajor) {
    throw new BackupError(
      'TOOL_TOO_OLD',
      `${pgDump} is version ${toolMajor} but the server is ${serverMajor}; pg_dump must be the same major version or newer (set PG_DUMP_PATH).`,
    );
  }
  const { dbname, env } = libpqConnection(url);
  const child = spawnTool(pgDump, ['--format=custom', '--no-password', `--dbname=${dbname}`], env);
  const stderr = captureStderr(child);
  const exited = exitOf(child, 'pg_dump', stderr);
  if (!child.stdout) throw new BackupError('BACKUP_FAILED', 'pg_dump has no output stream.');
  const [written, exit] = await Promise.allSettled([writeDump(child.stdout, target, key), exited]);
  if (exit.status === 'rejected') throw exit.reason;
  if (written.status === 'rejected') {
    child.kill();
    throw written.reason;
  }
  return written.value;
}

/**
 * Deletes this database's backups that the rotation policy no longer keeps. Only files named as this
 * tool names them for this database, whose manifest names this database, are candidates; another
 * database's backups in the same folder, and backups from before identities, are never touched.
 */
async function rotate(config: AppConfig, databaseId: string, logger?: BackupLogger): Promise<string[]> {
  const entries = await readdir(config.backup.dir);
  const found: BackupInFolder[] = [];
  for (const entry of entries) {
    if (!entry.endsWith(MANIFEST_SUFFIX)) continue;
    const file = entry.slice(0, -MANIFEST_SUFFIX.length);
    if (BACKUP_NAME.exec(file)?.[2] !== shortDatabaseId(databaseId)) continue;
    try {
      const manifest = await readManifest(path.join(config.backup.dir, file));
      found.push({ name: file, createdAt: new Date(manifest.createdAt), databaseId: manifest.databaseId });
    } catch (error) {
      logger?.error({ file, err: error }, 'backup rotation skipped an unreadable manifest');
    }
  }
  const { remove } = planOwnRotation(found, config.backup.keep, databaseId);
  for (const backup of remove) {
    const file = path.join(config.backup.dir, backup.name);
    await rm(file, { force: true });
    await rm(`${file}${MANIFEST_SUFFIX}`, { force: true });
  }
  return remove.map((backup) => backup.name);
}

/**
 * One backup run. Resolves with the file and manifest; on failure the partial file is removed, the
 * failure is recorded, and the error is rethrown for the caller (CLI exit code, job retry).
 */
export async function runBackup(deps: BackupDeps): Promise<BackupResult> {
  const { config, database } = deps;
  const now = deps.now ?? (() => new Date());
  const trigger = deps.trigger ?? 'job';
  const key = config.backup.encryptionKey;
  const startedAt = now();
  const startedMs = performance.now();
  // Named once the database's identity is known (the name carries it).
  let name: string | null = null;
  let target = '';
  let databaseId = '';
  let manifest: BackupManifest | undefined;
  try {
    databaseId = await databaseIdentityOf(database);
    name = backupFileName(database.kind, databaseId, startedAt, key !== null);
    target = path.join(config.backup.dir, name);
    const partial = `${target}.partial`;
    await mkdir(config.backup.dir, { recursive: true, mode: 0o700 });
    const [migrations, engine] = await Promise.all([migrationLevel(database), engineOf(database)]);
    const written =
      config.database.kind === 'postgres'
        ? await dumpPostgres(config, database, config.database.url, partial, key)
        : await dumpPglite(database, partial, key);
    await rename(partial, target);
    manifest = {
      format: 2,
      file: name,
      createdAt: startedAt.toISOString(),
      database: database.kind,
      databaseId,
      engine,
      contents: database.kind === 'pglite' ? 'pglite-datadir-tar-gz' : 'pg-dump-custom',
      sizeBytes: written.sizeBytes,
      sha256: written.sha256,
      appVersion: appVersion(),
      migrations,
      encrypted: key !== null,
      encryption: key ? { algorithm: 'aes-256-gcm', keyId: keyIdOf(key) } : null,
      durationMs: Math.round(performance.now() - startedMs),
    };
    await writeManifest(target, manifest);
  } catch (error) {
    // Best effort: the cleanup must not hide the original error or skip recording it.
    if (target) {
      await rm(`${target}.partial`, { force: true }).catch(() => {});
      await rm(target, { force: true }).catch(() => {});
    }
    const message = error instanceof Error ? error.message : String(error);
    await record(deps, {
      startedAt,
      finishedAt: now(),
      durationMs: Math.round(performance.now() - startedMs),
      outcome: 'failure',
      trigger,
      databaseKind: database.kind,
      fileName: null,
      sizeBytes: null,
      sha256: null,
      encrypted: key !== null,
      rotatedCount: 0,
      error: message.slice(0, 2000),
    });
    deps.logger?.error({ err: error, file: name }, 'backup failed');
    throw error instanceof BackupError ? error : new BackupError('BACKUP_FAILED', message, { cause: error });
  }

  // Rotation runs only after a complete backup exists, and its failure does not undo the backup.
  let rotated: string[] = [];
  if (deps.rotate !== false) {
    try {
      rotated = await rotate(config, databaseId, deps.logger);
    } catch (error) {
      deps.logger?.error({ err: error }, 'backup rotation failed');
    }
  }
  await record(deps, {
    startedAt,
    finishedAt: now(),
    durationMs: Math.round(performance.now() - startedMs),
    outcome: 'success',
    trigger,
    databaseKind: database.kind,
    fileName: name,
    sizeBytes: manifest.sizeBytes,
    sha256: manifest.sha256,
    encrypted: manifest.encrypted,
    rotatedCount: rotated.length,
    error: null,
  });
  deps.logger?.info(
    {
      file: name,
      sizeBytes: manifest.sizeBytes,
      sha256: manifest.sha256,
      durationMs: manifest.durationMs,
      rotated,
    },
    'backup written',
  );
  return { file: target, manifest, rotated };
}

/** The history row is bookkeeping: failing to write it (e.g. an unmigrated database) must not fail a backup. */
async function record(deps: BackupDeps, run: Parameters<typeof recordBackupRun>[1]): Promise<void> {
  try {
    await recordBackupRun(deps.database, run);
  } catch (error) {
    deps.logger?.error({ err: error }, 'could not record the backup run in backup_runs');
  }
}
