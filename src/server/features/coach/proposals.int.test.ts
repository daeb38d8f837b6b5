/**
 * What the coach proposes to write into the owner's work, over HTTP with the brand's real saved
 * data: a canvas rewrite only when there is something to fix (and never a template with blanks), a
 * draft of an empty field only from the brand's own saved work, and a worksheet suggestion only when
 * the saved work answers the field.
 */
import { expect, it } from 'vitest';
import type { AiTaskResponse } from '../../../core/ai/contracts.ts';
import { defaultBrandId, describeOnEachDatabase, signUp, type TestClient } from '../../testing/harness.ts';

async function ask(client: TestClient, task: string, input: Record<string, unknown>) {
  const response = await client.post<AiTaskResponse>(`/api/ai/${task}`, input);
  expect(response.status, response.text).toBe(200);
  return response.body.output;
}

const BRACKETS = /[[\]]/;

describeOnEachDatabase('coach proposals come from the owner’s own words', (getApp) => {
  it('canvas: no rewrite for good text, the owner’s words for generic text, drafts only from saved data', async () => {
    const client = getApp().client();
    await signUp(client);
    const brandId = await defaultBrandId(client);

    const good = await ask(client, 'canvas-suggestion', {
      brandId,
      field: 'purpose',
      currentText: 'We give night-shift nurses a calm first coffee before every shift.',
    });
    expect(good.rewrite).toBe('');
    expect(String(good.critique)).toContain('This reads clearly');

    const generic = await ask(client, 'canvas-suggestion', {
      brandId,
      field: 'purpose',
      currentText: 'We make innovative, high-quality breakfast kits so busy parents get calm mornings.',
    });
    expect(generic.rewrite).toBe('We make breakfast kits so busy parents get calm mornings.');

    // An empty field of a brand with nothing saved: a question, no template to accept.
    const empty = await ask(client, 'canvas-suggestion', { brandId, field: 'purpose', currentText: '' });
    expect(empty.rewrite).toBe('');
    expect(String(empty.critique)).toMatch(/\?/);
    expect([empty.rewrite, ...(empty.critique as string[])].join(' ')).not.toMatch(BRACKETS);

    // Once the brand has a name and an avatar, the empty field gets a draft made of them.
    expect(
      (await client.request('PATCH', `/api/brands/${brandId}`, { json: { name: 'Kindling' } })).status,
    ).toBe(200);
    const avatar = await client.post(`/api/brands/${brandId}/collections/avatar`, {
      data: {
        name: 'Sam',
        demographics: { occupation: 'nurse' },
        psychology: { values: [], fears: ['Wasting money'], desires: ['More time'], triggers: [] },
      },
      sources: {},
    });
    expect(avatar.status, avatar.text).toBe(201);
    const drafted = await ask(client, 'canvas-suggestion', { brandId, field: 'purpose', currentText: '' });
    expect(drafted.rewrite).toBe('Kindling exists to help Sam (a nurse) get more time.');
  });

  it('worksheets: a suggestion only when the saved work answers the named field', async () => {
    const client = getApp().client();
    await signUp(client);
    const brandId = await defaultBrandId(client);
    const request = { brandId, area: 'insight-module', field: 'insight.buyerMotivation' };

    const advice = await ask(client, 'contextual-help', request);
    expect(advice).not.toHaveProperty('suggestion');
    expect((advice.tips as string[]).length).toBeGreaterThan(0);

    const avatar = await client.post(`/api/brands/${brandId}/collections/avatar`, {
      data: { name: 'Sam', psychology: { values: [], fears: [], desires: ['More time'], triggers: [] } },
      sources: {},
    });
    expect(avatar.status, avatar.text).toBe(201);
    expect((await ask(client, 'contextual-help', request)).suggestion).toBe('Sam buys to get more time.');
    expect(
      (
        await ask(client, 'insight-guidance', {
          brandId,
          dimension: 'insight',
          field: 'insight.buyerMotivation',
        })
      ).suggestion,
    ).toBe('Sam buys to get more time.');

    // The owner's own answer is never overwritten by a suggestion.
    const saved = await client.request('PUT', `/api/brands/${brandId}/items/insight`, {
      json: { baseVersion: 0, data: { buyerMotivation: 'They want calm mornings.' }, sources: {} },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(await ask(client, 'contextual-help', request)).not.toHaveProperty('suggestion');

    const unknownField = await client.post('/api/ai/contextual-help', {
      ...request,
      field: 'insight.secrets',
    });
    expect(unknownField.status).toBe(400);
  });
});
