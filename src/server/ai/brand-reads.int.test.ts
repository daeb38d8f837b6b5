/**
 * The coach's brand read (ai/brand-reads.ts): one statement per task for the brand, its items, its
 * latest diagnostic and its memory — and still only the request's own, live brand, checked before
 * the quota is counted.
 */
import { expect, it } from 'vitest';
import type { AiTaskResponse } from '../../core/ai/contracts.ts';
import { QUESTIONNAIRE_V1 } from '../../core/diagnostic/questionnaire.ts';
import { defaultBrandId, describeOnEachDatabase, type ErrorBody, signUp } from '../testing/harness.ts';

/** Any complete take: every question of the questionnaire answered 3. */
const ANSWERS = {
  questionnaireVersion: QUESTIONNAIRE_V1.version,
  answers: Object.fromEntries(QUESTIONNAIRE_V1.questions.map((question) => [question.id, 3])),
};

describeOnEachDatabase('the coach’s brand read', (getApp) => {
  it('reads the brand, its items, diagnostic and memory in one statement per task', async () => {
    const client = getApp().client();
    await signUp(client);
    const brandId = await defaultBrandId(client);
    expect((await client.post('/api/diagnostic/results', { ...ANSWERS, brandId })).status).toBe(201);
    const fact = await client.post(`/api/brands/${brandId}/memories`, {
      text: 'We only sell to independent bakeries',
      source: 'owner',
    });
    expect(fact.status, fact.text).toBe(201);

    const texts: string[] = [];
    const stop = getApp().database.onQuery((event) => texts.push(event.text));
    let answer: Awaited<ReturnType<typeof client.post<AiTaskResponse>>>;
    try {
      answer = await client.post<AiTaskResponse>('/api/ai/contextual-help', {
        brandId,
        area: 'brand-canvas',
        question: 'How do I sharpen my positioning?',
      });
    } finally {
      stop();
    }
    expect(answer.status, answer.text).toBe(200);
    const touching = (table: string) => texts.filter((text) => text.includes(`"${table}"`));
    expect(touching('brands')).toHaveLength(1);
    expect(touching('brand_memories')).toEqual(touching('brands'));
    expect(touching('diagnostic_results')).toEqual(touching('brands'));
    expect(touching('workspace_items')).toEqual(touching('brands'));
  });

  it('answers 404 for another user’s or a deleted brand, before counting the request', async () => {
    const owner = getApp().client();
    await signUp(owner);
    const ownBrandId = await defaultBrandId(owner);
    const second = await owner.post<{ brand: { id: string } }>('/api/brands', { name: 'Second line' });
    expect(second.status).toBe(201);
    expect((await owner.request('DELETE', `/api/brands/${second.body.brand.id}`)).status).toBe(204);

    const other = getApp().client();
    await signUp(other);
    for (const [client, brandId] of [
      [other, ownBrandId],
      [owner, second.body.brand.id],
    ] as const) {
      const before = (await client.get<{ used: number }>('/api/ai/usage')).body.used;
      for (const task of ['contextual-help', 'diagnostic-reading'] as const) {
        const response = await client.post<ErrorBody>(`/api/ai/${task}`, {
          brandId,
          ...(task === 'contextual-help' ? { area: 'brand-canvas', question: 'What next?' } : {}),
        });
        expect(response.status, `${task}: ${response.text}`).toBe(404);
        expect(response.body.error.code).toBe('NOT_FOUND');
      }
      expect((await client.get<{ used: number }>('/api/ai/usage')).body.used).toBe(before);
    }
  });
});
