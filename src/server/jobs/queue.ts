/**
 * The job queue and scheduler: one `jobs` table, shared by every app instance through the database
 * (PGlite or PostgreSQL). See docs/decisions/0018-jobs-and-data-lifecycle.md.
 *
 * - Scheduled jobs: on every tick each instance inserts the current slot's row with
 *   `on conflict (name, run_key) do nothing`, so a slot exists once however many instances tick.
 * - Claiming: `update … where id in (select … for update skip locked)` marks a due row `running` with
 *   a lease; concurrent claimers skip locked rows, so each row is handed to one instance at a time.
 * - Delivery is at least once: a run whose instance dies is taken over when its lease runs out.
 *   Handlers are therefore idempotent (retention deletes what is due; an email retry may repeat).
 * - Failures retry with exponential backoff up to the job's attempt limit, then stay `failed` for
 *   the admin System page.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Db } from '../db/client.ts';
import type { JobStatus } from '../db/schema/jobs.ts';
import type { Clock } from '../platform/clock.ts';
import { MINUTE_MS, SECOND_MS } from '../platform/clock.ts';
import { type BackoffPolicy, retryDelayMs, type Schedule, slotOf } from './schedule.ts';

export type JobPayload = Record<string, unknown>;

export interface JobContext {
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  /** The clock's time when the run started. */
  startedAt: Date;
  /** The slot for scheduled jobs, a random key for ad-hoc ones. */
  runKey: string;
}

export interface JobDefinition<Payload extends JobPayload = JobPayload> {
  name: string;
  handler: (payload: Payload, context: JobContext) => Promise<void>;
  /** Present for periodic jobs; each slot runs once across all instances. */
  schedule?: Schedule;
  /** Attempts before the run is left `failed` (default 5). */
  maxAttempts?: number;
  /** How long a run may hold its lease before another instance may take it over (default 10 min). */
  leaseMs?: number;
  backoff?: BackoffPolicy;
}

export type JobOutcome = 'succeeded' | 'retrying' | 'failed';

/** Called after every run; the metrics module records it (`recordJobRun`). */
export type JobRunListener = (name: string, outcome: JobOutcome, seconds: number) => void;

export interface JobRun {
  id: string;
  name: string;
  runKey: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAfter: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  durationMs: number | null;
  lastError: string | null;
}

export interface JobSummary {
  name: string;
  pending: number;
  running: number;
  failed: number;
  lastSucceededAt: Date | null;
  lastFailedAt: Date | null;
}

export interface JobQueueDeps {
  database: Database;
  clock: Clock;
  log: FastifyBaseLogger;
  /** Identifies this instance in `locked_by`; defaults to host, pid and a random suffix. */
  instanceId?: string;
  pollIntervalMs?: number;
  onRun?: JobRunListener;
}

const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_LEASE_MS = 10 * MINUTE_MS;
const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30 * SECOND_MS, maxMs: 60 * MINUTE_MS };
/** Runs per tick per instance, so one tick never monopolises the instance. */
const MAX_RUNS_PER_TICK = 20;
const ERROR_MAX = 2000;

interface JobRow extends Record<string, unknown> {
  id: string;
  name: string;
  run_key: string;
  payload: JobPayload;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_after: Date;
  started_at: Date | null;
  finished_at: Date | null;
  duration_ms: number | null;
  last_error: string | null;
}

function toRun(row: JobRow): JobRun {
  return {
    id: row.id,
    name: row.name,
    runKey: row.run_key,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAfter: new Date(row.run_after),
    startedAt: row.started_at ? new Date(row.started_at) : null,
    finishedAt: row.finished_at ? new Date(row.finished_at) : null,
    durationMs: row.duration_ms,
    lastError: row.last_error,
  };
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, ERROR_MAX);
}

export function createJobQueue(deps: JobQueueDeps) {
  const { database, clock, log } = deps;
  const instanceId = deps.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollIntervalMs = deps.pollIntervalMs ?? 5 * SECOND_MS;
  const definitions = new Map<string, JobDefinition>();
  let onRun = deps.onRun;

  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let stopped = true;
  let currentTick: Promise<unknown> | undefined;

  function definitionOf(name: string): JobDefinition {
    const definition = definitions.get(name);
    if (!definition) throw new Error(`No job named "${name}" is registered`);
    return definition;
  }

  async function enqueueRow(
    definition: JobDefinition,
    runKey: string,
    payload: JobPayload,
    runAfter: Date,
  ): Promise<boolean> {
    const rows = await database.query(
      `insert into jobs (name, run_key, payload, status, max_attempts, run_after, created_at, updated_at)
         values ($1, $2, $3::jsonb, 'pending', $4, $5::timestamptz, $6::timestamptz, $6::timestamptz)
       on conflict (name, run_key) do nothing
       returning id`,
      [
        definition.name,
        runKey,
        JSON.stringify(payload),
        definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        runAfter.toISOString(),
        clock.now().toISOString(),
      ],
    );
    return rows.length > 0;
  }

  /** Inserts the current slot of every scheduled job (no-op for slots that already exist). */
  async function enqueueDueSlots(now: Date): Promise<void> {
    for (const definition of definitions.values()) {
      if (!definition.schedule) continue;
      await enqueueRow(definition, slotOf(definition.schedule, now), {}, now);
    }
  }

  /** Takes one due job (or one whose lease ran out) among those this instance can run. */
  async function claim(now: Date): Promise<JobRow | undefined> {
    if (definitions.size === 0) return undefined;
    // name → lease seconds; its keys are also the names this instance has handlers for.
    const leases = Object.fromEntries(
      [...definitions.values()].map((definition) => [
        definition.name,
        (definition.leaseMs ?? DEFAULT_LEASE_MS) / SECOND_MS,
      ]),
    );
    const [row] = await database.query<JobRow>(
      `update jobs set status = 'running', attempts = jobs.attempts + 1, locked_by = $1,
         locked_until = $2::timestamptz + make_interval(secs => ($3::jsonb ->> jobs.name)::double precision),
         started_at = $2::timestamptz, updated_at = $2::timestamptz
       where id in (
         select id from jobs
         where $3::jsonb ? name
           and ((status = 'pending' and run_after <= $2::timestamptz)
             or (status = 'running' and locked_until < $2::timestamptz))
         order by run_after
         limit 1
         for update skip locked)
       returning id, name, run_key, payload, status, attempts, max_attempts, run_after, started_at,
         finished_at, duration_ms, last_error`,
      [instanceId, now.toISOString(), JSON.stringify(leases)],
    );
    return row;
  }

  async function runOne(row: JobRow): Promise<JobOutcome> {
    const definition = definitionOf(row.name);
    const startedAt = clock.now();
    const started = performance.now();
    // A run whose lease ran out too often (its instance kept dying) is given up on, not retried forever.
    if (row.attempts > row.max_attempts) {
      await finish(
        row,
        'failed',
        startedAt,
        0,
        'Gave up: the run did not finish within its lease too often.',
      );
      return 'failed';
    }
    let outcome: JobOutcome;
    let failure: unknown;
    try {
      await definition.handler(row.payload, { attempt: row.attempts, startedAt, runKey: row.run_key });
      outcome = 'succeeded';
    } catch (error) {
      failure = error;
      outcome = row.attempts < row.max_attempts ? 'retrying' : 'failed';
    }
    const elapsedMs = Math.round(performance.now() - started);
    if (outcome === 'succeeded') {
      await finish(row, 'done', clock.now(), elapsedMs, null);
      log.info({ job: row.name, runKey: row.run_key, attempt: row.attempts, elapsedMs }, 'job succeeded');
    } else if (outcome === 'retrying') {
      const delay = retryDelayMs(row.attempts, definition.backoff ?? DEFAULT_BACKOFF);
      const retryAt = new Date(clock.now().getTime() + delay);
      await database.query(
        `update jobs set status = 'pending', run_after = $3::timestamptz, last_error = $4,
           locked_by = null, locked_until = null, duration_ms = $5, updated_at = $6::timestamptz
         where id = $1 and locked_by = $2`,
        [row.id, instanceId, retryAt.toISOString(), errorText(failure), elapsedMs, clock.now().toISOString()],
      );
      log.warn(
        { job: row.name, runKey: row.run_key, attempt: row.attempts, retryAt, err: failure },
        'job failed; will retry',
      );
    } else {
      await finish(row, 'failed', clock.now(), elapsedMs, errorText(failure));
      log.error({ job: row.name, runKey: row.run_key, attempt: row.attempts, err: failure }, 'job failed');
    }
    try {
      onRun?.(row.name, outcome, elapsedMs / 1000);
    } catch (error) {
      log.error({ err: error }, 'job run listener failed');
    }
    return outcome;
  }

  async function finish(
    row: JobRow,
    status: 'done' | 'failed',
    at: Date,
    elapsedMs: number,
    lastError: string | null,
  ): Promise<void> {
    // `locked_by = me`: if the lease ran out and another instance took the run over, its result wins.
    await database.query(
      `update jobs set status = $3, finished_at = $4::timestamptz, duration_ms = $5,
         last_error = coalesce($6, last_error), locked_by = null, locked_until = null,
         updated_at = $4::timestamptz
       where id = $1 and locked_by = $2`,
      [row.id, instanceId, status, at.toISOString(), elapsedMs, lastError],
    );
  }

  /**
   * One scheduler pass: enqueue the current slots, then run due jobs until none is left (or the
   * per-tick limit). Concurrent ticks in one instance are serialised; across instances the database
   * arbitrates. Returns how many runs were made.
   */
  async function tick(): Promise<number> {
    const previous = currentTick;
    const work = (async () => {
      await previous?.catch(() => {});
      await enqueueDueSlots(clock.now());
      let runs = 0;
      while (runs < MAX_RUNS_PER_TICK) {
        const row = await claim(clock.now());
        if (!row) break;
        await runOne(row);
        runs += 1;
      }
      return runs;
    })();
    currentTick = work;
    return work;
  }

  function scheduleNext(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = true;
      tick()
        .catch((error: unknown) => log.error({ err: error }, 'job scheduler tick failed'))
        .finally(() => {
          running = false;
          scheduleNext();
        });
    }, pollIntervalMs);
    // The poll loop alone must not keep the process alive (graceful shutdown, CLI tools).
    timer.unref();
  }

  return {
    instanceId,

    register<Payload extends JobPayload>(definition: JobDefinition<Payload>): void {
      if (definitions.has(definition.name)) throw new Error(`Job "${definition.name}" is already registered`);
      definitions.set(definition.name, definition as unknown as JobDefinition);
    },

    /** Whether a job of this name is registered (e.g. to decide between deferring and failing). */
    has: (name: string) => definitions.has(name),

    /** The registered jobs and their schedules (the admin System page shows when each runs next). */
    registered: (): { name: string; schedule: Schedule | undefined }[] =>
      [...definitions.values()].map(({ name, schedule }) => ({ name, schedule })),

    /**
     * Queues a run. With `runKey`, a second enqueue of the same key is ignored (returns false), which
     * makes "do this once" requests idempotent.
     */
    async enqueue(
      name: string,
      payload: JobPayload = {},
      options: { runKey?: string; runAfter?: Date; delayMs?: number } = {},
    ): Promise<boolean> {
      const runAfter = options.runAfter ?? new Date(clock.now().getTime() + (options.delayMs ?? 0));
      return enqueueRow(definitionOf(name), options.runKey ?? randomUUID(), payload, runAfter);
    },

    /**
     * Queues a run unless one of this name is already waiting (pending, or pending a retry): many
     * requests for the same catch-up work become one run. Returns whether a run was queued. Two
     * instances asking at the same moment may both queue one; such a job must not mind running twice.
     */
    async enqueueUnlessWaiting(name: string, options: { delayMs?: number } = {}): Promise<boolean> {
      const definition = definitionOf(name);
      const now = clock.now();
      const rows = await database.query(
        `insert into jobs (name, run_key, payload, status, max_attempts, run_after, created_at, updated_at)
         select $1, $2, '{}'::jsonb, 'pending', $3, $4::timestamptz, $5::timestamptz, $5::timestamptz
         where not exists (select 1 from jobs where name = $1 and status = 'pending')
         returning id`,
        [
          definition.name,
          randomUUID(),
          definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
          new Date(now.getTime() + (options.delayMs ?? 0)).toISOString(),
          now.toISOString(),
        ],
      );
      return rows.length > 0;
    },

    /**
     * Queues a run inside the caller's transaction: the run exists if and only if the change that
     * needs it commits (an upload and the job that processes it). Same options as `enqueue`.
     */
    async enqueueIn(
      db: Db,
      name: string,
      payload: JobPayload = {},
      options: { runKey?: string; runAfter?: Date; delayMs?: number } = {},
    ): Promise<void> {
      const definition = definitionOf(name);
      const now = clock.now();
      const runAfter = options.runAfter ?? new Date(now.getTime() + (options.delayMs ?? 0));
      await db.execute(
        sql`insert into jobs (name, run_key, payload, status, max_attempts, run_after, created_at, updated_at)
              values (${definition.name}, ${options.runKey ?? randomUUID()}, ${JSON.stringify(payload)}::jsonb,
                'pending', ${definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS}, ${runAfter.toISOString()}::timestamptz,
                ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
            on conflict (name, run_key) do nothing`,
      );
    },

    tick,

    /** Starts the poll loop (the first tick comes one interval after start). */
    start(): void {
      if (!stopped) return;
      stopped = false;
      scheduleNext();
    },

    /** Stops polling and waits for a tick in progress to finish its current run. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running || currentTick) await currentTick?.catch(() => {});
    },

    /** Sets the run listener (metrics) after construction, when the metrics module is built later. */
    onRun(listener: JobRunListener): void {
      onRun = listener;
    },

    /** The most recent runs, newest first; `status` narrows to e.g. failures. */
    async recentRuns(options: { limit?: number; status?: JobStatus } = {}): Promise<JobRun[]> {
      const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
      const rows = await database.query<JobRow>(
        `select id, name, run_key, payload, status, attempts, max_attempts, run_after, started_at,
           finished_at, duration_ms, last_error
         from jobs
         where ($1::text is null or status = $1)
         order by coalesce(finished_at, started_at, run_after) desc
         limit $2`,
        [options.status ?? null, limit],
      );
      return rows.map(toRun);
    },

    /** Per job name: what is waiting, running or failed, and when it last succeeded and failed. */
    async summary(): Promise<JobSummary[]> {
      const rows = await database.query<{
        name: string;
        pending: number;
        running: number;
        failed: number;
        last_succeeded_at: Date | null;
        last_failed_at: Date | null;
      }>(
        `select name,
           count(*) filter (where status = 'pending')::int as pending,
           count(*) filter (where status = 'running')::int as running,
           count(*) filter (where status = 'failed')::int as failed,
           max(finished_at) filter (where status = 'done') as last_succeeded_at,
           max(finished_at) filter (where status = 'failed') as last_failed_at
         from jobs group by name order by name`,
      );
      const known = new Set(rows.map((row) => row.name));
      const summaries: JobSummary[] = rows.map((row) => ({
        name: row.name,
        pending: row.pending,
        running: row.running,
        failed: row.failed,
        lastSucceededAt: row.last_succeeded_at ? new Date(row.last_succeeded_at) : null,
        lastFailedAt: row.last_failed_at ? new Date(row.last_failed_at) : null,
      }));
      for (const name of definitions.keys()) {
        if (!known.has(name)) {
          summaries.push({
            name,
            pending: 0,
            running: 0,
            failed: 0,
            lastSucceededAt: null,
            lastFailedAt: null,
          });
        }
      }
      return summaries.sort((a, b) => a.name.localeCompare(b.name));
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
