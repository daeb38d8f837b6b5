/**
 * PDF downloads are limited per user and per client IP on the database-backed throttle: a burst past
 * the limit gets 429 with Retry-After, and other users and other IPs are unaffected. The app trusts
 * X-Forwarded-For here (TRUST_PROXY), so one test process can speak for several client IPs.
 */
import { expect, it } from 'vitest';
import { QUESTIONNAIRE_V1 } from '../../core/diagnostic/questionnaire.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestClient,
  type TestResponse,
} from '../testing/harness.ts';

const MAX_PER_USER = 4;
const MAX_PER_IP = 6;
const WINDOW_SECONDS = 600;

/** Each test speaks from its own addresses, so the per-IP counts of one test never reach another. */
let nextAddress = 1;
const freshIp = () => `203.0.113.${nextAddress++}`;

function download(client: TestClient, path: string, ip: string): Promise<TestResponse<ErrorBody>> {
  return client.get<ErrorBody>(path, { 'x-forwarded-for': ip });
}

async function userWithPdfs(client: TestClient, ip: string) {
  const headers = { 'x-forwarded-for': ip };
  await signUp(client);
  const brandId = await defaultBrandId(client);
  const answers = Object.fromEntries(QUESTIONNAIRE_V1.questions.map((question) => [question.id, 4]));
  const result = await client.post<{ result: { id: string } }>(
    '/api/diagnostic/results',
    { questionnaireVersion: QUESTIONNAIRE_V1.version, answers },
    headers,
  );
  const avatar = await client.post<{ item: { id: string } }>(
    `/api/brands/${brandId}/collections/avatar`,
    { data: { name: 'Maya' }, sources: {} },
    headers,
  );
  const insight = await client.get<{ item: { version: number } }>(`/api/brands/${brandId}/items/insight`);
  await client.request('PUT', `/api/brands/${brandId}/items/insight`, {
    json: {
      baseVersion: insight.body.item.version,
      data: { buyerIntent: 'Gifts for new parents' },
      sources: {},
    },
    headers,
  });
  const snapshot = await client.post<{ snapshot: { id: string } }>(
    `/api/brands/${brandId}/insight-snapshots`,
    {},
    headers,
  );
  return {
    diagnostic: `/api/diagnostic/results/${result.body.result.id}/report.pdf`,
    canvas: `/api/brands/${brandId}/canvas/pdf`,
    avatar: `/api/avatars/${avatar.body.item.id}/pdf`,
    snapshot: `/api/insight-snapshots/${snapshot.body.snapshot.id}/pdf`,
  };
}

function expectLimited(response: TestResponse<ErrorBody>) {
  expect(response.status).toBe(429);
  expect(response.body.error.code).toBe('RATE_LIMITED');
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
  expect(response.headers.get('ratelimit-remaining')).toBe('0');
}

describeOnEachDatabase(
  'PDF downloads are limited',
  (getApp) => {
    it('counts every PDF route together per user: past the limit 429 with Retry-After, another user unaffected', async () => {
      const alice = getApp().client();
      const paths = await userWithPdfs(alice, freshIp());
      const allFour = [paths.diagnostic, paths.canvas, paths.avatar, paths.snapshot];
      // Alice downloads from a new address each time, so only her per-user count can stop her.
      for (let index = 0; index < MAX_PER_USER; index += 1) {
        const response = await download(alice, allFour[index % allFour.length] ?? paths.canvas, freshIp());
        expect(response.status, response.text).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/pdf');
        expect(response.headers.get('ratelimit-limit')).toBe(String(MAX_PER_USER));
        expect(response.headers.get('ratelimit-remaining')).toBe(String(MAX_PER_USER - index - 1));
      }
      for (const path of allFour) expectLimited(await download(alice, path, freshIp()));

      const bob = getApp().client();
      const bobsPaths = await userWithPdfs(bob, freshIp());
      expect((await download(bob, bobsPaths.canvas, freshIp())).status).toBe(200);
    });

    it('limits one IP across users and anonymous report downloads; another IP is unaffected', async () => {
      const crowdedIp = freshIp();
      const first = getApp().client();
      const second = getApp().client();
      const firstPaths = await userWithPdfs(first, freshIp());
      const secondPaths = await userWithPdfs(second, freshIp());
      // Two users behind one address: each stays under the per-user limit, together they pass the IP's.
      const sent = [];
      for (let index = 0; index < MAX_PER_IP; index += 1) {
        const [client, path] = index % 2 === 0 ? [first, firstPaths.canvas] : [second, secondPaths.avatar];
        sent.push(await download(client, path, crowdedIp));
      }
      expect(sent.map((response) => response.status)).toEqual(Array(MAX_PER_IP).fill(200));
      expectLimited(await download(second, secondPaths.avatar, crowdedIp));

      // The free diagnostic's report is public: an anonymous taker is counted by IP alone.
      const anonymous = getApp().client();
      const answers = Object.fromEntries(QUESTIONNAIRE_V1.questions.map((question) => [question.id, 2]));
      const taken = await anonymous.post<{ result: { id: string } }>(
        '/api/diagnostic/results',
        { questionnaireVersion: QUESTIONNAIRE_V1.version, answers },
        { 'x-forwarded-for': crowdedIp },
      );
      expect(taken.status).toBe(201);
      const report = `/api/diagnostic/results/${taken.body.result.id}/report.pdf`;
      expectLimited(await download(anonymous, report, crowdedIp));
      const elsewhere = await download(anonymous, report, freshIp());
      expect(elsewhere.status).toBe(200);
      expect(elsewhere.headers.get('ratelimit-limit')).toBe(String(MAX_PER_IP));
    });

    it('does not count requests refused before rendering (invalid, signed out)', async () => {
      const ip = freshIp();
      const owner = getApp().client();
      const paths = await userWithPdfs(owner, freshIp());
      const stranger = getApp().client();
      for (let index = 0; index < MAX_PER_IP; index += 1) {
        expect((await download(owner, '/api/brands/not-a-uuid/canvas/pdf', ip)).status).toBe(400);
        expect((await download(stranger, paths.canvas, ip)).status).toBe(401);
      }
      // Had those counted, this address would be over its limit already.
      for (let index = 0; index < MAX_PER_USER; index += 1) {
        expect((await download(owner, paths.canvas, ip)).status).toBe(200);
      }
    });
  },
  {
    env: {
      TRUST_PROXY: 'true',
      PDF_MAX_PER_USER: String(MAX_PER_USER),
      PDF_MAX_PER_IP: String(MAX_PER_IP),
      PDF_WINDOW_SECONDS: String(WINDOW_SECONDS),
    },
  },
);
