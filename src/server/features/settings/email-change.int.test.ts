/**
 * Settings → change of email address: the link goes to the new address, the account moves only when
 * it is opened (and the address then counts as verified), consent records follow, and the old address
 * gets a security notice. Wrong passwords, taken addresses and reused links are refused.
 */
import { expect, it } from 'vitest';
import type { SessionResponse } from '../../../core/auth/contracts.ts';
import type { EmailPreferences } from '../../../core/email-consent/contracts.ts';
import type { ChangeEmailResponse } from '../../../core/settings/contracts.ts';
import {
  describeOnEachDatabase,
  type ErrorBody,
  STRONG_PASSWORD,
  signUp,
  type TestApp,
  uniqueEmail,
} from '../../testing/harness.ts';

async function mailsTo(testApp: TestApp, address: string) {
  return testApp.database.query<{ subject: string; text_body: string }>(
    'select subject, text_body from outbox_emails where to_address = $1 order by created_at',
    [address],
  );
}

function tokenIn(text: string): string {
  const match = /[?&]token=([A-Za-z0-9._-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no token in mail: ${text}`);
  return match[1];
}

describeOnEachDatabase('change of email address', (getApp) => {
  it('moves the account only when the new address confirms; consents follow; the old address is told', async () => {
    const testApp = getApp();
    const client = testApp.client();
    const { email: oldEmail, user } = await signUp(client, { name: 'Mover' });
    expect(
      (await client.request('PUT', '/api/settings/email-preferences', { json: { productTips: true } }))
        .status,
    ).toBe(200);
    const newEmail = uniqueEmail('moved');

    const requested = await client.post<ChangeEmailResponse>('/api/settings/email', {
      newEmail: newEmail.toUpperCase(),
      currentPassword: STRONG_PASSWORD,
    });
    expect(requested.status).toBe(200);
    expect(requested.body).toEqual({ ok: true, pendingEmail: newEmail });
    // Nothing has changed yet.
    const before = await client.get<SessionResponse>('/api/session');
    expect(before.body.user?.email).toBe(oldEmail);
    const [confirmation] = await mailsTo(testApp, newEmail);
    expect(confirmation?.subject).toBe('Confirm your new email for IDEA Brand Coach');
    const token = tokenIn(confirmation?.text_body ?? '');
    expect(await mailsTo(testApp, oldEmail)).not.toContainEqual(
      expect.objectContaining({ subject: 'Your IDEA Brand Coach email address was changed' }),
    );

    const verified = await client.post('/api/auth/verify-email', { token });
    expect(verified.status).toBe(200);
    const after = await client.get<SessionResponse>('/api/session');
    expect(after.body.user).toMatchObject({ id: user.id, email: newEmail, emailVerified: true });

    const notices = (await mailsTo(testApp, oldEmail)).filter(
      (mail) => mail.subject === 'Your IDEA Brand Coach email address was changed',
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text_body).toContain(`${newEmail.slice(0, 2)}…@example.com`);
    expect(notices[0]?.text_body).not.toContain(newEmail);

    const consents = await testApp.database.query<{ email: string }>(
      'select email from email_consents where user_id = $1',
      [user.id],
    );
    expect(consents.map((row) => row.email)).toEqual([newEmail]);
    const preferences = await client.get<EmailPreferences>('/api/settings/email-preferences');
    expect(preferences.body.productTips.subscribed).toBe(true);

    // Sign-in follows the address.
    const oldSignIn = await testApp
      .client()
      .post('/api/auth/sign-in', { email: oldEmail, password: STRONG_PASSWORD });
    expect(oldSignIn.status).toBe(401);
    const newSignIn = await testApp
      .client()
      .post('/api/auth/sign-in', { email: newEmail, password: STRONG_PASSWORD });
    expect(newSignIn.status).toBe(200);

    // The link works once.
    const again = await client.post<ErrorBody>('/api/auth/verify-email', { token });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
  });

  it('refuses a wrong password, the same address, a taken one, bad input, and a signed-out caller', async () => {
    const testApp = getApp();
    const client = testApp.client();
    const { email } = await signUp(client);
    const { email: someoneElse } = await signUp(testApp.client());

    const wrong = await client.post<ErrorBody>('/api/settings/email', {
      newEmail: uniqueEmail(),
      currentPassword: 'Not-The-Password-1',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.details?.[0]?.path).toBe('currentPassword');

    const same = await client.post<ErrorBody>('/api/settings/email', {
      newEmail: email,
      currentPassword: STRONG_PASSWORD,
    });
    expect(same.status).toBe(400);

    const taken = await client.post<ErrorBody>('/api/settings/email', {
      newEmail: someoneElse.toUpperCase(),
      currentPassword: STRONG_PASSWORD,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('EMAIL_TAKEN');

    for (const body of [
      { newEmail: 'not-an-address', currentPassword: STRONG_PASSWORD },
      { newEmail: `${'a'.repeat(250)}@example.com`, currentPassword: STRONG_PASSWORD },
      { newEmail: uniqueEmail(), currentPassword: '' },
      { newEmail: uniqueEmail(), currentPassword: STRONG_PASSWORD, role: 'admin' },
      { newEmail: ['x@example.com'], currentPassword: STRONG_PASSWORD },
    ]) {
      expect((await client.post<ErrorBody>('/api/settings/email', body)).status).toBe(400);
    }
    const anonymous = await testApp.client().post('/api/settings/email', {
      newEmail: uniqueEmail(),
      currentPassword: STRONG_PASSWORD,
    });
    expect(anonymous.status).toBe(401);
  });

  it('cannot complete when the new address was taken after the link was sent', async () => {
    const testApp = getApp();
    const client = testApp.client();
    const { email } = await signUp(client);
    const wanted = uniqueEmail('wanted');
    expect(
      (await client.post('/api/settings/email', { newEmail: wanted, currentPassword: STRONG_PASSWORD }))
        .status,
    ).toBe(200);
    const [confirmation] = await mailsTo(testApp, wanted);
    await signUp(testApp.client(), { email: wanted });

    const late = await client.post<ErrorBody>('/api/auth/verify-email', {
      token: tokenIn(confirmation?.text_body ?? ''),
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('EMAIL_TAKEN');
    expect((await client.get<SessionResponse>('/api/session')).body.user?.email).toBe(email);
  });
});
