import { unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, it } from 'vitest';
import type { AiTaskResponse, VoiceAnalysis } from '../../../core/ai/contracts.ts';
import { type AvatarData, emptyAvatarData } from '../../../core/workspace/avatar.ts';
import type { ReviewImport } from '../../../core/workspace/avatar-contracts.ts';
import { avatarVoiceRequest } from '../../../core/workspace/avatar-summary.ts';
import type { WorkspaceItem } from '../../../core/workspace/items.ts';
import {
  defaultBrand,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestClient,
} from '../../testing/harness.ts';

const REVIEWS = [
  'Love this backpack! The laptop sleeve is padded and the zips feel sturdy. Such a relief on my commute.',
  'The laptop sleeve fits my 15 inch machine perfectly and the straps are comfortable on long walks.',
  'Delivery was late by a week and the zip broke after a month. Very disappointed.',
  'Colleagues keep asking where I got it; I feel proud carrying it into meetings.',
];

function avatarData(): AvatarData {
  const data = emptyAvatarData();
  data.name = 'Commuting Chloé';
  data.demographics = {
    ageBand: '25-34',
    incomeBand: 'upper-middle',
    locationType: 'urban',
    occupation: 'Product designer',
    lifestyle: 'Cycles to a co-working space, works from cafés twice a week.',
  };
  data.psychology = {
    values: ['Durability', 'Design'],
    fears: ['Zip breaking'],
    desires: ['Comfortable straps'],
    triggers: ['relief', 'validation'],
  };
  data.buying = {
    intentType: 'commercial',
    shoppingStyle: 'quality-focused',
    priceSensitivity: 'low',
    decisionFactors: ['Reviews', 'Warranty'],
  };
  return data;
}

async function pdf(client: TestClient, itemId: string) {
  const response = await fetch(new URL(`/api/avatars/${itemId}/pdf`, client.baseUrl), {
    headers: { cookie: client.cookieHeader() },
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes };
}

describeOnEachDatabase('avatars: review import, voice-of-customer analysis, PDF report', (getApp) => {
  async function userWithAvatar(): Promise<{ client: TestClient; avatar: WorkspaceItem }> {
    const client = getApp().client();
    await signUp(client);
    const brand = await defaultBrand(client);
    const created = await client.post<{ item: WorkspaceItem }>(`/api/brands/${brand.id}/collections/avatar`, {
      data: avatarData(),
      sources: {},
    });
    expect(created.status).toBe(201);
    return { client, avatar: created.body.item };
  }

  it('imports pasted reviews (blank-line or line separated) and a CSV by its review column', async () => {
    const { client } = await userWithAvatar();
    const pasted = await client.post<ReviewImport>('/api/avatars/reviews/import', {
      format: 'text',
      text: 'First review\nstill the first.\n\n\nSecond review.\r\n\r\nThird.',
    });
    expect(pasted.status).toBe(200);
    expect(pasted.body).toEqual({
      reviews: ['First review still the first.', 'Second review.', 'Third.'],
      columns: [],
      column: null,
      omitted: 0,
    });

    const csv = [
      'id;rating;Review Text;date',
      '1;5;"Great bag; the sleeve is padded";2025-01-02',
      '2;2;"Zip broke after a month,',
      'very disappointed";2025-02-03',
      '3;4;;2025-03-01',
    ].join('\n');
    const imported = await client.post<ReviewImport>('/api/avatars/reviews/import', {
      format: 'csv',
      text: csv,
    });
    expect(imported.status).toBe(200);
    expect(imported.body.column).toBe('Review Text');
    expect(imported.body.columns).toEqual(['id', 'rating', 'Review Text', 'date']);
    expect(imported.body.reviews).toEqual([
      'Great bag; the sleeve is padded',
      'Zip broke after a month, very disappointed',
    ]);

    // No recognisable header: the column that reads like prose is chosen; the user may pick another.
    const guessed = await client.post<ReviewImport>('/api/avatars/reviews/import', {
      format: 'csv',
      text: `stars,words\n5,"The best bag I have owned in years"\n1,"Fell apart in the rain after a week"`,
    });
    expect(guessed.body.column).toBe('words');
    const chosen = await client.post<ReviewImport>('/api/avatars/reviews/import', {
      format: 'csv',
      text: 'stars,words\n5,Great\n1,Bad',
      column: 'STARS',
    });
    expect(chosen.body.reviews).toEqual(['5', '1']);
  });

  it('rejects an empty paste, a file that is not a CSV and a CSV without review text, with 400s', async () => {
    const { client } = await userWithAvatar();
    const cases: { body: Record<string, unknown>; path: string; message: RegExp }[] = [
      { body: { format: 'text', text: '  \n\n \t ' }, path: 'body.text', message: /at least one review/ },
      { body: { format: 'csv', text: '' }, path: 'body.text', message: /empty/ },
      {
        body: { format: 'csv', text: '%PDF-1.7\n\u0000\u0001\u0002binary stream' },
        path: 'body.text',
        message: /not a CSV/,
      },
      {
        body: { format: 'csv', text: 'review,rating\n"unterminated,5\n' },
        path: 'body.text',
        message: /not a valid CSV/,
      },
      {
        body: { format: 'csv', text: 'sku,stars,price\nA1,5,10\nB2,4,12' },
        path: 'body.column',
        message: /No column holds/,
      },
      { body: { format: 'csv', text: 'review,stars' }, path: 'body.text', message: /no reviews/ },
      {
        body: { format: 'csv', text: 'review,stars\nok,5', column: 'comment' },
        path: 'body.column',
        message: /no column/,
      },
    ];
    for (const { body, path, message } of cases) {
      const response = await client.post<ErrorBody>('/api/avatars/reviews/import', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.details?.[0]?.path).toBe(path);
      expect(response.body.error.message).toMatch(message);
    }
    const badFormat = await client.post<ErrorBody>('/api/avatars/reviews/import', {
      format: 'xlsx',
      text: 'a',
    });
    expect(badFormat.status).toBe(400);
    const oversized = await client.post<ErrorBody>('/api/avatars/reviews/import', {
      format: 'text',
      text: 'x'.repeat(900_001),
    });
    expect(oversized.status).toBe(400);
    // An empty review list never reaches the coach either.
    const emptyAnalysis = await client.post<ErrorBody>('/api/ai/avatar-voice', {
      avatar: { name: 'A' },
      reviews: [],
    });
    expect(emptyAnalysis.status).toBe(400);
    expect(emptyAnalysis.body.error.details?.[0]?.path).toBe('body.reviews');
  });

  it('analyses reviews through the coach, stores the analysis on the avatar and prints it in the PDF', async () => {
    const { client, avatar } = await userWithAvatar();
    const data = avatarData();
    const analysed = await client.post<AiTaskResponse>(
      '/api/ai/avatar-voice',
      avatarVoiceRequest(data, REVIEWS),
    );
    expect(analysed.status).toBe(200);
    expect(analysed.body.meta.provider).toBe('offline');
    const analysis = analysed.body.output as VoiceAnalysis;
    expect(analysis.reviewCount).toBe(4);
    expect(analysis.sentiment.positive).toBeGreaterThanOrEqual(2);
    expect(analysis.sentiment.negative).toBe(1);
    expect(analysis.keyPhrases.map((entry) => entry.phrase)).toContain('laptop sleeve');
    for (const quote of analysis.quotes)
      expect(REVIEWS.some((review) => review.includes(quote.text))).toBe(true);

    data.voice = {
      reviews: REVIEWS.join('\n\n'),
      analysis,
      analysedAt: new Date().toISOString(),
      analysedBy: 'offline',
    };
    const saved = await client.request<{ item: WorkspaceItem }>('PUT', `/api/items/${avatar.id}`, {
      json: { baseVersion: avatar.version, data, sources: {} },
    });
    expect(saved.status).toBe(200);
    const reread = await client.get<{ item: WorkspaceItem }>(`/api/items/${avatar.id}`);
    expect((reread.body.item.data as AvatarData).voice.analysis?.reviewCount).toBe(4);

    // A malformed analysis is refused like any other bad field.
    const badAnalysis = await client.request<ErrorBody>('PUT', `/api/items/${avatar.id}`, {
      json: {
        baseVersion: saved.body.item.version,
        data: { ...data, voice: { ...data.voice, analysis: { reviewCount: 'many' } } },
        sources: {},
      },
    });
    expect(badAnalysis.status).toBe(400);

    const { response, bytes } = await pdf(client, avatar.id ?? '');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="avatar-commuting-chloe.pdf"',
    );
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
    for (const expected of [
      'Commuting Chloé',
      'Product designer',
      'Durability',
      'Zip breaking',
      'Comfortable straps',
      'Relief',
      'Quality-focused',
      'Warranty',
      '4 reviews analysed by the offline coach',
      'laptop sleeve',
    ])
      expect(text).toContain(expected);
    const [firstQuote] = analysis.quotes;
    expect(text.replace(/\s+/g, ' ')).toContain(firstQuote?.text.slice(0, 30));
  });

  it('hides another user’s avatar (404) and refuses an item that is not an avatar', async () => {
    const { avatar } = await userWithAvatar();
    const other = getApp().client();
    await signUp(other);
    const stolen = await pdf(other, avatar.id ?? '');
    expect(stolen.response.status).toBe(404);

    const brand = await defaultBrand(other);
    const canvas = await other.request<{ item: WorkspaceItem }>(
      'PUT',
      `/api/brands/${brand.id}/items/canvas`,
      {
        json: { baseVersion: 0, data: {}, sources: {} },
      },
    );
    expect(canvas.status).toBe(200);
    const notAvatar = await pdf(other, canvas.body.item.id ?? '');
    expect(notAvatar.response.status).toBe(404);

    const badId = await other.get<ErrorBody>('/api/avatars/not-a-uuid/pdf');
    expect(badId.status).toBe(400);
    const anonymous = await getApp().client().get<ErrorBody>(`/api/avatars/${avatar.id}/pdf`);
    expect(anonymous.status).toBe(401);
  });

  it('puts each avatar’s PDF report into its owner’s account export, and only there', async () => {
    const { client, avatar } = await userWithAvatar();
    const other = getApp().client();
    await signUp(other);
    const otherBrand = await defaultBrand(other);
    const foreign = await other.post<{ item: WorkspaceItem }>(
      `/api/brands/${otherBrand.id}/collections/avatar`,
      {
        data: { ...emptyAvatarData(), name: 'Someone Else' },
        sources: {},
      },
    );
    expect(foreign.status).toBe(201);

    const reports = async (owner: TestClient) => {
      const response = await fetch(new URL('/api/account/export', owner.baseUrl), {
        headers: { cookie: owner.cookieHeader() },
      });
      expect(response.status).toBe(200);
      const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
      return Object.entries(files).filter(([name]) => name.startsWith('documents/avatar-reports/'));
    };

    const mine = await reports(client);
    expect(mine.map(([name]) => name)).toEqual([
      `documents/avatar-reports/avatar-my-brand-commuting-chloe-${avatar.id?.slice(0, 8)}.pdf`,
    ]);
    const [, bytes = new Uint8Array()] = mine[0] ?? [];
    const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
    expect(text).toContain('Commuting Chloé');
    expect(text).not.toContain('Someone Else');

    const theirs = await reports(other);
    expect(theirs.map(([name]) => name)).toEqual([
      `documents/avatar-reports/avatar-my-brand-someone-else-${foreign.body.item.id?.slice(0, 8)}.pdf`,
    ]);
  });
});
