import { afterAll, afterEach, expect, it, vi } from 'vitest';
import {
  describeOnEachDatabase,
  type ErrorBody,
  STRONG_PASSWORD,
  signUp,
  startTestApp,
  TEST_DATABASE_URL,
  uniqueEmail,
} from '../../testing/harness.ts';
import { type CapturedMail, startSmtpServer, tokenFromMail } from '../../testing/smtp.ts';

const smtp = await startSmtpServer();
afterAll(() => smtp.close());

interface UserBody {
  user: { id: string; name: string; email: string; emailVerified: boolean; role: string };
}
interface SessionBody {
  user: UserBody['user'] | null;
}

describeOnEachDatabase(
  'auth',
  (getApp) => {
    it('signs up, keeps the session in an HttpOnly cookie, signs out and back in', async () => {
      const browser = getApp().client();
      const email = uniqueEmail('jane');
      const signUpResponse = await browser.post<UserBody>('/api/auth/sign-up', {
        name: '  Jane Doe ',
        email: email.toUpperCase(),
        password: STRONG_PASSWORD,
      });
      expect(signUpResponse.status).toBe(200);
      expect(signUpResponse.body.user).toMatchObject({
        name: 'Jane Doe',
        email,
        emailVerified: false,
        role: 'user',
      });
      expect(signUpResponse.text).not.toMatch(/token/i);
      const cookie = signUpResponse.headers
        .getSetCookie()
        .find((value) => value.startsWith('ibc.session_token='));
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/Secure/i);

      expect((await browser.get<SessionBody>('/api/session')).body.user?.email).toBe(email);

      const signOut = await browser.post('/api/auth/sign-out');
      expect(signOut.status).toBe(200);
      expect((await browser.get<SessionBody>('/api/session')).body.user).toBeNull();

      const signIn = await browser.post<UserBody>('/api/auth/sign-in', { email, password: STRONG_PASSWORD });
      expect(signIn.status).toBe(200);
      expect(signIn.body.user.email).toBe(email);
      expect((await browser.get<SessionBody>('/api/session')).body.user?.name).toBe('Jane Doe');
    });

    it('refuses a second account for the same email, whatever its case, and writes nothing', async () => {
      const { email } = await signUp(getApp().client());
      const again = await getApp()
        .client()
        .post<ErrorBody>('/api/auth/sign-up', {
          name: 'Impostor',
          email: email.replace(/^./, (first) => first.toUpperCase()),
          password: 'Another-Strong-Pass-91',
        });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('EMAIL_TAKEN');
      expect(again.headers.getSetCookie()).toEqual([]);
      // The original password still works and the impostor's does not: nothing was overwritten.
      const original = await getApp()
        .client()
        .post('/api/auth/sign-in', { email, password: STRONG_PASSWORD });
      expect(original.status).toBe(200);
      const impostor = await getApp()
        .client()
        .post('/api/auth/sign-in', { email, password: 'Another-Strong-Pass-91' });
      expect(impostor.status).toBe(401);
    });

    it('enforces the password policy on the server with the failed rules in details', async () => {
      for (const password of ['password', 'alllowercase', 'Password1', 'Summer2024!']) {
        const email = uniqueEmail('weak');
        const response = await getApp()
          .client()
          .post<ErrorBody>('/api/auth/sign-up', { name: 'Weak', email, password });
        expect(response.status, password).toBe(400);
        expect(['WEAK_PASSWORD', 'VALIDATION_FAILED']).toContain(response.body.error.code);
        expect(response.body.error.details?.[0]?.path).toMatch(/password/);
        const signIn = await getApp().client().post('/api/auth/sign-in', { email, password });
        expect(signIn.status, 'no account was created').toBe(401);
      }
      const nameAsPassword = await getApp()
        .client()
        .post<ErrorBody>('/api/auth/sign-up', {
          name: 'Zyrqelwick',
          email: uniqueEmail('zyrqelwick'),
          password: 'Zyrqelwick2024!',
        });
      expect(nameAsPassword.body.error.code).toBe('WEAK_PASSWORD');
    });

    it('refuses a sign-up password equal to, built from or containing the name or the email’s local part', async () => {
      const name = 'Marguerite Okonkwo';
      for (const password of [
        'marguerite.okonkwo',
        'Marguerite.Okonkwo1',
        'Okonkwo-Marguerite-77',
        // Strong to the estimator, but it carries the surname.
        'Vexillum-Okonkwo-Pike-9!',
      ]) {
        const email = uniqueEmail('marguerite.okonkwo');
        const response = await getApp()
          .client()
          .post<ErrorBody>('/api/auth/sign-up', { name, email, password });
        expect(response.status, password).toBe(400);
        expect(response.body.error.code, password).toBe('WEAK_PASSWORD');
        expect(response.body.error.message).toBe(
          'Choose a password that doesn’t contain your name or email address.',
        );
        expect(response.body.error.details?.[0]).toMatchObject({
          path: 'password',
          message: expect.stringContaining('Doesn’t contain your name or email address'),
        });
      }
      // The same password is fine for someone whose name and address it does not contain.
      const other = await getApp()
        .client()
        .post('/api/auth/sign-up', {
          name: 'Sam Lee',
          email: uniqueEmail('sam'),
          password: 'Vexillum-Okonkwo-Pike-9!',
        });
      expect(other.status).toBe(200);
    });

    it('holds a reset password to the policy with the link owner’s name and email', async () => {
      const { email } = await signUp(getApp().client(), { name: 'Thaddeus Quimby' });
      await getApp().client().post('/api/auth/request-password-reset', { email });
      await getApp().app.services.jobs.tick();
      const mail = await smtp.waitForMessage(
        (message) => message.to.includes(email) && /reset/i.test(message.subject),
      );
      const token = tokenFromMail(mail, '/auth/reset-password');
      const localPart = email.split('@')[0] ?? '';
      for (const newPassword of ['Quimby-Lantern-83', `${localPart}!A`, 'Thaddeus2024!']) {
        const response = await getApp()
          .client()
          .post<ErrorBody>('/api/auth/reset-password', { token, newPassword });
        expect(response.status, newPassword).toBe(400);
        expect(response.body.error.code).toBe('WEAK_PASSWORD');
        expect(response.body.error.details?.[0]?.path).toBe('newPassword');
      }
      // The link survived the refusals and still works with a good password.
      const reset = await getApp()
        .client()
        .post('/api/auth/reset-password', { token, newPassword: 'Lantern-Fjord-83' });
      expect(reset.status).toBe(200);
    });

    it('answers a wrong password and an unknown email identically', async () => {
      const { email } = await signUp(getApp().client());
      const wrongPassword = await getApp()
        .client()
        .post<ErrorBody>('/api/auth/sign-in', { email, password: 'Not-The-Password-1' });
      const unknownEmail = await getApp()
        .client()
        .post<ErrorBody>('/api/auth/sign-in', {
          email: uniqueEmail('nobody'),
          password: 'Not-The-Password-1',
        });
      expect(wrongPassword.status).toBe(401);
      expect(unknownEmail.status).toBe(401);
      expect(wrongPassword.body.error.code).toBe('INVALID_CREDENTIALS');
      expect(unknownEmail.body.error.message).toBe(wrongPassword.body.error.message);
      expect(unknownEmail.body.error.code).toBe(wrongPassword.body.error.code);
    });

    it('verifies the email through the link sent over SMTP', async () => {
      const browser = getApp().client();
      const { email } = await signUp(browser, { name: '<b>Eve</b> & Co' });
      const mail = await smtp.waitForMessage(
        (message) => message.to.includes(email) && /confirm/i.test(message.subject),
      );
      expect(mail.html).toContain('&lt;b&gt;Eve&lt;/b&gt; &amp; Co');
      expect(mail.html).not.toContain('<b>Eve</b>');
      const token = tokenFromMail(mail, '/auth/verify-email');

      const bogus = await browser.post<ErrorBody>('/api/auth/verify-email', {
        token: 'not-a-real-token-at-all',
      });
      expect(bogus.status).toBe(400);
      expect(bogus.body.error.code).toBe('INVALID_TOKEN');

      const verified = await browser.post('/api/auth/verify-email', { token });
      expect(verified.status).toBe(200);
      expect((await browser.get<SessionBody>('/api/session')).body.user?.emailVerified).toBe(true);

      // The link works once, even though better-auth's signed token would stay valid for a day.
      const again = await browser.post<ErrorBody>('/api/auth/verify-email', { token });
      expect(again.status).toBe(400);
      expect(again.body.error.code).toBe('INVALID_TOKEN');
      expect(again.body.error.message).toMatch(/already used/);
    });

    it('resets a forgotten password through the emailed link and revokes old sessions', async () => {
      const oldBrowser = getApp().client();
      const { email } = await signUp(oldBrowser);
      const ghost = uniqueEmail('ghost');
      const unknown = await getApp().client().post('/api/auth/request-password-reset', { email: ghost });
      const known = await getApp().client().post('/api/auth/request-password-reset', { email });
      expect(unknown.status).toBe(200);
      expect(known.status).toBe(200);
      expect(unknown.body).toEqual(known.body);

      // The request only queued the work; the queue sends the mail (tests run it by hand).
      const resetMail = (message: CapturedMail) =>
        message.to.includes(email) && /reset/i.test(message.subject);
      expect(smtp.messages.filter(resetMail)).toEqual([]);
      await getApp().app.services.jobs.tick();
      const mail = await smtp.waitForMessage(resetMail);
      expect(smtp.messages.filter((message) => message.to.includes(ghost))).toEqual([]);
      const token = tokenFromMail(mail, '/auth/reset-password');

      const weak = await getApp()
        .client()
        .post<ErrorBody>('/api/auth/reset-password', { token, newPassword: 'password1' });
      expect(weak.status).toBe(400);
      expect(weak.body.error.code).toBe('WEAK_PASSWORD');

      const newPassword = 'Lantern-Fjord-83';
      const reset = await getApp().client().post('/api/auth/reset-password', { token, newPassword });
      expect(reset.status).toBe(200);
      const replay = await getApp()
        .client()
        .post<ErrorBody>('/api/auth/reset-password', { token, newPassword: 'Other-Fjord-84x' });
      expect(replay.body.error.code).toBe('INVALID_TOKEN');
      expect(replay.body.error.message).toMatch(/already used/);

      expect((await oldBrowser.get<SessionBody>('/api/session')).body.user).toBeNull();
      expect(
        (await getApp().client().post('/api/auth/sign-in', { email, password: STRONG_PASSWORD })).status,
      ).toBe(401);
      expect(
        (await getApp().client().post('/api/auth/sign-in', { email, password: newPassword })).status,
      ).toBe(200);
    });

    it('never writes passwords, cookies or tokens into the logs', async () => {
      const browser = getApp().client();
      await signUp(browser, { password: 'Secret-Walrus-Pass-55' });
      await browser.get('/api/session');
      await browser.get('/auth/reset-password?token=super-secret-token-value');
      const logs = getApp().logs.join('\n');
      expect(logs).not.toContain('Secret-Walrus-Pass-55');
      expect(logs).not.toContain(browser.cookies.get('ibc.session_token') ?? 'no-cookie');
      expect(logs).not.toContain('super-secret-token-value');
      expect(logs).toContain('"requestId"');
    });

    it('lets an admin be granted by email', async () => {
      const browser = getApp().client();
      const { email } = await signUp(browser);
      expect(await getApp().app.services.auth.grantAdmin(email.toUpperCase())).toBe(true);
      expect(await getApp().app.services.auth.grantAdmin(uniqueEmail('missing'))).toBe(false);
      expect((await browser.get<SessionBody>('/api/session')).body.user?.role).toBe('admin');
    });
  },
  { env: { SMTP_URL: smtp.url } },
);

describeOnEachDatabase(
  'auth throttling',
  (getApp) => {
    it('limits attempts per email with 429 and Retry-After', async () => {
      const email = uniqueEmail('throttled');
      const attempts = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        attempts.push(
          await getApp()
            .client()
            .post<ErrorBody>('/api/auth/sign-in', { email, password: 'Wrong-Password-11' }),
        );
      }
      expect(attempts.map((response) => response.status)).toEqual([401, 401, 401, 429]);
      const throttled = attempts[3];
      expect(Number(throttled?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(throttled?.body.error.code).toBe('RATE_LIMITED');
    });

    it('limits attempts per IP across different emails', async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 8; attempt += 1) {
        const response = await getApp()
          .client()
          .post('/api/auth/request-password-reset', { email: uniqueEmail('ip') });
        statuses.push(response.status);
      }
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
      expect(statuses.slice(0, 2)).toEqual([200, 200]);
    });
  },
  {
    env: {
      AUTH_THROTTLE_MAX_PER_EMAIL: '3',
      AUTH_THROTTLE_MAX_PER_IP: '6',
      AUTH_THROTTLE_WINDOW_SECONDS: '600',
    },
  },
);

const SESSION_TTL_MS = 60 * 60 * 1000;
const MINUTE = 60 * 1000;

describeOnEachDatabase(
  'sliding sessions',
  (getApp) => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('extends an active session and its cookie, so active users stay signed in, and ends an idle one', async () => {
      // better-auth decides expiry and renewal by the wall clock (Date), so the test moves that clock
      // instead of waiting; timers and I/O stay real.
      const start = Date.now();
      vi.useFakeTimers({ toFake: ['Date'], now: start });
      const at = (ms: number) => vi.setSystemTime(start + ms);
      const browser = getApp().client();
      await signUp(browser);
      const sessionCookieSet = (headers: Headers) =>
        headers.getSetCookie().some((cookie) => cookie.startsWith('ibc.session_token='));

      // Renewal starts once less than half the lifetime is left.
      at(SESSION_TTL_MS / 2 - MINUTE);
      const early = await browser.get<SessionBody>('/api/session');
      expect(early.body.user).not.toBeNull();
      expect(sessionCookieSet(early.headers)).toBe(false);

      at(SESSION_TTL_MS / 2 + MINUTE);
      const refreshed = await browser.get<SessionBody>('/api/session');
      expect(refreshed.body.user).not.toBeNull();
      expect(sessionCookieSet(refreshed.headers)).toBe(true);

      // Past the original lifetime, still signed in thanks to the renewal.
      const lastActivity = SESSION_TTL_MS + 15 * MINUTE;
      at(lastActivity);
      expect((await browser.get<SessionBody>('/api/session')).body.user).not.toBeNull();

      // A full lifetime after the last request, the session is over.
      at(lastActivity + SESSION_TTL_MS + MINUTE);
      expect((await browser.get<SessionBody>('/api/session')).body.user).toBeNull();
    });
  },
  { env: { SESSION_TTL_SECONDS: String(SESSION_TTL_MS / 1000) } },
);

it.skipIf(!TEST_DATABASE_URL)(
  'throttle counts are shared by two app instances on one PostgreSQL database',
  async () => {
    const first = await startTestApp('postgres', { env: { AUTH_THROTTLE_MAX_PER_EMAIL: '2' } });
    try {
      if (first.config.database.kind !== 'postgres') throw new Error('expected PostgreSQL');
      const second = await startTestApp('postgres', {
        env: { AUTH_THROTTLE_MAX_PER_EMAIL: '2', DATABASE_URL: first.config.database.url },
      });
      try {
        const email = uniqueEmail('shared');
        const attempt = (baseUrl: string) =>
          fetch(`${baseUrl}/api/auth/sign-in`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email, password: 'Wrong-Password-11' }),
          }).then((response) => response.status);
        expect([
          await attempt(first.baseUrl),
          await attempt(second.baseUrl),
          await attempt(first.baseUrl),
        ]).toEqual([401, 401, 429]);
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  },
);
