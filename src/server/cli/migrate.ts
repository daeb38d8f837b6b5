/** `npm run db:migrate`: apply pending migrations to the configured database, then exit. */

import { countOf } from '../../core/text/plural.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { appliedMigrationCount, runMigrations } from '../db/migrate.ts';

try {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    const before = await appliedMigrationCount(database);
    await runMigrations(database, config.database.kind === 'postgres' ? config.database.url : undefined);
    const after = await appliedMigrationCount(database);
    console.log(
      `Database (${config.database.kind}) is up to date: ${countOf(after - before, 'migration')} applied, ${after} in total.`,
    );
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
