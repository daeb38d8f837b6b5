import { expect, it } from 'vitest';
import { startTestApp, TEST_DATABASE_URL } from '../testing/harness.ts';
import { openDatabase } from './client.ts';
import { appliedMigrationCount, expectedMigrationCount, runMigrations } from './migrate.ts';

it('migrates PGlite once and is a no-op the second time', async () => {
  const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  try {
    expect(await appliedMigrationCount(database)).toBe(0);
    await runMigrations(database);
    await runMigrations(database);
    expect(await appliedMigrationCount(database)).toBe(expectedMigrationCount());
  } finally {
    await database.close();
  }
});

it.skipIf(!TEST_DATABASE_URL)(
  'lets several PostgreSQL instances migrate at once without racing',
  async () => {
    // A test app gives us a fresh, migrated database; wipe it and race four migrators at it.
    const host = await startTestApp('postgres');
    if (host.config.database.kind !== 'postgres') throw new Error('expected PostgreSQL');
    const url = host.config.database.url;
    try {
      await host.database.query(
        'drop schema public cascade; create schema public; drop schema drizzle cascade;',
      );
      const instances = await Promise.all(
        Array.from({ length: 4 }, () => openDatabase({ kind: 'postgres', url, poolMax: 2 })),
      );
      try {
        await Promise.all(instances.map((instance) => runMigrations(instance, url)));
        const [first] = instances;
        if (!first) throw new Error('no instance');
        expect(await appliedMigrationCount(first)).toBe(expectedMigrationCount());
        const tables = await first.query<{ count: number }>(
          "select count(*)::int as count from information_schema.tables where table_schema = 'public' and table_name = 'users'",
        );
        expect(tables[0]?.count).toBe(1);
      } finally {
        await Promise.all(instances.map((instance) => instance.close()));
      }
    } finally {
      await host.close();
    }
  },
);
