/**
 * The restore drill: realistic data made through the public API → backup → restore into a fresh
 * database → every table's row count and content checksum match. Plus the ways a restore must refuse
 * (corrupted, truncated, wrong key, non-empty target) with the target left exactly as it was.
 */
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AppConfig, loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import {
  type DatabaseKind,
  defaultBrandId,
  describeOnEachDatabase,
  signUp,
  TEST_DATABASE_URL,
  type TestApp,
  type TestClient,
} from '../../testing/harness.ts';
import { runBackup } from './backup.ts';
import { databaseIdentityOf } from './database-info.ts';
import { type TableFingerprint, tableFingerprints } from './fingerprint.ts';
import { manifestPathOf, readManifest, sha256OfFile } from './manifest.ts';
import { restoreBackup, verifyBackup } from './restore.ts';
import { latestBackups } from './runs.ts';

const work = mkdtempSync(path.join(tmpdir(), 'ibc-drill-'));
const KEY = randomBytes(32).toString('base64');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(work, { recursive: true, force: true });
});

const ANSWERS: Record<string, number> = {
  'insight-motivation': 4,
  'insight-customer-clarity': 3,
  'distinctive-difference': 2,
  'distinctive-assets': 2,
  'empathetic-bond': 5,
  'empathetic-messaging': 4,
  'authentic-transparency': 3,
  'authentic-consistency': 4,
};

let targets = 0;
/** A new, empty target: a PGlite folder that does not exist yet, or a new PostgreSQL database. */
async function freshTarget(kind: DatabaseKind, env: Record<string, string> = {}): Promise<AppConfig> {
  targets += 1;
  const base = { NODE_ENV: 'test', BACKUP_DIR: path.join(work, 'backups'), ...env };
  if (kind === 'pglite') return loadConfig({ ...base, DATA_DIR: path.join(work, `target-${targets}`) });
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `ibc_restore_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  });
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return loadConfig({ ...base, DATABASE_URL: url.toString() });
}

async function fingerprintsOf(config: AppConfig): Promise<TableFingerprint[]> {
  const database = await openDatabase(
    config.database.kind === 'postgres' ? { ...config.database, poolMax: 1 } : config.database,
  );
  try {
    return await tableFingerprints(database);
  } finally {
    await database.close();
  }
}

/** One realistic account: sign-up, a claimed anonymous take, workspace, AI tasks and a chat. */
async function seedAccount(testApp: TestApp, index: number): Promise<void> {
  const client: TestClient = testApp.client();
  const anonymous = await client.post('/api/diagnostic/results', {
    questionnaireVersion: 1,
    answers: ANSWERS,
  });
  expect(anonymous.status).toBe(201);
  await signUp(client, { name: `Drill User ${index}` });
  const submitted = await client.post('/api/diagnostic/results', {
    questionnaireVersion: 1,
    answers: { ...ANSWERS, 'distinctive-assets': (index % 5) + 1 },
  });
  expect(submitted.status).toBe(201);

  const brandId = await defaultBrandId(client);
  const canvas = await client.request('PUT', `/api/brands/${brandId}/items/canvas`, {
    json: {
      baseVersion: 0,
      data: { purpose: `Purpose of brand ${index}: help makers sell with pride` },
      sources: {},
    },
  });
  expect(canvas.status).toBe(200);

  expect((await client.post('/api/ai/insight-guidance', { brandId })).status).toBe(200);
  expect(
    (await client.post('/api/ai/buyer-intent', { terms: ['best handmade soap', 'soap near me'] })).status,
  ).toBe(200);
  const session = await client.post<{ id: string }>('/api/ai/chat/sessions', {
    title: `Positioning ${index}`,
    brandId,
  });
  expect(session.status).toBe(201);
  for (const content of ['How do I stand out?', 'Give me one tagline idea — with “quotes” and émojis ✨']) {
    const turn = await client.post(`/api/ai/chat/sessions/${session.body.id}/messages`, { content });
    expect(turn.status).toBe(200);
    expect(turn.text).toContain('event: done');
  }
  expect((await client.post('/api/auth/sign-out', {})).status).toBe(200);
}

describeOnEachDatabase(
  'backup and restore drill',
  (getApp, kind) => {
    let backupFile = '';
    let source: TableFingerprint[] = [];
    let restoredTarget: AppConfig | undefined;

    beforeAll(async () => {
      for (let index = 1; index <= 4; index += 1) await seedAccount(getApp(), index);
      // The seeding's requests reach the shared rate-limit counters at the next sync (ADR 0049): send
      // them now, so the counters do not change between the fingerprints and the dump.
      await getApp().app.routeLimits.sync();
      // Taken before the backup: the run's own history row is written after the dump.
      source = await tableFingerprints(getApp().database);
      const { file } = await runBackup({
        config: getApp().config,
        database: getApp().database,
        trigger: 'cli',
      });
      backupFile = file;
    }, 120_000);

    it('restores every table, row for row, into a fresh database', { timeout: 120_000 }, async () => {
      const byTable = new Map(source.map((table) => [table.table, table.rows]));
      for (const table of [
        'public.users',
        'public.diagnostic_results',
        'public.ai_calls',
        'public.chat_messages',
      ]) {
        expect(byTable.get(table), table).toBeGreaterThan(0);
      }
      restoredTarget = await freshTarget(kind, { BACKUP_ENCRYPTION_KEY: KEY });
      const report = await restoreBackup({ config: restoredTarget, file: backupFile });
      expect(report.migrationsApplied).toBe(0);
      expect(report.steps.map((step) => step.name)).toEqual(
        kind === 'pglite'
          ? ['verify', 'check target', 'decrypt', 'restore', 'migrate', 'count rows', 'swap in']
          : ['verify', 'check target', 'decrypt', 'restore', 'migrate', 'count rows'],
      );
      expect(report.tables).toEqual(source.map(({ table, rows }) => ({ table, rows })));
      expect(await fingerprintsOf(restoredTarget)).toEqual(source);
      // The restored database continues the one backed up: same identity (ADR 0032).
      expect(report.databaseId).toBe(await databaseIdentityOf(getApp().database));
    });

    it('gives a restored copy an identity of its own with newIdentity, and nothing else differs', {
      timeout: 120_000,
    }, async () => {
      const original = await databaseIdentityOf(getApp().database);
      expect((await readManifest(backupFile)).databaseId).toBe(original);
      const copy = await freshTarget(kind, { BACKUP_ENCRYPTION_KEY: KEY });
      const report = await restoreBackup({ config: copy, file: backupFile, newIdentity: true });
      expect(report.steps.map((step) => step.name)).toContain('new identity');
      expect(report.databaseId).toMatch(/^[0-9a-f-]{36}$/);
      expect(report.databaseId).not.toBe(original);
      const copied = await fingerprintsOf(copy);
      const differing = copied.filter(
        (table) => table.md5 !== source.find((original) => original.table === table.table)?.md5,
      );
      expect(differing.map((table) => table.table)).toEqual(['public.database_identity']);
    });

    it('verifies a backup on its own, without a target', { timeout: 90_000 }, async () => {
      const report = await verifyBackup({ config: getApp().config, file: backupFile });
      expect(report.steps.map((step) => step.name)).toEqual(['verify', 'decrypt', 'read archive']);
      // A PGlite backup is opened, so its rows are counted; a pg_dump archive is only listed.
      if (kind === 'pglite')
        expect(report.tables).toEqual(source.map(({ table, rows }) => ({ table, rows })));
      else expect(report.tables).toBeNull();
    });

    it('records the run with size and checksum for the System page, and a failed run too', async () => {
      const manifest = await readManifest(backupFile);
      expect(manifest).toMatchObject({
        database: kind,
        encrypted: true,
        sizeBytes: statSync(backupFile).size,
      });
      expect(manifest.sha256).toBe(await sha256OfFile(backupFile));
      const [last] = await latestBackups(getApp().database, 5);
      expect(last).toMatchObject({
        outcome: 'success',
        trigger: 'cli',
        fileName: path.basename(backupFile),
        sizeBytes: manifest.sizeBytes,
        sha256: manifest.sha256,
        encrypted: true,
      });

      const notAFolder = path.join(work, 'not-a-folder');
      writeFileSync(notAFolder, 'x');
      const config = { ...getApp().config, backup: { ...getApp().config.backup, dir: notAFolder } };
      await expect(runBackup({ config, database: getApp().database })).rejects.toThrow();
      const [failed] = await latestBackups(getApp().database, 1);
      expect(failed).toMatchObject({ outcome: 'failure', trigger: 'job', fileName: null });
      expect(failed?.error).toBeTruthy();
    });

    /** A copy of the good backup (with its manifest) that a test may damage. */
    function copyOfBackup(label: string): string {
      const copy = path.join(work, `${kind}-${label}-${path.basename(backupFile)}`);
      copyFileSync(backupFile, copy);
      copyFileSync(manifestPathOf(backupFile), manifestPathOf(copy));
      return copy;
    }

    interface Refusal {
      file: string;
      config: AppConfig;
      code: string;
      force?: boolean;
    }

    /** Each attempt fails with its code, and the target's every row is as it was before them all. */
    async function expectRefusedAndUntouched(target: AppConfig, refusals: Refusal[]) {
      const before = await fingerprintsOf(target);
      expect(before.some((table) => table.rows > 0)).toBe(true);
      for (const { file, config, code, force = true } of refusals) {
        await expect(restoreBackup({ config, file, force }), code).rejects.toMatchObject({ code });
      }
      expect(await fingerprintsOf(target)).toEqual(before);
    }

    it('refuses a corrupted, a re-signed tampered, a truncated or an unverifiable file, even with --force', {
      timeout: 90_000,
    }, async () => {
      if (!restoredTarget) throw new Error('the drill restore did not run');
      const config = restoredTarget;
      const corrupted = copyOfBackup('corrupted');
      const bytes = readFileSync(corrupted);
      bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0xff;
      writeFileSync(corrupted, bytes);

      // Someone "fixes" the manifest to match the damaged bytes: encryption still catches it.
      const resigned = copyOfBackup('resigned');
      writeFileSync(resigned, bytes);
      const manifest = JSON.parse(readFileSync(manifestPathOf(resigned), 'utf8')) as { sha256: string };
      manifest.sha256 = await sha256OfFile(resigned);
      writeFileSync(manifestPathOf(resigned), JSON.stringify(manifest));

      const truncated = copyOfBackup('truncated');
      truncateSync(truncated, Math.floor(statSync(truncated).size / 3));
      const orphan = copyOfBackup('orphan');
      rmSync(manifestPathOf(orphan));

      await expect(verifyBackup({ config, file: corrupted })).rejects.toMatchObject({
        code: 'CHECKSUM_MISMATCH',
      });
      await expect(verifyBackup({ config, file: resigned })).rejects.toMatchObject({
        code: 'DECRYPTION_FAILED',
      });
      await expectRefusedAndUntouched(config, [
        { file: corrupted, config, code: 'CHECKSUM_MISMATCH' },
        { file: resigned, config, code: 'DECRYPTION_FAILED' },
        { file: truncated, config, code: 'TRUNCATED' },
        { file: orphan, config, code: 'MANIFEST_MISSING' },
        { file: path.join(work, 'no-such-backup.pgdump'), config, code: 'FILE_MISSING' },
      ]);
    });

    it('refuses a wrong or missing key, and a non-empty target without --force, leaving it untouched', {
      timeout: 90_000,
    }, async () => {
      if (!restoredTarget) throw new Error('the drill restore did not run');
      const target = restoredTarget;
      await expectRefusedAndUntouched(target, [
        {
          file: backupFile,
          config: { ...target, backup: { ...target.backup, encryptionKey: randomBytes(32) } },
          code: 'WRONG_KEY',
        },
        {
          file: backupFile,
          config: { ...target, backup: { ...target.backup, encryptionKey: null } },
          code: 'KEY_MISSING',
        },
        { file: backupFile, config: target, code: 'TARGET_NOT_EMPTY', force: false },
      ]);
    });

    it('replaces a non-empty target with --force', { timeout: 90_000 }, async () => {
      if (!restoredTarget) throw new Error('the drill restore did not run');
      // Make the target differ from the backup, then replace it.
      const database = await openDatabase(
        restoredTarget.database.kind === 'postgres'
          ? { ...restoredTarget.database, poolMax: 1 }
          : restoredTarget.database,
      );
      await database.query('delete from chat_messages');
      await database.query('create table stray_table (id int primary key)');
      await database.close();
      const report = await restoreBackup({ config: restoredTarget, file: backupFile, force: true });
      expect(await fingerprintsOf(restoredTarget)).toEqual(source);
      if (kind === 'pglite') expect(report.previousDataDir).toMatch(/\.before-restore-/);
    });

    it('rotates old backups by the policy and never touches other files', { timeout: 90_000 }, async () => {
      const dir = path.join(work, `rotation-${kind}`);
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'notes.txt'), 'keep me');
      const config = {
        ...getApp().config,
        backup: {
          ...getApp().config.backup,
          dir,
          encryptionKey: null,
          keep: { daily: 2, weekly: 0, monthly: 0 },
        },
      };
      const results = [];
      for (const day of ['2026-11-01', '2026-11-02', '2026-11-03']) {
        const now = () => new Date(`${day}T02:00:00Z`);
        results.push(await runBackup({ config, database: getApp().database, now }));
      }
      expect(results.map((result) => result.rotated.length)).toEqual([0, 0, 1]);
      expect(readdirSync(dir).sort()).toEqual(
        [
          'notes.txt',
          ...results.slice(1).flatMap((result) => {
            const name = path.basename(result.file);
            return [name, `${name}.manifest.json`];
          }),
        ].sort(),
      );
    });

    it('refuses a backup of the other database kind before connecting to anything', async () => {
      const other = loadConfig({
        NODE_ENV: 'test',
        BACKUP_ENCRYPTION_KEY: KEY,
        ...(kind === 'pglite'
          ? { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nothing' }
          : { DATA_DIR: path.join(work, 'never-created') }),
      });
      await expect(restoreBackup({ config: other, file: backupFile })).rejects.toMatchObject({
        code: 'DATABASE_KIND_MISMATCH',
      });
    });
  },
  { env: { BACKUP_DIR: path.join(work, 'backups'), BACKUP_ENCRYPTION_KEY: KEY } },
);
