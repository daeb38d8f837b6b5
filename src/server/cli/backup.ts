/**
 * `npm run backup`: one backup of the configured database into BACKUP_DIR (see
 * docs/runbooks/disaster-recovery.md). With PGlite the app must be stopped: a running app's folder is
 * backed up by the app itself (the daily backup job), because PGlite must not be opened twice.
 */
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { runBackup } from '../operations/backups/backup.ts';
import { dataDirInUseError, pgliteDirState } from '../operations/backups/database-info.ts';
import { BackupError } from '../operations/backups/errors.ts';

if (process.argv.length > 2) {
  console.error(
    'Usage: npm run backup   (settings come from the environment: BACKUP_DIR, BACKUP_ENCRYPTION_KEY, …)',
  );
  process.exit(2);
}

try {
  const config = loadConfig();
  if (config.database.kind === 'pglite') {
    const { dataDir } = config.database;
    if (dataDir.startsWith('memory://')) {
      throw new BackupError(
        'IN_MEMORY_DATABASE',
        'DATA_DIR is memory://: there is nothing on disk to back up.',
      );
    }
    const state = await pgliteDirState(dataDir);
    if (state === 'in-use') throw dataDirInUseError(dataDir);
    // Opening a missing or empty folder would create a new, empty database and back that up.
    if (state !== 'database') throw new BackupError('DATA_DIR_MISSING', `No PGlite database in ${dataDir}.`);
  }
  const database = await openDatabase(config.database);
  try {
    const { file, manifest, rotated } = await runBackup({
      config,
      database,
      trigger: 'cli',
      logger: {
        info: () => {},
        // The failure itself is printed below; this shows what went wrong around a good backup
        // (rotation, recording the run).
        error: (details, message) => {
          if (message === 'backup failed') return;
          // Database errors wrap the server's message (the useful part) in the failed query's text.
          const error = details.err instanceof Error ? details.err : null;
          const cause = error?.cause instanceof Error ? error.cause : error;
          console.error(`Warning: ${message}${cause ? `: ${cause.message}` : ''}`);
        },
      },
    });
    console.log(`Backup written: ${file}`);
    console.log(
      `  database   ${manifest.database} (${manifest.engine}), ${manifest.migrations.applied} migrations`,
    );
    console.log(`  identity   ${manifest.databaseId}`);
    console.log(
      `  size       ${manifest.sizeBytes} bytes${manifest.encrypted ? ', AES-256-GCM encrypted' : ''}`,
    );
    console.log(`  sha256     ${manifest.sha256}`);
    console.log(`  took       ${manifest.durationMs} ms`);
    console.log(`  manifest   ${file}.manifest.json`);
    if (rotated.length > 0)
      console.log(`  rotated    ${rotated.length} old backup(s) deleted: ${rotated.join(', ')}`);
  } finally {
    await database.close();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof BackupError) console.error(error.message);
  else console.error(error);
  process.exitCode = 1;
}
