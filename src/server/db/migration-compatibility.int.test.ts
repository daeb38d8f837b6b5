import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../testing/scratch-postgres.ts';
import { type Database, openDatabase } from './client.ts';
import { appliedMigrationCount, MIGRATIONS_FOLDER, runMigrations } from './migrate.ts';
import {
  APPROVED_CONTRACTS,
  type Migration,
  previousReleaseProblems,
  readMigrations,
} from './migration-compatibility.ts';

/**
 * ADR 0050 on a real database: apply the migrations one at a time, and after each run the previous
 * release's reads and inserts' expectations (snapshot k-1) against the schema migration k left.
 */
const migrations = readMigrations();
const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
  entries: unknown[];
};

/** A migrations folder whose journal holds the first `count` migrations: runMigrations applies up to there. */
function stepFolder(): { upTo(count: number): string; remove(): void } {
  const folder = mkdtempSync(path.join(tmpdir(), 'ibc-migration-steps-'));
  mkdirSync(path.join(folder, 'meta'));
  for (const migration of migrations)
    copyFileSync(
      path.join(MIGRATIONS_FOLDER, `${migration.tag}.sql`),
      path.join(folder, `${migration.tag}.sql`),
    );
  return {
    upTo(count) {
      writeFileSync(
        path.join(folder, 'meta', '_journal.json'),
        JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }),
      );
      return folder;
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

describe.each(['pglite', 'postgres'] as const)('migrations one at a time on %s (ADR 0050)', (kind) => {
  const skip = kind === 'postgres' && !TEST_DATABASE_URL;
  let database: Database;
  let url: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  const steps = stepFolder();

  beforeAll(async () => {
    if (skip) return;
    if (kind === 'postgres') {
      const scratch = await createPostgresDatabase();
      url = scratch.url;
      dropDatabase = scratch.drop;
      database = await openDatabase({ kind: 'postgres', url, poolMax: 2 });
    } else database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  });
  afterAll(async () => {
    await database?.close();
    await dropDatabase?.();
    steps.remove();
  });

  it.skipIf(skip)(
    'the previous release can read and insert after every migration, apart from approved contracts',
    async () => {
      const found: Array<{ migration: string; problems: string[] }> = [];
      for (let count = 1; count <= migrations.length; count += 1) {
        await runMigrations(database, url, steps.upTo(count));
        expect(await appliedMigrationCount(database)).toBe(count);
        if (count === 1) continue;
        const previous = migrations[count - 2] as Migration;
        const applied = migrations[count - 1] as Migration;
        const problems = await previousReleaseProblems(database, previous.snapshot);
        if (problems.length > 0) found.push({ migration: applied.tag, problems });
      }
      expect(found).toEqual(
        APPROVED_CONTRACTS.map((contract) => ({
          migration: contract.migration,
          problems: [...contract.changes].sort(),
        })),
      );
    },
    120_000,
  );

  it.skipIf(skip)('catches a migration that breaks the previous release', async () => {
    // On the fully migrated database, a migration that renames a column, tightens
    // a nullable one and adds a NOT NULL column without a default (the tables are empty, so
    // PostgreSQL accepts all three) must be reported against the current release's snapshot.
    await runMigrations(database, url);
    const current = migrations.at(-1) as Migration;
    expect(await previousReleaseProblems(database, current.snapshot)).toEqual([]);
    await database.query('alter table "outbox_emails" rename column "subject" to "title"');
    await database.query('alter table "email_consents" alter column "user_id" set not null');
    await database.query('alter table "users" add column "nickname" text not null');
    expect(await previousReleaseProblems(database, current.snapshot)).toEqual([
      'add not null column without default users.nickname',
      'drop column outbox_emails.subject',
      'set not null email_consents.user_id',
    ]);
    await database.query('drop table "email_consents"');
    expect(await previousReleaseProblems(database, current.snapshot)).toContain('drop table email_consents');
  });
});
