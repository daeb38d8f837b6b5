import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorBody, signUp, startTestApp, type TestApp, type TestClient } from '../testing/harness.ts';

/** A handler that holds its slot until the test lets it go. */
function createGate() {
  let open: () => void = () => {};
  let opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    wait: () => opened,
    open() {
      open();
      opened = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
  };
}

describe('admission control over real HTTP', () => {
  const gate = createGate();
  let testApp: TestApp;
  let user: TestClient;

  beforeAll(async () => {
    testApp = await startTestApp('pglite', {
      env: { HTTP_MAX_CONCURRENT: '1', HTTP_MAX_QUEUE_WAIT_MS: '400' },
      extend(app) {
        app.get('/api/__test/held', async () => {
          await gate.wait();
          return { done: true };
        });
      },
    });
    user = testApp.client();
    await signUp(user);
  });
  afterAll(() => testApp.close());

  it('lets a waiting request run once the running one answers', async () => {
    const first = user.get<{ done: boolean }>('/api/__test/held');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = user.get<{ user: unknown }>('/api/session');
    await new Promise((resolve) => setTimeout(resolve, 50));
    gate.open();
    expect((await first).body).toEqual({ done: true });
    expect((await second).status).toBe(200);
  });

  it('answers 503 OVERLOADED with Retry-After when the wait runs out, and keeps serving', async () => {
    const held = user.get('/api/__test/held');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const turnedAway = await user.get<ErrorBody>('/api/session');
    expect(turnedAway.status).toBe(503);
    expect(turnedAway.body.error.code).toBe('OVERLOADED');
    expect(turnedAway.headers.get('retry-after')).toBe('1');
    // Health checks are never held back.
    expect((await user.get('/healthz')).status).toBe(200);
    gate.open();
    expect((await held).status).toBe(200);
    expect((await user.get('/api/session')).status).toBe(200);
  });

  it('gives the slot back when the client leaves before the answer', async () => {
    const controller = new AbortController();
    const abandoned = fetch(new URL('/api/__test/held', testApp.baseUrl), {
      headers: { cookie: user.cookieHeader() },
      signal: controller.signal,
    }).catch(() => 'aborted');
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    expect(await abandoned).toBe('aborted');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The abandoned handler still waits on the gate, but its slot is free.
    expect((await user.get('/api/session')).status).toBe(200);
    gate.open();
  });

  it('frees the slot of a request that failed', async () => {
    const missing = await user.get<ErrorBody>('/api/items/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect((await user.get('/api/session')).status).toBe(200);
  });
});
