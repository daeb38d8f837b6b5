/**
 * Emailed links die when they should (ADR 0028): a reset link once any link of the user was used or
 * the password changed, a verification link once used; and a dead link says why before its page
 * shows a form.
 */
import { afterAll, afterEach, expect, it, vi } from 'vitest';
import { describeOnEachDatabase, type ErrorBody, signUp, type TestApp } from '../../testing/harness.ts';
import { type CapturedMail, startSmtpServer, tokenFromMail } from '../../testing/smtp.ts';

const smtp = await startSmtpServer();
afterAll(() => smtp.close());

const HOUR_MS = 60 * 60 * 1000;

interface StatusBody {
  status: string;
}

/** Asks for a reset link, runs the queue, and returns the token from the new email. */
async function requestResetLink(testApp: TestApp, email: string): Promise<string> {
  const known = new Set(smtp.messages);
  const response = await testApp.client().post('/api/auth/request-password-reset', { email });
  expect(response.status).toBe(200);
  await testApp.app.services.jobs.tick();
  const mail = await smtp.waitForMessage(
    (message: CapturedMail) =>
      !known.has(message) && message.to.includes(email) && /reset/i.test(message.subject),
  );
  return tokenFromMail(mail, '/auth/reset-password');
}

async function verificationLink(email: string): Promise<string> {
  const mail = await smtp.waitForMessage(
    (message) => message.to.includes(email) && /confirm/i.test(message.subject),
  );
  return tokenFromMail(mail, '/auth/verify-email');
}

function statusOf(testApp: TestApp, kind: 'reset-password' | 'verify-email', token: string) {
  return testApp
    .client()
    .get<StatusBody>(`/api/auth/${kind}/status?${new URLSearchParams({ token })}`)
    .then((response) => {
      expect(response.status).toBe(200);
      return response.body.status;
    });
}

function reset(testApp: TestApp, token: string, newPassword: string) {
  return testApp.client().post<ErrorBody>('/api/auth/reset-password', { token, newPassword });
}

describeOnEachDatabase(
  'emailed links',
  (getApp) => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('kills an older reset link once a newer one is used, and says so', async () => {
      const { email } = await signUp(getApp().client());
      const older = await requestResetLink(getApp(), email);
      const newer = await requestResetLink(getApp(), email);
      expect(older).not.toBe(newer);
      expect(await statusOf(getApp(), 'reset-password', older)).toBe('valid');

      expect((await reset(getApp(), newer, 'Lantern-Fjord-83')).status).toBe(200);
      expect(await statusOf(getApp(), 'reset-password', newer)).toBe('used');
      expect(await statusOf(getApp(), 'reset-password', older)).toBe('revoked');

      const late = await reset(getApp(), older, 'Attacker-Owned-Pass-99');
      expect(late.status).toBe(400);
      expect(late.body.error.code).toBe('INVALID_TOKEN');
      expect(late.body.error.message).toMatch(/password was changed/);
      const signIn = await getApp()
        .client()
        .post('/api/auth/sign-in', { email, password: 'Lantern-Fjord-83' });
      expect(signIn.status, 'the newer link’s password stands').toBe(200);
    });

    it('kills the newer reset link too when the older one is used first', async () => {
      const { email } = await signUp(getApp().client());
      const first = await requestResetLink(getApp(), email);
      const second = await requestResetLink(getApp(), email);
      expect((await reset(getApp(), first, 'Lantern-Fjord-83')).status).toBe(200);
      expect(await statusOf(getApp(), 'reset-password', second)).toBe('revoked');
      expect((await reset(getApp(), second, 'Other-Fjord-84x')).status).toBe(400);
    });

    it('answers the reset-link status: valid, used, expired, invalid — before anything is changed', async () => {
      const { email } = await signUp(getApp().client());
      const token = await requestResetLink(getApp(), email);
      expect(await statusOf(getApp(), 'reset-password', token)).toBe('valid');
      expect(await statusOf(getApp(), 'reset-password', 'never-issued-token-123')).toBe('invalid');

      // An hour later (better-auth decides expiry by the wall clock) the link has expired.
      const start = Date.now();
      vi.useFakeTimers({ toFake: ['Date'], now: start + HOUR_MS + 60_000 });
      expect(await statusOf(getApp(), 'reset-password', token)).toBe('expired');
      const expired = await reset(getApp(), token, 'Lantern-Fjord-83');
      expect(expired.status).toBe(400);
      expect(expired.body.error.message).toMatch(/expired/);
      vi.useRealTimers();

      // Checking does not use the link up.
      expect(await statusOf(getApp(), 'reset-password', token)).toBe('valid');
      expect((await reset(getApp(), token, 'Lantern-Fjord-83')).status).toBe(200);
      expect(await statusOf(getApp(), 'reset-password', token)).toBe('used');

      const malformed = await getApp()
        .client()
        .get<ErrorBody>('/api/auth/reset-password/status?token=bad%20token!');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
      const missing = await getApp().client().get<ErrorBody>('/api/auth/reset-password/status');
      expect(missing.status).toBe(400);
    });

    it('keeps no trace of a spent link’s token, only its digest', async () => {
      const { email, user } = await signUp(getApp().client());
      const used = await requestResetLink(getApp(), email);
      const revoked = await requestResetLink(getApp(), email);
      expect((await reset(getApp(), used, 'Lantern-Fjord-83')).status).toBe(200);
      const rows = await getApp().database.query<{ identifier: string; value: string }>(
        "select identifier, value from verifications where identifier like 'reset-password%'",
      );
      const mentions = rows.filter(
        (row) => row.identifier.includes(used) || row.identifier.includes(revoked),
      );
      expect(mentions).toEqual([]);
      expect(
        rows.filter((row) => row.value === user.id),
        'no live link left',
      ).toEqual([]);
    });

    it('makes a verification link single-use and answers its status', async () => {
      const browser = getApp().client();
      const { email } = await signUp(browser);
      const token = await verificationLink(email);
      expect(await statusOf(getApp(), 'verify-email', token)).toBe('valid');
      expect(await statusOf(getApp(), 'verify-email', 'not.a.token-of-ours')).toBe('invalid');
      // Signed with another secret: not ours, whatever it claims.
      const [header, payload] = token.split('.');
      expect(
        await statusOf(
          getApp(),
          'verify-email',
          `${header}.${payload}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
        ),
      ).toBe('invalid');

      expect((await getApp().client().post('/api/auth/verify-email', { token })).status).toBe(200);
      expect(await statusOf(getApp(), 'verify-email', token)).toBe('used');
      const replay = await getApp().client().post<ErrorBody>('/api/auth/verify-email', { token });
      expect(replay.status).toBe(400);
      expect(replay.body.error.code).toBe('INVALID_TOKEN');
      expect(replay.body.error.message).toMatch(/already used/);
      expect(
        (await browser.get<{ user: { emailVerified: boolean } }>('/api/session')).body.user.emailVerified,
      ).toBe(true);
    });

    it('says a verification link has expired after its day, and refuses it', async () => {
      const { email } = await signUp(getApp().client());
      const token = await verificationLink(email);
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 25 * HOUR_MS });
      expect(await statusOf(getApp(), 'verify-email', token)).toBe('expired');
      const late = await getApp().client().post<ErrorBody>('/api/auth/verify-email', { token });
      expect(late.status).toBe(400);
      expect(late.body.error.message).toMatch(/expired/);
    });

    it('never writes a link’s token into the logs', async () => {
      const { email } = await signUp(getApp().client());
      const token = await requestResetLink(getApp(), email);
      await statusOf(getApp(), 'reset-password', token);
      const verify = await verificationLink(email);
      await statusOf(getApp(), 'verify-email', verify);
      const logs = getApp().logs.join('\n');
      expect(logs).toContain('/api/auth/reset-password/status');
      expect(logs).not.toContain(token);
      expect(logs).not.toContain(verify);
    });
  },
  { env: { SMTP_URL: smtp.url } },
);

describeOnEachDatabase(
  'emailed links: throttling',
  (getApp) => {
    it('throttles status checks per IP, so tokens cannot be guessed at speed', async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const response = await getApp()
          .client()
          .get(`/api/auth/reset-password/status?token=guessed-token-${attempt}`);
        statuses.push(response.status);
      }
      expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
      expect(statuses.at(-1)).toBe(429);
    });
  },
  { env: { AUTH_THROTTLE_MAX_PER_IP: '4', AUTH_THROTTLE_WINDOW_SECONDS: '600' } },
);
