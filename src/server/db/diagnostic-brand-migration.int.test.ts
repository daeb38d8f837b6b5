import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterEach, expect, it } from 'vitest';
import { openDatabase, type Schema } from './client.ts';
import { MIGRATIONS_FOLDER } from './migrate.ts';

const options = { migrationsTable: '__drizzle_migrations', migrationsSchema: 'drizzle' };
const FIRST_WITH_BRANDS_ON_RESULTS = '0012_diagnostic_brand';

let folder: string | null = null;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = null;
});

/** The migrations before `tag`, as a folder drizzle can run. */
function migrationsBefore(tag: string): string {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const cut = journal.entries.findIndex((entry) => entry.tag === tag);
  if (cut < 0) throw new Error(`no migration ${tag}`);
  const entries = journal.entries.slice(0, cut);
  folder = mkdtempSync(path.join(tmpdir(), 'ibc-migrations-'));
  mkdirSync(path.join(folder, 'meta'));
  writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const entry of entries) {
    copyFileSync(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  }
  return folder;
}

it('moves existing results into each owner’s first live brand, creating one where missing', async () => {
  const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  const db = database.db as unknown as PgliteDatabase<Schema>;
  try {
    await migrate(db, { ...options, migrationsFolder: migrationsBefore(FIRST_WITH_BRANDS_ON_RESULTS) });
    const user = async (email: string) =>
      (
        await database.query<{ id: string }>(
          `insert into users (name, email) values ('Test', $1) returning id`,
          [email],
        )
      )[0]?.id as string;
    const brand = async (userId: string, name: string, createdAt: string, deleted = false) =>
      (
        await database.query<{ id: string }>(
          `insert into brands (user_id, name, created_at, deleted_at) values ($1, $2, $3, $4) returning id`,
          [userId, name, createdAt, deleted ? createdAt : null],
        )
      )[0]?.id as string;
    const result = async (userId: string | null) =>
      (
        await database.query<{ id: string }>(
          `insert into diagnostic_results
             (user_id, anonymous_token_hash, questionnaire_version, answers, overall_score,
              insight_score, distinctive_score, empathetic_score, authentic_score)
           values ($1, $2, 1, '{}', 50, 50, 50, 50, 50) returning id`,
          [userId, userId ? null : 'hash'],
        )
      )[0]?.id as string;

    const withBrands = await user('two-brands@example.com');
    await brand(withBrands, 'Deleted first', '2026-01-01T00:00:00Z', true);
    const first = await brand(withBrands, 'First live', '2026-01-02T00:00:00Z');
    await brand(withBrands, 'Second live', '2026-01-03T00:00:00Z');
    const withoutBrand = await user('no-brand@example.com');
    const owned = await result(withBrands);
    const orphan = await result(withoutBrand);
    const anonymous = await result(null);

    await migrate(db, { ...options, migrationsFolder: MIGRATIONS_FOLDER });

    const rows = await database.query<{ id: string; brand_id: string | null }>(
      'select id, brand_id from diagnostic_results',
    );
    const brandOf = (id: string) => rows.find((row) => row.id === id)?.brand_id;
    expect(brandOf(owned)).toBe(first);
    expect(brandOf(anonymous)).toBeNull();
    const created = await database.query<{ id: string; name: string; is_default: boolean }>(
      'select id, name, is_default from brands where user_id = $1',
      [withoutBrand],
    );
    expect(created).toEqual([{ id: brandOf(orphan), name: 'My brand', is_default: true }]);

    // From now on an owned result without a brand cannot exist.
    await expect(
      database.query('update diagnostic_results set brand_id = null where id = $1', [owned]),
    ).rejects.toThrow(/diagnostic_results_owned_by_a_brand/);
  } finally {
    await database.close();
  }
});
