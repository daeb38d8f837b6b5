import { expect, it } from 'vitest';
import type { AiTaskResponse } from '../../../core/ai/contracts.ts';
import type { DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import type { Brand } from '../../../core/workspace/items.ts';
import type { BrandProgress } from '../../../core/workspace/progress.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  STRONG_PASSWORD,
  signUp,
  type TestClient,
} from '../../testing/harness.ts';

/** Distinctive clearly weakest (13/100). */
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
/** Authentic clearly weakest (0/100). */
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

interface ResultBody {
  result: DiagnosticResult;
}

function take(client: TestClient, answers: Record<string, number>, brandId?: string) {
  return client.post<ResultBody>('/api/diagnostic/results', {
    questionnaireVersion: 1,
    answers,
    ...(brandId ? { brandId } : {}),
  });
}

async function history(client: TestClient, brandId: string) {
  return client.get<{ results: DiagnosticResult[] }>(`/api/diagnostic/results?brandId=${brandId}`);
}

async function createBrand(client: TestClient, name: string): Promise<string> {
  const created = await client.post<{ brand: Brand }>('/api/brands', { name });
  expect(created.status).toBe(201);
  return created.body.brand.id;
}

describeOnEachDatabase('diagnostic: results belong to a brand', (getApp) => {
  it('keeps each brand’s results apart: history, dashboard next step and the coach read only the chosen brand', async () => {
    const client = getApp().client();
    await signUp(client);
    const first = await defaultBrandId(client);
    const second = await createBrand(client, 'Second Shop');

    const forFirst = await take(client, WEAK_DISTINCTIVE, first);
    expect(forFirst.status).toBe(201);
    expect(forFirst.body.result).toMatchObject({ saved: true, brandId: first });

    // The second brand has no result yet: nothing of the first brand's shows through.
    expect((await history(client, second)).body.results).toEqual([]);
    const secondProgress = await client.get<{ progress: BrandProgress }>(`/api/brands/${second}/progress`);
    expect(secondProgress.body.progress.nextStep.path).toBe('/diagnostic');
    const noReading = await client.post<ErrorBody>('/api/ai/diagnostic-reading', { brandId: second });
    expect(noReading.status).toBe(404);
    const secondGuidance = await client.post<AiTaskResponse>('/api/ai/insight-guidance', { brandId: second });
    expect(JSON.stringify(secondGuidance.body.output)).not.toContain('Distinctive scored 13/100');

    // A consultant takes one per client brand.
    const forSecond = await take(client, WEAK_AUTHENTIC, second);
    expect(forSecond.body.result.brandId).toBe(second);
    expect((await history(client, first)).body.results.map((result) => result.id)).toEqual([
      forFirst.body.result.id,
    ]);
    expect((await history(client, second)).body.results.map((result) => result.id)).toEqual([
      forSecond.body.result.id,
    ]);

    const nextStep = async (brandId: string) =>
      (await client.get<{ progress: BrandProgress }>(`/api/brands/${brandId}/progress`)).body.progress
        .nextStep.path;
    expect(await nextStep(first)).toBe('/app/idea/distinctive');
    expect(await nextStep(second)).toBe('/app/idea/authentic');

    const weakestRead = async (brandId: string) => {
      const reading = await client.post<AiTaskResponse>('/api/ai/diagnostic-reading', { brandId });
      expect(reading.status).toBe(200);
      return (reading.body.output as { priorities: { dimension: string }[] }).priorities[0]?.dimension;
    };
    expect(await weakestRead(first)).toBe('distinctive');
    expect(await weakestRead(second)).toBe('authentic');
    const guidance = await client.post<AiTaskResponse>('/api/ai/insight-guidance', { brandId: second });
    expect((guidance.body.output as { focus: string }).focus).toBe('authentic');

    // A result of another brand is not this brand's to read.
    const crossed = await client.post<ErrorBody>('/api/ai/diagnostic-reading', {
      brandId: second,
      resultId: forFirst.body.result.id,
    });
    expect(crossed.status).toBe(404);
    const named = await client.post<AiTaskResponse>('/api/ai/diagnostic-reading', {
      brandId: first,
      resultId: forFirst.body.result.id,
    });
    expect(named.status).toBe(200);

    // Without a brand, a signed-in take goes to the first brand (the one the app shows by default).
    const unnamed = await take(client, WEAK_AUTHENTIC);
    expect(unnamed.body.result.brandId).toBe(first);
  });

  it('answers 404 for another user’s or a deleted brand, and stores nothing', async () => {
    const owner = getApp().client();
    await signUp(owner);
    const ownersBrand = await defaultBrandId(owner);
    const spare = await createBrand(owner, 'Spare');
    expect((await owner.request('DELETE', `/api/brands/${spare}`)).status).toBe(204);

    const intruder = getApp().client();
    await signUp(intruder);
    for (const brandId of [ownersBrand, '00000000-0000-4000-8000-000000000000']) {
      const submitted = await take(intruder, WEAK_DISTINCTIVE, brandId);
      expect(submitted.status).toBe(404);
      expect((submitted.body as unknown as ErrorBody).error.code).toBe('NOT_FOUND');
      expect((await intruder.get<ErrorBody>(`/api/diagnostic/results?brandId=${brandId}`)).status).toBe(404);
      expect((await intruder.get(`/api/brands/${brandId}/progress`)).status).toBe(404);
      expect((await intruder.post('/api/ai/diagnostic-reading', { brandId })).status).toBe(404);
    }
    expect((await take(owner, WEAK_DISTINCTIVE, spare)).status).toBe(404);
    expect((await history(owner, spare)).status).toBe(404);
    expect((await history(owner, ownersBrand)).body.results).toEqual([]);
    expect((await history(intruder, await defaultBrandId(intruder))).body.results).toEqual([]);

    const noBrand = await owner.get<ErrorBody>('/api/diagnostic/results');
    expect(noBrand.status).toBe(400);
    expect(noBrand.body.error.details?.[0]?.path).toBe('querystring.brandId');
    const malformed = await take(owner, WEAK_DISTINCTIVE, 'not-a-uuid');
    expect(malformed.status).toBe(400);
  });

  it('claims anonymous results into the brand active at sign-in, and into the new default brand at sign-up', async () => {
    // Sign-up: the new account's default brand.
    const newcomer = getApp().client();
    const anonymousTake = await take(newcomer, WEAK_DISTINCTIVE);
    expect(anonymousTake.body.result).toMatchObject({ saved: false, brandId: null });
    await signUp(newcomer);
    const newcomerBrand = await defaultBrandId(newcomer);
    expect((await history(newcomer, newcomerBrand)).body.results.map((result) => result.id)).toEqual([
      anonymousTake.body.result.id,
    ]);

    // Sign-in: the brand this browser worked in last.
    const account = getApp().client();
    const { email } = await signUp(account);
    const first = await defaultBrandId(account);
    const second = await createBrand(account, 'Second Shop');
    const laptop = getApp().client();
    const laptopTake = await take(laptop, WEAK_AUTHENTIC);
    const signedIn = await laptop.post('/api/auth/sign-in', {
      email,
      password: STRONG_PASSWORD,
      brandId: second,
    });
    expect(signedIn.status).toBe(200);
    expect((await history(laptop, second)).body.results.map((result) => result.id)).toEqual([
      laptopTake.body.result.id,
    ]);
    expect((await history(laptop, first)).body.results).toEqual([]);

    // A remembered brand that is not this account's (another user of this browser): the first brand.
    const shared = getApp().client();
    const sharedTake = await take(shared, WEAK_AUTHENTIC);
    const strangersBrand = newcomerBrand;
    const sharedSignIn = await shared.post('/api/auth/sign-in', {
      email,
      password: STRONG_PASSWORD,
      brandId: strangersBrand,
    });
    expect(sharedSignIn.status).toBe(200);
    expect((await history(shared, first)).body.results.map((result) => result.id)).toEqual([
      sharedTake.body.result.id,
    ]);
    expect((await history(newcomer, newcomerBrand)).body.results).toHaveLength(1);

    // A malformed brand id is a bad request, not a silent sign-in.
    const malformed = await getApp()
      .client()
      .post<ErrorBody>('/api/auth/sign-in', { email, password: STRONG_PASSWORD, brandId: 'brand-2' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details?.[0]?.path).toBe('body.brandId');
  });
});
