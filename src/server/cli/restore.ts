/**
 * `npm run restore -- <file> [--force] [--new-identity]`: verify a backup and restore it into the
 * configured database (DATABASE_URL, or DATA_DIR for PGlite), then apply pending migrations. Stop the
 * app first. The restored database keeps the backup's identity unless `--new-identity` (a copy).
 * `npm run restore -- <file> --verify-only`: the same checks on the file alone, restoring nothing.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { BackupError } from '../operations/backups/errors.ts';
import { type RestoreStep, restoreBackup, verifyBackup } from '../operations/backups/restore.ts';

const USAGE = [
  'Usage: npm run restore -- <backup file> [--force] [--new-identity]',
  '       npm run restore -- <backup file> --verify-only',
  '  --force         replace a database that already holds data',
  '  --new-identity  the restored database is a copy, not the original: give it its own identity, so',
  "                  its backups and the original's never rotate each other in a shared BACKUP_DIR",
  '  --verify-only   check checksum, key and archive without restoring anything',
].join('\n');

function parseCommandLine(): { file: string; force: boolean; newIdentity: boolean; verifyOnly: boolean } {
  try {
    const { values, positionals } = parseArgs({
      options: {
        force: { type: 'boolean', default: false },
        'new-identity': { type: 'boolean', default: false },
        'verify-only': { type: 'boolean', default: false },
      },
      allowPositionals: true,
    });
    const [file] = positionals;
    if (positionals.length !== 1 || !file) throw new Error('One backup file is required.');
    if ((values.force || values['new-identity']) && values['verify-only'])
      throw new Error('--verify-only restores nothing: it excludes --force and --new-identity.');
    return {
      file,
      force: values.force,
      newIdentity: values['new-identity'],
      verifyOnly: values['verify-only'],
    };
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const printStep = (step: RestoreStep) =>
  console.log(`  ${step.name.padEnd(13)} ${String(step.ms).padStart(7)} ms  ${step.detail}`);

async function verify(file: string): Promise<void> {
  console.log(`Verifying ${file}`);
  const report = await verifyBackup({ config: loadConfig(), file, onStep: printStep });
  console.log(
    `The backup is intact and readable (${report.manifest.database}, ${report.manifest.createdAt}).`,
  );
}

async function restore(file: string, force: boolean, newIdentity: boolean): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const target = config.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : config.database.dataDir;
  const flags = [force ? '--force' : '', newIdentity ? '--new-identity' : ''].filter(Boolean).join(' ');
  console.log(`Restoring ${file} into ${target}${flags ? ` (${flags})` : ''}`);
  const report = await restoreBackup({ config, file, force, newIdentity, onStep: printStep });
  const rows = report.tables.reduce((sum, table) => sum + table.rows, 0);
  console.log(
    `Done in ${Math.round(performance.now() - started)} ms: ${report.tables.length} tables, ${rows} rows, ` +
      `backup from ${report.manifest.createdAt} (app ${report.manifest.appVersion}).`,
  );
  for (const table of report.tables)
    console.log(`  ${table.table.padEnd(40)} ${String(table.rows).padStart(9)} rows`);
  console.log(
    report.databaseId === report.manifest.databaseId
      ? `Database identity ${report.databaseId}, the backup's: this database continues the one backed up.`
      : `Database identity ${report.databaseId} (new): its backups are its own.`,
  );
  if (report.previousDataDir) {
    console.log(
      `The replaced data folder was kept at ${report.previousDataDir}; delete it once you are satisfied.`,
    );
  }
}

const { file, force, newIdentity, verifyOnly } = parseCommandLine();
try {
  if (verifyOnly) await verify(file);
  else await restore(file, force, newIdentity);
} catch (error) {
  if (error instanceof ConfigError || error instanceof BackupError) {
    console.error(
      `${verifyOnly ? 'Verification failed' : 'Restore refused, nothing was changed'}: ${error.message}`,
    );
  } else {
    console.error(verifyOnly ? 'Verification failed:' : 'Restore failed:', error);
  }
  process.exitCode = 1;
}
