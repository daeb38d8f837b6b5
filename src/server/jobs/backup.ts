/**
 * The daily backup job: the registration point for the backup module's `runBackup`. One run per UTC
 * day across all instances; a failed run is retried (every 15 min, then up to hourly) and shows as
 * failed on the admin System page once its attempts are used up.
 */
import { HOUR_MS, MINUTE_MS } from '../platform/clock.ts';
import type { JobQueue } from './queue.ts';

export const DAILY_BACKUP_JOB = 'backup.daily';

/** Takes one backup (writes, verifies, rotates); throws when it fails. */
export type BackupRunner = () => Promise<unknown>;

export function registerDailyBackup(queue: JobQueue, runBackup: BackupRunner): void {
  queue.register({
    name: DAILY_BACKUP_JOB,
    schedule: { every: 'day' },
    maxAttempts: 4,
    backoff: { baseMs: 15 * MINUTE_MS, maxMs: HOUR_MS },
    // A large PostgreSQL dump can take a while; the lease must outlast it or another instance would
    // start a second backup.
    leaseMs: 2 * HOUR_MS,
    handler: async () => {
      await runBackup();
    },
  });
}
