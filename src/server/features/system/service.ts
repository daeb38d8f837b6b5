/**
 * The admin System page's data: health, backups, jobs, the mail outbox, recent server errors and how
 * brand knowledge is searched (with failed document extractions), read in one call. Everything is read-only and shaped for the page; nothing here holds a user's
 * content (outbox recipients are masked, bodies are never read, error texts are redacted).
 */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { KnowledgeSearchReason, SystemStatus } from '../../../core/system/contracts.ts';
import { maskEmailAddress, redactErrorMessage } from '../../../core/system/redact.ts';
import { describeSchedule, nextSlotStart } from '../../../core/system/schedule.ts';
import type { AppConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { appliedMigrationCount, expectedMigrationCount } from '../../db/migrate.ts';
import { backupRuns, documents, outboxEmails, serverErrors } from '../../db/schema.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { slotOf } from '../../jobs/schedule.ts';
import { type BackupRun, latestBackups } from '../../operations/backups/runs.ts';
import { type Clock, DAY_MS } from '../../platform/clock.ts';
import type { KnowledgeSearchSetup, KnowledgeVectors } from '../../platform/knowledge/vectors.ts';
import type { Mailer } from '../../platform/mailer.ts';
import { appVersion } from '../../platform/version.ts';

const BACKUP_RUNS_SHOWN = 10;
const FAILED_JOB_RUNS_SHOWN = 20;
const OUTBOX_SHOWN = 10;
const SERVER_ERRORS_SHOWN = 50;
const FAILED_EXTRACTIONS_SHOWN = 10;

export interface SystemServiceDeps {
  database: Database;
  mailer: Mailer;
  jobs: JobQueue;
  config: AppConfig;
  clock: Clock;
  /** How brand knowledge is searched, as decided at start-up, and its vectors when in use. */
  knowledgeSearch: { setup: KnowledgeSearchSetup; vectors: Pick<KnowledgeVectors, 'progress'> | null };
}

interface JobStatsRow extends Record<string, unknown> {
  name: string;
  pending: number;
  running: number;
  failed: number;
  retrying: number;
  failures_24h: number;
  next_run_at: Date | string | null;
  last_run_at: Date | string | null;
  last_status: string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

function backupView(run: BackupRun) {
  return {
    id: run.id,
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    durationMs: run.durationMs,
    outcome: run.outcome,
    trigger: run.trigger,
    fileName: run.fileName,
    sizeBytes: run.sizeBytes,
    sha256: run.sha256,
    encrypted: run.encrypted,
    error: run.error === null ? null : redactErrorMessage(run.error),
  };
}

/** Why search matches words only, in words an operator can act on. */
export function knowledgeSearchReasons(
  setup: KnowledgeSearchSetup,
): { code: KnowledgeSearchReason; message: string }[] {
  if (setup.mode === 'full-text-and-vectors') return [];
  const reasons: { code: KnowledgeSearchReason; message: string }[] = [];
  if (!setup.embeddingModel) {
    reasons.push({
      code: 'no-embedding-model',
      message:
        'No embedding model is configured (AI_EMBEDDING_MODEL, on the OpenAI-compatible provider), so search matches words only.',
    });
  }
  const extension = setup.extension;
  if (
    extension.status === 'not-installed' ||
    (extension.status === 'unused' && !extension.availableOnServer)
  ) {
    reasons.push({
      code: 'extension-not-installed',
      message:
        'This PostgreSQL server does not have the pgvector extension installed (the postgresql-<version>-pgvector package), so search cannot rank by meaning. Install it and restart the app.',
    });
  } else if (extension.status === 'not-enabled') {
    reasons.push({
      code: 'extension-not-enabled',
      message: `pgvector is installed but could not be enabled: ${redactErrorMessage(extension.error)}. Run "create extension vector" once as a role allowed to, then restart the app.`,
    });
  }
  return reasons;
}

export function createSystemService({
  database,
  mailer,
  jobs,
  config,
  clock,
  knowledgeSearch,
}: SystemServiceDeps) {
  async function health(): Promise<SystemStatus['health']> {
    const expected = expectedMigrationCount();
    let latencyMs: number | null = null;
    let applied: number | null = null;
    try {
      const started = performance.now();
      await database.query('select 1');
      latencyMs = Math.round((performance.now() - started) * 100) / 100;
      applied = await appliedMigrationCount(database);
    } catch {
      // Reported as unreachable below; the other sections' queries surface the failure as a 503.
    }
    const reachable = latencyMs !== null;
    return {
      status: reachable && applied !== null && applied >= expected ? 'ready' : 'not_ready',
      database: { kind: database.kind, reachable, latencyMs },
      migrations: { applied, expected },
      pool: database.poolStats(),
      uptimeSeconds: Math.round(process.uptime()),
      version: appVersion(),
      release: config.observability.sentry?.release ?? null,
      nodeVersion: process.version,
    };
  }

  async function backups(now: Date): Promise<SystemStatus['backups']> {
    const [runs, [lastSuccess]] = await Promise.all([
      latestBackups(database, BACKUP_RUNS_SHOWN),
      // Looked up on its own: the last good backup may be older than the newest failed runs.
      database.db
        .select()
        .from(backupRuns)
        .where(eq(backupRuns.outcome, 'success'))
        .orderBy(desc(backupRuns.startedAt))
        .limit(1),
    ]);
    return {
      lastSuccess: lastSuccess
        ? {
            run: backupView(lastSuccess),
            ageSeconds: Math.max(0, Math.round((now.getTime() - lastSuccess.finishedAt.getTime()) / 1000)),
          }
        : null,
      runs: runs.map(backupView),
    };
  }

  async function jobSection(now: Date): Promise<SystemStatus['jobs']> {
    const registered = jobs.registered();
    const currentSlots = registered.flatMap(({ name, schedule }) =>
      schedule ? [{ name, runKey: slotOf(schedule, now) }] : [],
    );
    const [stats, slotRows, failures] = await Promise.all([
      database.query<JobStatsRow>(
        `select name,
           count(*) filter (where status = 'pending')::int as pending,
           count(*) filter (where status = 'running')::int as running,
           count(*) filter (where status = 'failed')::int as failed,
           count(*) filter (where status = 'pending' and last_error is not null)::int as retrying,
           count(*) filter (where status = 'failed' and finished_at >= $1::timestamptz)::int as failures_24h,
           min(run_after) filter (where status = 'pending') as next_run_at,
           max(finished_at) filter (where status in ('done', 'failed')) as last_run_at,
           (array_agg(status order by finished_at desc)
              filter (where status in ('done', 'failed') and finished_at is not null))[1] as last_status
         from jobs group by name`,
        [new Date(now.getTime() - DAY_MS).toISOString()],
      ),
      currentSlots.length === 0
        ? Promise.resolve([])
        : database.query<{ name: string; run_key: string }>(
            'select name, run_key from jobs where run_key = any($1::text[]) and name = any($2::text[])',
            [currentSlots.map((slot) => slot.runKey), currentSlots.map((slot) => slot.name)],
          ),
      jobs.recentRuns({ status: 'failed', limit: FAILED_JOB_RUNS_SHOWN }),
    ]);
    const byName = new Map(stats.map((row) => [row.name, row]));
    const enqueued = new Set(slotRows.map((row) => `${row.name}\n${row.run_key}`));
    const schedules = new Map(registered.map(({ name, schedule }) => [name, schedule]));
    const names = [...new Set([...schedules.keys(), ...byName.keys()])].sort((a, b) => a.localeCompare(b));

    const summary = names.map((name) => {
      const row = byName.get(name);
      const schedule = schedules.get(name);
      const candidates: Date[] = [];
      if (row?.next_run_at) candidates.push(new Date(row.next_run_at));
      if (schedule) {
        // The current slot not enqueued yet means the next scheduler tick starts it.
        const current = `${name}\n${slotOf(schedule, now)}`;
        candidates.push(enqueued.has(current) ? nextSlotStart(schedule, now) : now);
      }
      const next = candidates.length ? new Date(Math.min(...candidates.map((date) => date.getTime()))) : null;
      const lastStatus = row?.last_status;
      return {
        name,
        schedule: schedule ? describeSchedule(schedule) : null,
        lastRunAt: row ? isoOrNull(row.last_run_at) : null,
        lastOutcome:
          lastStatus === 'done'
            ? ('succeeded' as const)
            : lastStatus === 'failed'
              ? ('failed' as const)
              : null,
        failuresLast24h: row?.failures_24h ?? 0,
        retrying: row?.retrying ?? 0,
        pending: row?.pending ?? 0,
        running: row?.running ?? 0,
        failed: row?.failed ?? 0,
        nextRunAt: next ? next.toISOString() : null,
      };
    });

    const total = (pick: (row: (typeof summary)[number]) => number) =>
      summary.reduce((sum, row) => sum + pick(row), 0);
    return {
      schedulerEnabled: config.jobs.enabled,
      summary,
      depth: {
        queued: total((row) => row.pending),
        running: total((row) => row.running),
        failed: total((row) => row.failed),
      },
      recentFailures: failures.map((run) => ({
        id: run.id,
        name: run.name,
        runKey: run.runKey,
        attempts: run.attempts,
        maxAttempts: run.maxAttempts,
        finishedAt: run.finishedAt ? run.finishedAt.toISOString() : null,
        // Job errors may quote an address or id (e.g. a mail retry); shown redacted like server errors.
        error: run.lastError === null ? null : redactErrorMessage(run.lastError),
      })),
    };
  }

  async function outbox(): Promise<SystemStatus['outbox']> {
    const [[total], recent] = await Promise.all([
      database.db.select({ value: count() }).from(outboxEmails),
      // Bodies are never selected: they hold verification and reset links.
      database.db
        .select({
          id: outboxEmails.id,
          toAddress: outboxEmails.toAddress,
          subject: outboxEmails.subject,
          createdAt: outboxEmails.createdAt,
        })
        .from(outboxEmails)
        .orderBy(desc(outboxEmails.createdAt))
        .limit(OUTBOX_SHOWN),
    ]);
    return {
      transport: mailer.transport,
      count: total?.value ?? 0,
      recent: recent.map((mail) => ({
        id: mail.id,
        to: maskEmailAddress(mail.toAddress),
        subject: mail.subject,
        createdAt: mail.createdAt.toISOString(),
      })),
    };
  }

  async function recentErrors(): Promise<SystemStatus['errors']> {
    const rows = await database.db
      .select()
      .from(serverErrors)
      .orderBy(desc(serverErrors.createdAt))
      .limit(SERVER_ERRORS_SHOWN);
    return {
      recent: rows.map((row) => ({
        id: row.id,
        requestId: row.requestId,
        method: row.method,
        route: row.route,
        errorName: row.errorName,
        message: row.message,
        location: row.location,
        createdAt: row.createdAt.toISOString(),
      })),
    };
  }

  async function knowledge(): Promise<SystemStatus['knowledge']> {
    const { setup, vectors } = knowledgeSearch;
    const live = and(eq(documents.status, 'failed'), isNull(documents.deletedAt));
    const [passages, [failedCount], failed] = await Promise.all([
      vectors ? vectors.progress() : Promise.resolve(null),
      database.db.select({ value: count() }).from(documents).where(live),
      database.db
        .select({
          id: documents.id,
          format: documents.format,
          sizeBytes: documents.sizeBytes,
          reason: documents.failureReason,
          processedAt: documents.processedAt,
          updatedAt: documents.updatedAt,
        })
        .from(documents)
        .where(live)
        .orderBy(desc(documents.updatedAt))
        .limit(FAILED_EXTRACTIONS_SHOWN),
    ]);
    const extension = setup.extension;
    return {
      search: {
        mode: setup.mode,
        embeddingModel: setup.embeddingModel,
        vectorExtension: {
          status:
            extension.status === 'unused'
              ? extension.availableOnServer
                ? 'available'
                : 'not-installed'
              : extension.status,
          version: extension.status === 'enabled' ? extension.version : null,
        },
        reasons: knowledgeSearchReasons(setup),
        passages,
      },
      failedExtractions: {
        count: failedCount?.value ?? 0,
        recent: failed.map((row) => ({
          id: row.id,
          format: row.format,
          sizeBytes: row.sizeBytes,
          // The reasons are the app's own sentences; redacted anyway, like every text on this page.
          reason: row.reason === null ? null : redactErrorMessage(row.reason),
          failedAt: (row.processedAt ?? row.updatedAt).toISOString(),
        })),
      },
    };
  }

  return {
    async status(): Promise<SystemStatus> {
      const now = clock.now();
      // Health first and alone: it measures the database's latency, which the others would skew.
      const healthSection = await health();
      const [backupSection, jobsSection, outboxSection, errorsSection, knowledgeSection] = await Promise.all([
        backups(now),
        jobSection(now),
        outbox(),
        recentErrors(),
        knowledge(),
      ]);
      return {
        generatedAt: now.toISOString(),
        health: healthSection,
        backups: backupSection,
        jobs: jobsSection,
        outbox: outboxSection,
        errors: errorsSection,
        knowledge: knowledgeSection,
      };
    },
  };
}

export type SystemService = ReturnType<typeof createSystemService>;
