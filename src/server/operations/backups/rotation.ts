/**
 * Backup rotation ("grandfather-father-son"): keep the newest backup of each of the last N days,
 * ISO weeks and months that have a backup. Pure, so the policy is tested without files or clocks.
 * Buckets are counted among days/weeks/months that HAVE backups (not calendar days before "now"),
 * so a pause in backups never deletes the last good ones. A database rotates only its own backups
 * (`planOwnRotation`): several databases may share one BACKUP_DIR.
 */

export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export interface RotationCandidate {
  name: string;
  createdAt: Date;
}

export interface RotationPlan<T extends RotationCandidate> {
  keep: T[];
  remove: T[];
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function dayKey(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function monthKey(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
}

/** ISO 8601 week ("2026-W48"): weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekKey(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of this week decides which year the week belongs to.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${pad(week)}`;
}

function newestPerBucket<T extends RotationCandidate>(
  newestFirst: readonly T[],
  bucketOf: (date: Date) => string,
  limit: number,
): T[] {
  const kept: T[] = [];
  const seen = new Set<string>();
  for (const backup of newestFirst) {
    if (seen.size >= limit) break;
    const bucket = bucketOf(backup.createdAt);
    if (seen.has(bucket)) continue;
    seen.add(bucket);
    kept.push(backup);
  }
  return kept;
}

export function planRotation<T extends RotationCandidate>(
  backups: readonly T[],
  policy: RotationPolicy,
): RotationPlan<T> {
  // Newest first; equal times fall back to the name so the plan is deterministic.
  const newestFirst = [...backups].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name),
  );
  const kept = new Set<T>([
    ...newestPerBucket(newestFirst, dayKey, policy.daily),
    ...newestPerBucket(newestFirst, isoWeekKey, policy.weekly),
    ...newestPerBucket(newestFirst, monthKey, policy.monthly),
  ]);
  // The newest backup survives whatever the policy says: rotation must never leave nothing.
  const newest = newestFirst[0];
  if (newest) kept.add(newest);
  return {
    keep: newestFirst.filter((backup) => kept.has(backup)),
    remove: newestFirst.filter((backup) => !kept.has(backup)),
  };
}

/** A backup found in BACKUP_DIR, with the identity its manifest names (null: written before identities). */
export interface BackupInFolder extends RotationCandidate {
  databaseId: string | null;
}

export interface OwnRotationPlan<T extends BackupInFolder> extends RotationPlan<T> {
  /** Other databases' backups and backups without an identity: never deleted here. */
  untouched: T[];
}

/**
 * The rotation plan of the database `databaseId` over everything in the folder: its own backups are
 * kept or removed by the policy; every other backup — another database's, or one whose manifest
 * names no database (older than identities) — is left alone, because rotation never deletes what its
 * database did not write.
 */
export function planOwnRotation<T extends BackupInFolder>(
  backups: readonly T[],
  policy: RotationPolicy,
  databaseId: string,
): OwnRotationPlan<T> {
  const own = backups.filter((backup) => backup.databaseId === databaseId);
  return {
    ...planRotation(own, policy),
    untouched: backups.filter((backup) => backup.databaseId !== databaseId),
  };
}
