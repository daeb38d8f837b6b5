import { afterAll, expect, it } from 'vitest';
import type { AiUsage } from '../../../core/ai/contracts.ts';
import { COPY_LIMITS, copyLength } from '../../../core/ai/copy-limits.ts';
import type { ValueLensGeneration, ValueLensHistory } from '../../../core/value-lens/contracts.ts';
import { startFakeOpenAi } from '../../testing/fake-openai.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestClient,
} from '../../testing/harness.ts';

interface GenerationBody {
  generation: ValueLensGeneration;
}

const BRIEF = {
  product: 'Calm Kit',
  category: 'breakfast kit',
  features: ['Ready in five minutes', 'No added sugar', 'Recyclable box'],
  audience: 'busy parents',
  emotionalPayoff: 'relief',
  tone: 'warm',
  format: 'social-caption',
} as const;

async function createAvatar(client: TestClient, brandId: string, name = 'Sam'): Promise<string> {
  const created = await client.post<{ item: { id: string } }>(`/api/brands/${brandId}/collections/avatar`, {
    data: {
      name,
      demographics: { occupation: 'nurse', ageBand: '25-34' },
      psychology: {
        desires: ['More time'],
        fears: ['Wasting money'],
        triggers: ['trust'],
        values: ['Family'],
      },
    },
    sources: {},
  });
  expect(created.status).toBe(201);
  return created.body.item.id;
}

async function saveCanvas(client: TestClient, brandId: string) {
  const saved = await client.request('PUT', `/api/brands/${brandId}/items/canvas`, {
    json: {
      baseVersion: 0,
      data: {
        positioning: 'For busy parents, Calm Co is the breakfast kit that takes five minutes.',
        valueProposition: 'A calm start without the rush.',
        personality: ['Warm', 'Dependable'],
        voice: 'Plain, kind and direct.',
      },
      sources: {},
    },
  });
  expect(saved.status).toBe(200);
}

describeOnEachDatabase('Value Lens (offline coach)', (getApp) => {
  it('generates copy with the canvas and an avatar as context, within the limit, and keeps it in the history', async () => {
    const client = getApp().client();
    await signUp(client);
    const brandId = await defaultBrandId(client);
    await saveCanvas(client, brandId);
    const avatarId = await createAvatar(client, brandId);

    const { audience: _audience, emotionalPayoff: _payoff, ...withoutAudience } = BRIEF;
    const response = await client.post<GenerationBody>(`/api/brands/${brandId}/value-lens`, {
      ...withoutAudience,
      format: 'product-description',
      avatarId,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('ratelimit-remaining')).toBeTruthy();
    const { generation } = response.body;
    expect(generation).toMatchObject({
      brandId,
      avatarId,
      avatarName: 'Sam',
      usedCanvas: true,
      format: 'product-description',
      limit: COPY_LIMITS['product-description'],
      meta: { provider: 'offline', model: 'offline-coach', promptVersion: 1 },
    });
    // The AI call that wrote it, so the copy can be rated (ADR 0051); the history carries it too.
    const [call] = await getApp().database.query<{ task: string }>(
      'select task from ai_calls where id = $1',
      [generation.meta.callId],
    );
    expect(call?.task).toBe('value-lens-copy');
    expect(generation.brief).toEqual({ ...withoutAudience, format: 'product-description' });
    // The avatar's occupation is the audience (never its name) and its fear and desire become relief
    // and benefit; the canvas's value proposition is in the copy and its voice in the notes.
    const copy = generation.variants.join('\n');
    expect(copy).not.toContain('Sam');
    expect(copy).toContain('made for nurses');
    expect(copy).toContain('Ready in five minutes, so you get more time.');
    expect(copy).toContain('Wasting money? Meet Calm Kit.');
    expect(generation.variants[0]).toContain('A calm start without the rush.');
    expect(copy).not.toContain('…');
    expect(generation.notes[0]).toBe(
      'Built on the features in your brief, your canvas value proposition, your canvas positioning and your avatar Sam: the fear “Wasting money”, the desire “More time” and who they are (“nurses”).',
    );
    expect(generation.notes.join(' ')).toContain('Warm, Dependable');
    for (const variant of generation.variants)
      expect(copyLength(variant)).toBeLessThanOrEqual(COPY_LIMITS['product-description']);

    const second = await client.post<{ brand: { id: string } }>('/api/brands', { name: 'No canvas yet' });
    const unsavedCanvas = await client.post<GenerationBody>(
      `/api/brands/${second.body.brand.id}/value-lens`,
      BRIEF,
    );
    expect(unsavedCanvas.status).toBe(201);
    expect(unsavedCanvas.body.generation.usedCanvas).toBe(false);

    const withoutContext = await client.post<GenerationBody>(`/api/brands/${brandId}/value-lens`, {
      ...BRIEF,
      useCanvas: false,
    });
    expect(withoutContext.status).toBe(201);
    expect(withoutContext.body.generation).toMatchObject({
      usedCanvas: false,
      avatarId: null,
      avatarName: null,
    });

    const history = await client.get<ValueLensHistory>(`/api/brands/${brandId}/value-lens`);
    expect(history.status).toBe(200);
    expect(history.body.generations.map((entry) => entry.id)).toEqual([
      withoutContext.body.generation.id,
      generation.id,
    ]);
    expect(history.body.nextCursor).toBeNull();
    expect(history.body.generations[1]).toEqual(generation);
  });

  it('pages the history with a cursor and soft-deletes entries, only the owner’s', async () => {
    const client = getApp().client();
    await signUp(client);
    const brandId = await defaultBrandId(client);
    const ids: string[] = [];
    for (const format of ['ad-headline', 'email-subject', 'video-hook'] as const) {
      const response = await client.post<GenerationBody>(`/api/brands/${brandId}/value-lens`, {
        ...BRIEF,
        format,
      });
      expect(response.status).toBe(201);
      for (const variant of response.body.generation.variants)
        expect(copyLength(variant)).toBeLessThanOrEqual(COPY_LIMITS[format]);
      ids.unshift(response.body.generation.id);
    }
    const first = await client.get<ValueLensHistory>(`/api/brands/${brandId}/value-lens?limit=2`);
    expect(first.body.generations.map((entry) => entry.id)).toEqual(ids.slice(0, 2));
    expect(first.body.nextCursor).toMatch(/^\d{13}_/);
    const second = await client.get<ValueLensHistory>(
      `/api/brands/${brandId}/value-lens?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.generations.map((entry) => entry.id)).toEqual(ids.slice(2));
    expect(second.body.nextCursor).toBeNull();

    const stranger = getApp().client();
    await signUp(stranger);
    const [newest = ''] = ids;
    expect((await stranger.request<ErrorBody>('DELETE', `/api/value-lens/${newest}`)).status).toBe(404);
    expect((await stranger.get<ErrorBody>(`/api/brands/${brandId}/value-lens`)).status).toBe(404);

    expect((await client.request('DELETE', `/api/value-lens/${newest}`)).status).toBe(204);
    expect((await client.request<ErrorBody>('DELETE', `/api/value-lens/${newest}`)).status).toBe(404);
    const after = await client.get<ValueLensHistory>(`/api/brands/${brandId}/value-lens`);
    expect(after.body.generations.map((entry) => entry.id)).toEqual(ids.slice(1));

    const badCursor = await client.get<ErrorBody>(`/api/brands/${brandId}/value-lens?cursor=x`);
    expect(badCursor.status).toBe(400);
    const tooMany = await client.get<ErrorBody>(`/api/brands/${brandId}/value-lens?limit=500`);
    expect(tooMany.status).toBe(400);
  });

  it('answers 404 for another user’s avatar or brand and for an avatar of another brand, using no quota', async () => {
    const owner = getApp().client();
    await signUp(owner);
    const ownerBrand = await defaultBrandId(owner);
    const ownerAvatar = await createAvatar(owner, ownerBrand);

    const client = getApp().client();
    await signUp(client);
    const brandId = await defaultBrandId(client);
    const foreignAvatar = await client.post<ErrorBody>(`/api/brands/${brandId}/value-lens`, {
      ...BRIEF,
      avatarId: ownerAvatar,
    });
    expect(foreignAvatar.status).toBe(404);
    expect(foreignAvatar.body.error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'That avatar was not found in this brand.',
    });
    const foreignBrand = await client.post<ErrorBody>(`/api/brands/${ownerBrand}/value-lens`, BRIEF);
    expect(foreignBrand.status).toBe(404);

    const second = await client.post<{ brand: { id: string } }>('/api/brands', { name: 'Second brand' });
    const otherBrandAvatar = await createAvatar(client, second.body.brand.id);
    const wrongBrand = await client.post<ErrorBody>(`/api/brands/${brandId}/value-lens`, {
      ...BRIEF,
      avatarId: otherBrandAvatar,
    });
    expect(wrongBrand.status).toBe(404);

    const canvasItem = await client.get<{ item: { id: string | null } }>(
      `/api/brands/${brandId}/items/canvas`,
    );
    expect(canvasItem.body.item.id).toBeNull();
    const usage = await client.get<AiUsage>('/api/ai/usage');
    expect(usage.body.used).toBe(0);
    const history = await client.get<ValueLensHistory>(`/api/brands/${brandId}/value-lens`);
    expect(history.body.generations).toEqual([]);
  });

  it('answers 422 with what to add when nothing fits the format whole, storing nothing and using no quota', async () => {
    const client = getApp().client();
    await signUp(client);
    const brandId = await defaultBrandId(client);
    const response = await client.post<ErrorBody>(`/api/brands/${brandId}/value-lens`, {
      product: 'The Extraordinarily Long Handmade Lavender Candle Collection',
      features: ['Poured by hand in small batches over three long days in our Lisbon studio'],
      format: 'ad-headline',
      tone: 'warm',
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('NOT_ENOUGH_INPUT');
    expect(response.body.error.message).toContain('add a shorter feature or benefit of a few words');
    expect((await client.get<AiUsage>('/api/ai/usage')).body.used).toBe(0);
    const history = await client.get<ValueLensHistory>(`/api/brands/${brandId}/value-lens`);
    expect(history.body.generations).toEqual([]);
  });

  it('rejects bad input with 400 and field paths', async () => {
    const client = getApp().client();
    await signUp(client);
    const brandId = await defaultBrandId(client);
    const path = `/api/brands/${brandId}/value-lens`;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...BRIEF, format: 'tweet' }, 'format'],
      [{ ...BRIEF, tone: 'angry' }, 'tone'],
      [{ ...BRIEF, emotionalPayoff: 'greed' }, 'emotionalPayoff'],
      [{ ...BRIEF, features: [] }, 'features'],
      [{ ...BRIEF, features: Array.from({ length: 11 }, (_, index) => `f${index}`) }, 'features'],
      [{ ...BRIEF, product: 'x'.repeat(121) }, 'product'],
      [{ ...BRIEF, avatarId: 'not-a-uuid' }, 'avatarId'],
      [{ ...BRIEF, context: { brandName: 'Injected' } }, ''],
    ];
    for (const [body, field] of cases) {
      const response = await client.post<ErrorBody>(path, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      if (field)
        expect(response.body.error.details?.some((detail) => detail.path.includes(field))).toBe(true);
    }
    const usage = await client.get<AiUsage>('/api/ai/usage');
    expect(usage.body.used).toBe(0);
  });
});

describeOnEachDatabase(
  'Value Lens over the daily quota',
  (getApp) => {
    it('passes the 429 through with Retry-After and stores nothing', async () => {
      const client = getApp().client();
      await signUp(client);
      const brandId = await defaultBrandId(client);
      const first = await client.post<GenerationBody>(`/api/brands/${brandId}/value-lens`, BRIEF);
      expect(first.status).toBe(201);
      expect(first.headers.get('ratelimit-remaining')).toBe('0');
      const second = await client.post<ErrorBody>(`/api/brands/${brandId}/value-lens`, BRIEF);
      expect(second.status).toBe(429);
      expect(second.body.error.code).toBe('QUOTA_EXCEEDED');
      expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
      const history = await client.get<ValueLensHistory>(`/api/brands/${brandId}/value-lens`);
      expect(history.body.generations).toHaveLength(1);
    });
  },
  { env: { AI_DAILY_QUOTA: '1' } },
);

const OVERLONG = {
  format: 'ad-headline',
  variants: [
    'Breakfast kits that take five minutes for the busiest parents in town',
    'Calm mornings',
    '   ',
    '🥐'.repeat(45),
  ],
  notes: ['Led with the time saving.'],
};
const fake = await startFakeOpenAi(OVERLONG);
afterAll(async () => {
  await fake.close();
});

describeOnEachDatabase(
  'Value Lens with a provider that ignores the limits',
  (getApp) => {
    it('never returns or stores copy over the format’s limit, and sends the context to the provider', async () => {
      const client = getApp().client();
      await signUp(client);
      const brandId = await defaultBrandId(client);
      await saveCanvas(client, brandId);
      const response = await client.post<GenerationBody>(`/api/brands/${brandId}/value-lens`, {
        ...BRIEF,
        format: 'ad-headline',
      });
      expect(response.status).toBe(201);
      const { generation } = response.body;
      expect(generation.meta.provider).toBe('openai-compatible');
      expect(generation.variants).toHaveLength(3);
      expect(generation.variants[0]).toBe('Breakfast kits that take five…');
      expect(generation.variants[1]).toBe('Calm mornings');
      for (const variant of generation.variants) expect(copyLength(variant)).toBeLessThanOrEqual(30);
      expect(generation.notes).toContain(
        '2 variants were shortened to fit the 30-character limit; reread them before use.',
      );
      const prompt = fake.requests.at(-1)?.body.messages?.at(-1)?.content ?? '';
      expect(prompt).toContain('For busy parents, Calm Co is the breakfast kit that takes five minutes.');
      expect(prompt).toContain('"personality"');

      const history = await client.get<ValueLensHistory>(`/api/brands/${brandId}/value-lens`);
      expect(history.body.generations[0]?.variants).toEqual(generation.variants);
    });
  },
  {
    env: {
      AI_BASE_URL: fake.baseUrl,
      AI_API_KEY: 'test-key',
      AI_MODEL: 'test-model',
      AI_TIMEOUT_MS: '2000',
      AI_PRICES: JSON.stringify({ 'test-model': { inputPerMTok: 0.5, outputPerMTok: 1.5 } }),
    },
  },
);
