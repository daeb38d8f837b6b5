/**
 * The retention rules, run daily by the scheduler. Each rule deletes what is due by the injected
 * clock, in batches; running it twice deletes nothing more, which is what makes the job safe to retry
 * or to run on any instance.
 *
 * Features register their own rules in the data-lifecycle registry (accounts past their deletion
 * grace period, unclaimed anonymous diagnostics, expired AI cache entries, recorded server errors…);
 * this job runs those, then the rules that belong to no feature:
 * - soft-deleted rows older than RETENTION_DAYS, in every table with `deleted_at`;
 * - expired sessions, verification tokens and throttle windows; dev-outbox mail and finished job
 *   runs older than their retention.
 * On the embedded database it then does what autovacuum does on PostgreSQL, which PGlite lacks:
 * `VACUUM (ANALYZE)` makes the space of deleted and updated rows reusable and gives the planner
 * statistics (ADR 0063).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import { daysBefore, deleteInBatches } from '../platform/data-lifecycle/batches.ts';
import {
  ACCOUNT_PURGE_RULE,
  type DataLifecycle,
  type RetentionRule,
} from '../platform/data-lifecycle/registry.ts';
import { childrenFirst, schemaTables } from '../platform/data-lifecycle/tables.ts';

export interface RetentionReport {
  /** Users purged after their deletion grace period. */
  purgedAccounts: number;
  /** Rows deleted per rule, e.g. `soft-deleted:chat_sessions`, `expired:sessions`. */
  deleted: Record<string, number>;
  /** Whether the run vacuumed and analysed the database (the embedded one only). */
  vacuumed: boolean;
}

export interface RetentionDeps {
  database: Database;
  clock: Clock;
  config: AppConfig['retention'];
  log: FastifyBaseLogger;
  /** Where features registered their rules. */
  lifecycle: Pick<DataLifecycle, 'retentionRules'>;
}

export function createRetention({ database, clock, config, log, lifecycle }: RetentionDeps) {
  const rule = (
    name: string,
    table: string,
    condition: string,
    cutoff: (now: Date) => Date,
  ): RetentionRule => ({
    name,
    run: (now) => deleteInBatches(database, table, condition, cutoff(now)),
  });

  function platformRules(): RetentionRule[] {
    const softDeleted = childrenFirst(schemaTables())
      .filter((table) => table.hasDeletedAt)
      .map((table) =>
        rule(`soft-deleted:${table.name}`, table.name, 'deleted_at < $1::timestamptz', (now) =>
          daysBefore(now, config.softDeletedDays),
        ),
      );
    return [
      ...softDeleted,
      ...['sessions', 'verifications'].map((table) =>
        rule(`expired:${table}`, table, 'expires_at < $1::timestamptz', (now) => now),
      ),
      rule('expired:rate_limits', 'rate_limits', 'window_ends_at < $1::timestamptz', (now) => now),
      rule('old:outbox_emails', 'outbox_emails', 'created_at < $1::timestamptz', (now) =>
        daysBefore(now, config.outboxDays),
      ),
      rule('old:jobs', 'jobs', "status in ('done', 'failed') and finished_at < $1::timestamptz", (now) =>
        daysBefore(now, config.jobHistoryDays),
      ),
    ];
  }

  return {
    /**
     * Applies every rule. A rule that fails does not stop the others; the run then throws (listing
     * each failure) so the queue records it and retries.
     */
    async run(): Promise<RetentionReport> {
      const now = clock.now();
      const deleted: Record<string, number> = {};
      const failures: { rule: string; error: unknown }[] = [];
      for (const current of [...lifecycle.retentionRules(), ...platformRules()]) {
        try {
          const count = await current.run(now);
          if (count > 0) deleted[current.name] = count;
        } catch (error) {
          failures.push({ rule: current.name, error });
          log.error({ err: error, rule: current.name }, 'retention rule failed');
        }
      }
      let vacuumed = false;
      if (database.kind === 'pglite') {
        try {
          // Not in a transaction (VACUUM refuses one); the embedded database runs one statement at
          // a time, so requests wait for it — a fraction of a second on a small database, once a day.
          await database.query('vacuum (analyze)');
          vacuumed = true;
        } catch (error) {
          failures.push({ rule: 'upkeep:vacuum-analyze', error });
          log.error({ err: error }, 'vacuum and analyse of the embedded database failed');
        }
      }
      const purgedAccounts = deleted[ACCOUNT_PURGE_RULE] ?? 0;
      log.info({ purgedAccounts, deleted, vacuumed }, 'retention rules applied');
      if (failures.length > 0) {
        throw new AggregateError(
          failures.map((failure) => failure.error),
          `Retention rules failed: ${failures.map((failure) => failure.rule).join(', ')}`,
        );
      }
      return { purgedAccounts, deleted, vacuumed };
    },
  };
}

export type Retention = ReturnType<typeof createRetention>;
