/**
 * Every coach task that reads saved work reads the brand the request names, and only that brand: a
 * consultant working on their second brand is never coached from the first one's data. Checked on the
 * prompt a provider receives (a recording OpenAI-compatible server) and on the offline coach's answer.
 */
import { afterAll, expect, it } from 'vitest';
import type { AiTaskResponse } from '../../../core/ai/contracts.ts';
import { type FakeOpenAi, startFakeOpenAi } from '../../testing/fake-openai.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestClient,
} from '../../testing/harness.ts';

interface SeededBrand {
  id: string;
  /** Words that appear only in this brand's saved work. */
  marker: string;
}

async function saveItem(client: TestClient, brandId: string, kind: string, data: Record<string, unknown>) {
  const response = await client.request('PUT', `/api/brands/${brandId}/items/${kind}`, {
    json: { baseVersion: 0, data, sources: {} },
  });
  expect(response.status, `${kind}: ${response.text}`).toBe(200);
}

/** A brand whose canvas and Insight worksheet carry the marker words. */
async function seedBrand(client: TestClient, brandId: string, name: string, marker: string) {
  expect((await client.request('PATCH', `/api/brands/${brandId}`, { json: { name } })).status).toBe(200);
  await saveItem(client, brandId, 'canvas', {
    purpose: `${marker} for people who want calm evenings`,
    positioning: `The ${marker} brand for small apartments`,
  });
  await saveItem(client, brandId, 'insight', { buyerMotivation: `They buy ${marker} to unwind after work` });
  return { id: brandId, marker } satisfies SeededBrand;
}

async function twoBrands(client: TestClient): Promise<[SeededBrand, SeededBrand]> {
  await signUp(client);
  const first = await seedBrand(client, await defaultBrandId(client), 'Alder Candles', 'alder-wax');
  const created = await client.post<{ brand: { id: string } }>('/api/brands', { name: 'Birch Soap' });
  expect(created.status).toBe(201);
  const second = await seedBrand(client, created.body.brand.id, 'Birch Soap', 'birch-lather');
  return [first, second];
}

/** One request per brand-reading task, for the given brand. */
function brandTasks(brandId: string): [string, Record<string, unknown>][] {
  return [
    ['chat', { brandId, message: 'How do I understand why my customers buy?' }],
    ['insight-guidance', { brandId, dimension: 'insight' }],
    // Generic wording the coach rewrites with the brand's own name (it never fills a template).
    [
      'canvas-suggestion',
      { brandId, field: 'mission', currentText: 'Our brand makes really gentle bars for sensitive skin.' },
    ],
    ['contextual-help', { brandId, area: 'insight-module' }],
  ];
}

describeOnEachDatabase('coach tasks read the chosen brand only (offline coach)', (getApp) => {
  it('answers each task from the brand it names, never from the user’s other brand', async () => {
    const client = getApp().client();
    const [first, second] = await twoBrands(client);
    for (const [chosen, other] of [
      [second, first],
      [first, second],
    ] as const) {
      for (const [task, input] of brandTasks(chosen.id)) {
        const response = await client.post<AiTaskResponse>(`/api/ai/${task}`, input);
        expect(response.status, `${task}: ${response.text}`).toBe(200);
        const answer = JSON.stringify(response.body.output);
        expect(answer, task).toContain(chosen.marker === 'alder-wax' ? 'Alder Candles' : 'Birch Soap');
        expect(answer, task).not.toContain(other.marker);
        expect(answer, task).not.toContain(other.marker === 'alder-wax' ? 'Alder Candles' : 'Birch Soap');
      }
    }
    // The chat conversation of the second brand is coached from the second brand too.
    const session = await client.post<{ id: string }>('/api/ai/chat/sessions', { brandId: second.id });
    const turn = await client.post(`/api/ai/chat/sessions/${session.body.id}/messages`, {
      content: 'How do I understand why my customers buy?',
    });
    expect(turn.text).toContain('birch-lather');
    expect(turn.text).not.toContain('alder-wax');
  });

  it('answers 404 for another user’s brand or a deleted one, and 400 without a brand, using no quota', async () => {
    const owner = getApp().client();
    const [, second] = await twoBrands(owner);
    const stranger = getApp().client();
    await signUp(stranger);
    for (const [task, input] of brandTasks(second.id)) {
      const foreign = await stranger.post<ErrorBody>(`/api/ai/${task}`, input);
      expect(foreign.status, task).toBe(404);
      expect(foreign.body.error.code).toBe('NOT_FOUND');
      const { brandId: _omitted, ...withoutBrand } = input;
      const missing = await stranger.post<ErrorBody>(`/api/ai/${task}`, withoutBrand);
      expect(missing.status, task).toBe(400);
      expect(missing.body.error.details?.map((detail) => detail.path)).toContain('body.brandId');
    }
    const strangerSession = await stranger.post<ErrorBody>('/api/ai/chat/sessions', { brandId: second.id });
    expect(strangerSession.status).toBe(404);

    expect((await owner.request('DELETE', `/api/brands/${second.id}`)).status).toBe(204);
    const deleted = await owner.post<ErrorBody>('/api/ai/insight-guidance', { brandId: second.id });
    expect(deleted.status).toBe(404);
    const usage = await stranger.get<{ used: number }>('/api/ai/usage');
    expect(usage.body.used).toBe(0);
  });
});

const fake: FakeOpenAi = await startFakeOpenAi({});
afterAll(async () => {
  await fake.close();
});

/** A valid answer per task, so the provider's reply is accepted and the prompt is what we inspect. */
const PROVIDER_ANSWERS: Record<string, unknown> = {
  chat: { reply: 'Ask three recent customers why they chose you.', followUps: [] },
  'insight-guidance': {
    focus: 'insight',
    headline: 'Know why they buy',
    explanation: 'Talk to customers.',
    actions: [],
    questions: [],
  },
  'canvas-suggestion': { field: 'positioning', critique: [], rewrite: 'For calm evenings.', checklist: [] },
  'contextual-help': { title: 'Insight', answer: 'Start with interviews.', tips: [], actions: [] },
};

describeOnEachDatabase(
  'coach tasks against an OpenAI-compatible server',
  (getApp) => {
    it('sends the provider the named brand’s saved work and nothing of the other brand', async () => {
      const client = getApp().client();
      const [first, second] = await twoBrands(client);
      for (const [chosen, other] of [
        [second, first],
        [first, second],
      ] as const) {
        for (const [task, input] of brandTasks(chosen.id)) {
          fake.queue.push({ kind: 'answer', content: PROVIDER_ANSWERS[task] });
          const before = fake.requests.length;
          const response = await client.post<AiTaskResponse>(`/api/ai/${task}`, input);
          expect(response.status, `${task}: ${response.text}`).toBe(200);
          expect(response.body.meta.provider).toBe('openai-compatible');
          const sent = fake.requests.slice(before);
          expect(sent).toHaveLength(1);
          const prompt = JSON.stringify(sent[0]?.body.messages);
          expect(prompt, task).toContain(chosen.marker);
          expect(prompt, task).not.toContain(other.marker);
        }
      }
    });
  },
  {
    env: {
      AI_BASE_URL: fake.baseUrl,
      AI_API_KEY: 'test-key',
      AI_MODEL: 'test-model',
      AI_PRICES: JSON.stringify({ 'test-model': { inputPerMTok: 0.5, outputPerMTok: 1.5 } }),
    },
  },
);
