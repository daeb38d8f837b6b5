/**
 * The session cache (ADR 0044) on two app instances sharing one database: the instance that ends a
 * session stops honouring it at once, the other within the revocation window; expiry, the sliding
 * refresh and deleted users behave as they do without the cache. Time moves with faked `Date`, which
 * both better-auth and the app's clock read, so nothing here sleeps.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import {
  describeOnEachDatabase,
  STRONG_PASSWORD,
  signUp,
  startTestApp,
  type TestApp,
  TestClient,
} from '../../testing/harness.ts';
import { SESSION_CACHE_TTL_MS } from './session-cache.ts';

const SESSION_TTL_SECONDS = 600;
/** better-auth slides the expiry once a session is this old (half the lifetime, at most a day). */
const UPDATE_AGE_SECONDS = SESSION_TTL_SECONDS / 2;
const env = { SESSION_TTL_SECONDS: String(SESSION_TTL_SECONDS) };

interface SessionBody {
  user: { id: string; name: string } | null;
}

/** The same browser (same cookies) talking to another instance. */
function sameBrowserOn(instance: TestApp, browser: TestClient): TestClient {
  const other = new TestClient(instance.baseUrl);
  for (const [name, value] of browser.cookies) other.cookies.set(name, value);
  return other;
}

async function status(browser: TestClient): Promise<number> {
  return (await browser.get('/api/brands')).status;
}

function advance(ms: number): void {
  vi.setSystemTime(Date.now() + ms);
}

describeOnEachDatabase(
  'session cache and revocation window',
  (getApp, kind) => {
    let second: TestApp | undefined;
    const instanceB = () => {
      if (!second) throw new Error('second instance is not running');
      return second;
    };

    beforeAll(async () => {
      const first = getApp();
      second =
        kind === 'postgres' && first.config.database.kind === 'postgres'
          ? await startTestApp('postgres', {
              env: { ...env, DATABASE_URL: first.config.database.url, DATABASE_POOL_MAX: '4' },
            })
          : await startTestApp('pglite', { env, database: first.database });
    });
    afterAll(async () => {
      await second?.close();
    });
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    async function signedInOnBoth() {
      const onA = getApp().client();
      const { email, user } = await signUp(onA);
      const onB = sameBrowserOn(instanceB(), onA);
      expect(await status(onA)).toBe(200);
      expect(await status(onB)).toBe(200);
      return { onA, onB, email, user };
    }

    async function secondDevice(email: string): Promise<TestClient> {
      const device = getApp().client();
      const signIn = await device.post('/api/auth/sign-in', { email, password: STRONG_PASSWORD });
      expect(signIn.status).toBe(200);
      return device;
    }

    it('sign-out on A: A answers 401 at once, B within the window', async () => {
      const { onA, onB } = await signedInOnBoth();
      const stolenCookie = onA.cookieHeader();
      expect((await onA.post('/api/auth/sign-out')).status).toBe(200);

      const replayOnA = await onA.get('/api/brands', { cookie: stolenCookie });
      expect(replayOnA.status).toBe(401);
      // B still remembers the session it looked up a moment ago: that is the window, no longer.
      expect(await status(onB)).toBe(200);
      advance(SESSION_CACHE_TTL_MS);
      expect(await status(onB)).toBe(401);
    });

    it('"sign out other sessions" on A: the other device is 401 on A at once and on B within the window', async () => {
      const { onA: laptop, email } = await signedInOnBoth();
      const phoneOnA = await secondDevice(email);
      const phoneOnB = sameBrowserOn(instanceB(), phoneOnA);
      expect(await status(phoneOnA)).toBe(200);
      expect(await status(phoneOnB)).toBe(200);

      const revoke = await laptop.post<{ revoked: number }>('/api/settings/sessions/revoke-others');
      expect(revoke.body.revoked).toBe(1);
      expect(await status(phoneOnA)).toBe(401);
      expect(await status(laptop)).toBe(200);
      advance(SESSION_CACHE_TTL_MS - 1000);
      expect(await status(phoneOnB)).toBe(200);
      advance(1000);
      expect(await status(phoneOnB)).toBe(401);
      expect(await status(sameBrowserOn(instanceB(), laptop))).toBe(200);
    });

    it('account deletion on A ends every session: at once on A, within the window on B', async () => {
      const { onA, onB, email } = await signedInOnBoth();
      const phoneOnA = await secondDevice(email);
      expect(await status(phoneOnA)).toBe(200);

      const deletion = await onA.post('/api/account/deletion', {
        password: STRONG_PASSWORD,
        confirmation: 'DELETE',
      });
      expect(deletion.status).toBe(200);
      expect(await status(phoneOnA)).toBe(401);
      advance(SESSION_CACHE_TTL_MS);
      expect(await status(onB)).toBe(401);
    });

    it('a user deleted from the database loses access on every instance within the window', async () => {
      const { onA, onB, user } = await signedInOnBoth();
      await getApp().database.query('delete from users where id = $1', [user.id]);
      advance(SESSION_CACHE_TTL_MS);
      expect(await status(onA)).toBe(401);
      expect(await status(onB)).toBe(401);
    });

    it('does not outlive the session: past its expiry it is 401 on both instances', async () => {
      const { onA, onB } = await signedInOnBoth();
      // Both instances remember the session now; its lifetime ends before their memory would.
      advance(SESSION_TTL_SECONDS * 1000 + 1000);
      expect(await status(onA)).toBe(401);
      expect(await status(onB)).toBe(401);
    });

    it('still slides the expiry forward and sends the renewed cookie when the session is due', async () => {
      const browser = getApp().client();
      const { user } = await signUp(browser);
      // Due for the sliding refresh two seconds from now (better-auth: expiresAt − expiresIn + updateAge).
      const dueIn = 2000;
      advance(SESSION_CACHE_TTL_MS);
      await getApp().database.query('update sessions set expires_at = $1 where user_id = $2', [
        new Date(Date.now() + (SESSION_TTL_SECONDS - UPDATE_AGE_SECONDS) * 1000 + dueIn),
        user.id,
      ]);
      const before = await browser.get('/api/brands');
      expect(before.status).toBe(200);
      expect(before.headers.getSetCookie()).toEqual([]);

      advance(dueIn + 1000);
      const renewed = await browser.get('/api/brands');
      expect(renewed.status).toBe(200);
      expect(renewed.headers.getSetCookie().some((cookie) => cookie.startsWith('ibc.session_token='))).toBe(
        true,
      );
      const [row] = await getApp().database.query<{ expires_at: Date }>(
        'select expires_at from sessions where user_id = $1',
        [user.id],
      );
      expect(new Date(row?.expires_at ?? 0).getTime()).toBeGreaterThan(
        Date.now() + (SESSION_TTL_SECONDS - 60) * 1000,
      );
    });

    it('answers repeated requests from memory: no session query until the entry is stale', async () => {
      const browser = getApp().client();
      await signUp(browser);
      advance(SESSION_CACHE_TTL_MS);
      expect((await browser.get<SessionBody>('/api/session')).body.user).not.toBeNull();
      const sessionQueries: string[] = [];
      const stop = getApp().database.onQuery((event) => {
        if (/\bfrom "?sessions"?/i.test(event.text)) sessionQueries.push(event.text);
      });
      try {
        for (let index = 0; index < 5; index += 1) {
          expect((await browser.get<SessionBody>('/api/session')).body.user).not.toBeNull();
          expect(await status(browser)).toBe(200);
        }
        expect(sessionQueries).toEqual([]);
        advance(SESSION_CACHE_TTL_MS);
        expect(await status(browser)).toBe(200);
        // The stale entry is re-checked with one statement (ADR 0061), then answered from memory again.
        expect(sessionQueries).toHaveLength(1);
        expect(await status(browser)).toBe(200);
        expect(sessionQueries).toHaveLength(1);
      } finally {
        stop();
      }
    });

    it('re-checking a stale entry reads the user as it is now, and a session ended meanwhile is 401', async () => {
      const { onB, user } = await signedInOnBoth();
      await getApp().database.query('update users set name = $1 where id = $2', [
        'Renamed Elsewhere',
        user.id,
      ]);
      expect((await onB.get<SessionBody>('/api/session')).body.user?.name).not.toBe('Renamed Elsewhere');
      advance(SESSION_CACHE_TTL_MS);
      expect((await onB.get<SessionBody>('/api/session')).body.user?.name).toBe('Renamed Elsewhere');

      // The row ended behind every instance's back (no hook told them): stale, re-checked, gone.
      await getApp().database.query('delete from sessions where user_id = $1', [user.id]);
      expect(await status(onB)).toBe(200);
      advance(SESSION_CACHE_TTL_MS);
      expect(await status(onB)).toBe(401);
      expect((await onB.get<SessionBody>('/api/session')).body.user).toBeNull();
    });

    it('shows a renamed user at once on the instance that renamed them', async () => {
      const browser = getApp().client();
      await signUp(browser, { name: 'Before Rename' });
      expect((await browser.get<SessionBody>('/api/session')).body.user?.name).toBe('Before Rename');
      const rename = await browser.request('PATCH', '/api/settings/profile', {
        json: { name: 'After Rename' },
      });
      expect(rename.status).toBe(200);
      expect((await browser.get<SessionBody>('/api/session')).body.user?.name).toBe('After Rename');
    });
  },
  { env },
);
