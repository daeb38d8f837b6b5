/** The `backup_runs` history: written by every backup, read by the admin System page. */
import { desc } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { backupRuns } from '../../db/schema.ts';

export type BackupRun = typeof backupRuns.$inferSelect;
export type NewBackupRun = Omit<typeof backupRuns.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function recordBackupRun(database: Database, run: NewBackupRun): Promise<void> {
  await database.db.insert(backupRuns).values(run);
}

/** The most recent runs, newest first, successful or not ("last backup" is the first success). */
export async function latestBackups(database: Database, limit = 10): Promise<BackupRun[]> {
  const bounded = Math.min(Math.max(Math.trunc(limit), 1), 100);
  return database.db.select().from(backupRuns).orderBy(desc(backupRuns.startedAt)).limit(bounded);
}
