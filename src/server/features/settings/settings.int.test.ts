import { afterAll, expect, it } from 'vitest';
import { ManualClock, MINUTE_MS, SECOND_MS } from '../../platform/clock.ts';
import {
  describeOnEachDatabase,
  type ErrorBody,
  STRONG_PASSWORD,
  signUp,
  type TestApp,
  type TestClient,
} from '../../testing/harness.ts';
import { startSmtpServer, tokenFromMail } from '../../testing/smtp.ts';

const smtp = await startSmtpServer();
afterAll(() => smtp.close());

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const WINDOWS_FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const NEW_PASSWORD = 'Lantern-Mosaic-83';

interface UserBody {
  user: { id: string; name: string; email: string; emailVerified: boolean; role: string };
}
interface SessionBody {
  user: UserBody['user'] | null;
}
interface ActiveSessionBody {
  id: string;
  current: boolean;
  device: string;
  deviceKind: string;
  network: string | null;
  signedInAt: string;
  lastActiveAt: string;
  expiresAt: string;
}
interface SessionListBody {
  sessions: ActiveSessionBody[];
}
interface RevokeBody {
  revoked: number;
  signedOut: boolean;
}

/** A second browser signed in to the same account, optionally as a particular device. */
async function signInElsewhere(app: TestApp, email: string, userAgent?: string, password = STRONG_PASSWORD) {
  const browser = app.client();
  const response = await browser.post(
    '/api/auth/sign-in',
    { email, password },
    userAgent ? { 'user-agent': userAgent } : undefined,
  );
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${response.text}`);
  return browser;
}

async function isSignedIn(browser: TestClient): Promise<boolean> {
  return (await browser.get<SessionBody>('/api/session')).body.user !== null;
}

function patch<T>(browser: TestClient, path: string, json: unknown) {
  return browser.request<T>('PATCH', path, { json });
}

describeOnEachDatabase(
  'settings',
  (getApp) => {
    it('renames the account, trimming the name, and the session shows the new name', async () => {
      const browser = getApp().client();
      const { user } = await signUp(browser, { name: 'Old Name' });
      const response = await patch<UserBody>(browser, '/api/settings/profile', { name: '  New Name  ' });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.body.user).toMatchObject({ id: user.id, name: 'New Name', email: user.email });
      expect((await browser.get<SessionBody>('/api/session')).body.user?.name).toBe('New Name');
    });

    it('refuses an oversized, empty or smuggled profile field with a 400 and changes nothing', async () => {
      const browser = getApp().client();
      await signUp(browser, { name: 'Kept Name' });
      const tooLong = await patch<ErrorBody>(browser, '/api/settings/profile', { name: 'x'.repeat(101) });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.code).toBe('VALIDATION_FAILED');
      expect(tooLong.body.error.details).toEqual([{ path: 'body.name', message: 'Name is too long' }]);

      const blank = await patch<ErrorBody>(browser, '/api/settings/profile', { name: '   ' });
      expect(blank.status).toBe(400);
      expect(blank.body.error.details?.[0]).toEqual({ path: 'body.name', message: 'Enter your name' });

      // The email (and the role) are not editable here: unknown fields are rejected, not ignored.
      for (const extra of [{ email: 'other@example.com' }, { role: 'admin' }]) {
        const smuggled = await patch<ErrorBody>(browser, '/api/settings/profile', {
          name: 'Sneaky',
          ...extra,
        });
        expect(smuggled.status).toBe(400);
        expect(smuggled.body.error.code).toBe('VALIDATION_FAILED');
      }
      const after = (await browser.get<SessionBody>('/api/session')).body.user;
      expect(after).toMatchObject({ name: 'Kept Name', role: 'user' });
    });

    it('changes the password: the old one stops working, other devices stay signed in, the owner is told', async () => {
      const browser = getApp().client();
      const { email } = await signUp(browser);
      const phone = await signInElsewhere(getApp(), email, IPHONE_SAFARI);

      const response = await browser.post<{ ok: true; otherSessionsRevoked: number }>(
        '/api/settings/password',
        {
          currentPassword: STRONG_PASSWORD,
          newPassword: NEW_PASSWORD,
        },
      );
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ ok: true, otherSessionsRevoked: 0 });
      expect(await isSignedIn(browser)).toBe(true);
      expect(await isSignedIn(phone)).toBe(true);

      const oldPassword = await getApp()
        .client()
        .post('/api/auth/sign-in', { email, password: STRONG_PASSWORD });
      expect(oldPassword.status).toBe(401);
      const newPassword = await getApp()
        .client()
        .post('/api/auth/sign-in', { email, password: NEW_PASSWORD });
      expect(newPassword.status).toBe(200);

      const mail = await smtp.waitForMessage(
        (message) => message.to.includes(email) && message.subject.includes('password was changed'),
      );
      expect(mail.text).toContain('/auth/forgot-password');
    });

    it('kills every pending reset link when the password is changed here', async () => {
      const browser = getApp().client();
      const { email } = await signUp(browser);
      // A link sitting in the mailbox (perhaps a compromised one) from before the owner's fix.
      await getApp().client().post('/api/auth/request-password-reset', { email });
      await getApp().app.services.jobs.tick();
      const mail = await smtp.waitForMessage(
        (message) => message.to.includes(email) && /reset your/i.test(message.subject),
      );
      const token = tokenFromMail(mail, '/auth/reset-password');
      const statusOf = async () =>
        (
          await getApp()
            .client()
            .get<{ status: string }>(`/api/auth/reset-password/status?${new URLSearchParams({ token })}`)
        ).body.status;
      expect(await statusOf()).toBe('valid');

      const change = await browser.post('/api/settings/password', {
        currentPassword: STRONG_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(change.status).toBe(200);
      expect(await statusOf()).toBe('revoked');
      const late = await getApp()
        .client()
        .post<ErrorBody>('/api/auth/reset-password', { token, newPassword: 'Attacker-Owned-Pass-99' });
      expect(late.status).toBe(400);
      expect(late.body.error.code).toBe('INVALID_TOKEN');
      const signIn = await getApp().client().post('/api/auth/sign-in', { email, password: NEW_PASSWORD });
      expect(signIn.status, 'the owner’s new password stands').toBe(200);
    });

    it('with "sign out other devices", ends every other session and keeps this one with a fresh cookie', async () => {
      const browser = getApp().client();
      const { email } = await signUp(browser);
      const phone = await signInElsewhere(getApp(), email, IPHONE_SAFARI);
      const laptop = await signInElsewhere(getApp(), email, WINDOWS_FIREFOX);
      const oldCookie = browser.cookies.get('ibc.session_token');

      const response = await browser.post<{ ok: true; otherSessionsRevoked: number }>(
        '/api/settings/password',
        {
          currentPassword: STRONG_PASSWORD,
          newPassword: NEW_PASSWORD,
          signOutOtherDevices: true,
        },
      );
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ ok: true, otherSessionsRevoked: 2 });
      expect(browser.cookies.get('ibc.session_token')).not.toBe(oldCookie);

      expect(await isSignedIn(browser)).toBe(true);
      expect(await isSignedIn(phone)).toBe(false);
      expect(await isSignedIn(laptop)).toBe(false);
      const stale = await phone.get<ErrorBody>('/api/settings/sessions');
      expect(stale.status).toBe(401);
      // The old cookie itself is dead too, not just replaced in this browser.
      const replayed = await getApp()
        .client()
        .get<SessionBody>('/api/session', { cookie: `ibc.session_token=${oldCookie}` });
      expect(replayed.body.user).toBeNull();

      const list = await browser.get<SessionListBody>('/api/settings/sessions');
      expect(list.body.sessions).toHaveLength(1);
      expect(list.body.sessions[0]?.current).toBe(true);
    });

    it('refuses a wrong current password with 403 on the currentPassword field and keeps the old one', async () => {
      const browser = getApp().client();
      const { email } = await signUp(browser);
      const response = await browser.post<ErrorBody>('/api/settings/password', {
        currentPassword: 'Not-The-Password-1',
        newPassword: NEW_PASSWORD,
      });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('INVALID_CREDENTIALS');
      expect(response.body.error.message).toBe('Your current password is incorrect.');
      expect(response.body.error.details?.[0]?.path).toBe('currentPassword');
      // Still signed in: a mistyped password is not a reason to end the session.
      expect(await isSignedIn(browser)).toBe(true);
      const signIn = await getApp().client().post('/api/auth/sign-in', { email, password: STRONG_PASSWORD });
      expect(signIn.status).toBe(200);
    });

    it('holds the new password to the sign-up policy, with the unmet rules on the newPassword field', async () => {
      const browser = getApp().client();
      const { email } = await signUp(browser, { name: 'Zyrqelwick' });
      for (const newPassword of ['alllowercase', 'Password1', 'Summer2024!']) {
        const response = await browser.post<ErrorBody>('/api/settings/password', {
          currentPassword: STRONG_PASSWORD,
          newPassword,
        });
        expect(response.status, newPassword).toBe(400);
        expect(response.body.error.code, newPassword).toBe('WEAK_PASSWORD');
        expect(response.body.error.message).toBe('Choose a stronger password.');
        expect(response.body.error.details?.[0]?.path).toBe('newPassword');
        expect(response.body.error.details?.[0]?.message).toMatch(/^Not met: /);
      }
      // Built from the name, or from the email's local part, however strong it looks otherwise.
      const localPart = email.split('@')[0] ?? '';
      for (const newPassword of ['Zyrqelwick2024!', 'Vexillum-ZYRQELWICK-Pike-9', `${localPart}-Quartz-9A`]) {
        const response = await browser.post<ErrorBody>('/api/settings/password', {
          currentPassword: STRONG_PASSWORD,
          newPassword,
        });
        expect(response.status, newPassword).toBe(400);
        expect(response.body.error.code).toBe('WEAK_PASSWORD');
        expect(response.body.error.message).toBe(
          'Choose a password that doesn’t contain your name or email address.',
        );
        expect(response.body.error.details?.[0]?.message).toContain(
          'Doesn’t contain your name or email address',
        );
      }
      const tooShort = await browser.post<ErrorBody>('/api/settings/password', {
        currentPassword: STRONG_PASSWORD,
        newPassword: 'Ab1!',
      });
      expect(tooShort.status).toBe(400);
      expect(tooShort.body.error.code).toBe('VALIDATION_FAILED');
      expect(tooShort.body.error.details?.[0]).toEqual({
        path: 'body.newPassword',
        message: 'Use at least 8 characters',
      });
      const same = await browser.post<ErrorBody>('/api/settings/password', {
        currentPassword: STRONG_PASSWORD,
        newPassword: STRONG_PASSWORD,
      });
      expect(same.status).toBe(400);
      expect(same.body.error.details?.[0]).toEqual({
        path: 'body.newPassword',
        message: 'Choose a password that is different from your current one',
      });
      const signIn = await getApp().client().post('/api/auth/sign-in', { email, password: STRONG_PASSWORD });
      expect(signIn.status, 'the password did not change').toBe(200);
    });

    it('lists the signed-in devices, this one first, summarised, with masked addresses and no tokens', async () => {
      const browser = getApp().client();
      const { email } = await signUp(browser);
      await signInElsewhere(getApp(), email, IPHONE_SAFARI);
      await signInElsewhere(getApp(), email, WINDOWS_FIREFOX);

      const response = await browser.get<SessionListBody>('/api/settings/sessions');
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const { sessions } = response.body;
      expect(sessions).toHaveLength(3);
      expect(sessions.map((session) => session.current)).toEqual([true, false, false]);
      expect(sessions.map((session) => session.device).sort()).toEqual(
        ['A script', 'Firefox on Windows', 'Safari on iOS'].sort(),
      );
      expect(sessions.find((session) => session.device === 'Safari on iOS')?.deviceKind).toBe('mobile');
      for (const session of sessions) {
        expect(session.network).toBe('127.0.0.x');
        expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now());
        expect(Date.parse(session.lastActiveAt)).toBeGreaterThanOrEqual(Date.parse(session.signedInAt));
      }
      // Neither the session token nor the raw user agent or address ever leave the server.
      const token = decodeURIComponent(browser.cookies.get('ibc.session_token') ?? '').split('.')[0] ?? '';
      expect(token.length).toBeGreaterThan(10);
      expect(response.text).not.toContain(token);
      expect(response.text).not.toContain('127.0.0.1');
      expect(response.text).not.toContain('Mozilla');
      expect(response.text).not.toMatch(/token/i);
    });

    it('signs one other device out; asking again is a 404', async () => {
      const browser = getApp().client();
      const { email } = await signUp(browser);
      const phone = await signInElsewhere(getApp(), email, IPHONE_SAFARI);
      const before = await browser.get<SessionListBody>('/api/settings/sessions');
      const phoneSession = before.body.sessions.find((session) => !session.current);
      if (!phoneSession) throw new Error('expected a second session');

      const response = await browser.request<RevokeBody>(
        'DELETE',
        `/api/settings/sessions/${phoneSession.id}`,
      );
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ revoked: 1, signedOut: false });
      expect(await isSignedIn(phone)).toBe(false);
      expect(await isSignedIn(browser)).toBe(true);

      const again = await browser.request<ErrorBody>('DELETE', `/api/settings/sessions/${phoneSession.id}`);
      expect(again.status).toBe(404);
      expect(again.body.error.code).toBe('NOT_FOUND');
      const after = await browser.get<SessionListBody>('/api/settings/sessions');
      expect(after.body.sessions.map((session) => session.id)).not.toContain(phoneSession.id);
    });

    it('never lets one user see or end another user’s sessions', async () => {
      const alice = getApp().client();
      const { email: aliceEmail } = await signUp(alice, { name: 'Alice' });
      const alicePhone = await signInElsewhere(getApp(), aliceEmail, IPHONE_SAFARI);
      const bob = getApp().client();
      await signUp(bob, { name: 'Bob' });

      const aliceSessions = (await alice.get<SessionListBody>('/api/settings/sessions')).body.sessions;
      const bobSessions = (await bob.get<SessionListBody>('/api/settings/sessions')).body.sessions;
      expect(bobSessions).toHaveLength(1);
      const aliceIds = aliceSessions.map((session) => session.id);
      expect(aliceIds).not.toContain(bobSessions[0]?.id);

      for (const id of aliceIds) {
        const attempt = await bob.request<ErrorBody>('DELETE', `/api/settings/sessions/${id}`);
        expect(attempt.status).toBe(404);
        expect(attempt.body.error.code).toBe('NOT_FOUND');
      }
      expect(await isSignedIn(alice)).toBe(true);
      expect(await isSignedIn(alicePhone)).toBe(true);

      // Bob's "sign out everywhere else" touches only Bob's own sessions.
      const others = await bob.post<RevokeBody>('/api/settings/sessions/revoke-others');
      expect(others.body).toEqual({ revoked: 0, signedOut: false });
      expect(await isSignedIn(alicePhone)).toBe(true);
    });

    it('signs every other device out at once and keeps this one', async () => {
      const browser = getApp().client();
      const { email } = await signUp(browser);
      const phone = await signInElsewhere(getApp(), email, IPHONE_SAFARI);
      const laptop = await signInElsewhere(getApp(), email, WINDOWS_FIREFOX);

      const response = await browser.post<RevokeBody>('/api/settings/sessions/revoke-others');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ revoked: 2, signedOut: false });
      expect(await isSignedIn(browser)).toBe(true);
      expect(await isSignedIn(phone)).toBe(false);
      expect(await isSignedIn(laptop)).toBe(false);
      const list = await browser.get<SessionListBody>('/api/settings/sessions');
      expect(list.body.sessions).toHaveLength(1);
    });

    it('ending this device’s own session signs it out and clears the cookie', async () => {
      const browser = getApp().client();
      await signUp(browser);
      const [own] = (await browser.get<SessionListBody>('/api/settings/sessions')).body.sessions;
      if (!own) throw new Error('expected the current session');
      const response = await browser.request<RevokeBody>('DELETE', `/api/settings/sessions/${own.id}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ revoked: 1, signedOut: true });
      expect(browser.cookies.has('ibc.session_token')).toBe(false);
      expect(await isSignedIn(browser)).toBe(false);
    });

    it('answers a malformed session id with a 400 and anonymous callers with a 401', async () => {
      const browser = getApp().client();
      await signUp(browser);
      const malformed = await browser.request<ErrorBody>('DELETE', '/api/settings/sessions/not-a-session');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('VALIDATION_FAILED');

      const visitor = getApp().client();
      for (const [method, path] of [
        ['PATCH', '/api/settings/profile'],
        ['POST', '/api/settings/password'],
        ['GET', '/api/settings/sessions'],
        ['POST', '/api/settings/sessions/revoke-others'],
      ] as const) {
        const response = await visitor.request<ErrorBody>(method, path, method === 'GET' ? {} : { json: {} });
        expect(response.status, `${method} ${path}`).toBe(401);
        expect(response.body.error.code).toBe('UNAUTHENTICATED');
      }
    });
  },
  { env: { SMTP_URL: smtp.url } },
);

describeOnEachDatabase(
  'settings throttling',
  (getApp) => {
    it('throttles repeated current-password guesses per account, even with a valid session', async () => {
      const browser = getApp().client();
      await signUp(browser);
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const response = await browser.post<ErrorBody>('/api/settings/password', {
          currentPassword: `Wrong-Guess-${attempt}0`,
          newPassword: NEW_PASSWORD,
        });
        statuses.push(response.status);
        if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([403, 403, 403, 429]);
    });
  },
  { env: { AUTH_THROTTLE_MAX_PER_EMAIL: '3', AUTH_THROTTLE_WINDOW_SECONDS: '600' } },
);

const activityClock = new ManualClock();

describeOnEachDatabase(
  'settings: when each device was last active',
  (getApp) => {
    it('shows the last use of each session, not when it signed in, to the minute', async () => {
      // The app's clock starts at the real time the sessions are created.
      activityClock.set(new Date());
      const browser = getApp().client();
      const { email } = await signUp(browser);
      const phone = await signInElsewhere(getApp(), email, IPHONE_SAFARI);
      const phoneSession = async () => {
        const list = await browser.get<SessionListBody>('/api/settings/sessions');
        const session = list.body.sessions.find((entry) => entry.device === 'Safari on iOS');
        if (!session) throw new Error('the phone’s session is missing');
        return session;
      };

      // Ten minutes later the phone is used again: that is its last activity.
      activityClock.advance(10 * MINUTE_MS);
      expect(await isSignedIn(phone)).toBe(true);
      const used = activityClock.now().getTime();
      const afterUse = await phoneSession();
      expect(Date.parse(afterUse.lastActiveAt)).toBe(used);
      expect(Date.parse(afterUse.lastActiveAt) - Date.parse(afterUse.signedInAt)).toBeGreaterThanOrEqual(
        9 * MINUTE_MS,
      );

      // Within the same minute another request changes nothing; a later one moves it on.
      activityClock.advance(30 * SECOND_MS);
      expect(await isSignedIn(phone)).toBe(true);
      expect(Date.parse((await phoneSession()).lastActiveAt)).toBe(used);
      activityClock.advance(2 * MINUTE_MS);
      expect((await phone.get('/api/settings/sessions')).status).toBe(200);
      expect(Date.parse((await phoneSession()).lastActiveAt)).toBe(activityClock.now().getTime());
    });
  },
  { clock: activityClock },
);
