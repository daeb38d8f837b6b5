import { unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, it } from 'vitest';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestClient,
} from '../../testing/harness.ts';

async function pdfText(buffer: ArrayBuffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

async function download(client: TestClient, path: string) {
  const response = await fetch(new URL(path, client.baseUrl), { headers: { cookie: client.cookieHeader() } });
  return { response, buffer: await response.arrayBuffer() };
}

describeOnEachDatabase('Brand canvas PDF', (getApp) => {
  it('exports the saved canvas with every field, its completion and the coach-sourced marks', async () => {
    const client = getApp().client();
    await signUp(client);
    const brandId = await defaultBrandId(client);
    await client.request('PATCH', `/api/brands/${brandId}`, { json: { name: 'Calm & Co.' } });
    const saved = await client.request('PUT', `/api/brands/${brandId}/items/canvas`, {
      json: {
        baseVersion: 0,
        data: {
          purpose: 'Make mornings calmer for busy parents.',
          vision: 'Every family starts the day unhurried.',
          mission: 'Breakfast kits ready in five minutes.',
          values: ['Honesty', 'Care'],
          positioning: 'For busy parents, Calm & Co. is the kit that takes five minutes.',
          valueProposition: 'A calm start without the rush — café quality 🥐 at home.',
          personality: ['Warm', 'Dependable'],
          voice: '',
        },
        sources: { valueProposition: 'ai' },
      },
    });
    expect(saved.status).toBe(200);

    const { response, buffer } = await download(client, `/api/brands/${brandId}/canvas/pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="calm-co-brand-canvas.pdf"',
    );
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const text = await pdfText(buffer);
    expect(text).toContain('Calm & Co.: brand canvas');
    expect(text).toContain('87% complete (7 of 8 fields)');
    expect(text).toContain('Make mornings calmer for busy parents.');
    expect(text).toContain('Honesty · Care');
    expect(text).toContain('Warm · Dependable');
    expect(text).toContain('café quality ? at home');
    expect(text).toContain('suggested by the coach');
    expect(text).toContain('Not written yet.');
  });

  it('prints names and fields in Latin, Greek and Cyrillic scripts, replacing only what the fonts lack', async () => {
    const client = getApp().client();
    await signUp(client);
    const brandId = await defaultBrandId(client);
    await client.request('PATCH', `/api/brands/${brandId}`, { json: { name: 'Škoda Café' } });
    const saved = await client.request('PUT', `/api/brands/${brandId}/items/canvas`, {
      json: {
        baseVersion: 0,
        data: {
          purpose: 'Founded by Łucja Wróbel; tea from İstanbul Çay.',
          values: ['Ελληνικά', 'Привет'],
          voice: 'Friendly 🥐, never 東京-style formal.',
        },
        sources: {},
      },
    });
    expect(saved.status).toBe(200);

    const { response, buffer } = await download(client, `/api/brands/${brandId}/canvas/pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="skoda-cafe-brand-canvas.pdf"',
    );
    const text = (await pdfText(buffer)).replace(/\s+/g, ' ');
    expect(text).toContain('Škoda Café: brand canvas');
    expect(text).toContain('Founded by Łucja Wróbel; tea from İstanbul Çay.');
    expect(text).toContain('Ελληνικά · Привет');
    expect(text).toContain('Friendly ?, never ??-style formal.');
  });

  it('puts each saved canvas into the account export as a PDF', async () => {
    const client = getApp().client();
    await signUp(client);
    const brandId = await defaultBrandId(client);
    const second = await client.post<{ brand: { id: string } }>('/api/brands', { name: 'Unsaved Brand' });
    expect(second.status).toBe(201);
    await client.request('PUT', `/api/brands/${brandId}/items/canvas`, {
      json: { baseVersion: 0, data: { purpose: 'Exported purpose text.' }, sources: {} },
    });
    const { response, buffer } = await download(client, '/api/account/export');
    expect(response.status).toBe(200);
    const files = unzipSync(new Uint8Array(buffer));
    const canvases = Object.keys(files).filter((name) => name.startsWith('documents/brand-canvases/'));
    expect(canvases).toEqual([`documents/brand-canvases/my-brand-${brandId.slice(0, 8)}-brand-canvas.pdf`]);
    const [path = ''] = canvases;
    const bytes = files[path];
    if (!bytes) throw new Error('missing canvas PDF');
    expect(await pdfText(bytes.slice().buffer)).toContain('Exported purpose text.');
  });

  it('exports an empty canvas that was never saved', async () => {
    const client = getApp().client();
    await signUp(client);
    const brandId = await defaultBrandId(client);
    const { response, buffer } = await download(client, `/api/brands/${brandId}/canvas/pdf`);
    expect(response.status).toBe(200);
    const text = await pdfText(buffer);
    expect(text).toContain('0% complete (0 of 8 fields)');
    expect(text).toContain('My brand: brand canvas');
  });

  it('answers 404 for another user’s brand, 400 for a malformed id and 401 when signed out', async () => {
    const owner = getApp().client();
    await signUp(owner);
    const brandId = await defaultBrandId(owner);
    const stranger = getApp().client();
    await signUp(stranger);
    const other = await stranger.get<ErrorBody>(`/api/brands/${brandId}/canvas/pdf`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NOT_FOUND');
    const malformed = await stranger.get<ErrorBody>('/api/brands/not-a-uuid/canvas/pdf');
    expect(malformed.status).toBe(400);
    const anonymous = await getApp().client().get<ErrorBody>(`/api/brands/${brandId}/canvas/pdf`);
    expect(anonymous.status).toBe(401);
  });
});
