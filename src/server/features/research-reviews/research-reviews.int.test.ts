import { expect, it } from 'vitest';
import type {
  AcceptFindingResponse,
  FindingProposal,
  ReviewCsvPreview,
  ReviewRows,
  ReviewRun,
  ReviewRunList,
} from '../../../core/research-reviews/contracts.ts';
import type { WorkspaceItem } from '../../../core/workspace/items.ts';
import { multipartBody, utf8 } from '../../testing/fixtures/documents.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestClient,
} from '../../testing/harness.ts';

interface RunBody {
  run: ReviewRun;
}

interface Sent<T> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

const base = (brandId: string) => `/api/brands/${brandId}/research/reviews`;

/** Sends one file as `multipart/form-data`, the way the page does. */
async function upload<T = RunBody>(
  client: TestClient,
  path: string,
  bytes: Uint8Array,
  options: { fileName?: string; field?: string } = {},
): Promise<Sent<T>> {
  const { contentType, body } = multipartBody({
    bytes,
    fileName: options.fileName ?? 'reviews.csv',
    contentType: 'text/csv',
    ...(options.field ? { field: options.field } : {}),
  });
  const response = await fetch(new URL(path, client.baseUrl), {
    method: 'POST',
    headers: { cookie: client.cookieHeader(), 'content-type': contentType },
    body: new Uint8Array(body),
  });
  const text = await response.text();
  const json =
    (response.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text;
  return { status: response.status, headers: response.headers, body: json as T, text };
}

async function newUser(getClient: () => TestClient): Promise<{ client: TestClient; brandId: string }> {
  const client = getClient();
  await signUp(client);
  return { client, brandId: await defaultBrandId(client) };
}

/** Candle reviews written for this test: praise of the scent, complaints about price and packing. */
const CANDLE_REVIEWS = [
  'The scent is gorgeous and fills the whole room within minutes.',
  'For $34 I expected better packing. The jar arrived cracked and the box was crushed.',
  'Finally a candle that doesn’t give me a headache. Lovely clean scent.',
  'Overpriced for what it is. I can get two big ones at Target for the same money.',
  'Beautiful scent, but the packaging was flimsy and the lid arrived broken.',
  'I could barely smell it, even in a small bathroom. Disappointed.',
];

function paste(client: TestClient, brandId: string, text: string, name?: string) {
  return client.post<RunBody>(`${base(brandId)}/runs`, { source: 'paste', text, ...(name ? { name } : {}) });
}

describeOnEachDatabase('Review analyser', (getApp) => {
  it('analyses pasted reviews: themes with pros and cons quoted verbatim, labels, key phrases, and keeps the run', async () => {
    const { client, brandId } = await newUser(() => getApp().client());
    const response = await paste(client, brandId, CANDLE_REVIEWS.join('\n\n'));
    expect(response.status, response.text).toBe(201);
    const { run } = response.body;
    expect(run).toMatchObject({
      brandId,
      source: 'paste',
      fileName: null,
      avatarId: null,
      mapping: null,
      reviewCount: 6,
      name: '“The scent is gorgeous and fills…” and 5 more',
      notes: [],
    });
    expect(run.counts.positive + run.counts.negative + run.counts.mixed + run.counts.neutral).toBe(6);
    // The complaints the reported engine read as praise are complaints.
    expect(run.counts.negative).toBeGreaterThanOrEqual(3);
    const price = run.result.themes.find((theme) => theme.key === 'price');
    expect(price?.negative).toBeGreaterThanOrEqual(2);
    expect(price?.cons.map((quote) => quote.text)).toContain('Overpriced for what it is.');
    const scent = run.result.themes.find((theme) => theme.key === 'scent');
    expect(scent?.pros.map((quote) => quote.text)).toContain(
      'The scent is gorgeous and fills the whole room within minutes.',
    );
    // Every quote is a sentence of the review it names, verbatim.
    for (const theme of run.result.themes)
      for (const quote of [...theme.pros, ...theme.cons])
        expect(CANDLE_REVIEWS[quote.review]).toContain(quote.text);
    const relief = run.result.triggers.find((trigger) => trigger.trigger === 'relief');
    expect(relief?.quotes[0]?.review).toBe(2);
    expect(run.result.keyPhrases.length).toBeGreaterThan(0);
    expect(run.result.trend).toEqual([]);
    expect(run.result).toMatchObject({ undated: 6, rated: 0, averageRating: null, mismatchCount: 0 });

    const rows = await client.get<ReviewRows>(`${base(brandId)}/runs/${run.id}/reviews?label=negative`);
    expect(rows.status, rows.text).toBe(200);
    expect(rows.body.total).toBe(run.counts.negative);
    expect(rows.body.reviews.every((review) => review.label === 'negative')).toBe(true);
    const packing = (await client.get<ReviewRows>(`${base(brandId)}/runs/${run.id}/reviews?limit=6`)).body
      .reviews[1];
    expect(packing).toMatchObject({ index: 1, label: 'negative', rating: null, date: null, source: null });
    expect(packing?.themes).toEqual(expect.arrayContaining(['Price and value', 'Packaging']));

    // One per line when there are no blank lines.
    const lines = await paste(client, brandId, 'Love it.\nHate the smell.\n', 'Two lines');
    expect(lines.body.run).toMatchObject({ reviewCount: 2, name: 'Two lines' });
  });

  it('reads a CSV with a BOM, semicolons, quoted fields and a mapping; dates make a trend; stars against words are mismatches', async () => {
    const { client, brandId } = await newUser(() => getApp().client());
    const csv = [
      'Id;Kundenname;Bewertung;Sterne;Erstellt;Kanal',
      '1;Ann;"Gorgeous scent; fills the room. Worth every penny.";5;2025-01-14;Etsy',
      '2;Bo;"Terrible. The jar arrived cracked and support never answered.";5;14.01.2025;Etsy',
      '3;Cy;"Absolutely love it, best candle I have owned.";1;02/03/2025;Shopify',
      '4;Di;"=HYPERLINK(""http://evil.example"") barely smell it";2;2025-02-20;Shopify',
      '5;Ed;;4;2025-02-21;Shopify',
      '6;Fa;"Nice enough, burns evenly.";four;2025-03-01T10:00:00Z;@Amazon',
      '',
    ].join('\r\n');
    const bytes = utf8(`\uFEFF${csv}`);

    const preview = await upload<{ preview: ReviewCsvPreview }>(
      client,
      `${base(brandId)}/csv-preview`,
      bytes,
      {
        fileName: 'Etsy export.csv',
      },
    );
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.preview).toMatchObject({
      fileName: 'Etsy export.csv',
      columns: ['Id', 'Kundenname', 'Bewertung', 'Sterne', 'Erstellt', 'Kanal'],
      rowCount: 6,
    });
    // None of these German headers is a known one; the prose column is still found as the text.
    expect(preview.body.preview.mapping).toEqual({
      text: 'Bewertung',
      rating: null,
      date: null,
      source: null,
    });
    expect(preview.body.preview.sample).toHaveLength(3);

    const mapping = new URLSearchParams({
      text: 'Bewertung',
      rating: 'Sterne',
      date: 'Erstellt',
      source: 'Kanal',
    });
    const response = await upload(client, `${base(brandId)}/runs/upload?${mapping}`, bytes, {
      fileName: 'Etsy export.csv',
    });
    expect(response.status, response.text).toBe(201);
    const { run } = response.body;
    expect(run).toMatchObject({
      source: 'csv',
      fileName: 'Etsy export.csv',
      name: 'Etsy export.csv',
      reviewCount: 5,
      mapping: { text: 'Bewertung', rating: 'Sterne', date: 'Erstellt', source: 'Kanal' },
    });
    expect(run.notes).toEqual([
      '1 row has no review text and was skipped.',
      '1 rating was not a number of stars from 1 to 5 and was left out.',
    ]);
    expect(run.result.trend.map((month) => [month.month, month.count])).toEqual([
      ['2025-01', 2],
      ['2025-02', 2],
      ['2025-03', 1],
    ]);
    expect(run.result.rated).toBe(4);
    expect(
      run.result.mismatches.map((mismatch) => [mismatch.review, mismatch.kind, mismatch.rating]),
    ).toEqual([
      [1, 'high-rating-negative-text', 5],
      [2, 'low-rating-positive-text', 1],
    ]);
    expect(run.result.mismatchCount).toBe(2);

    const exported = await client.get(`${base(brandId)}/runs/${run.id}/export.csv`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(exported.headers.get('content-disposition')).toBe(
      `attachment; filename="reviews-${run.createdAt.slice(0, 10)}-${run.id.slice(0, 8)}.csv"`,
    );
    const lines = exported.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Review,Rating,Date,Source,Sentiment,Score,Themes');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(
      /^"Gorgeous scent; fills the room\. Worth every penny\.",5,2025-01-14,Etsy,positive,/,
    );
    expect(lines[2]).toContain(',5,2025-01-14,Etsy,negative,');
    expect(lines[3]).toContain(',1,2025-02-03,Shopify,');
    // Formulas typed into a review or a source are written as text, never as formulas.
    expect(exported.text).toContain(`"'=HYPERLINK(""http://evil.example"") barely smell it"`);
    expect(lines[5]).toContain(",'@Amazon,");
    expect(lines.filter((line) => /^[=+\-@]/.test(line))).toEqual([]);

    const pdf = await client.get(`${base(brandId)}/runs/${run.id}/export.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.text.startsWith('%PDF')).toBe(true);
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="reviews-etsy-export-csv-/);
  });

  it('recognises marketplace export headers without a mapping, and UTF-16 files', async () => {
    const { client, brandId } = await newUser(() => getApp().client());
    const amazon =
      'marketplace,review_id,star_rating,review_headline,review_body,review_date\nUS,R1,5,Great,"Smells amazing, lasts for weeks.",2025-04-02\nUS,R2,1,Bad,"Arrived broken, awful.",2025-04-03\n';
    const preview = await upload<{ preview: ReviewCsvPreview }>(
      client,
      `${base(brandId)}/csv-preview`,
      utf8(amazon),
    );
    expect(preview.body.preview.mapping).toEqual({
      text: 'review_body',
      rating: 'star_rating',
      date: 'review_date',
      source: 'marketplace',
    });
    const run = await upload(client, `${base(brandId)}/runs/upload`, utf8(amazon));
    expect(run.status, run.text).toBe(201);
    expect(run.body.run.reviewCount).toBe(2);
    expect(run.body.run.result.rated).toBe(2);

    const shop =
      'Title,Body,Rating,Created,Platform\r\nNice,"Soft, comfy and true to size.",★★★★☆,"March 3, 2025",Shopify\r\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(shop, 'utf16le'))]);
    const fromUtf16 = await upload(client, `${base(brandId)}/runs/upload`, utf16);
    expect(fromUtf16.status, fromUtf16.text).toBe(201);
    expect(fromUtf16.body.run.mapping).toEqual({
      text: 'Body',
      rating: 'Rating',
      date: 'Created',
      source: 'Platform',
    });
    expect(fromUtf16.body.run.result.averageRating).toBe(4);
    expect(fromUtf16.body.run.result.trend.map((month) => month.month)).toEqual(['2025-03']);
  });

  it('refuses what is not a review file with a 4xx that says what to fix', async () => {
    const { client, brandId } = await newUser(() => getApp().client());
    const runs = `${base(brandId)}/runs/upload`;
    const cases: [string, Uint8Array, string, number, RegExp][] = [
      [runs, utf8(''), '', 400, /empty/],
      [
        runs,
        new Uint8Array([0x52, 0x65, 0x76, 0x69, 0x65, 0x77, 0x0a, 0xe9, 0x74, 0xe9, 0x0a]),
        '',
        400,
        /not UTF-8/,
      ],
      [runs, utf8('\u0000\u0001PK binary'), '', 400, /binary/],
      [runs, utf8('Id,Rating\n1,5\n2,4\n'), '', 400, /No column holds review text/],
      [runs, utf8('Review,Rating\n"never closed,5\n'), '', 400, /not a valid CSV/],
      [runs, utf8('Review\n'), '', 400, /header row but no reviews/],
      [`${runs}?rating=Stars`, utf8('Review,Rating\nLovely,5\n'), '', 400, /no column called “Stars”/],
      [`${runs}?text=Rating`, utf8('Review,Rating\nLovely,\n'), '', 400, /empty in every row/],
    ];
    for (const [path, bytes, , status, message] of cases) {
      const response = await upload<ErrorBody>(client, path, bytes);
      expect(response.status, `${path} ${response.text}`).toBe(status);
      expect(response.body.error.message).toMatch(message);
    }
    const rows = ['Review', ...Array.from({ length: 5001 }, (_, index) => `Review number ${index} was fine`)];
    const tooMany = await upload<ErrorBody>(client, runs, utf8(rows.join('\n')));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(
      /^This file holds more than 5,000 reviews; one run analyses at most 5,000./,
    );
    const wrongField = await upload<ErrorBody>(client, runs, utf8('Review\nFine\n'), { field: 'upload' });
    expect(wrongField.status).toBe(400);
    const notMultipart = await client.post<ErrorBody>(runs, { text: 'x' });
    expect(notMultipart.status).toBe(415);

    const emptyPaste = await paste(client, brandId, ' \n\n \n');
    expect(emptyPaste.status).toBe(400);
    expect((emptyPaste.body as unknown as ErrorBody).error.details).toEqual([
      { path: 'body.text', message: 'Paste at least one review.' },
    ]);
    const tooManyPasted = await paste(
      client,
      brandId,
      Array.from({ length: 5001 }, (_, index) => `ok ${index}`).join('\n'),
    );
    expect(tooManyPasted.status).toBe(400);
    expect((tooManyPasted.body as unknown as ErrorBody).error.message).toMatch(
      /5,001 reviews; one run analyses at most 5,000/,
    );
    const badSource = await client.post<ErrorBody>(`${base(brandId)}/runs`, { source: 'email', text: 'x' });
    expect(badSource.status).toBe(400);
    const extra = await client.post<ErrorBody>(`${base(brandId)}/runs`, {
      source: 'paste',
      text: 'x',
      sql: 1,
    });
    expect(extra.status).toBe(400);
    // HTML is kept as the text it is (the page shows it as text).
    const html = await paste(client, brandId, '<script>alert(1)</script> Great candle, love the scent.');
    expect(html.status).toBe(201);
    const stored = await client.get<ReviewRows>(`${base(brandId)}/runs/${html.body.run.id}/reviews`);
    expect(stored.body.reviews[0]?.text).toBe('<script>alert(1)</script> Great candle, love the scent.');
  });

  it('analyses an avatar’s saved reviews and applies a worry as a fear, refusing a stale version', async () => {
    const { client, brandId } = await newUser(() => getApp().client());
    const created = await client.post<{ item: WorkspaceItem }>(`/api/brands/${brandId}/collections/avatar`, {
      data: {
        name: 'Maya',
        psychology: { fears: ['Wasting money'], desires: [], values: [], triggers: [] },
        voice: { reviews: CANDLE_REVIEWS.join('\n\n') },
      },
      sources: {},
    });
    expect(created.status, created.text).toBe(201);
    const avatar = created.body.item;
    const response = await client.post<RunBody>(`${base(brandId)}/runs`, {
      source: 'avatar',
      avatarId: avatar.id,
    });
    expect(response.status, response.text).toBe(201);
    const { run } = response.body;
    expect(run).toMatchObject({
      source: 'avatar',
      avatarId: avatar.id,
      name: 'Maya’s reviews',
      reviewCount: 6,
    });

    const proposals = await client.get<{ proposals: FindingProposal[] }>(
      `${base(brandId)}/runs/${run.id}/proposals?target=avatar&avatarId=${avatar.id}`,
    );
    expect(proposals.status, proposals.text).toBe(200);
    const fear = proposals.body.proposals.find((proposal) => proposal.id === 'con:price');
    expect(fear).toMatchObject({
      target: { kind: 'avatar', itemId: avatar.id, list: 'fears' },
      label: 'Avatar Maya: fears',
      current: ['Wasting money'],
      proposed: 'Paying too much for what arrives',
      baseVersion: avatar.version,
      finding: { kind: 'con', themeKey: 'price' },
    });
    expect(
      proposals.body.proposals.some(
        (proposal) => proposal.target.kind === 'avatar' && proposal.target.list === 'desires',
      ),
    ).toBe(true);
    if (!fear) throw new Error('no price fear proposed');

    const accepted = await client.post<AcceptFindingResponse>(
      `${base(brandId)}/runs/${run.id}/proposals/accept`,
      {
        target: fear.target,
        text: fear.proposed,
        baseVersion: fear.baseVersion,
      },
    );
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toEqual({
      itemId: avatar.id,
      version: avatar.version + 1,
      label: 'Avatar Maya: fears',
    });
    const after = await client.get<{ item: WorkspaceItem }>(`/api/items/${avatar.id}`);
    expect((after.body.item.data as { psychology: { fears: string[] } }).psychology.fears).toEqual([
      'Wasting money',
      'Paying too much for what arrives',
    ]);
    // The same card again is made from a version that is no longer current: nothing is written.
    const stale = await client.post<ErrorBody & { error: { current: WorkspaceItem } }>(
      `${base(brandId)}/runs/${run.id}/proposals/accept`,
      { target: { ...fear.target, list: 'desires' }, text: 'Anything', baseVersion: fear.baseVersion },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.version).toBe(avatar.version + 1);
    const unchanged = await client.get<{ item: WorkspaceItem }>(`/api/items/${avatar.id}`);
    expect(unchanged.body.item.version).toBe(avatar.version + 1);
    const tooLong = await client.post<ErrorBody>(`${base(brandId)}/runs/${run.id}/proposals/accept`, {
      target: fear.target,
      text: 'x'.repeat(61),
      baseVersion: avatar.version + 1,
    });
    expect(tooLong.status).toBe(400);

    // A canvas field: the owner's text stays, the finding is added on a line of its own.
    const canvasProposals = await client.get<{ proposals: FindingProposal[] }>(
      `${base(brandId)}/runs/${run.id}/proposals?target=canvas&field=valueProposition`,
    );
    expect(canvasProposals.status, canvasProposals.text).toBe(200);
    const pro = canvasProposals.body.proposals.find((proposal) => proposal.finding.kind === 'pro');
    expect(pro).toMatchObject({ label: 'Canvas: value proposition', current: '', baseVersion: 0 });
    expect(pro?.proposed).toMatch(/^Customers praise /);
    const saved = await client.post<AcceptFindingResponse>(
      `${base(brandId)}/runs/${run.id}/proposals/accept`,
      {
        target: pro?.target,
        text: pro?.proposed,
        baseVersion: 0,
      },
    );
    expect(saved.status, saved.text).toBe(200);
    const canvas = await client.get<{ item: WorkspaceItem }>(`/api/brands/${brandId}/items/canvas`);
    expect((canvas.body.item.data as { valueProposition: string }).valueProposition).toBe(pro?.proposed);

    // An avatar without reviews cannot be analysed.
    const empty = await client.post<{ item: WorkspaceItem }>(`/api/brands/${brandId}/collections/avatar`, {
      data: { name: 'Quiet' },
      sources: {},
    });
    const none = await client.post<ErrorBody>(`${base(brandId)}/runs`, {
      source: 'avatar',
      avatarId: empty.body.item.id,
    });
    expect(none.status).toBe(422);
    expect(none.body.error.message).toMatch(/no saved reviews/);
  });

  it('lists runs newest first, pages them, and soft-deletes one', async () => {
    const { client, brandId } = await newUser(() => getApp().client());
    const ids: string[] = [];
    for (const name of ['First', 'Second', 'Third'])
      ids.push((await paste(client, brandId, 'Lovely scent.', name)).body.run.id);
    const page = await client.get<ReviewRunList>(`${base(brandId)}/runs?limit=2`);
    expect(page.status).toBe(200);
    expect(page.body.runs.map((run) => run.name)).toEqual(['Third', 'Second']);
    expect(page.body.runs[0]).not.toHaveProperty('result');
    expect(page.body.runs[0]?.counts.positive).toBe(1);
    const next = await client.get<ReviewRunList>(
      `${base(brandId)}/runs?limit=2&cursor=${page.body.nextCursor}`,
    );
    expect(next.body.runs.map((run) => run.name)).toEqual(['First']);
    expect(next.body.nextCursor).toBeNull();
    const removed = await client.request('DELETE', `${base(brandId)}/runs/${ids[1]}`);
    expect(removed.status).toBe(204);
    expect((await client.get(`${base(brandId)}/runs/${ids[1]}`)).status).toBe(404);
    expect((await client.request('DELETE', `${base(brandId)}/runs/${ids[1]}`)).status).toBe(404);
    const list = await client.get<ReviewRunList>(`${base(brandId)}/runs`);
    expect(list.body.runs.map((run) => run.name)).toEqual(['Third', 'First']);
    const rows = await getApp().database.query<{ deleted: boolean }>(
      'select deleted_at is not null as deleted from review_runs where id = $1',
      [ids[1]],
    );
    expect(rows[0]?.deleted).toBe(true);
  });

  it('answers 404 for another user’s brand, run or avatar, and 401 without a session', async () => {
    const owner = await newUser(() => getApp().client());
    const other = await newUser(() => getApp().client());
    const run = (await paste(owner.client, owner.brandId, 'Lovely scent.')).body.run;
    const avatar = (
      await owner.client.post<{ item: WorkspaceItem }>(`/api/brands/${owner.brandId}/collections/avatar`, {
        data: { name: 'Maya', voice: { reviews: 'Lovely.' } },
        sources: {},
      })
    ).body.item;
    const theirs = base(owner.brandId);
    const mine = base(other.brandId);
    const attempts: [string, string, unknown?][] = [
      ['GET', `${theirs}/runs`],
      ['GET', `${theirs}/runs/${run.id}`],
      ['GET', `${mine}/runs/${run.id}`],
      ['GET', `${mine}/runs/${run.id}/reviews`],
      ['GET', `${mine}/runs/${run.id}/export.csv`],
      ['GET', `${mine}/runs/${run.id}/export.pdf`],
      ['DELETE', `${mine}/runs/${run.id}`],
      ['POST', `${theirs}/runs`, { source: 'paste', text: 'Nice.' }],
      ['POST', `${mine}/runs`, { source: 'avatar', avatarId: avatar.id }],
      ['GET', `${mine}/runs/${run.id}/proposals?target=canvas&field=purpose`],
      [
        'POST',
        `${mine}/runs/${run.id}/proposals/accept`,
        { target: { kind: 'canvas', field: 'purpose' }, text: 'x', baseVersion: 0 },
      ],
    ];
    for (const [method, path, json] of attempts) {
      const response = await other.client.request<ErrorBody>(
        method,
        path,
        json === undefined ? {} : { json },
      );
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
    // The other user's own run cannot point at the owner's avatar either.
    const ownRun = (await paste(other.client, other.brandId, 'Lovely scent.')).body.run;
    const foreignAvatar = await other.client.get<ErrorBody>(
      `${mine}/runs/${ownRun.id}/proposals?target=avatar&avatarId=${avatar.id}`,
    );
    expect(foreignAvatar.status).toBe(404);
    const badId = await other.client.get<ErrorBody>(`${mine}/runs/not-a-uuid`);
    expect(badId.status).toBe(400);
    const anonymous = getApp().client();
    expect((await anonymous.get(`${theirs}/runs`)).status).toBe(401);
    expect((await upload(anonymous, `${theirs}/runs/upload`, utf8('Review\nFine'))).status).toBe(401);
  });
});
