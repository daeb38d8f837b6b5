/**
 * The retention rules, run daily by the scheduler. Each rule deletes what is due by the injected
 * clock, in batches (so no single statement holds locks on a large table for long); running it twice
 * deletes nothing more, which is what makes the job safe to retry or to run on any instance.
 *
 * - accounts whose deletion grace period has ended: everything the user owns, then the user;
 * - soft-deleted rows older than RETENTION_DAYS, in every table with `deleted_at`;
 * - anonymous diagnostic results never claimed into an account, after their own retention;
 * - expired AI cache entries, sessions, verification tokens, throttle windows, spent ALTCHA
 *   challenges; dev-outbox mail and finished job runs older than their retention;
 * - recorded server errors (the System page's "Recent errors") after 30 days.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { purgeUser } from '../features/account-lifecycle/purge.ts';
import { childrenFirst, quoteIdentifier, schemaTables } from '../features/account-lifecycle/tables.ts';
import { SERVER_ERROR_RETENTION_DAYS } from '../features/system/server-errors.ts';
import { type Clock, DAY_MS } from './clock.ts';

const BATCH_SIZE = 1000;

export interface RetentionReport {
  /** Users purged after their deletion grace period. */
  purgedAccounts: number;
  /** Rows deleted per rule, e.g. `soft-deleted:chat_sessions`, `expired:sessions`. */
  deleted: Record<string, number>;
}

export interface RetentionDeps {
  database: Database;
  clock: Clock;
  config: AppConfig['retention'];
  log: FastifyBaseLogger;
}

export function createRetention({ database, clock, config, log }: RetentionDeps) {
  /** Deletes rows of `table` matching `condition` ($1 is the cut-off time), batch by batch. */
  async function deleteInBatches(table: string, condition: string, cutoff: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const [row] = await database.query<{ count: number }>(
        `with gone as (
           delete from ${quoteIdentifier(table)} where ctid in (
             select ctid from ${quoteIdentifier(table)} where ${condition} limit ${BATCH_SIZE})
           returning 1)
         select count(*)::int as count from gone`,
        [cutoff.toISOString()],
      );
      const count = row?.count ?? 0;
      total += count;
      if (count < BATCH_SIZE) return total;
    }
  }

  const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

  async function purgeDeletedAccounts(now: Date): Promise<number> {
    const due = await database.query<{ user_id: string }>(
      'select user_id from account_deletions where purge_after <= $1::timestamptz order by purge_after',
      [now.toISOString()],
    );
    let purged = 0;
    const failed: unknown[] = [];
    // One account that cannot be purged must not hold back the others.
    for (const { user_id: userId } of due) {
      try {
        const result = await purgeUser(database, userId);
        log.info({ userId, deleted: result.deleted }, 'account purged after its deletion grace period');
        purged += 1;
      } catch (error) {
        log.error({ err: error, userId }, 'account purge failed');
        failed.push(error);
      }
    }
    if (failed.length > 0) throw new AggregateError(failed, `${failed.length} account purge(s) failed`);
    return purged;
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
      async function apply(rule: string, work: () => Promise<number>): Promise<number> {
        try {
          const count = await work();
          if (count > 0) deleted[rule] = count;
          return count;
        } catch (error) {
          failures.push({ rule, error });
          log.error({ err: error, rule }, 'retention rule failed');
          return 0;
        }
      }

      const purgedAccounts = await apply('accounts', () => purgeDeletedAccounts(now));

      const softDeleteCutoff = daysBefore(now, config.softDeletedDays);
      for (const table of childrenFirst(schemaTables())) {
        if (!table.hasDeletedAt) continue;
        await apply(`soft-deleted:${table.name}`, () =>
          deleteInBatches(table.name, 'deleted_at < $1::timestamptz', softDeleteCutoff),
        );
      }
      await apply('unclaimed:diagnostic_results', () =>
        deleteInBatches(
          'diagnostic_results',
          'user_id is null and created_at < $1::timestamptz',
          daysBefore(now, config.anonymousDiagnosticDays),
        ),
      );
      const expiredAt = 'expires_at < $1::timestamptz';
      for (const table of ['ai_cache', 'sessions', 'verifications', 'spent_challenges']) {
        await apply(`expired:${table}`, () => deleteInBatches(table, expiredAt, now));
      }
      await apply('expired:rate_limits', () =>
        deleteInBatches('rate_limits', 'window_ends_at < $1::timestamptz', now),
      );
      await apply('old:outbox_emails', () =>
        deleteInBatches('outbox_emails', 'created_at < $1::timestamptz', daysBefore(now, config.outboxDays)),
      );
      await apply('old:jobs', () =>
        deleteInBatches(
          'jobs',
          "status in ('done', 'failed') and finished_at < $1::timestamptz",
          daysBefore(now, config.jobHistoryDays),
        ),
      );
      await apply('old:server_errors', () =>
        deleteInBatches(
          'server_errors',
          'created_at < $1::timestamptz',
          daysBefore(now, SERVER_ERROR_RETENTION_DAYS),
        ),
      );

      log.info({ purgedAccounts, deleted }, 'retention rules applied');
      if (failures.length > 0) {
        throw new AggregateError(
          failures.map((failure) => failure.error),
          `Retention rules failed: ${failures.map((failure) => failure.rule).join(', ')}`,
        );
      }
      return { purgedAccounts, deleted };
    },
  };
}

export type Retention = ReturnType<typeof createRetention>;
