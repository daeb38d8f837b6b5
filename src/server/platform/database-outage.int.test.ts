/**
 * Fault drills: PostgreSQL becomes unreachable while the app runs. Readiness fails, requests get a
 * 503 with Retry-After in the standard envelope (never a hang or a 500), and the app recovers on
 * its own once the database is back — no restart. The outage is a cut TCP proxy between app and
 * database, so the shared test server keeps running.
 *
 * A real shutdown differs from a cut line: PostgreSQL first terminates every connection with FATAL
 * 57P01, including ones the app holds mid-transaction. The second suite reproduces that on the app's
 * own database with `pg_terminate_backend` (the same signal a fast shutdown sends each backend);
 * `npm run bench:load -- --pg-cluster …` stops and starts a real server under load.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultBrandId,
  type ErrorBody,
  signUp,
  startTestApp,
  TEST_DATABASE_URL,
  type TestApp,
  type TestClient,
} from '../testing/harness.ts';
import { pollUntil } from '../testing/poll.ts';
import { startTcpProxy, type TcpProxy } from '../testing/tcp-proxy.ts';
import { isDatabaseUnavailable } from './errors.ts';

describe.skipIf(!TEST_DATABASE_URL)('database outage drill [PostgreSQL]', () => {
  const name = `ibc_test_outage_${randomBytes(5).toString('hex')}`;
  let proxy: TcpProxy;
  let testApp: TestApp;

  async function admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(sql);
    await client.end();
  }

  beforeAll(async () => {
    await admin(`create database ${name}`);
    const target = new URL(TEST_DATABASE_URL as string);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(TEST_DATABASE_URL as string);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    viaProxy.pathname = `/${name}`;
    testApp = await startTestApp('postgres', {
      env: { DATABASE_URL: viaProxy.toString(), DATABASE_POOL_MAX: '4', DATABASE_CONNECT_TIMEOUT_MS: '1000' },
    });
  });

  afterAll(async () => {
    await testApp?.close();
    await proxy?.close();
    await admin(`drop database if exists ${name} with (force)`);
  });

  it('answers 503 + Retry-After while the database is down and recovers by itself', async () => {
    const client = testApp.client();
    await signUp(client);
    // Signed up but never looked up: its session is in no instance's session cache (ADR 0044).
    const unseen = testApp.client();
    await signUp(unseen);
    expect((await client.get('/readyz')).status).toBe(200);
    expect((await client.get('/api/brands')).status).toBe(200);
    const brandId = await defaultBrandId(client);

    proxy.cut();
    const started = Date.now();
    const readiness = await client.get<{ status: string }>('/readyz');
    expect(readiness.status).toBe(503);
    expect(readiness.body.status).toBe('not_ready');
    // `client`'s session was just looked up, so the guard may answer it from the session cache and
    // the work itself meets the outage; `unseen`'s session check has to ask the database.
    const checks: Array<[TestClient, string]> = [
      [client, '/api/brands'],
      [unseen, '/api/session'],
      [client, `/api/diagnostic/results?brandId=${brandId}`],
    ];
    for (const [caller, path] of checks) {
      const response = await caller.get<ErrorBody>(path);
      expect(response.status, path).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(response.body.error.code).toBe('UNAVAILABLE');
      expect(response.body.error.requestId).toBeTruthy();
    }
    // Fails fast (the pool's connect timeout), rather than holding requests open.
    expect(Date.now() - started).toBeLessThan(15_000);
    // Liveness stays green: the process is fine, only its dependency is not.
    expect((await client.get('/healthz')).status).toBe(200);

    proxy.restore();
    await pollUntil(
      async () => (await client.get('/readyz')).status,
      (status) => status === 200,
      { timeoutMs: 15_000, intervalMs: 200, description: 'readiness back to 200' },
    );
    const brands = await client.get<{ brands: unknown[] }>('/api/brands');
    expect(brands.status).toBe(200);
    expect(brands.body.brands).toHaveLength(1);
  }, 60_000);
});

describe.skipIf(!TEST_DATABASE_URL)('connections terminated by PostgreSQL (57P01) [PostgreSQL]', () => {
  let testApp: TestApp;
  let databaseName: string;

  /** What a fast shutdown does to each backend, limited to this test's own database. */
  async function terminateBackends(pids?: number[]): Promise<number> {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>(
        `select pid from pg_stat_activity
          where datname = $1 and pid <> pg_backend_pid() and ($2::int[] is null or pid = any($2::int[]))`,
        [databaseName, pids ?? null],
      );
      for (const { pid } of rows) await client.query('select pg_terminate_backend($1)', [pid]);
      // Wait until they are gone, so the app has been sent its FATAL before the test goes on.
      await pollUntil(
        async () =>
          (
            await client.query('select 1 from pg_stat_activity where pid = any($1::int[])', [
              rows.map((row) => row.pid),
            ])
          ).rowCount,
        (left) => left === 0,
        { intervalMs: 20, description: 'terminated backends gone' },
      );
      return rows.length;
    } finally {
      await client.end();
    }
  }

  function terminatingRoutes(app: FastifyInstance) {
    // A transaction whose connection PostgreSQL ends mid-statement, as a shutdown does.
    app.post('/api/__test/terminated-in-transaction', async () => {
      await app.services.database.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_terminate_backend(pg_backend_pid())`);
      });
      return { ok: true };
    });
  }

  beforeAll(async () => {
    testApp = await startTestApp('postgres', { extend: terminatingRoutes });
    const [row] = await testApp.database.query<{ name: string }>('select current_database() as name');
    databaseName = row?.name as string;
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('answers 503 + Retry-After when the connection dies mid-transaction, and keeps running', async () => {
    const client = testApp.client();
    await signUp(client);
    const response = await client.post<ErrorBody>('/api/__test/terminated-in-transaction');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.body.error.code).toBe('UNAVAILABLE');
    // The broken connection was discarded, not handed to the next request.
    for (let index = 0; index < 6; index += 1) expect((await client.get('/api/brands')).status).toBe(200);
    expect(testApp.logs.join('')).toContain('database connection lost');
  });

  it('survives a connection ended between two statements of a transaction', async () => {
    const failure = await testApp.database.db
      .transaction(async (tx) => {
        const { rows } = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
          rows: Array<{ pid: number }>;
        };
        // The client is checked out and idle: the FATAL arrives as an 'error' event on it, which
        // would crash the process if nothing listened. Go on once the app has seen it.
        const lost = new Promise<void>((resolve) => {
          const stop = testApp.database.onConnectionLost(() => {
            stop();
            resolve();
          });
        });
        await terminateBackends([Number(rows[0]?.pid)]);
        await lost;
        await tx.execute(sql`select 1`);
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeDefined();
    expect(isDatabaseUnavailable(failure)).toBe(true);
    expect(await testApp.database.query('select 1 as one')).toEqual([{ one: 1 }]);
  });

  it('replaces every pooled connection PostgreSQL terminates, with no 500 and no restart', async () => {
    const client = testApp.client();
    await signUp(client);
    // Fill the pool, then end all of its connections at once.
    await Promise.all(Array.from({ length: 8 }, () => client.get('/api/brands')));
    expect(await terminateBackends()).toBeGreaterThan(0);
    const statuses = await Promise.all(Array.from({ length: 8 }, () => client.get('/api/brands'))).then(
      (responses) => responses.map((response) => response.status),
    );
    for (const status of statuses) expect([200, 503]).toContain(status);
    expect((await client.get('/readyz')).status).toBe(200);
    expect((await client.get('/api/brands')).status).toBe(200);
  });
});
