import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { expect, it } from 'vitest';
import { describeOnEachDatabase, type ErrorBody, startTestApp } from '../testing/harness.ts';
import { pollUntil } from '../testing/poll.ts';

describeOnEachDatabase('health probes', (getApp) => {
  it('reports liveness and readiness (database reachable, migrations applied)', async () => {
    const live = await getApp().client().get('/healthz');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
    const ready = await getApp().client().get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { database: true, migrations: true } });
    expect(ready.headers.get('cache-control')).toBe('no-store');
  });

  it('documents the API as OpenAPI generated from the zod schemas', async () => {
    const response = await getApp().client().get<{
      openapi: string;
      paths: Record<
        string,
        { post?: { requestBody?: { content: Record<string, { schema: { properties: object } }> } } }
      >;
    }>('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    const signUp = response.body.paths['/api/auth/sign-up']?.post;
    expect(Object.keys(signUp?.requestBody?.content['application/json']?.schema.properties ?? {})).toEqual(
      expect.arrayContaining(['name', 'email', 'password']),
    );
    expect(response.body.paths['/healthz']).toBeUndefined();
  });
});

it('readiness turns 503 when the database is gone, while liveness stays 200', async () => {
  const testApp = await startTestApp('pglite');
  try {
    await testApp.database.close();
    const ready = await testApp.client().get<{ status: string }>('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('not_ready');
    expect((await testApp.client().get('/healthz')).status).toBe(200);
  } finally {
    await testApp.app.close();
  }
});

it('readiness turns 503 "draining" once a shutdown begins, while the app keeps serving', async () => {
  const testApp = await startTestApp('pglite');
  try {
    testApp.app.services.readiness.beginDrain();
    const ready = await testApp.client().get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'draining' });
    expect((await testApp.client().get('/healthz')).status).toBe(200);
    expect((await testApp.client().get('/api/session')).status).toBe(200);
  } finally {
    await testApp.app.close();
  }
});

it('sheds load with 503 + Retry-After while the event loop is overloaded, but keeps liveness up', async () => {
  const testApp = await startTestApp('pglite', {
    env: { MAX_EVENT_LOOP_DELAY_MS: '50' },
    pressureSampleIntervalMs: 50,
  });
  try {
    // The probe runs in a worker thread so its requests arrive while this thread is busy.
    const probe = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       setTimeout(async () => {
         const get = async (path) => {
           const response = await fetch(workerData.baseUrl + path);
           return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() };
         };
         const [api, live] = await Promise.all([get('/api/session'), get('/healthz')]);
         parentPort.postMessage({ api, live });
       }, 350);`,
      { eval: true, workerData: { baseUrl: testApp.baseUrl } },
    );
    const result = once(probe, 'message');
    await once(probe, 'online');
    // A sustained CPU-bound burst: 200 ms blocks with barely a breath between them.
    for (let round = 0; round < 6; round += 1) {
      const blockUntil = Date.now() + 200;
      while (Date.now() < blockUntil) {
        /* busy */
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    const [{ api, live }] = (await result) as [
      { api: { status: number; retryAfter: string | null; body: string }; live: { status: number } },
    ];
    await probe.terminate();
    expect(api.status, api.body).toBe(503);
    expect(api.retryAfter).toBe('10');
    expect((JSON.parse(api.body) as ErrorBody).error.code).toBe('OVERLOADED');
    expect(live.status).toBe(200);
    // Once the loop is calm again (the next samples say so), requests are served.
    await pollUntil(
      async () => (await testApp.client().get('/api/session')).status,
      (status) => status === 200,
      { description: 'requests served again' },
    );
  } finally {
    await testApp.close();
  }
});

it('finishes in-flight requests on close and refuses new connections', async () => {
  let releaseSlow: () => void = () => {};
  let slowStarted: () => void = () => {};
  const inHandler = new Promise<void>((resolve) => {
    slowStarted = resolve;
  });
  const testApp = await startTestApp('pglite', {
    extend(app) {
      app.get('/__test/slow', async () => {
        await new Promise<void>((resolve) => {
          releaseSlow = resolve;
          slowStarted();
        });
        return { finished: true };
      });
    },
  });
  const inFlight = fetch(`${testApp.baseUrl}/__test/slow`).then(async (response) => ({
    status: response.status,
    body: await response.json(),
  }));
  await inHandler;
  const closing = testApp.app.close();
  // The listener closes as `close` gets going; from then on a new connection is refused.
  await pollUntil(
    () =>
      fetch(`${testApp.baseUrl}/healthz`).then(
        () => false,
        () => true,
      ),
    Boolean,
    { description: 'new connections refused' },
  );
  releaseSlow();
  expect(await inFlight).toEqual({ status: 200, body: { finished: true } });
  await closing;
  await testApp.close();
});
