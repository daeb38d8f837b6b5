/**
 * The route tiers (ADR 0049) over real HTTP, on two app instances sharing one database: a burst past
 * each tier gets 429 in the error envelope with `Retry-After`, every answer of a limited route
 * carries `RateLimit-*`, counts made on one instance stop the same user on the other once both have
 * synced, and the overshoot before that is bounded. The app trusts X-Forwarded-For (TRUST_PROXY), so
 * one test process can speak for several client IPs. The instances share a clock that stands still
 * 10 s into a minute, so no window ends mid-test unless a test moves it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  STRONG_PASSWORD,
  startTestApp,
  type TestApp,
  TestClient,
  type TestResponse,
  uniqueEmail,
} from '../testing/harness.ts';
import { pollUntil } from '../testing/poll.ts';
import { ManualClock, MINUTE_MS } from './clock.ts';
import { routeLimitProblems } from './route-limits.ts';

const READS = 8;
const WRITES = 5;
const PUBLIC = 6;
const BRANDS_PER_DAY = 3;
/** The instances here sync when told to; the third, which shows the timer, every 50 ms. */
const MANUAL_SYNC_MS = 60 * 60 * 1000;
const TIMER_SYNC_MS = 50;
/** Seconds left in the minute the clock stands in. */
const RESET_SECONDS = 50;

const env = {
  TRUST_PROXY: 'true',
  READS_PER_USER_PER_MINUTE: String(READS),
  WRITES_PER_USER_PER_MINUTE: String(WRITES),
  PUBLIC_REQUESTS_PER_IP_PER_MINUTE: String(PUBLIC),
  BRANDS_PER_USER_PER_DAY: String(BRANDS_PER_DAY),
  RATE_LIMIT_SYNC_MS: String(MANUAL_SYNC_MS),
  LOG_LEVEL: 'warn',
};
const clock = new ManualClock(new Date(Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS + 10_000));
const UNTIERED = '/api/test/untiered';

function fail(message: string): never {
  throw new Error(message);
}

/** Each caller speaks from its own addresses, so one test's per-IP counts never reach another. */
let nextAddress = 1;
const freshIp = () => `198.51.100.${nextAddress++}`;

/** A signed-up browser that always speaks from one address of its own. */
async function member(testApp: TestApp) {
  const ip = freshIp();
  const browser = testApp.client();
  const signedUp = await browser.request<{ user: { id: string } }>('POST', '/api/auth/sign-up', {
    json: { name: 'Tess', email: uniqueEmail('tiers'), password: STRONG_PASSWORD },
    headers: { 'x-forwarded-for': ip },
  });
  expect(signedUp.status, signedUp.text).toBe(200);
  // The brand list is a read: it counts, and the tests below start from it.
  const brandId = await defaultBrandId(browser);
  return { browser, ip, brandId, userId: signedUp.body.user.id };
}

/** The same browser (same cookies) talking to another instance. */
function sameBrowserOn(instance: TestApp, browser: TestClient): TestClient {
  const other = new TestClient(instance.baseUrl);
  for (const [name, value] of browser.cookies) other.cookies.set(name, value);
  return other;
}

function rename(browser: TestClient, brandId: string, name: string) {
  return browser.request<ErrorBody>('PATCH', `/api/brands/${brandId}`, { json: { name } });
}

function expectAllowed(response: TestResponse<unknown>, limit: number, remaining: number) {
  expect(response.status, response.text).toBeLessThan(300);
  expect(response.headers.get('ratelimit-limit')).toBe(String(limit));
  expect(response.headers.get('ratelimit-remaining')).toBe(String(remaining));
  expect(Number(response.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
}

function expectLimited(response: TestResponse<ErrorBody>, limit: number, retryAfter = RESET_SECONDS) {
  expect(response.status, response.text).toBe(429);
  expect(response.body.error.code).toBe('RATE_LIMITED');
  expect(response.body.error.requestId).toBeTruthy();
  expect(response.headers.get('retry-after')).toBe(String(retryAfter));
  expect(response.headers.get('ratelimit-limit')).toBe(String(limit));
  expect(response.headers.get('ratelimit-remaining')).toBe('0');
  expect(response.headers.get('ratelimit-reset')).toBe(String(retryAfter));
}

describeOnEachDatabase(
  'route limit tiers',
  (getApp, kind) => {
    const others: TestApp[] = [];
    const instanceB = () => others[0] ?? fail('instance B is not running');
    const instanceC = () => others[1] ?? fail('instance C is not running');

    /** Another instance on the same database and clock. */
    function anotherInstance(extraEnv: Record<string, string> = {}) {
      const first = getApp();
      return kind === 'postgres' && first.config.database.kind === 'postgres'
        ? startTestApp('postgres', {
            env: { ...env, ...extraEnv, DATABASE_URL: first.config.database.url, DATABASE_POOL_MAX: '4' },
            clock,
          })
        : startTestApp('pglite', { env: { ...env, ...extraEnv }, database: first.database, clock });
    }

    beforeAll(async () => {
      others.push(await anotherInstance());
      others.push(await anotherInstance({ RATE_LIMIT_SYNC_MS: String(TIMER_SYNC_MS) }));
    });
    afterAll(async () => {
      for (const instance of others) await instance.close();
    });

    it('reports a route registered without a tier, and limits it by its method meanwhile', async () => {
      expect(routeLimitProblems(getApp().app.routeTable)).toEqual([
        `GET ${UNTIERED}: no limit tier (add config: TIER.…)`,
        `HEAD ${UNTIERED}: no limit tier (add config: TIER.…)`,
      ]);
      const { browser } = await member(getApp());
      // The brand list (a read) already counted once.
      expectAllowed(await browser.get(UNTIERED), READS, READS - 2);
    });

    it('reads: past the limit 429 on every read route of that user; writes and other users unaffected', async () => {
      const { browser, brandId } = await member(getApp());
      for (let index = 1; index < READS; index += 1) {
        const path = index % 2 === 0 ? '/api/brands' : `/api/brands/${brandId}/progress`;
        expectAllowed(await browser.get(path), READS, READS - index - 1);
      }
      expectLimited(await browser.get<ErrorBody>('/api/brands'), READS);
      expectLimited(await browser.get<ErrorBody>(`/api/brands/${brandId}/progress`), READS);
      expectAllowed(await rename(browser, brandId, 'Still writable'), WRITES, WRITES - 1);
      const other = await member(getApp());
      expectAllowed(await other.browser.get('/api/brands'), READS, READS - 2);

      // The next minute starts a new count.
      clock.advance(MINUTE_MS);
      expectAllowed(await browser.get('/api/brands'), READS, READS - 1);
    });

    it('writes: past the limit 429 with Retry-After; reads unaffected', async () => {
      const { browser, brandId } = await member(getApp());
      for (let index = 0; index < WRITES; index += 1) {
        expectAllowed(await rename(browser, brandId, `Name ${index}`), WRITES, WRITES - index - 1);
      }
      expectLimited(await rename(browser, brandId, 'One too many'), WRITES);
      expectLimited(await browser.request<ErrorBody>('DELETE', `/api/brands/${brandId}`), WRITES);
      expectAllowed(await browser.get('/api/brands'), READS, READS - 2);
      // An answer the handler refuses still carries the headers.
      const missing = await browser.get<ErrorBody>('/api/items/6f1d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e5f');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('ratelimit-remaining')).toBe(String(READS - 3));
      expect(missing.headers.get('ratelimit-limit')).toBe(String(READS));
    });

    it('public routes: per client IP, signed in or not; another address unaffected', async () => {
      const ip = freshIp();
      const anonymous = getApp().client();
      for (let index = 0; index < PUBLIC; index += 1) {
        const path = index % 2 === 0 ? '/api/legal' : '/api/session';
        expectAllowed(await anonymous.get(path, { 'x-forwarded-for': ip }), PUBLIC, PUBLIC - index - 1);
      }
      expectLimited(await anonymous.get<ErrorBody>('/api/legal', { 'x-forwarded-for': ip }), PUBLIC);
      const signIn = await anonymous.request<ErrorBody>('POST', '/api/auth/sign-in', {
        json: { email: 'nobody@example.com', password: 'wrong-password' },
        headers: { 'x-forwarded-for': ip },
      });
      expectLimited(signIn, PUBLIC);
      expectAllowed(await anonymous.get('/api/legal', { 'x-forwarded-for': freshIp() }), PUBLIC, PUBLIC - 1);
    });

    it('costly: new brands are counted exactly per user per day', async () => {
      const { browser } = await member(getApp());
      for (let index = 0; index < BRANDS_PER_DAY; index += 1) {
        const created = await browser.post(`/api/brands`, { name: `Client ${index}` });
        expect(created.status, created.text).toBe(201);
        expect(created.headers.get('ratelimit-limit')).toBe(String(BRANDS_PER_DAY));
        expect(created.headers.get('ratelimit-remaining')).toBe(String(BRANDS_PER_DAY - index - 1));
      }
      const refused = await sameBrowserOn(instanceB(), browser).post<ErrorBody>('/api/brands', {
        name: 'More',
      });
      expect(refused.status, refused.text).toBe(429);
      expect(refused.body.error.code).toBe('RATE_LIMITED');
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(RESET_SECONDS);
      expect(retryAfter).toBeLessThanOrEqual(24 * 60 * 60);
      expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    });

    it('counts one user across instances: neither reaches the limit alone, together they do once synced', async () => {
      const onA = await member(getApp());
      const onB = sameBrowserOn(instanceB(), onA.browser);
      const half = READS / 2;
      // The brand list on A counted one read already.
      for (let index = 1; index < half; index += 1)
        expect((await onA.browser.get('/api/brands')).status).toBe(200);
      for (let index = 0; index < half; index += 1) expect((await onB.get('/api/brands')).status).toBe(200);
      await getApp().app.routeLimits.sync();
      await instanceB().app.routeLimits.sync();
      // B's sync read back both halves: B refuses.
      expectLimited(await onB.get<ErrorBody>('/api/brands'), READS);
      // A synced before B's half arrived: it admits until its next sync (the bounded overshoot)…
      expect((await onA.browser.get('/api/brands')).status).toBe(200);
      await getApp().app.routeLimits.sync();
      // …which reads the shared total back.
      expectLimited(await onA.browser.get<ErrorBody>('/api/brands'), READS);
    });

    it('bounds the overshoot: an instance that has not synced admits only until its sync, never past the limit itself', async () => {
      const onA = await member(getApp());
      const onB = sameBrowserOn(instanceB(), onA.browser);
      for (let index = 0; index < WRITES; index += 1) {
        expect((await rename(onA.browser, onA.brandId, `A ${index}`)).status).toBe(200);
      }
      expectLimited(await rename(onA.browser, onA.brandId, 'A refused'), WRITES);
      await getApp().app.routeLimits.sync();
      // B has not synced since A's writes reached the database: it admits (the stated overshoot)…
      expect((await rename(onB, onA.brandId, 'B admitted')).status).toBe(200);
      await instanceB().app.routeLimits.sync();
      // …and refuses from its sync on, on the shared total.
      expectLimited(await rename(onB, onA.brandId, 'B refused'), WRITES);
      const [row] = await getApp().database.query<{ hits: number }>(
        'select hits from rate_limits where key = $1',
        [`tier:write:${onA.userId}`],
      );
      expect(row?.hits).toBe(WRITES + 1);

      // Without a sync at all, an instance still stops at the limit on its own.
      const isolated = await member(getApp());
      const isolatedOnB = sameBrowserOn(instanceB(), isolated.browser);
      const admittedOnB = [];
      for (let index = 0; index < WRITES + 2; index += 1) {
        admittedOnB.push((await rename(isolatedOnB, isolated.brandId, `B ${index}`)).status);
      }
      expect(admittedOnB.filter((status) => status === 200).length).toBeLessThanOrEqual(WRITES);
    });

    it('syncs on its own every interval: another instance learns the count without being asked', async () => {
      const onA = await member(getApp());
      const onC = sameBrowserOn(instanceC(), onA.browser);
      for (let index = 0; index < WRITES; index += 1) {
        expect((await rename(onA.browser, onA.brandId, `A ${index}`)).status).toBe(200);
      }
      await getApp().app.routeLimits.sync();
      // Each attempt on C may be admitted until C's timer has synced it; then C refuses.
      const attempts: number[] = [];
      const refused = await pollUntil(
        async () => {
          const response = await rename(onC, onA.brandId, 'C');
          attempts.push(response.status);
          return response;
        },
        (response) => response.status === 429,
        {
          timeoutMs: 10_000,
          intervalMs: TIMER_SYNC_MS / 2,
          description: 'instance C to refuse after its timer synced',
        },
      );
      expectLimited(refused, WRITES);
      expect(attempts.filter((status) => status === 200).length).toBeLessThanOrEqual(WRITES);
    });
  },
  {
    env,
    clock,
    extend: (app) => {
      app.get(UNTIERED, async () => ({ ok: true }));
    },
  },
);
