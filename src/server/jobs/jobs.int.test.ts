import { afterAll, expect, it } from 'vitest';
import { DAY_MS, ManualClock, MINUTE_MS, SECOND_MS } from '../platform/clock.ts';
import {
  describeOnEachDatabase,
  runRetention,
  signUp,
  startTestApp,
  type TestApp,
} from '../testing/harness.ts';
import { RETENTION_JOB } from './index.ts';
import { createJobQueue, type JobQueue } from './queue.ts';
import { slotOf } from './schedule.ts';

const clock = new ManualClock(new Date('2030-03-10T08:00:00.000Z'));

interface JobRow extends Record<string, unknown> {
  run_key: string;
  status: string;
  attempts: number;
  locked_by: string | null;
  last_error: string | null;
  run_after: Date;
}

async function jobRows(testApp: TestApp, name: string): Promise<JobRow[]> {
  return testApp.database.query<JobRow>(
    'select run_key, status, attempts, locked_by, last_error, run_after from jobs where name = $1 order by run_key',
    [name],
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const extraApps: TestApp[] = [];
afterAll(async () => {
  for (const extra of extraApps) await extra.close();
});

describeOnEachDatabase(
  'job scheduler',
  (getApp, kind) => {
    /**
     * A second app instance on the same database: on PostgreSQL a real second app (its own pool);
     * on PGlite, which one process owns, a second queue with its own instance id on that database.
     */
    async function secondQueue(): Promise<JobQueue> {
      const first = getApp();
      if (kind === 'postgres' && first.config.database.kind === 'postgres') {
        const second = await startTestApp('postgres', {
          env: { DATABASE_URL: first.config.database.url, DATABASE_POOL_MAX: '4' },
          clock,
        });
        extraApps.push(second);
        return second.app.services.jobs;
      }
      const queue = createJobQueue({ database: first.database, clock, log: first.app.log });
      // The same product jobs as the app's own queue, as a second instance would have.
      queue.register({ name: RETENTION_JOB, schedule: { every: 'day' }, handler: async () => {} });
      return queue;
    }

    it('runs each scheduled slot exactly once while two instances tick concurrently many times', async () => {
      const first = getApp();
      const second = await secondQueue();
      const runs: string[] = [];
      for (const [label, queue] of [
        ['first', first.app.services.jobs],
        ['second', second],
      ] as const) {
        queue.register({
          name: 'test.daily',
          schedule: { every: 'day' },
          handler: async (_payload, context) => {
            runs.push(`${label}:${context.runKey}`);
            // Long enough for the other instance's ticks to arrive while this run holds the job.
            await pause(20);
          },
        });
      }
      const tickAll = () =>
        Promise.all(
          Array.from({ length: 12 }, (_, index) =>
            (index % 2 === 0 ? first.app.services.jobs : second).tick(),
          ),
        );

      const today = slotOf({ every: 'day' }, clock.now());
      const tomorrow = slotOf({ every: 'day' }, new Date(clock.now().getTime() + DAY_MS));
      await tickAll();
      expect(runs.map((run) => run.split(':')[1])).toEqual([today]);
      clock.advance(5 * MINUTE_MS);
      await tickAll();
      expect(runs).toHaveLength(1);

      clock.advance(DAY_MS);
      await tickAll();
      await tickAll();
      expect(runs.map((run) => run.split(':')[1])).toEqual([today, tomorrow]);

      const rows = await jobRows(first, 'test.daily');
      expect(rows.map((row) => [row.run_key, row.status, row.attempts])).toEqual([
        [today, 'done', 1],
        [tomorrow, 'done', 1],
      ]);
      // The product's own daily job got the same guarantee: one row per slot, run once.
      const retention = await jobRows(first, RETENTION_JOB);
      expect(retention.length).toBeGreaterThanOrEqual(2);
      for (const row of retention) expect([row.status, row.attempts]).toEqual(['done', 1]);
    });

    it('retries a failing job with exponential backoff, then gives up and lists it as failed', async () => {
      const testApp = getApp();
      const jobs = testApp.app.services.jobs;
      let calls = 0;
      jobs.register({
        name: 'test.flaky',
        maxAttempts: 3,
        backoff: { baseMs: 30 * SECOND_MS, maxMs: 10 * MINUTE_MS },
        handler: async () => {
          calls += 1;
          if (calls < 3) throw new Error(`flaky failure ${calls}`);
        },
      });
      await jobs.enqueue('test.flaky', { note: 'first' }, { runKey: 'flaky-1' });
      // A second enqueue with the same key is ignored.
      expect(await jobs.enqueue('test.flaky', {}, { runKey: 'flaky-1' })).toBe(false);

      await jobs.tick();
      let [row] = await jobRows(testApp, 'test.flaky');
      expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'Error: flaky failure 1' });
      expect(new Date(row?.run_after ?? 0).getTime()).toBe(clock.now().getTime() + 30 * SECOND_MS);

      await jobs.tick();
      expect(calls).toBe(1); // not due yet
      clock.advance(30 * SECOND_MS);
      await jobs.tick();
      [row] = await jobRows(testApp, 'test.flaky');
      expect(row).toMatchObject({ status: 'pending', attempts: 2, last_error: 'Error: flaky failure 2' });
      // The second wait is twice the first.
      expect(new Date(row?.run_after ?? 0).getTime()).toBe(clock.now().getTime() + 60 * SECOND_MS);
      clock.advance(60 * SECOND_MS);
      await jobs.tick();
      [row] = await jobRows(testApp, 'test.flaky');
      expect(row).toMatchObject({ status: 'done', attempts: 3, locked_by: null });

      jobs.register({
        name: 'test.broken',
        maxAttempts: 2,
        backoff: { baseMs: SECOND_MS, maxMs: SECOND_MS },
        handler: async () => {
          throw new Error('always broken');
        },
      });
      await jobs.enqueue('test.broken');
      await jobs.tick();
      clock.advance(SECOND_MS);
      await jobs.tick();
      const [broken] = await jobRows(testApp, 'test.broken');
      expect(broken).toMatchObject({ status: 'failed', attempts: 2, last_error: 'Error: always broken' });
      const failures = await jobs.recentRuns({ status: 'failed' });
      expect(failures.map((run) => run.name)).toContain('test.broken');
      const summary = await jobs.summary();
      expect(summary.find((entry) => entry.name === 'test.broken')).toMatchObject({ failed: 1, pending: 0 });
      expect(summary.find((entry) => entry.name === 'test.flaky')?.lastSucceededAt).toBeInstanceOf(Date);
      // Each run was counted for the metrics (1 success + 2 retries for flaky, 2 failures for broken).
      const metrics = await testApp.app.services.metrics.registry.metrics();
      expect(metrics).toMatch(/job="test\.flaky"[^\n]*outcome="success"[^\n]* 1/);
    });

    it('takes over a run whose instance died once its lease runs out, not before', async () => {
      const testApp = getApp();
      const jobs = testApp.app.services.jobs;
      const runs: number[] = [];
      jobs.register({
        name: 'test.leased',
        leaseMs: 5 * MINUTE_MS,
        handler: async (_payload, context) => {
          runs.push(context.attempt);
        },
      });
      await jobs.enqueue('test.leased', {}, { runKey: 'leased-1' });
      // Another instance claimed it and died: running, locked by it, lease valid for 5 minutes.
      await testApp.database.query(
        `update jobs set status = 'running', attempts = 1, locked_by = 'dead-instance',
           locked_until = $1::timestamptz where name = 'test.leased'`,
        [new Date(clock.now().getTime() + 5 * MINUTE_MS).toISOString()],
      );
      await jobs.tick();
      expect(runs).toEqual([]);
      clock.advance(5 * MINUTE_MS + SECOND_MS);
      await jobs.tick();
      expect(runs).toEqual([2]);
      const [row] = await jobRows(testApp, 'test.leased');
      expect(row).toMatchObject({ status: 'done', attempts: 2, locked_by: null });
    });

    it('stops its poll loop on close and never claims after stopping', async () => {
      const testApp = getApp();
      const queue = createJobQueue({
        database: testApp.database,
        clock,
        log: testApp.app.log,
        pollIntervalMs: 10,
      });
      let ran = 0;
      let announceRun: () => void = () => {};
      const firstRun = new Promise<void>((resolve) => {
        announceRun = resolve;
      });
      queue.register({
        name: 'test.polled',
        handler: async () => {
          ran += 1;
          announceRun();
        },
      });
      await queue.enqueue('test.polled');
      queue.start();
      // Only the poll loop can run it: nothing here calls tick().
      await firstRun;
      expect(ran).toBe(1);
      await queue.stop();
      await queue.enqueue('test.polled');
      await pause(100);
      expect(ran).toBe(1);
    });

    it('vacuums and analyses the embedded database after the retention rules; PostgreSQL is left to autovacuum', async () => {
      const testApp = getApp();
      await signUp(testApp.client());
      const upkeepCounts = async () => {
        const [row] = await testApp.database.query<{ vacuums: number; analyses: number }>(
          "select vacuum_count::int as vacuums, analyze_count::int as analyses from pg_stat_user_tables where relname = 'users'",
        );
        return row;
      };
      const before = await upkeepCounts();
      // By the system clock: the file's manual clock is years ahead and would expire the app's sessions.
      const report = await runRetention(testApp);
      expect(report.vacuumed).toBe(kind === 'pglite');
      if (kind === 'pglite') {
        expect(await upkeepCounts()).toEqual({
          vacuums: (before?.vacuums ?? 0) + 1,
          analyses: (before?.analyses ?? 0) + 1,
        });
        const [statistics] = await testApp.database.query<{ columns: number }>(
          "select count(*)::int as columns from pg_stats where tablename = 'users'",
        );
        expect(statistics?.columns).toBeGreaterThan(0);
      }
    });
  },
  { clock },
);
