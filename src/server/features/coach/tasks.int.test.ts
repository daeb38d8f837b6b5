import { expect, it } from 'vitest';
import type { AiTaskResponse, AiUsage } from '../../../core/ai/contracts.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestClient,
} from '../../testing/harness.ts';

/** Distinctive is clearly weakest: insight 75, distinctive 13, empathetic 63, authentic 88. */
const WEAK_DISTINCTIVE: Record<string, number> = {
  'insight-motivation': 4,
  'insight-customer-clarity': 4,
  'distinctive-difference': 1,
  'distinctive-assets': 2,
  'empathetic-bond': 3,
  'empathetic-messaging': 4,
  'authentic-transparency': 5,
  'authentic-consistency': 4,
};
/** Authentic is clearly weakest. */
const WEAK_AUTHENTIC: Record<string, number> = {
  'insight-motivation': 4,
  'insight-customer-clarity': 4,
  'distinctive-difference': 4,
  'distinctive-assets': 5,
  'empathetic-bond': 3,
  'empathetic-messaging': 4,
  'authentic-transparency': 1,
  'authentic-consistency': 1,
};

async function userWithDiagnostic(client: TestClient, answers: Record<string, number>) {
  const { user } = await signUp(client);
  const submitted = await client.post('/api/diagnostic/results', { questionnaireVersion: 1, answers });
  expect(submitted.status).toBe(201);
  return user;
}

describeOnEachDatabase(
  'AI coach (offline)',
  (getApp) => {
    it('answers 404 for an unknown task and 400 with field details for invalid input, without using quota', async () => {
      const client = getApp().client();
      await signUp(client);
      const unknown = await client.post<ErrorBody>('/api/ai/horoscope', { message: 'hi' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('NOT_FOUND');

      const brandId = await defaultBrandId(client);
      const empty = await client.post<ErrorBody>('/api/ai/chat', { brandId, message: '   ' });
      expect(empty.status).toBe(400);
      expect(empty.body.error.details?.[0]?.path).toBe('body.message');
      const oversized = await client.post<ErrorBody>('/api/ai/buyer-intent', { terms: ['x'.repeat(201)] });
      expect(oversized.status).toBe(400);
      expect(oversized.body.error.details?.[0]?.path).toBe('body.terms.0');
      const extra = await client.post<ErrorBody>('/api/ai/buyer-intent', { terms: ['a'], admin: true });
      expect(extra.status).toBe(400);
      const noDiagnostic = await client.post<ErrorBody>('/api/ai/diagnostic-reading', { brandId });
      expect(noDiagnostic.status).toBe(404);
      const noBrand = await client.post<ErrorBody>('/api/ai/diagnostic-reading', {});
      expect(noBrand.status).toBe(400);
      expect(noBrand.body.error.details?.[0]?.path).toBe('body.brandId');

      const usage = await client.get<AiUsage>('/api/ai/usage');
      expect(usage.body).toMatchObject({ used: 0, limit: 50, remaining: 50 });
    });

    it('personalises the offline coach from the user’s latest diagnostic', async () => {
      const distinctiveUser = getApp().client();
      await userWithDiagnostic(distinctiveUser, WEAK_DISTINCTIVE);
      const distinctiveBrand = await defaultBrandId(distinctiveUser);
      const guidance = await distinctiveUser.post<AiTaskResponse>('/api/ai/insight-guidance', {
        brandId: distinctiveBrand,
      });
      expect(guidance.status).toBe(200);
      expect(guidance.body.meta).toMatchObject({
        provider: 'offline',
        model: 'offline-coach',
        cached: false,
        notice: null,
      });
      expect(guidance.body.meta.promptVersion).toBe(1);
      const output = guidance.body.output as {
        focus: string;
        actions: { area: string }[];
        explanation: string;
      };
      expect(output.focus).toBe('distinctive');
      expect(
        output.actions.every((action) => ['distinctive-module', 'brand-canvas'].includes(action.area)),
      ).toBe(true);
      expect(output.explanation).toContain('Distinctive scored 13/100');

      const authenticUser = getApp().client();
      await userWithDiagnostic(authenticUser, WEAK_AUTHENTIC);
      const other = await authenticUser.post<AiTaskResponse>('/api/ai/insight-guidance', {
        brandId: await defaultBrandId(authenticUser),
      });
      expect((other.body.output as { focus: string }).focus).toBe('authentic');

      const reading = await distinctiveUser.post<AiTaskResponse>('/api/ai/diagnostic-reading', {
        brandId: distinctiveBrand,
      });
      expect(reading.status).toBe(200);
      const priorities = (reading.body.output as { priorities: { dimension: string }[] }).priorities;
      expect(priorities[0]?.dimension).toBe('distinctive');

      const chat = await distinctiveUser.post<AiTaskResponse>('/api/ai/chat', {
        brandId: distinctiveBrand,
        message: 'Where should I start?',
      });
      expect((chat.body.output as { reply: string }).reply).toContain('Distinctive');
      expect(chat.headers.get('ratelimit-limit')).toBe('50');
      expect(chat.headers.get('ratelimit-remaining')).toBe('47');

      const intent = await distinctiveUser.post<AiTaskResponse>('/api/ai/buyer-intent', {
        terms: ['buy linen shirt', 'best linen shirts vs cotton', 'how to wash linen', 'acme.com login'],
      });
      const results = (intent.body.output as { results: { intent: string }[] }).results;
      expect(results.map((result) => result.intent)).toEqual([
        'transactional',
        'commercial',
        'informational',
        'navigational',
      ]);
    });

    it('lets exactly 50 of 100 concurrent requests from one user through, then answers 429 with Retry-After and RateLimit headers', async () => {
      const testApp = getApp();
      const client = testApp.client();
      const { user } = await signUp(client);
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, index) =>
          client.post<AiTaskResponse | ErrorBody>('/api/ai/buyer-intent', { terms: [`term ${index}`] }),
        ),
      );
      const ok = responses.filter((response) => response.status === 200);
      const limited = responses.filter((response) => response.status === 429);
      expect(ok).toHaveLength(50);
      expect(limited).toHaveLength(50);
      const [first] = limited;
      expect((first?.body as ErrorBody | undefined)?.error.code).toBe('QUOTA_EXCEEDED');
      expect(Number(first?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(first?.headers.get('ratelimit-remaining')).toBe('0');
      expect(first?.headers.get('ratelimit-limit')).toBe('50');

      const usage = await client.get<AiUsage>('/api/ai/usage');
      expect(usage.body).toMatchObject({ used: 50, limit: 50, remaining: 0 });
      expect(new Date(usage.body.resetsAt).getUTCHours()).toBe(0);
      const [ledger] = await testApp.database.query<{ count: string }>(
        "select count(*)::text as count from ai_calls where user_id = $1 and provider = 'offline' and prompt_version = 1",
        [user.id],
      );
      expect(ledger?.count).toBe('50');
    });
  },
  { env: { AI_DAILY_QUOTA: '50' } },
);
