import { expect, it } from 'vitest';
import type { Brand } from '../../../core/workspace/items.ts';
import type { BrandProgress } from '../../../core/workspace/progress.ts';
import { describeOnEachDatabase, type ErrorBody, signUp } from '../../testing/harness.ts';

describeOnEachDatabase('dashboard: brand progress', (getApp) => {
  it('computes progress and the next step from saved work and the latest diagnostic', async () => {
    const client = getApp().client();
    await signUp(client);
    const brand = (await client.get<{ brands: Brand[] }>('/api/brands')).body.brands[0] as Brand;
    const progressPath = `/api/brands/${brand.id}/progress`;

    const fresh = await client.get<{ progress: BrandProgress }>(progressPath);
    expect(fresh.status).toBe(200);
    expect(fresh.body.progress.nextStep.path).toBe('/diagnostic');

    // Weakest dimension: Distinctive (answers 1 and 1).
    const submitted = await client.post('/api/diagnostic/results', {
      questionnaireVersion: 1,
      answers: {
        'insight-motivation': 4,
        'insight-customer-clarity': 4,
        'distinctive-difference': 1,
        'distinctive-assets': 1,
        'empathetic-bond': 3,
        'empathetic-messaging': 4,
        'authentic-transparency': 4,
        'authentic-consistency': 3,
      },
    });
    expect(submitted.status).toBe(201);
    const afterDiagnostic = await client.get<{ progress: BrandProgress }>(progressPath);
    expect(afterDiagnostic.body.progress.nextStep.path).toBe('/app/idea/distinctive');

    await client.request('PUT', `/api/brands/${brand.id}/items/canvas`, {
      json: { baseVersion: 0, data: { purpose: 'Calm weeknights', values: ['Honesty'] }, sources: {} },
    });
    await client.request('PUT', `/api/brands/${brand.id}/items/distinctive`, {
      json: { baseVersion: 0, data: { positioning: 'The only meal kit with…' }, sources: {} },
    });
    await client.post(`/api/brands/${brand.id}/collections/avatar`, { data: { name: 'Maya' }, sources: {} });
    const later = (await client.get<{ progress: BrandProgress }>(progressPath)).body.progress;
    expect(later.canvas).toMatchObject({ filled: 2, total: 8, percent: 25 });
    expect(later.avatars).toEqual({ count: 1, names: ['Maya'] });
    expect(later.modules.find((module) => module.dimension === 'distinctive')?.worksheetDone).toBe(1);

    // Deleted items no longer count; another brand of the same account has its own (no) diagnostic.
    const extra = await client.post<{ item: { id: string } }>(`/api/brands/${brand.id}/collections/avatar`, {
      data: { name: 'Leo' },
      sources: {},
    });
    expect((await client.get<{ progress: BrandProgress }>(progressPath)).body.progress.avatars.count).toBe(2);
    await client.request('DELETE', `/api/items/${extra.body.item.id}`);
    expect((await client.get<{ progress: BrandProgress }>(progressPath)).body.progress.avatars).toEqual({
      count: 1,
      names: ['Maya'],
    });
    const second = await client.post<{ brand: Brand }>('/api/brands', { name: 'Second line' });
    expect(second.status).toBe(201);
    const secondProgress = await client.get<{ progress: BrandProgress }>(
      `/api/brands/${second.body.brand.id}/progress`,
    );
    expect(secondProgress.body.progress.nextStep.path).toBe('/diagnostic');

    const other = getApp().client();
    await signUp(other);
    const denied = await other.get<ErrorBody>(progressPath);
    expect(denied.status).toBe(404);
  });
});
