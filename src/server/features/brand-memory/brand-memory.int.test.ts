/**
 * Brand memory over HTTP: the owner lists, adds, edits and deletes the facts the coach remembers per
 * brand; nobody else can see or touch them (404, like ids that do not exist); bad input is a 400
 * naming the field; a brand holds at most BRAND_MEMORY_MAX_PER_BRAND facts, never the same one twice,
 * even when saves race; facts are searchable (and citable) the moment they are saved; the account
 * export carries them and the retention job purges forgotten ones.
 */
import { unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import {
  BRAND_MEMORY_MAX_PER_BRAND,
  BRAND_MEMORY_TEXT_MAX,
  type BrandMemory,
  type BrandMemoryList,
} from '../../../core/brand-memory/contracts.ts';
import type { KnowledgeHit } from '../../../core/knowledge/contracts.ts';
import { DAY_MS, ManualClock } from '../../platform/clock.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestApp,
  type TestClient,
} from '../../testing/harness.ts';

const clock = new ManualClock();

const listPath = (brandId: string) => `/api/brands/${brandId}/memories`;
const memoryPath = (memoryId: string) => `/api/brand-memories/${memoryId}`;

async function remember(client: TestClient, brandId: string, text: string, source?: string) {
  const response = await client.post<{ memory: BrandMemory }>(listPath(brandId), {
    text,
    ...(source ? { source } : {}),
  });
  expect(response.status, response.text).toBe(201);
  return response.body.memory;
}

async function list(client: TestClient, brandId: string): Promise<BrandMemoryList> {
  const response = await client.get<BrandMemoryList>(listPath(brandId));
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function search(client: TestClient, brandId: string, query: string): Promise<KnowledgeHit[]> {
  const response = await client.get<{ hits: KnowledgeHit[] }>(
    `/api/brands/${brandId}/knowledge/search?q=${encodeURIComponent(query)}`,
  );
  expect(response.status, response.text).toBe(200);
  return response.body.hits;
}

async function owner(testApp: TestApp) {
  const client = testApp.client();
  const { user } = await signUp(client);
  return { client, user, brandId: await defaultBrandId(client) };
}

describeOnEachDatabase(
  'brand memory',
  (getApp) => {
    it('lists, adds, edits and forgets facts per brand, and search finds them at once', async () => {
      clock.set(new Date());
      const { client, brandId } = await owner(getApp());
      expect(await list(client, brandId)).toEqual({ memories: [], limit: BRAND_MEMORY_MAX_PER_BRAND });

      const nurses = await remember(client, brandId, '  Our customers are   mostly\nnurses.  ');
      expect(nurses).toMatchObject({ brandId, text: 'Our customers are mostly nurses.', source: 'owner' });
      const online = await remember(client, brandId, 'We only sell online.', 'coach-suggested');
      expect(online.source).toBe('coach-suggested');
      expect((await list(client, brandId)).memories.map((memory) => memory.text)).toEqual([
        'Our customers are mostly nurses.',
        'We only sell online.',
      ]);

      // A saved fact is a passage of the brand's knowledge, linked to its place on the memory page.
      const [hit] = await search(client, brandId, 'nurses');
      expect(hit).toMatchObject({
        sourceType: 'memory',
        sourceId: nurses.id,
        label: 'Brand memory',
        href: `/app/brand-memory#memory-${nurses.id}`,
      });

      const edited = await client.request<{ memory: BrandMemory }>('PATCH', memoryPath(nurses.id), {
        json: { text: 'Our customers are mostly night-shift midwives.' },
      });
      expect(edited.status, edited.text).toBe(200);
      expect(edited.body.memory).toMatchObject({
        id: nurses.id,
        text: 'Our customers are mostly night-shift midwives.',
        source: 'owner',
        createdAt: nurses.createdAt,
      });
      expect(await search(client, brandId, 'nurses')).toEqual([]);
      expect((await search(client, brandId, 'midwives')).map((found) => found.sourceId)).toEqual([nurses.id]);

      const forgotten = await client.request('DELETE', memoryPath(online.id));
      expect(forgotten.status).toBe(204);
      expect((await list(client, brandId)).memories.map((memory) => memory.id)).toEqual([nurses.id]);
      expect(await search(client, brandId, 'online')).toEqual([]);
      expect((await client.request('DELETE', memoryPath(online.id))).status).toBe(404);
      const editGone = await client.request('PATCH', memoryPath(online.id), { json: { text: 'Back again' } });
      expect(editGone.status).toBe(404);

      // Each brand remembers its own facts.
      const other = await client.post<{ brand: { id: string } }>('/api/brands', { name: 'Second brand' });
      expect(other.status).toBe(201);
      expect((await list(client, other.body.brand.id)).memories).toEqual([]);
      await remember(client, other.body.brand.id, 'Our customers are mostly nurses.');
      expect(await search(client, brandId, 'nurses')).toEqual([]);
    });

    it('refuses bad input with a 400 naming the field, and a fact the brand already remembers with a 409', async () => {
      const { client, brandId } = await owner(getApp());
      const cases: [unknown, string][] = [
        [{ text: '   ' }, 'body.text'],
        [{ text: 'x'.repeat(BRAND_MEMORY_TEXT_MAX + 1) }, 'body.text'],
        [{ text: 42 }, 'body.text'],
        [{}, 'body.text'],
        [{ text: 'We only sell online.', source: 'admin' }, 'body.source'],
        [{ text: 'We only sell online.', pinned: true }, 'body'],
      ];
      for (const [body, path] of cases) {
        const response = await client.post<ErrorBody>(listPath(brandId), body);
        expect(response.status, JSON.stringify(body)).toBe(400);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
        expect(response.body.error.details?.map((detail) => detail.path).join(' ')).toContain(path);
      }
      const notAnId = await client.request<ErrorBody>('PATCH', memoryPath('not-a-uuid'), {
        json: { text: 'fine' },
      });
      expect(notAnId.status).toBe(400);
      // Exactly the limit fits.
      const longest = await remember(client, brandId, 'y'.repeat(BRAND_MEMORY_TEXT_MAX));
      expect(longest.text).toHaveLength(BRAND_MEMORY_TEXT_MAX);

      const first = await remember(client, brandId, 'We only sell online.');
      const again = await client.post<ErrorBody & { error: { current: BrandMemory } }>(listPath(brandId), {
        text: 'we only  sell online',
      });
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({ code: 'CONFLICT', current: { id: first.id } });
      expect(again.body.error.message).toContain('already remembers');
      const second = await remember(client, brandId, 'Our prices start at £18.');
      const clash = await client.request<ErrorBody>('PATCH', memoryPath(second.id), {
        json: { text: 'We only sell online' },
      });
      expect(clash.status).toBe(409);
      // Saving a fact as it is (or with another case) is not a clash with itself.
      const same = await client.request('PATCH', memoryPath(second.id), {
        json: { text: 'Our prices START at £18.' },
      });
      expect(same.status).toBe(200);
    });

    it('keeps at most the limit per brand, even when saves race', async () => {
      const { client, brandId } = await owner(getApp());
      const testApp = getApp();
      // Seed up to two below the limit through the service's own rules, then race five saves.
      for (let index = 0; index < BRAND_MEMORY_MAX_PER_BRAND - 2; index += 1) {
        await remember(client, brandId, `Fact number ${index + 1} about the brand.`);
      }
      const racing = await Promise.all(
        Array.from({ length: 5 }, (_, index) =>
          client.post<ErrorBody>(listPath(brandId), { text: `A racing fact ${index + 1}.` }),
        ),
      );
      expect(racing.map((response) => response.status).sort()).toEqual([201, 201, 409, 409, 409]);
      const full = racing.find((response) => response.status === 409);
      expect(full?.body.error.message).toBe(
        `The coach can remember up to ${BRAND_MEMORY_MAX_PER_BRAND} facts per brand. Delete or combine some before adding another.`,
      );
      expect((await list(client, brandId)).memories).toHaveLength(BRAND_MEMORY_MAX_PER_BRAND);
      const [row] = await testApp.database.query<{ count: number }>(
        `select count(*)::int as count from knowledge_chunks where brand_id = $1 and source_type = 'memory'`,
        [brandId],
      );
      expect(row?.count).toBe(BRAND_MEMORY_MAX_PER_BRAND);
    });

    it('answers 404 for another user’s brand or fact, and for a deleted brand', async () => {
      const testApp = getApp();
      const alice = await owner(testApp);
      const bob = await owner(testApp);
      const fact = await remember(alice.client, alice.brandId, 'Our customers are mostly nurses.');

      expect((await bob.client.get(listPath(alice.brandId))).status).toBe(404);
      expect((await bob.client.post(listPath(alice.brandId), { text: 'We sell by post.' })).status).toBe(404);
      const edit = await bob.client.request<ErrorBody>('PATCH', memoryPath(fact.id), {
        json: { text: 'Hijacked.' },
      });
      expect(edit.status).toBe(404);
      expect(edit.body.error.code).toBe('NOT_FOUND');
      expect((await bob.client.request('DELETE', memoryPath(fact.id))).status).toBe(404);
      expect((await list(alice.client, alice.brandId)).memories).toEqual([fact]);
      expect(await search(bob.client, bob.brandId, 'nurses')).toEqual([]);

      // A deleted brand's facts are gone with it.
      const second = await alice.client.post<{ brand: { id: string } }>('/api/brands', { name: 'Old brand' });
      const old = await remember(alice.client, second.body.brand.id, 'We ship from Leeds.');
      expect((await alice.client.request('DELETE', `/api/brands/${second.body.brand.id}`)).status).toBe(204);
      expect((await alice.client.get(listPath(second.body.brand.id))).status).toBe(404);
      expect((await alice.client.request('PATCH', memoryPath(old.id), { json: { text: 'x' } })).status).toBe(
        404,
      );
    });

    it('is in the account export, and a forgotten fact is purged after the retention period', async () => {
      clock.set(new Date());
      const testApp = getApp();
      const { client, brandId } = await owner(testApp);
      const kept = await remember(client, brandId, 'Our customers are mostly nurses.');
      const forgotten = await remember(client, brandId, 'We only sell online.');
      expect((await client.request('DELETE', memoryPath(forgotten.id))).status).toBe(204);

      const response = await fetch(new URL('/api/account/export', client.baseUrl), {
        headers: { cookie: client.cookieHeader() },
      });
      expect(response.status).toBe(200);
      const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
      const exported = JSON.parse(new TextDecoder().decode(files['data/brand_memories.json'])) as {
        rows: { id: string; text: string; deleted_at: string | null }[];
      };
      expect(exported.rows.find((row) => row.id === kept.id)).toMatchObject({
        text: kept.text,
        deleted_at: null,
      });

      // Soft deletes are stamped by the database's clock; align them with the job's.
      await testApp.database.query('update brand_memories set deleted_at = $2::timestamptz where id = $1', [
        forgotten.id,
        clock.now().toISOString(),
      ]);
      const exists = async (id: string) =>
        (await testApp.database.query('select 1 from brand_memories where id = $1', [id])).length === 1;
      await testApp.app.services.jobs.tick();
      expect(await exists(forgotten.id)).toBe(true);
      clock.advance(testApp.config.retention.softDeletedDays * DAY_MS + DAY_MS);
      await testApp.app.services.jobs.tick();
      expect(await exists(forgotten.id)).toBe(false);
      expect(await exists(kept.id)).toBe(true);
      clock.set(new Date());
    });
  },
  { clock },
);
