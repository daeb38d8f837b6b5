import { expect, it } from 'vitest';
import type { DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import type { KnowledgeHit } from '../../../core/knowledge/contracts.ts';
import { emptyAvatarData } from '../../../core/workspace/avatar.ts';
import type { SaveItemResponse, WorkspaceItem } from '../../../core/workspace/items.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestApp,
  type TestClient,
} from '../../testing/harness.ts';
import { SEARCHES_PER_MINUTE } from './service.ts';

/** A complete take of the diagnostic; its "hunch from conversations" statement is searched for. */
const DIAGNOSTIC_ANSWERS = {
  'insight-motivation': 2,
  'insight-customer-clarity': 3,
  'distinctive-difference': 1,
  'distinctive-assets': 3,
  'empathetic-bond': 3,
  'empathetic-messaging': 4,
  'authentic-transparency': 2,
  'authentic-consistency': 3,
};

interface SearchBody {
  hits: KnowledgeHit[];
}

const searchPath = (brandId: string, query: string, extra = '') =>
  `/api/brands/${brandId}/knowledge/search?q=${encodeURIComponent(query)}${extra}`;

async function search(client: TestClient, brandId: string, query: string, extra = '') {
  const response = await client.get<SearchBody>(searchPath(brandId, query, extra));
  expect(response.status, response.text).toBe(200);
  return response.body.hits;
}

/** The snippet as plain text, and the words the search marked in it. */
const snippetText = (hit: KnowledgeHit) => hit.snippet.map((part) => part.text).join('');
const marked = (hit: KnowledgeHit) => hit.snippet.filter((part) => part.match).map((part) => part.text);

async function passageCount(testApp: TestApp, sourceId: string): Promise<number> {
  const [row] = await testApp.database.query<{ count: number }>(
    'select count(*)::int as count from knowledge_chunks where source_id = $1',
    [sourceId],
  );
  return row?.count ?? 0;
}

async function putItem(client: TestClient, path: string, baseVersion: number, data: Record<string, unknown>) {
  const response = await client.request<SaveItemResponse>('PUT', path, {
    json: { baseVersion, data, sources: {} },
  });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

function avatarWith(name: string, reviews: string, fears: string[] = []) {
  const avatar = emptyAvatarData();
  avatar.name = name;
  avatar.voice.reviews = reviews;
  avatar.psychology.fears = fears;
  return avatar;
}

async function createAvatar(client: TestClient, brandId: string, data: ReturnType<typeof avatarWith>) {
  const response = await client.post<{ item: WorkspaceItem }>(`/api/brands/${brandId}/collections/avatar`, {
    data,
  });
  expect(response.status, response.text).toBe(201);
  return response.body.item;
}

describeOnEachDatabase(
  'brand knowledge: kept current on every save, searchable by its owner only',
  (getApp) => {
    async function newOwner(): Promise<{ client: TestClient; brandId: string }> {
      const client = getApp().client();
      await signUp(client);
      return { client, brandId: await defaultBrandId(client) };
    }

    it('finds a canvas field as soon as it is saved, and no longer finds the text it replaced', async () => {
      const { client, brandId } = await newOwner();
      const canvas = `/api/brands/${brandId}/items/canvas`;
      await putItem(client, canvas, 0, { purpose: 'Help night-shift nurses sleep through daylight.' });

      const [hit, extra] = await search(client, brandId, 'nurses daylight');
      expect(extra).toBeUndefined();
      expect(hit).toMatchObject({
        sourceType: 'canvas',
        label: 'Brand canvas · Purpose',
        locator: { kind: 'canvas', field: 'purpose' },
        href: '/app/canvas#field-purpose',
      });
      expect(marked(hit as KnowledgeHit).map((word) => word.toLowerCase())).toEqual(['nurses', 'daylight']);

      const saved = await putItem(client, canvas, 1, {
        purpose: 'Give shift workers calm evenings with lavender blends.',
        values: ['Honesty', 'Craft'],
      });
      expect(saved.item.version).toBe(2);
      expect(await search(client, brandId, 'nurses daylight')).toEqual([]);
      const [updated] = await search(client, brandId, 'lavender evenings');
      expect(updated && snippetText(updated)).toContain('calm evenings with lavender blends');
      expect((await search(client, brandId, 'craft'))[0]?.href).toBe('/app/canvas#field-values');
    });

    it('rewrites only the passages of the fields a save changed', async () => {
      const { client, brandId } = await newOwner();
      const canvas = `/api/brands/${brandId}/items/canvas`;
      const first = await putItem(client, canvas, 0, {
        purpose: 'Help night-shift nurses sleep through daylight.',
        values: ['Honesty', 'Craft'],
      });
      const itemId = first.item.id as string;
      const passages = async () =>
        getApp().database.query<{ id: string; text: string; position: number }>(
          'select id, text, position from knowledge_chunks where source_id = $1 order by position',
          [itemId],
        );
      const about = <Row extends { text: string }>(rows: Row[], word: string) =>
        rows.find((row) => row.text.includes(word));
      const before = await passages();
      expect(before).toHaveLength(2);

      await putItem(client, canvas, 1, {
        purpose: 'Help night-shift nurses sleep through daylight.',
        values: ['Honesty', 'Patience'],
      });
      const after = await passages();
      expect(after).toHaveLength(2);
      // The purpose's passage is the same row; the values' passage was replaced.
      expect(about(after, 'nurses')).toEqual(about(before, 'nurses'));
      expect(about(after, 'Patience')?.id).toBeDefined();
      expect(about(after, 'Patience')?.id).not.toBe(about(before, 'Craft')?.id);
      expect(about(after, 'Craft')).toBeUndefined();
      expect(await search(client, brandId, 'craft')).toEqual([]);
      expect((await search(client, brandId, 'patience'))[0]?.href).toBe('/app/canvas#field-values');

      // Saving the same content again changes no passage at all.
      await putItem(client, canvas, 2, {
        purpose: 'Help night-shift nurses sleep through daylight.',
        values: ['Honesty', 'Patience'],
      });
      expect(await passages()).toEqual(after);

      // A field emptied loses its passage; the one before it in the page stays put.
      await putItem(client, canvas, 3, { purpose: 'Help night-shift nurses sleep through daylight.' });
      const last = await passages();
      expect(last).toEqual([about(before, 'nurses')]);
      expect(await search(client, brandId, 'patience')).toEqual([]);
    });

    it('indexes what a concurrent save merged, and what a restored revision brings back', async () => {
      const { client, brandId } = await newOwner();
      const insight = `/api/brands/${brandId}/items/insight`;
      await putItem(client, insight, 0, { buyerIntent: 'Gift buyers comparing hampers before Christmas.' });
      await putItem(client, insight, 1, {
        buyerIntent: 'Gift buyers comparing hampers before Christmas.',
        demographics: 'Grandparents in market towns.',
      });
      // A tab still on version 1 changes another field: the store merges both and indexes the result.
      const merged = await putItem(client, insight, 1, {
        buyerIntent: 'Gift buyers comparing hampers before Christmas.',
        buyerMotivation: 'They want the parcel to feel handmade.',
      });
      expect(merged.mergedFields).toEqual(['demographics']);
      expect((await search(client, brandId, 'grandparents'))[0]).toMatchObject({
        sourceType: 'worksheet',
        href: '/app/idea/insight#field-demographics',
      });
      expect((await search(client, brandId, 'parcel handmade'))[0]?.label).toBe(
        'Insight worksheet · Buyer motivation',
      );

      const itemId = merged.item.id as string;
      const restored = await client.post<{ item: WorkspaceItem }>(
        `/api/items/${itemId}/revisions/1/restore`,
        {
          baseVersion: merged.item.version,
        },
      );
      expect(restored.status, restored.text).toBe(200);
      expect(await search(client, brandId, 'grandparents')).toEqual([]);
      expect(await search(client, brandId, 'parcel handmade')).toEqual([]);
      expect(await search(client, brandId, 'hampers')).toHaveLength(1);

      // The trigger assessment is indexed as the chosen answers with their questions.
      await putItem(client, `/api/brands/${brandId}/items/trigger-assessment`, 0, {
        answers: { worry: 2 },
      });
      expect((await search(client, brandId, 'improve situation'))[0]).toMatchObject({
        sourceType: 'trigger-assessment',
        href: '/app/idea/insight#trigger-assessment',
      });

      // Learning progress is not knowledge: saving it adds no passage.
      const learning = await putItem(client, `/api/brands/${brandId}/items/learning`, 0, {
        completed: { insight: ['insight-why'], distinctive: [], empathetic: [], authentic: [] },
      });
      expect(await passageCount(getApp(), learning.item.id as string)).toBe(0);
    });

    it('finds a review pasted into an avatar with a link to that review, and forgets the avatar when it is deleted', async () => {
      const { client, brandId } = await newOwner();
      const avatar = await createAvatar(
        client,
        brandId,
        avatarWith(
          'Nurse Nina',
          'Smells lovely, arrived quickly.\n\nThe tin dented in the post but the wax still burned evenly for forty hours.',
          ['Headaches from synthetic fragrance'],
        ),
      );
      const [review] = await search(client, brandId, 'dented tin');
      expect(review).toMatchObject({
        sourceType: 'avatar',
        sourceId: avatar.id,
        label: 'Avatar Nurse Nina · Review 2',
        href: `/app/avatars/${avatar.id}#review-2`,
      });
      expect((await search(client, brandId, 'synthetic headaches'))[0]?.href).toBe(
        `/app/avatars/${avatar.id}#field-psychology-fears`,
      );

      // A copy is a second source with its own passages; the name in its label is the copy's.
      const copy = await client.post<{ item: WorkspaceItem }>(`/api/items/${avatar.id}/duplicate`);
      expect(copy.status, copy.text).toBe(201);
      const both = await search(client, brandId, 'dented tin');
      expect(both.map((hit) => hit.label).sort()).toEqual([
        'Avatar Nurse Nina (copy) · Review 2',
        'Avatar Nurse Nina · Review 2',
      ]);

      expect((await client.request('DELETE', `/api/items/${avatar.id}`)).status).toBe(204);
      expect(await passageCount(getApp(), avatar.id as string)).toBe(0);
      expect((await search(client, brandId, 'dented tin')).map((hit) => hit.sourceId)).toEqual([
        copy.body.item.id,
      ]);
      // Passing the type filter narrows; the copy's canvas-free brand has no canvas hit for it.
      expect(await search(client, brandId, 'dented tin', '&types=canvas,worksheet')).toEqual([]);
      expect(await search(client, brandId, 'dented tin', '&types=avatar')).toHaveLength(1);
    });

    it('finds the statement a diagnostic taker chose, signed in or claimed at sign-up, never while anonymous', async () => {
      const { client, brandId } = await newOwner();
      const answers = DIAGNOSTIC_ANSWERS;
      const taken = await client.post<{ result: DiagnosticResult }>('/api/diagnostic/results', {
        questionnaireVersion: 1,
        answers,
      });
      expect(taken.status, taken.text).toBe(201);
      const [hit] = await search(client, brandId, '"hunch from conversations"');
      expect(hit).toMatchObject({
        sourceType: 'diagnostic',
        sourceId: taken.body.result.id,
        href: `/diagnostic/results/${taken.body.result.id}`,
      });
      // Only the chosen statement, not the other options of the same question.
      expect(await search(client, brandId, '"assume it comes down to price"')).toEqual([]);

      const browser = getApp().client();
      const anonymous = await browser.post<{ result: DiagnosticResult }>('/api/diagnostic/results', {
        questionnaireVersion: 1,
        answers: { ...answers, 'distinctive-difference': 5 },
      });
      expect(anonymous.status).toBe(201);
      expect(await passageCount(getApp(), anonymous.body.result.id)).toBe(0);
      await signUp(browser);
      const claimedBrand = await defaultBrandId(browser);
      const [claimed] = await search(browser, claimedBrand, 'competitors find hard to copy');
      expect(claimed?.sourceId).toBe(anonymous.body.result.id);
    });

    it('gives the coach the newest diagnostic result only, while the search box finds each one', async () => {
      const { client, brandId } = await newOwner();
      const answers = DIAGNOSTIC_ANSWERS;
      const taken: string[] = [];
      for (const difference of [1, 5, 3]) {
        const response = await client.post<{ result: DiagnosticResult }>('/api/diagnostic/results', {
          questionnaireVersion: 1,
          answers: { ...answers, 'distinctive-difference': difference },
        });
        expect(response.status, response.text).toBe(201);
        taken.push(response.body.result.id);
      }
      const found = await search(client, brandId, 'diagnostic');
      expect(found.map((hit) => hit.sourceId).sort()).toEqual([...taken].sort());

      const userId = (await client.get<{ user: { id: string } }>('/api/session')).body.user.id;
      const retrieved = await getApp().app.services.knowledge.retrieve({
        userId,
        brandId,
        query: 'What did my IDEA diagnostic say about my competitors?',
      });
      expect(
        retrieved.filter((passage) => passage.sourceType === 'diagnostic').map((p) => p.sourceId),
      ).toEqual([taken[2]]);
    });

    it('never shows one owner’s knowledge to anyone else', async () => {
      const { client, brandId } = await newOwner();
      await putItem(client, `/api/brands/${brandId}/items/canvas`, 0, {
        vision: 'Zanzibar clove candles in every hotel lobby.',
      });
      expect(await search(client, brandId, 'zanzibar')).toHaveLength(1);

      const stranger = await newOwner();
      const theirs = await stranger.client.get<ErrorBody>(searchPath(brandId, 'zanzibar'));
      expect(theirs.status).toBe(404);
      expect(theirs.body.error.code).toBe('NOT_FOUND');
      expect(await search(stranger.client, stranger.brandId, 'zanzibar')).toEqual([]);
      // The index itself scopes by user as well as brand.
      const direct = await getApp().app.services.knowledge.retrieve({
        userId: (await stranger.client.get<{ user: { id: string } }>('/api/session')).body.user.id,
        brandId,
        query: 'zanzibar clove candles',
      });
      expect(direct).toEqual([]);
      expect((await getApp().client().get<ErrorBody>(searchPath(brandId, 'zanzibar'))).status).toBe(401);

      // A deleted brand is searched by nobody, its owner included.
      const second = await client.post<{ brand: { id: string } }>('/api/brands', { name: 'Second' });
      await putItem(client, `/api/brands/${second.body.brand.id}/items/canvas`, 0, {
        vision: 'Zanzibar again.',
      });
      expect((await client.request('DELETE', `/api/brands/${second.body.brand.id}`)).status).toBe(204);
      expect((await client.get(searchPath(second.body.brand.id, 'zanzibar'))).status).toBe(404);
      const ownerId = (await client.get<{ user: { id: string } }>('/api/session')).body.user.id;
      const stillIndexed = await getApp().app.services.knowledge.retrieve({
        userId: ownerId,
        brandId: second.body.brand.id,
        query: 'zanzibar',
      });
      expect(stillIndexed).toEqual([]);
    });

    it('answers bad search input with a 400 naming the field', async () => {
      const { client, brandId } = await newOwner();
      const cases: [string, string][] = [
        [`/api/brands/${brandId}/knowledge/search`, 'q'],
        [searchPath(brandId, '   '), 'q'],
        [searchPath(brandId, 'x'.repeat(301)), 'q'],
        [searchPath(brandId, 'ok', '&types=canvas,emails'), 'types'],
        [searchPath(brandId, 'ok', '&limit=0'), 'limit'],
        [searchPath(brandId, 'ok', '&limit=51'), 'limit'],
        [searchPath(brandId, 'ok', '&page=2'), ''],
        ['/api/brands/not-a-uuid/knowledge/search?q=ok', 'brandId'],
      ];
      for (const [path, field] of cases) {
        const response = await client.get<ErrorBody>(path);
        expect(response.status, path).toBe(400);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
        if (field)
          expect(response.body.error.details?.map((detail) => detail.path).join(',')).toContain(field);
      }
      // Search syntax never fails: stray operators and only stop words find nothing, quietly.
      for (const query of ['"unclosed', 'or or -', 'the and of', '!!! & | :*']) {
        expect(await search(client, brandId, query)).toEqual([]);
      }
    });

    it(`limits searches to ${SEARCHES_PER_MINUTE} a minute per user`, async () => {
      const { client, brandId } = await newOwner();
      for (let index = 0; index < SEARCHES_PER_MINUTE; index += 1) {
        const response = await client.get(searchPath(brandId, `word${index}`));
        expect(response.status).toBe(200);
      }
      const refused = await client.get<ErrorBody>(searchPath(brandId, 'one more'));
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another user has their own allowance.
      const other = await newOwner();
      expect((await other.client.get(searchPath(other.brandId, 'fine'))).status).toBe(200);
    });
  },
);
