/**
 * Two databases back up into one BACKUP_DIR, day after day, and each rotates only its own backups:
 * the other's files, and files from before database identities, stay (ADR 0032).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppConfig } from '../../config.ts';
import { describeOnEachDatabase, startTestApp, type TestApp } from '../../testing/harness.ts';
import { type BackupResult, runBackup, shortDatabaseId } from './backup.ts';
import { databaseIdentityOf } from './database-info.ts';
import { MANIFEST_SUFFIX, readManifest } from './manifest.ts';

const work = mkdtempSync(path.join(tmpdir(), 'ibc-shared-backups-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const DAYS = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'];

/** The app's configuration with the shared folder and a short policy: two daily backups each. */
function sharedFolderConfig(testApp: TestApp, dir: string): AppConfig {
  const { config } = testApp;
  return {
    ...config,
    backup: { ...config.backup, dir, encryptionKey: null, keep: { daily: 2, weekly: 0, monthly: 0 } },
  };
}

/** A backup written before identities: an old-style name and a format 1 manifest without a databaseId. */
function writeLegacyBackup(dir: string, kind: 'pglite' | 'postgres'): string {
  const name = `ibc-${kind}-20261001T020000Z-abc123.${kind === 'pglite' ? 'tar.gz' : 'pgdump'}`;
  writeFileSync(path.join(dir, name), 'an old backup');
  writeFileSync(
    path.join(dir, `${name}${MANIFEST_SUFFIX}`),
    JSON.stringify({
      format: 1,
      file: name,
      createdAt: '2026-10-01T02:00:00.000Z',
      database: kind,
      engine: 'PostgreSQL 16.0',
      contents: kind === 'pglite' ? 'pglite-datadir-tar-gz' : 'pg-dump-custom',
      sizeBytes: 13,
      sha256: '0'.repeat(64),
      appVersion: '0.1.0',
      migrations: { applied: 12, latest: '0011_chat_sessions_need_a_brand' },
      encrypted: false,
      encryption: null,
      durationMs: 5,
    }),
  );
  return name;
}

const filesOf = (results: BackupResult[]) =>
  results.flatMap((result) => {
    const name = path.basename(result.file);
    return [name, `${name}${MANIFEST_SUFFIX}`];
  });

describeOnEachDatabase('backups of two databases in one folder', (getApp, kind) => {
  let other: TestApp | undefined;
  beforeAll(async () => {
    other = await startTestApp(kind);
  });
  afterAll(async () => {
    await other?.close();
  });

  it('gives each database its own identity, in the backup names and manifests', async () => {
    if (!other) throw new Error('the second database is not open');
    const first = await databaseIdentityOf(getApp().database);
    const second = await databaseIdentityOf(other.database);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
    // Stable: read again, the same id (one row, made by the migration).
    expect(await databaseIdentityOf(getApp().database)).toBe(first);
    const [row] = await getApp().database.query<{ rows: number }>(
      'select count(*)::int as rows from database_identity',
    );
    expect(row?.rows).toBe(1);
  });

  it('rotates only its own backups: each keeps the other’s files and older unnamed ones', {
    timeout: 120_000,
  }, async () => {
    if (!other) throw new Error('the second database is not open');
    const dir = path.join(work, kind);
    const mine = { app: getApp(), config: sharedFolderConfig(getApp(), dir), results: [] as BackupResult[] };
    const theirs = { app: other, config: sharedFolderConfig(other, dir), results: [] as BackupResult[] };
    const myId = await databaseIdentityOf(mine.app.database);
    const theirId = await databaseIdentityOf(theirs.app.database);

    // The first run makes the folder; then a stranger's file and a backup from before identities.
    mine.results.push(
      await runBackup({
        config: mine.config,
        database: mine.app.database,
        now: () => new Date(`${DAYS[0]}T02:00:00Z`),
      }),
    );
    writeFileSync(path.join(dir, 'notes.txt'), 'keep me');
    const legacy = writeLegacyBackup(dir, kind);
    theirs.results.push(
      await runBackup({
        config: theirs.config,
        database: theirs.app.database,
        now: () => new Date(`${DAYS[0]}T03:00:00Z`),
      }),
    );

    for (const day of DAYS.slice(1)) {
      for (const [side, hour] of [
        [mine, '02'],
        [theirs, '03'],
      ] as const) {
        const result = await runBackup({
          config: side.config,
          database: side.app.database,
          now: () => new Date(`${day}T${hour}:00:00Z`),
        });
        side.results.push(result);
        // Whatever a run deletes is its own database's.
        const ownShortId = shortDatabaseId(side === mine ? myId : theirId);
        for (const removed of result.rotated) expect(removed).toContain(`-${ownShortId}-`);
      }
    }

    for (const [side, id] of [
      [mine, myId],
      [theirs, theirId],
    ] as const) {
      expect(side.results.map((result) => result.rotated.length)).toEqual([0, 0, 1, 1, 1]);
      for (const result of side.results) {
        expect(path.basename(result.file)).toMatch(
          new RegExp(`^ibc-${kind}-${shortDatabaseId(id)}-\\d{8}T\\d{6}Z-`),
        );
        expect(result.manifest).toMatchObject({ format: 2, databaseId: id, database: kind });
      }
      expect((await readManifest(side.results.at(-1)?.file ?? '')).databaseId).toBe(id);
    }
    // Each database kept its two newest; the other's, the legacy backup and the stranger's file stay.
    expect(readdirSync(dir).sort()).toEqual(
      [
        'notes.txt',
        legacy,
        `${legacy}${MANIFEST_SUFFIX}`,
        ...filesOf(mine.results.slice(-2)),
        ...filesOf(theirs.results.slice(-2)),
      ].sort(),
    );
  });
});
