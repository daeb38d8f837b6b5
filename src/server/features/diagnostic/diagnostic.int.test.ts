import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, expect, it } from 'vitest';
import type { AltchaChallenge, DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import { EMAIL_RETRY_JOB } from '../../jobs/email.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  STRONG_PASSWORD,
  signUp,
  type TestApp,
  type TestClient,
  uniqueEmail,
} from '../../testing/harness.ts';
import { solvedProofOfWork } from '../../testing/proof-of-work.ts';
import { startSmtpServer } from '../../testing/smtp.ts';

const smtp = await startSmtpServer();
afterAll(() => smtp.close());

/** insight 4+5 → 88, distinctive 2+3 → 38, empathetic 3+3 → 50, authentic 1+2 → 13; overall 47. */
const MIXED_ANSWERS: Record<string, number> = {
  'insight-motivation': 4,
  'insight-customer-clarity': 5,
  'distinctive-difference': 2,
  'distinctive-assets': 3,
  'empathetic-bond': 3,
  'empathetic-messaging': 3,
  'authentic-transparency': 1,
  'authentic-consistency': 2,
};

interface ResultBody {
  result: DiagnosticResult;
}

async function submit(client: TestClient, answers = MIXED_ANSWERS) {
  return client.post<ResultBody>('/api/diagnostic/results', { questionnaireVersion: 1, answers });
}

/**
 * Every email the app has sent to `email`, plus any it queued for a retry. The lead route answers
 * only after `mailer.send` has resolved, which is after the SMTP server recorded the message or after
 * a failed send was queued, so right after the response this is complete: nothing is still on its way.
 */
async function mailFor(testApp: TestApp, email: string) {
  const [queued] = await testApp.database.query<{ count: number }>(
    `select count(*)::int as count from jobs where name = $1 and payload->'message'->>'to' = $2`,
    [EMAIL_RETRY_JOB, email],
  );
  return {
    delivered: smtp.messages.filter((message) => message.to.includes(email)).length,
    queuedForRetry: queued?.count ?? 0,
  };
}

function solvedAltcha(client: TestClient): Promise<string> {
  return solvedProofOfWork(client, '/api/diagnostic/altcha-challenge');
}

describeOnEachDatabase(
  'diagnostic',
  (getApp) => {
    it('scores an anonymous take, shows it only to the browser that took it, and moves it into the account at sign-up exactly once', async () => {
      const browser = getApp().client();
      const submitted = await submit(browser);
      expect(submitted.status).toBe(201);
      expect(submitted.body.result.scores).toEqual({
        overall: 47,
        overallBand: 'developing',
        dimensions: {
          insight: { score: 88, band: 'strong' },
          distinctive: { score: 38, band: 'needs-attention' },
          empathetic: { score: 50, band: 'developing' },
          authentic: { score: 13, band: 'needs-attention' },
        },
      });
      expect(submitted.body.result.saved).toBe(false);
      const anonCookie = submitted.headers.getSetCookie().find((cookie) => cookie.startsWith('ibc.anon='));
      expect(anonCookie).toMatch(/HttpOnly/i);
      expect(anonCookie).toMatch(/Path=\/api/i);
      const id = submitted.body.result.id;

      expect((await browser.get<ResultBody>(`/api/diagnostic/results/${id}`)).body.result.id).toBe(id);
      const stranger = await getApp().client().get<ErrorBody>(`/api/diagnostic/results/${id}`);
      expect(stranger.status).toBe(404);
      expect(stranger.body.error.code).toBe('NOT_FOUND');
      const forgedToken = await getApp()
        .client()
        .get(`/api/diagnostic/results/${id}`, { cookie: `ibc.anon=${'A'.repeat(43)}` });
      expect(forgedToken.status).toBe(404);

      // A second anonymous take by the same browser reuses its token.
      const second = await submit(browser, { ...MIXED_ANSWERS, 'authentic-transparency': 5 });
      expect(second.headers.getSetCookie().some((cookie) => cookie.startsWith('ibc.anon='))).toBe(false);

      const { email } = await signUp(browser);
      const brandId = await defaultBrandId(browser);
      const history = await browser.get<{ results: DiagnosticResult[] }>(
        `/api/diagnostic/results?brandId=${brandId}`,
      );
      expect(history.status).toBe(200);
      expect(history.body.results.map((result) => result.id).sort()).toEqual(
        [id, second.body.result.id].sort(),
      );
      expect(history.body.results.every((result) => result.saved && result.brandId === brandId)).toBe(true);
      expect(browser.cookies.has('ibc.anon')).toBe(false);

      // Replaying the claim (sign in again with the old anonymous cookie) adds nothing.
      const replay = getApp().client();
      replay.cookies.set('ibc.anon', anonCookie?.split(';')[0]?.split('=')[1] ?? '');
      await replay.post('/api/auth/sign-in', { email, password: STRONG_PASSWORD });
      const again = await replay.get<{ results: DiagnosticResult[] }>(
        `/api/diagnostic/results?brandId=${brandId}`,
      );
      expect(again.body.results).toHaveLength(2);
      // The anonymous cookie no longer opens the result: it belongs to the account now.
      const oldCookieOnly = await getApp()
        .client()
        .get(`/api/diagnostic/results/${id}`, { cookie: anonCookie?.split(';')[0] ?? '' });
      expect(oldCookieOnly.status).toBe(404);
    });

    it('stores signed-in takes straight in the history, newest first, private to the user', async () => {
      const browser = getApp().client();
      await signUp(browser);
      const first = await submit(browser);
      const second = await submit(browser, { ...MIXED_ANSWERS, 'distinctive-difference': 5 });
      expect(first.status).toBe(201);
      expect(first.body.result.saved).toBe(true);
      expect(first.headers.getSetCookie().some((cookie) => cookie.startsWith('ibc.anon='))).toBe(false);
      const brandId = await defaultBrandId(browser);
      const history = await browser.get<{ results: DiagnosticResult[] }>(
        `/api/diagnostic/results?brandId=${brandId}`,
      );
      expect(history.body.results.map((result) => result.id)).toEqual([
        second.body.result.id,
        first.body.result.id,
      ]);

      const otherUser = getApp().client();
      await signUp(otherUser);
      expect((await otherUser.get(`/api/diagnostic/results/${first.body.result.id}`)).status).toBe(404);
      const ownHistory = await otherUser.get<{ results: unknown[] }>(
        `/api/diagnostic/results?brandId=${await defaultBrandId(otherUser)}`,
      );
      expect(ownHistory.body.results).toEqual([]);
      expect((await getApp().client().get(`/api/diagnostic/results?brandId=${brandId}`)).status).toBe(401);
    });

    it.each([
      ['a wrong version', { questionnaireVersion: 2, answers: MIXED_ANSWERS }, 'body.questionnaireVersion'],
      [
        'a missing question',
        { questionnaireVersion: 1, answers: { ...MIXED_ANSWERS, 'empathetic-bond': undefined } },
        'body.answers.empathetic-bond',
      ],
      [
        'an unknown question',
        { questionnaireVersion: 1, answers: { ...MIXED_ANSWERS, extra: 3 } },
        'body.answers.extra',
      ],
      [
        'a value out of range',
        { questionnaireVersion: 1, answers: { ...MIXED_ANSWERS, 'insight-motivation': 9 } },
        'body.answers.insight-motivation',
      ],
      [
        'a non-integer value',
        { questionnaireVersion: 1, answers: { ...MIXED_ANSWERS, 'insight-motivation': 'high' } },
        'body.answers.insight-motivation',
      ],
      ['an unknown field', { questionnaireVersion: 1, answers: MIXED_ANSWERS, score: 100 }, 'body.score'],
      ['no answers', { questionnaireVersion: 1 }, 'body.answers'],
    ])('rejects %s with a 400 naming the field, and stores nothing', async (_name, body, path) => {
      const browser = getApp().client();
      const response = await browser.post<ErrorBody>('/api/diagnostic/results', body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.details?.map((detail) => detail.path)).toContain(path);
      expect(response.headers.getSetCookie()).toEqual([]);
    });

    it('answers 400 for a result id that is not a UUID', async () => {
      for (const path of ['/api/diagnostic/results/not-a-uuid', '/api/diagnostic/results/123/report.pdf']) {
        const response = await getApp().client().get<ErrorBody>(path);
        expect(response.status, path).toBe(400);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
      }
    });

    it('produces a PDF report whose text holds the scores and bands, for the owner only', async () => {
      const browser = getApp().client();
      const { id } = (await submit(browser)).body.result;
      const response = await fetch(`${getApp().baseUrl}/api/diagnostic/results/${id}/report.pdf`, {
        headers: { cookie: browser.cookieHeader() },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const bytes = new Uint8Array(await response.arrayBuffer());
      const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
      expect(text).toContain('IDEA Brand Diagnostic report');
      expect(text).toContain('Questionnaire version 1');
      expect(text).toContain('Overall score: 47 / 100');
      expect(text).toContain('Band: Developing');
      expect(text).toContain('Insight-driven: 88 / 100 (Strong)');
      expect(text).toContain('Distinctive: 38 / 100 (Needs attention)');
      expect(text).toContain('Empathetic: 50 / 100 (Developing)');
      expect(text).toContain('Authentic: 13 / 100 (Needs attention)');
      expect(text).toContain('What to do next');
      expect((await getApp().client().get(`/api/diagnostic/results/${id}/report.pdf`)).status).toBe(404);
    });

    it('emails the report once to a consenting lead, and not again for a repeat', async () => {
      const browser = getApp().client();
      const { id } = (await submit(browser)).body.result;
      const email = uniqueEmail('lead');
      const body = async () => ({
        email: email.toUpperCase(),
        consent: true,
        altcha: await solvedAltcha(browser),
      });

      const first = await browser.post(`/api/diagnostic/results/${id}/lead`, await body());
      expect(first.status).toBe(202);
      // Already delivered when the 202 arrives (no waiting): what the checks below rely on.
      expect(await mailFor(getApp(), email)).toEqual({ delivered: 1, queuedForRetry: 0 });
      const mail = smtp.messages.find((message) => message.to.includes(email));
      expect(mail?.subject).toBe('Your IDEA Brand Diagnostic report');
      expect(mail?.text).toContain('47 out of 100');

      const repeat = await browser.post(`/api/diagnostic/results/${id}/lead`, await body());
      expect(repeat.status).toBe(202);
      expect(await mailFor(getApp(), email)).toEqual({ delivered: 1, queuedForRetry: 0 });
    });

    it('refuses lead capture without consent, with a failed or replayed ALTCHA, and for someone else’s result', async () => {
      const browser = getApp().client();
      const { id } = (await submit(browser)).body.result;
      const email = uniqueEmail('refused');

      const noConsent = await browser.post<ErrorBody>(`/api/diagnostic/results/${id}/lead`, {
        email,
        consent: false,
        altcha: await solvedAltcha(browser),
      });
      expect(noConsent.status).toBe(400);
      expect(noConsent.body.error.details?.[0]?.path).toBe('body.consent');

      const garbage = await browser.post<ErrorBody>(`/api/diagnostic/results/${id}/lead`, {
        email,
        consent: true,
        altcha: 'bm90IGEgcGF5bG9hZA==',
      });
      expect(garbage.status).toBe(400);
      expect(garbage.body.error.code).toBe('CAPTCHA_FAILED');

      const challenge = (await browser.get<AltchaChallenge>('/api/diagnostic/altcha-challenge')).body;
      const wrongSolution = Buffer.from(
        JSON.stringify({ challenge, solution: { counter: 1, derivedKey: '00'.repeat(32) } }),
      ).toString('base64');
      const wrong = await browser.post<ErrorBody>(`/api/diagnostic/results/${id}/lead`, {
        email,
        consent: true,
        altcha: wrongSolution,
      });
      expect(wrong.body.error.code).toBe('CAPTCHA_FAILED');

      const altcha = await solvedAltcha(browser);
      const used = await browser.post(`/api/diagnostic/results/${id}/lead`, { email, consent: true, altcha });
      expect(used.status).toBe(202);
      const replayed = await browser.post<ErrorBody>(`/api/diagnostic/results/${id}/lead`, {
        email: uniqueEmail('replay'),
        consent: true,
        altcha,
      });
      expect(replayed.status).toBe(400);
      expect(replayed.body.error.code).toBe('CAPTCHA_FAILED');

      const stranger = await getApp()
        .client()
        .post<ErrorBody>(`/api/diagnostic/results/${id}/lead`, {
          email,
          consent: true,
          altcha: await solvedAltcha(browser),
        });
      expect(stranger.status).toBe(404);
    });

    it('silently accepts a filled honeypot and sends nothing', async () => {
      const browser = getApp().client();
      const { id } = (await submit(browser)).body.result;
      const email = uniqueEmail('bot');
      const response = await browser.post(`/api/diagnostic/results/${id}/lead`, {
        email,
        consent: true,
        altcha: await solvedAltcha(browser),
        website: 'https://spam.example',
      });
      expect(response.status).toBe(202);
      expect(await mailFor(getApp(), email)).toEqual({ delivered: 0, queuedForRetry: 0 });
    });

    it('throttles report emails per address', async () => {
      const email = uniqueEmail('many');
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const browser = getApp().client();
        const { id } = (await submit(browser)).body.result;
        const response = await browser.post(`/api/diagnostic/results/${id}/lead`, {
          email,
          consent: true,
          altcha: await solvedAltcha(browser),
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([202, 202, 429]);
    });
  },
  {
    env: {
      SMTP_URL: smtp.url,
      ALTCHA_COST: '10',
      ALTCHA_MAX_COUNTER: '50',
      DIAGNOSTIC_SUBMIT_MAX_PER_IP: '1000',
      LEAD_MAX_PER_IP: '1000',
      LEAD_MAX_PER_EMAIL: '2',
    },
  },
);

describeOnEachDatabase(
  'diagnostic throttling',
  (getApp) => {
    it('limits anonymous submissions per IP', async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt += 1)
        statuses.push((await submit(getApp().client())).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
    });
  },
  { env: { DIAGNOSTIC_SUBMIT_MAX_PER_IP: '3' } },
);
