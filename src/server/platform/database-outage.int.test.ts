/**
 * Fault drill: PostgreSQL becomes unreachable while the app runs. Readiness fails, requests get a
 * 503 with Retry-After in the standard envelope (never a hang or a 500), and the app recovers on
 * its own once the database is back — no restart. The outage is a cut TCP proxy between app and
 * database, so the shared test server keeps running.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorBody, signUp, startTestApp, TEST_DATABASE_URL, type TestApp } from '../testing/harness.ts';
import { startTcpProxy, type TcpProxy } from '../testing/tcp-proxy.ts';

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
    expect((await client.get('/readyz')).status).toBe(200);
    expect((await client.get('/api/brands')).status).toBe(200);

    proxy.cut();
    const started = Date.now();
    const readiness = await client.get<{ status: string }>('/readyz');
    expect(readiness.status).toBe(503);
    expect(readiness.body.status).toBe('not_ready');
    for (const path of ['/api/brands', '/api/session', '/api/diagnostic/results']) {
      const response = await client.get<ErrorBody>(path);
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
    const deadline = Date.now() + 15_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await client.get('/readyz')).status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
    const brands = await client.get<{ brands: unknown[] }>('/api/brands');
    expect(brands.status).toBe(200);
    expect(brands.body.brands).toHaveLength(1);
  }, 60_000);
});
