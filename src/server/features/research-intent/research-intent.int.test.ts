import { afterAll, expect, it } from 'vitest';
import type { AiUsage } from '../../../core/ai/contracts.ts';
import type {
  BrandNamesResponse,
  IntentRun,
  IntentRunList,
} from '../../../core/research/intent-contracts.ts';
import { startFakeOpenAi } from '../../testing/fake-openai.ts';
import { multipartBody, utf8 } from '../../testing/fixtures/documents.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestClient,
} from '../../testing/harness.ts';

/** The provider's answer to every request: it misses one term of three and the owner's brand list. */
const fake = await startFakeOpenAi({
  results: [
    {
      term: 'linen shirt sale',
      intent: 'transactional',
      confidence: 0.92,
      signals: ['sale'],
      reason: 'Asks for a sale: ready to buy at a good price.',
    },
    // The model misses the owner's brand list; the list decides.
    { term: 'calm co candles', intent: 'informational', confidence: 0.5, signals: [] },
  ],
  counts: { informational: 1, commercial: 0, transactional: 1, navigational: 0 },
  strategy: ['Lead with your sale pages.'],
});
afterAll(async () => {
  await fake.close();
});

interface RunBody {
  run: IntentRun;
}

interface Sent<T> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

const base = (brandId: string) => `/api/brands/${brandId}/research/intent`;

/** Sends one file as `multipart/form-data`, the way the page does. */
async function upload<T = RunBody>(
  client: TestClient,
  brandId: string,
  bytes: Uint8Array,
  fileName = 'search-terms.csv',
): Promise<Sent<T>> {
  const { contentType, body } = multipartBody({ bytes, fileName, contentType: 'text/csv' });
  const response = await fetch(new URL(`${base(brandId)}/runs/upload`, client.baseUrl), {
    method: 'POST',
    headers: { cookie: client.cookieHeader(), 'content-type': contentType },
    body: new Uint8Array(body),
  });
  const text = await response.text();
  const json =
    (response.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text;
  return { status: response.status, headers: response.headers, body: json as T, text };
}

function paste(client: TestClient, brandId: string, text: string, extra: Record<string, string> = {}) {
  return client.post<RunBody>(`${base(brandId)}/runs`, { text, ...extra });
}

function termsOf(run: IntentRun) {
  return Object.fromEntries(run.groups.flatMap((group) => group.terms.map((term) => [term.term, term])));
}

async function newUser(getClient: () => TestClient): Promise<{ client: TestClient; brandId: string }> {
  const client = getClient();
  await signUp(client);
  return { client, brandId: await defaultBrandId(client) };
}

describeOnEachDatabase('Buyer-intent research (offline coach)', (getApp) => {
  it('classifies pasted terms with reasons, grouped by theme with a suggestion, and keeps the run', async () => {
    const { client, brandId } = await newUser(() => getApp().client());
    const response = await paste(
      client,
      brandId,
      '  best linen shirts for men \nlinen vs cotton shirts\r\nbuy linen shirt online\n\nBest Linen Shirts For Men\nhow to wash linen\nwhy does linen wrinkle\nuniqlo linen shirt\n',
      { industry: 'clothing' },
    );
    expect(response.status, response.text).toBe(201);
    expect(response.headers.get('ratelimit-remaining')).toBe('49');
    const { run } = response.body;
    expect(run).toMatchObject({
      brandId,
      source: 'paste',
      fileName: null,
      industry: 'clothing',
      termCount: 6,
      totalTerms: 6,
      volumeLabel: null,
      name: '“best linen shirts for men” and 5 more',
      counts: { informational: 2, commercial: 2, transactional: 1, navigational: 1 },
      meta: { provider: 'offline', model: 'offline-coach', cached: false, notice: null },
    });
    expect(run.notes).toEqual(['1 repeated line counted once.']);
    const terms = termsOf(run);
    // The reported case: a retailer's name makes the term navigational, with the reason in words.
    expect(terms['uniqlo linen shirt']).toMatchObject({
      intent: 'navigational',
      brand: { name: 'Uniqlo', kind: 'retailer' },
      reason: 'Names the retailer “Uniqlo”: the searcher wants to find it at that shop.',
      volume: null,
    });
    expect(terms['buy linen shirt online']?.reason).toMatch(
      /^Contains “buy”: the searcher is ready to buy\./,
    );
    const shirts = run.groups.find((group) => group.key === 'shirt');
    expect(shirts?.terms.map((term) => term.term)).toEqual([
      'best linen shirts for men',
      'linen vs cotton shirts',
      'buy linen shirt online',
      'uniqlo linen shirt',
    ]);
    expect(shirts).toMatchObject({ label: 'linen shirt', intent: 'commercial' });
    expect(shirts?.suggestion).toMatch(/^Publish a comparison page/);
    const linen = run.groups.find((group) => group.key === 'linen');
    expect(linen).toMatchObject({ intent: 'informational' });
    expect(linen?.suggestion).toMatch(/^Write a guide or blog post/);
    expect(run.strategy[0]).toMatch(/for clothing: plan content for that stage first\.$/);

    const list = await client.get<IntentRunList>(`${base(brandId)}/runs`);
    expect(list.status).toBe(200);
    expect(list.body.runs).toHaveLength(1);
    expect(list.body.runs[0]).toMatchObject({ id: run.id, termCount: 6 });
    expect(list.body.runs[0]).not.toHaveProperty('groups');
    const one = await client.get<RunBody>(`${base(brandId)}/runs/${run.id}`);
    expect(one.body.run).toEqual(run);
  });

  it('makes terms naming the brand list navigational, and keeps the list per brand', async () => {
    const { client, brandId } = await newUser(() => getApp().client());
    const empty = await client.get<BrandNamesResponse>(`${base(brandId)}/brand-names`);
    expect(empty.body).toEqual({ brandNames: { own: [], competitors: [] }, updatedAt: null });

    const saved = await client.request<BrandNamesResponse>('PUT', `${base(brandId)}/brand-names`, {
      json: { own: ['  Calm   Co ', 'calm co', 'Linen Lane'], competitors: ['Glow', 'CALM CO', 'Uniqlo'] },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.brandNames).toEqual({
      own: ['Calm Co', 'Linen Lane'],
      competitors: ['Glow', 'Uniqlo'],
    });
    expect(saved.body.updatedAt).not.toBeNull();
    expect((await client.get<BrandNamesResponse>(`${base(brandId)}/brand-names`)).body.brandNames).toEqual(
      saved.body.brandNames,
    );

    const response = await paste(
      client,
      brandId,
      'calm co candles\nCALM CO\nglow candle refill\nuniqlo linen shirt\nglow vs calm co\ncalm cottage candles',
    );
    expect(response.status, response.text).toBe(201);
    const terms = termsOf(response.body.run);
    expect(terms['calm co candles']).toMatchObject({
      intent: 'navigational',
      brand: { name: 'Calm Co', kind: 'own' },
    });
    expect(terms['calm co candles']?.reason).toBe(
      'Names your brand “Calm Co”: the searcher is looking for you by name.',
    );
    expect(terms['glow candle refill']).toMatchObject({
      intent: 'navigational',
      brand: { kind: 'competitor' },
    });
    expect(terms['uniqlo linen shirt']).toMatchObject({
      intent: 'navigational',
      brand: { name: 'Uniqlo', kind: 'competitor' },
    });
    expect(terms['glow vs calm co']?.intent).toBe('commercial');
    expect(terms['calm cottage candles']).toMatchObject({ brand: null });
    expect(terms['calm cottage candles']?.intent).not.toBe('navigational');
    expect(response.body.run.brandNames).toEqual(saved.body.brandNames);
    const own = response.body.run.groups.find((group) => group.key === 'brand:calm co');
    expect(own?.suggestion).toMatch(/^People are searching for you by name \(“CALM CO”\)\./);

    // Another brand of the same owner has its own (empty) list.
    const second = await client.post<{ brand: { id: string } }>('/api/brands', { name: 'Second' });
    const other = await client.get<BrandNamesResponse>(`${base(second.body.brand.id)}/brand-names`);
    expect(other.body.brandNames).toEqual({ own: [], competitors: [] });
  });

  it('reads an uploaded search-term report: title lines, BOM, semicolons, quotes, volumes summed per term', async () => {
    const { client, brandId } = await newUser(() => getApp().client());
    const csv = [
      'Search terms report',
      '1 November 2026 - 30 November 2026',
      'Search term;Match type;Clicks;Impr.;Cost',
      'best soy candles;Phrase;12;1.200;4,50',
      '"soy candles; unscented";Broad;3;300;1,00',
      'Best Soy Candles;Exact;8;800;2,00',
      'buy soy candle;Exact;5;150;0,90',
      '"=HYPERLINK(""http://evil.example"")";Broad;0;10;0',
      'Total: Account;;25;2.460;8,40',
    ].join('\r\n');
    const response = await upload(client, brandId, utf8(`\uFEFF${csv}`), 'Search terms (Nov).csv');
    expect(response.status, response.text).toBe(201);
    const { run } = response.body;
    expect(run).toMatchObject({
      source: 'csv',
      fileName: 'Search terms (Nov).csv',
      name: 'Search terms (Nov).csv',
      termCount: 4,
      totalTerms: 4,
      volumeLabel: 'Impr.',
      hasClicks: true,
    });
    const terms = termsOf(run);
    expect(terms['best soy candles']).toMatchObject({ volume: 2000, clicks: 20, intent: 'commercial' });
    expect(terms['soy candles; unscented']).toMatchObject({ volume: 300, clicks: 3 });
    expect(terms['buy soy candle']).toMatchObject({ volume: 150, intent: 'transactional' });
    const candles = run.groups.find((group) => group.key === 'candle');
    expect(candles?.volume).toBe(2450);
    // Biggest volume first.
    expect(run.groups[0]?.key).toBe('candle');

    const exported = await client.get(`${base(brandId)}/runs/${run.id}/export.csv`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(exported.headers.get('content-disposition')).toBe(
      `attachment; filename="buyer-intent-${run.createdAt.slice(0, 10)}-${run.id.slice(0, 8)}.csv"`,
    );
    const lines = exported.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Theme,Term,Intent,Confidence,Reason,Impr.,Clicks,Brand name,Group intent,Suggestion for the group',
    );
    // The formula a report cell held is written as text, never as a formula.
    expect(exported.text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(lines.filter((line) => line.startsWith('='))).toEqual([]);
    expect(
      lines.some((line) => line.includes(',best soy candles,commercial,') && line.includes(',2000,20,')),
    ).toBe(true);
  });

  it('reads a UTF-16 keyword planner export and cuts a report over 2,000 terms to those with the most volume', async () => {
    const { client, brandId } = await newUser(() => getApp().client());
    const rows = ['Keyword\tAvg. monthly searches'];
    for (let index = 0; index < 2100; index += 1) rows.push(`candle scent ${index}\t${index}`);
    const text = rows.join('\n');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      bytes[2 + index * 2] = code & 0xff;
      bytes[3 + index * 2] = code >> 8;
    }
    const response = await upload(client, brandId, bytes, 'keyword-planner.csv');
    expect(response.status, response.text).toBe(201);
    expect(response.body.run).toMatchObject({
      termCount: 2000,
      totalTerms: 2100,
      volumeLabel: 'Avg. monthly searches',
    });
    expect(response.body.run.notes[0]).toBe(
      'The file has 2,100 distinct terms; this run analyses the 2,000 with the most avg. monthly searches.',
    );
    const terms = termsOf(response.body.run);
    expect(terms['candle scent 99']).toBeUndefined();
    expect(terms['candle scent 2099']?.volume).toBe(2099);
    // One AI request per 50 terms.
    const usage = await client.get<AiUsage>('/api/ai/usage');
    expect(usage.body.used).toBe(40);
  });

  it('refuses bad files and pastes with a 4xx that says what to fix', async () => {
    const { client, brandId } = await newUser(() => getApp().client());
    const expectRefusal = async (response: Sent<unknown>, status: number, message: RegExp) => {
      expect(response.status, response.text).toBe(status);
      expect((response.body as ErrorBody).error.message).toMatch(message);
    };
    await expectRefusal(
      await upload(
        client,
        brandId,
        new Uint8Array([0x53, 0x65, 0x61, 0x72, 0x63, 0x68, 0x0a, 0x63, 0x61, 0x66, 0xe9]),
      ),
      400,
      /not UTF-8 text.*CSV UTF-8/,
    );
    await expectRefusal(
      await upload(client, brandId, utf8('Review,Rating\nLovely candle,5\n')),
      400,
      /No column of search terms was found.*\(the first row has: Review, Rating\)/,
    );
    await expectRefusal(await upload(client, brandId, utf8('')), 400, /The file is empty\./);
    await expectRefusal(
      await upload(client, brandId, utf8('Query,Clicks\n,3\n')),
      400,
      /a search-term column but no terms/,
    );
    await expectRefusal(
      await upload(client, brandId, utf8('Query\n"unclosed quote\n')),
      400,
      /not a valid CSV/,
    );
    await expectRefusal(
      await upload(client, brandId, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02])),
      400,
      /binary data/,
    );
    const tooMany = `Search term\n${Array.from({ length: 100_001 }, (_, index) => `t${index}`).join('\n')}`;
    await expectRefusal(await upload(client, brandId, utf8(tooMany)), 400, /more than 100,000 rows/);
    const asJson = await client.post<ErrorBody>(`${base(brandId)}/runs/upload`, { text: 'linen' });
    await expectRefusal(asJson, 415, /multipart\/form-data.*"file"/);

    const pasteRefusal = async (text: string, message: RegExp) => {
      const response = await paste(client, brandId, text);
      await expectRefusal(response, 400, message);
      expect((response.body as unknown as ErrorBody).error.details?.[0]?.path).toBe('body.text');
    };
    await pasteRefusal('  \n\n ', /Paste at least one search term/);
    await pasteRefusal(`ok\n${'x'.repeat(201)}`, /at most 200 characters; line 2 is longer/);
    await pasteRefusal(
      Array.from({ length: 2001 }, (_, index) => `term ${index}`).join('\n'),
      /at most 2,000 distinct terms; this paste has 2,001/,
    );
    const huge = await paste(client, brandId, 'x'.repeat(450_001));
    expect(huge.status).toBe(400);
    const extra = await client.post<ErrorBody>(`${base(brandId)}/runs`, { text: 'linen', admin: true });
    expect(extra.status).toBe(400);

    const names = await client.request<ErrorBody>('PUT', `${base(brandId)}/brand-names`, {
      json: { own: ['A'], competitors: Array.from({ length: 51 }, (_, index) => `Brand ${index}`) },
    });
    expect(names.status).toBe(400);
    expect(names.body.error.details?.map((detail) => detail.path).sort()).toEqual([
      'body.competitors',
      'body.own.0',
    ]);
    // Nothing refused used the day's quota.
    expect((await client.get<AiUsage>('/api/ai/usage')).body.used).toBe(0);
    expect((await client.get<IntentRunList>(`${base(brandId)}/runs`)).body.runs).toEqual([]);
  });

  it('lists runs newest first a page at a time, soft-deletes them, and keeps them from other users', async () => {
    const { client, brandId } = await newUser(() => getApp().client());
    const ids: string[] = [];
    for (const text of ['linen shirt', 'soy candle', 'dog food']) {
      const response = await paste(client, brandId, text);
      expect(response.status).toBe(201);
      ids.push(response.body.run.id);
    }
    const first = await client.get<IntentRunList>(`${base(brandId)}/runs?limit=2`);
    expect(first.body.runs.map((run) => run.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await client.get<IntentRunList>(
      `${base(brandId)}/runs?limit=2&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`,
    );
    expect(second.body).toEqual({ runs: [expect.objectContaining({ id: ids[0] })], nextCursor: null });

    const other = await newUser(() => getApp().client());
    const runPath = `${base(brandId)}/runs/${ids[1]}`;
    // Someone else's brand, and someone else's run under their own brand, are both 404.
    for (const [method, path] of [
      ['GET', `${base(brandId)}/runs`],
      ['GET', runPath],
      ['GET', `${runPath}/export.csv`],
      ['DELETE', runPath],
      ['GET', `${base(brandId)}/brand-names`],
      ['GET', `${base(other.brandId)}/runs/${ids[1]}`],
      ['DELETE', `${base(other.brandId)}/runs/${ids[1]}`],
      ['GET', `${base(other.brandId)}/runs/${ids[1]}/export.csv`],
    ] as const) {
      const response = await other.client.request<ErrorBody>(method, path);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
    const foreignPaste = await paste(other.client, brandId, 'linen');
    expect(foreignPaste.status).toBe(404);
    const foreignNames = await other.client.request('PUT', `${base(brandId)}/brand-names`, {
      json: { own: ['Mine now'], competitors: [] },
    });
    expect(foreignNames.status).toBe(404);
    const foreignUpload = await upload(other.client, brandId, utf8('Query\nlinen\n'));
    expect(foreignUpload.status).toBe(404);
    expect(
      (await client.get<BrandNamesResponse>(`${base(brandId)}/brand-names`)).body.brandNames.own,
    ).toEqual([]);

    const removed = await client.request('DELETE', runPath);
    expect(removed.status).toBe(204);
    expect((await client.get(runPath)).status).toBe(404);
    expect((await client.request('DELETE', runPath)).status).toBe(404);
    const after = await client.get<IntentRunList>(`${base(brandId)}/runs`);
    expect(after.body.runs.map((run) => run.id)).toEqual([ids[2], ids[0]]);
    const [row] = await getApp().database.query<{ deleted: boolean }>(
      'select deleted_at is not null as deleted from research_intent_runs where id = $1',
      [ids[1]],
    );
    expect(row?.deleted).toBe(true);
  });

  it('needs a session for every route', async () => {
    const anonymous = getApp().client();
    const brandId = '00000000-0000-4000-8000-000000000001';
    const runPath = `${base(brandId)}/runs/00000000-0000-4000-8000-000000000002`;
    for (const [method, path] of [
      ['GET', `${base(brandId)}/runs`],
      ['POST', `${base(brandId)}/runs`],
      ['POST', `${base(brandId)}/runs/upload`],
      ['GET', runPath],
      ['DELETE', runPath],
      ['GET', `${runPath}/export.csv`],
      ['GET', `${base(brandId)}/brand-names`],
      ['PUT', `${base(brandId)}/brand-names`],
    ] as const) {
      expect((await anonymous.request(method, path)).status, `${method} ${path}`).toBe(401);
    }
  });
});

describeOnEachDatabase(
  'Buyer-intent research with an AI provider and a small quota',
  (getApp) => {
    it('runs through the provider, checks its answer against the terms and fills what it left out', async () => {
      const { client, brandId } = await newUser(() => getApp().client());
      await client.request('PUT', `${base(brandId)}/brand-names`, {
        json: { own: ['Calm Co'], competitors: [] },
      });
      const before = fake.requests.length;
      const response = await paste(client, brandId, 'linen shirt sale\ncalm co candles\nhow to wash linen');
      expect(response.status, response.text).toBe(201);
      expect(fake.requests.length).toBe(before + 1);
      const sent = fake.requests.at(-1)?.body.messages?.at(-1)?.content ?? '';
      expect(sent).toContain('"brandNames"');
      expect(sent).toContain('Calm Co');
      const { run } = response.body;
      expect(run.meta).toMatchObject({ provider: 'openai-compatible', model: 'test-model', cached: false });
      const terms = termsOf(run);
      expect(terms['linen shirt sale']).toMatchObject({
        intent: 'transactional',
        reason: 'Asks for a sale: ready to buy at a good price.',
      });
      expect(terms['calm co candles']).toMatchObject({ intent: 'navigational', brand: { kind: 'own' } });
      expect(terms['how to wash linen']?.intent).toBe('informational');
      expect(run.notes).toEqual(['The AI provider left out 1 term; the built-in rules classified it.']);
      expect(run.strategy).toEqual(['Lead with your sale pages.']);
      expect(response.headers.get('ratelimit-remaining')).toBe('2');
    });

    it('refuses a run the day’s quota cannot cover, before answering any of it, and gives the quota back', async () => {
      const { client, brandId } = await newUser(() => getApp().client());
      const first = await paste(client, brandId, 'linen shirt sale');
      expect(first.status).toBe(201);
      const before = fake.requests.length;
      const tooBig = await paste(
        client,
        brandId,
        Array.from({ length: 150 }, (_, index) => `linen shirt ${index}`).join('\n'),
      );
      expect(tooBig.status).toBe(429);
      expect((tooBig.body as unknown as ErrorBody).error).toMatchObject({
        code: 'QUOTA_EXCEEDED',
        message:
          'This run needs 3 AI requests (one per 50 terms) and you have 2 left today. Analyse fewer terms, or try again after midnight UTC.',
      });
      expect(tooBig.headers.get('retry-after')).toBeTruthy();
      expect(fake.requests.length).toBe(before);
      expect((await client.get<AiUsage>('/api/ai/usage')).body).toMatchObject({ used: 1, remaining: 2 });
      const fits = await paste(
        client,
        brandId,
        Array.from({ length: 100 }, (_, index) => `linen shirt ${index}`).join('\n'),
      );
      expect(fits.status, fits.text).toBe(201);
      expect(fits.body.run.termCount).toBe(100);
      expect((await client.get<AiUsage>('/api/ai/usage')).body.remaining).toBe(0);
    });
  },
  {
    env: {
      AI_BASE_URL: fake.baseUrl,
      AI_API_KEY: 'test-key',
      AI_MODEL: 'test-model',
      AI_TIMEOUT_MS: '2000',
      AI_PRICES: JSON.stringify({ 'test-model': { inputPerMTok: 0.5, outputPerMTok: 1.5 } }),
      AI_DAILY_QUOTA: '3',
    },
  },
);
