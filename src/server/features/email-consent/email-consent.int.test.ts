import { afterAll, expect, it } from 'vitest';
import type { DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import { LEAD_CONSENT_TEXT } from '../../../core/diagnostic/lead-consent.ts';
import { SETTINGS_TIPS_CONSENT_TEXT } from '../../../core/email-consent/consent-texts.ts';
import type { EmailPreferences, UnsubscribeResponse } from '../../../core/email-consent/contracts.ts';
import { DAY_MS, ManualClock } from '../../platform/clock.ts';
import {
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestApp,
  type TestClient,
  uniqueEmail,
} from '../../testing/harness.ts';
import { solvedProofOfWork } from '../../testing/proof-of-work.ts';
import { type CapturedMail, startSmtpServer } from '../../testing/smtp.ts';

const smtp = await startSmtpServer();
afterAll(() => smtp.close());
const clock = new ManualClock();
const PUBLIC_URL = 'https://coach.example.com';

/** Authentic is the weakest (13): insight 88, distinctive 38, empathetic 50. */
const ANSWERS: Record<string, number> = {
  'insight-motivation': 4,
  'insight-customer-clarity': 5,
  'distinctive-difference': 2,
  'distinctive-assets': 3,
  'empathetic-bond': 3,
  'empathetic-messaging': 3,
  'authentic-transparency': 1,
  'authentic-consistency': 2,
};

function solvedAltcha(client: TestClient): Promise<string> {
  return solvedProofOfWork(client, '/api/diagnostic/altcha-challenge');
}

/** An anonymous visitor takes the diagnostic and asks for the report by email, ticking consent. */
async function becomeLead(testApp: TestApp, email: string): Promise<void> {
  const browser = testApp.client();
  const taken = await browser.post<{ result: DiagnosticResult }>('/api/diagnostic/results', {
    questionnaireVersion: 1,
    answers: ANSWERS,
  });
  const lead = await browser.post(`/api/diagnostic/results/${taken.body.result.id}/lead`, {
    email,
    consent: true,
    altcha: await solvedAltcha(browser),
  });
  expect(lead.status).toBe(202);
}

interface ConsentRow extends Record<string, unknown> {
  id: string;
  source: string;
  text_version: string;
  consent_text: string;
  tips_dimension: string;
  tips_sent: number;
  user_id: string | null;
  lead_id: string | null;
  withdrawn_at: Date | null;
  withdrawn_via: string | null;
}

async function consentsOf(testApp: TestApp, email: string): Promise<ConsentRow[]> {
  return testApp.database.query<ConsentRow>(
    `select id, source, text_version, consent_text, tips_dimension, tips_sent, user_id, lead_id,
       withdrawn_at, withdrawn_via
     from email_consents where email = $1 order by created_at`,
    [email.toLowerCase()],
  );
}

const tipsTo = (email: string) =>
  smtp.messages.filter((mail) => mail.to.includes(email) && / tip \d of 3: /.test(mail.subject));

/** Moves the clock on and lets the job queue run everything now due. */
async function advanceAndRunJobs(testApp: TestApp, ms: number): Promise<void> {
  clock.advance(ms);
  await testApp.app.services.jobs.tick();
}

function oneClickUrl(mail: CapturedMail): URL {
  const match = /^<(https:\/\/[^>]+)>$/.exec(mail.headers['list-unsubscribe'] ?? '');
  if (!match?.[1]) throw new Error(`no https List-Unsubscribe in "${mail.subject}"`);
  return new URL(match[1]);
}

function oneClickPost(client: TestClient, url: URL) {
  return client.request<UnsubscribeResponse>('POST', `${url.pathname}${url.search}`, {
    body: 'List-Unsubscribe=One-Click',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

describeOnEachDatabase(
  'email consent and unsubscribe',
  (getApp) => {
    it('records a lead’s consent with its text version, sends the first tip by the job queue with one-click unsubscribe headers, and one click stops the series', async () => {
      const testApp = getApp();
      const email = uniqueEmail('lead');
      await becomeLead(testApp, email);

      const [consent] = await consentsOf(testApp, email);
      expect(consent).toMatchObject({
        source: 'diagnostic-lead',
        text_version: 'diagnostic-lead/1',
        consent_text: LEAD_CONSENT_TEXT,
        tips_dimension: 'authentic',
        tips_sent: 0,
        user_id: null,
        withdrawn_at: null,
      });
      expect(consent?.lead_id).toEqual(expect.any(String));
      // The report the lead asked for is not marketing: no unsubscribe headers on it.
      const report = smtp.messages.find((mail) => mail.to.includes(email) && /report/i.test(mail.subject));
      expect(report?.headers['list-unsubscribe']).toBeUndefined();

      // Nothing before day 1; then the first tip, sent by the queue.
      await advanceAndRunJobs(testApp, DAY_MS - 60_000);
      expect(tipsTo(email)).toHaveLength(0);
      await advanceAndRunJobs(testApp, 60_000);
      const [first] = tipsTo(email);
      expect(first?.subject).toMatch(/^Authentic tip 1 of 3: /);
      expect(first?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      const url = oneClickUrl(first as CapturedMail);
      expect(url.origin).toBe(PUBLIC_URL);
      expect(url.pathname).toBe('/api/email/unsubscribe');
      // The visible link leads to the page that works signed out, with the same token.
      expect(first?.text).toContain(`${PUBLIC_URL}/email/unsubscribe?token=${url.searchParams.get('token')}`);
      expect(first?.html).toContain('Unsubscribe</a>');
      expect(first?.text).toContain(`${PUBLIC_URL}/auth/sign-up`);

      // One click: no session, no cookies, form-encoded as RFC 8058 has it.
      const clicked = await oneClickPost(testApp.client(), url);
      expect(clicked.status).toBe(200);
      expect(clicked.body).toEqual({ purpose: 'product-tips', alreadyUnsubscribed: false });
      expect((await consentsOf(testApp, email))[0]).toMatchObject({
        withdrawn_at: expect.any(Date),
        withdrawn_via: 'one-click',
        tips_sent: 1,
      });
      // Used again: acknowledged, nothing changes.
      const again = await oneClickPost(testApp.client(), url);
      expect(again.body).toEqual({ purpose: 'product-tips', alreadyUnsubscribed: true });

      // Days 5 and 12 pass: no further tip.
      await advanceAndRunJobs(testApp, 4 * DAY_MS);
      await advanceAndRunJobs(testApp, 7 * DAY_MS);
      expect(tipsTo(email)).toHaveLength(1);
    });

    it('refuses a forged or altered token with a 400 and changes nothing; the series goes on', async () => {
      const testApp = getApp();
      const email = uniqueEmail('lead');
      await becomeLead(testApp, email);
      await advanceAndRunJobs(testApp, DAY_MS);
      const [first] = tipsTo(email);
      const token = oneClickUrl(first as CapturedMail).searchParams.get('token') ?? '';
      const [consentId = '', signature = ''] = token.split('.');
      const [other] = await testApp.database.query<{ id: string }>('select gen_random_uuid()::text as id');
      const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
      const forgeries = [
        `${consentId}.${flipped}`,
        // A genuine signature moved onto another record's id.
        `${other?.id}.${signature}`,
        `${consentId}.${'A'.repeat(43)}`,
        consentId,
        'not-a-token',
      ];
      for (const forged of forgeries) {
        const response = await testApp
          .client()
          .post<ErrorBody>(`/api/email/unsubscribe?token=${encodeURIComponent(forged)}`, {});
        expect(response.status, forged).toBe(400);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
      }
      expect((await consentsOf(testApp, email))[0]).toMatchObject({ withdrawn_at: null, tips_sent: 1 });
      await advanceAndRunJobs(testApp, 4 * DAY_MS);
      expect(tipsTo(email).map((mail) => mail.subject)).toEqual([
        expect.stringMatching(/^Authentic tip 1 of 3/),
        expect.stringMatching(/^Authentic tip 2 of 3/),
      ]);

      // The page's own request (JSON, no session) withdraws through the link channel.
      const fromPage = await testApp
        .client()
        .post<UnsubscribeResponse>(`/api/email/unsubscribe?token=${encodeURIComponent(token)}`, {});
      expect(fromPage.body).toEqual({ purpose: 'product-tips', alreadyUnsubscribed: false });
      expect((await consentsOf(testApp, email))[0]?.withdrawn_via).toBe('unsubscribe-link');
      await advanceAndRunJobs(testApp, 7 * DAY_MS);
      expect(tipsTo(email)).toHaveLength(2);
    });

    it('stops a lead’s series once they sign up with that address; transactional mail has no unsubscribe headers', async () => {
      const testApp = getApp();
      const email = uniqueEmail('lead');
      await becomeLead(testApp, email);
      await advanceAndRunJobs(testApp, DAY_MS);
      expect(tipsTo(email)).toHaveLength(1);

      await signUp(testApp.client(), { email });
      await advanceAndRunJobs(testApp, 11 * DAY_MS);
      expect(tipsTo(email)).toHaveLength(1);
      const verification = await smtp.waitForMessage(
        (mail) => mail.to.includes(email) && /verify|confirm/i.test(mail.subject),
      );
      expect(verification.headers['list-unsubscribe']).toBeUndefined();
      expect(verification.headers['list-unsubscribe-post']).toBeUndefined();
    });

    it('Settings → Email preferences turns tips on (consent where: settings) and off', async () => {
      const testApp = getApp();
      // Back to the wall clock: the earlier tests' weeks would have expired a new session's cookie.
      clock.set(new Date());
      const client = testApp.client();
      const { email, user } = await signUp(client);

      const initial = await client.get<EmailPreferences>('/api/settings/email-preferences');
      expect(initial.status).toBe(200);
      expect(initial.body).toEqual({ productTips: { subscribed: false, consent: null } });

      const on = await client.request<EmailPreferences>('PUT', '/api/settings/email-preferences', {
        json: { productTips: true },
      });
      expect(on.status).toBe(200);
      expect(on.body.productTips).toEqual({
        subscribed: true,
        consent: {
          source: 'settings',
          consentedAt: clock.now().toISOString(),
          text: SETTINGS_TIPS_CONSENT_TEXT,
        },
      });
      // Turning it on again records nothing new.
      await client.request('PUT', '/api/settings/email-preferences', { json: { productTips: true } });
      const rows = await consentsOf(testApp, email);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ source: 'settings', text_version: 'settings/1', user_id: user.id });

      // No diagnostic taken: the series starts at Insight and leads into the product.
      await advanceAndRunJobs(testApp, DAY_MS);
      const [tip] = tipsTo(email);
      expect(tip?.subject).toMatch(/^Insight-driven tip 1 of 3: /);
      expect(tip?.text).toContain(`${PUBLIC_URL}/app/idea/insight`);
      expect(tip?.headers['list-unsubscribe']).toMatch(
        /^<https:\/\/coach\.example\.com\/api\/email\/unsubscribe\?token=/,
      );

      const off = await client.request<EmailPreferences>('PUT', '/api/settings/email-preferences', {
        json: { productTips: false },
      });
      expect(off.body).toEqual({ productTips: { subscribed: false, consent: null } });
      expect((await consentsOf(testApp, email))[0]).toMatchObject({ withdrawn_via: 'settings' });
      const invalid = await client.request<ErrorBody>('PUT', '/api/settings/email-preferences', {
        json: { productTips: 'yes' },
      });
      expect(invalid.status).toBe(400);
      await advanceAndRunJobs(testApp, 11 * DAY_MS);
      expect(tipsTo(email)).toHaveLength(1);

      const signedOut = await testApp.client().get<ErrorBody>('/api/settings/email-preferences');
      expect(signedOut.status).toBe(401);
    });
  },
  {
    clock,
    env: {
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      ALTCHA_COST: '10',
      ALTCHA_MAX_COUNTER: '50',
    },
  },
);
