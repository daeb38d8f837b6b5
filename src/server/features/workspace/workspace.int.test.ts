import { expect, it } from 'vitest';
import type { Brand, WorkspaceItem } from '../../../core/workspace/items.ts';
import {
  defaultBrand,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestClient,
} from '../../testing/harness.ts';

interface ConflictBody {
  error: ErrorBody['error'] & { current: WorkspaceItem };
}

const canvasPath = (brandId: string) => `/api/brands/${brandId}/items/canvas`;

async function saveCanvas(
  client: TestClient,
  brandId: string,
  baseVersion: number,
  data: Record<string, unknown>,
) {
  return client.request<{ item: WorkspaceItem }>('PUT', canvasPath(brandId), {
    json: { baseVersion, data, sources: {} },
  });
}

describeOnEachDatabase('workspace: brands and items', (getApp) => {
  async function newUser(): Promise<{ client: TestClient; brand: Brand }> {
    const client = getApp().client();
    await signUp(client);
    return { client, brand: await defaultBrand(client) };
  }

  it('gives every account one default brand, and manages brands (create, rename, delete, not the last)', async () => {
    const { client, brand } = await newUser();
    expect(brand.name).toBe('My brand');
    // Listing again never creates a second default.
    const again = await client.get<{ brands: Brand[] }>('/api/brands');
    expect(again.body.brands).toHaveLength(1);

    const lastDelete = await client.request<ErrorBody>('DELETE', `/api/brands/${brand.id}`);
    expect(lastDelete.status).toBe(409);

    const created = await client.post<{ brand: Brand }>('/api/brands', { name: '  Second Brand  ' });
    expect(created.status).toBe(201);
    expect(created.body.brand.name).toBe('Second Brand');

    const renamed = await client.request<{ brand: Brand }>('PATCH', `/api/brands/${created.body.brand.id}`, {
      json: { name: 'Renamed' },
    });
    expect(renamed.body.brand.name).toBe('Renamed');

    for (const name of ['', '   ', 'x'.repeat(81)]) {
      const bad = await client.post<ErrorBody>('/api/brands', { name });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    }
    const unknownField = await client.post<ErrorBody>('/api/brands', { name: 'Ok', owner: 'x' });
    expect(unknownField.status).toBe(400);

    const deleted = await client.request('DELETE', `/api/brands/${created.body.brand.id}`);
    expect(deleted.status).toBe(204);
    const list = await client.get<{ brands: Brand[] }>('/api/brands');
    expect(list.body.brands.map((entry) => entry.id)).toEqual([brand.id]);
  });

  it('saves a singleton with versions and answers a stale save with 409 and the current copy', async () => {
    const { client, brand } = await newUser();
    const empty = await client.get<{ item: WorkspaceItem }>(canvasPath(brand.id));
    expect(empty.status).toBe(200);
    expect(empty.body.item).toMatchObject({ id: null, version: 0, kind: 'canvas' });
    expect(empty.body.item.data.purpose).toBe('');

    const first = await saveCanvas(client, brand.id, 0, { purpose: 'Help makers sell with pride' });
    expect(first.status).toBe(200);
    expect(first.body.item.version).toBe(1);
    // Defaults fill what was not sent.
    expect(first.body.item.data).toMatchObject({ purpose: 'Help makers sell with pride', values: [] });

    const second = await client.request<{ item: WorkspaceItem }>('PUT', canvasPath(brand.id), {
      json: { baseVersion: 1, data: { purpose: 'Second tab text', vision: 'A' }, sources: { vision: 'ai' } },
    });
    expect(second.body.item.version).toBe(2);
    expect(second.body.item.sources).toEqual({ vision: 'ai' });

    // A tab that still holds version 1 loses nothing: it gets the server's copy to choose from.
    const stale = await saveCanvas(client, brand.id, 1, { purpose: 'Older tab text' });
    expect(stale.status).toBe(409);
    const conflict = stale.body as unknown as ConflictBody;
    expect(conflict.error.code).toBe('CONFLICT');
    expect(conflict.error.current).toMatchObject({ version: 2, data: { purpose: 'Second tab text' } });
    // Only the field both copies changed is in question (ADR 0027; merge.int.test.ts covers merging).
    expect((stale.body as unknown as { error: { conflicts: unknown } }).error.conflicts).toEqual([
      { path: 'purpose', yours: 'Older tab text', theirs: 'Second tab text' },
    ]);

    const now = await client.get<{ item: WorkspaceItem }>(canvasPath(brand.id));
    expect(now.body.item.data.purpose).toBe('Second tab text');
  });

  it('lets exactly one of two racing first saves win; the other gets 409', async () => {
    const { client, brand } = await newUser();
    const results = await Promise.all(
      ['A', 'B', 'C', 'D'].map((letter) => saveCanvas(client, brand.id, 0, { purpose: letter })),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 409, 409, 409]);
    const item = await client.get<{ item: WorkspaceItem }>(canvasPath(brand.id));
    expect(item.body.item.version).toBe(1);
  });

  it('rejects bad input with field paths and overwrites nothing', async () => {
    const { client, brand } = await newUser();
    await saveCanvas(client, brand.id, 0, { purpose: 'Kept' });
    const cases: Array<{ body: unknown; path?: string }> = [
      { body: { baseVersion: 1, data: { purpose: 'x'.repeat(1001) }, sources: {} }, path: 'data.purpose' },
      {
        body: {
          baseVersion: 1,
          data: { values: Array.from({ length: 13 }, (_, i) => `v${i}`) },
          sources: {},
        },
        path: 'data.values',
      },
      { body: { baseVersion: 1, data: { values: ['same', 'Same'] }, sources: {} }, path: 'data.values' },
      { body: { baseVersion: 1, data: { colour: 'red' }, sources: {} }, path: 'data' },
      { body: { baseVersion: 1, data: { purpose: 42 }, sources: {} }, path: 'data.purpose' },
      { body: { baseVersion: 1, data: {}, sources: { purpose: 'robot' } } },
      { body: { baseVersion: -1, data: {}, sources: {} } },
      { body: { data: {}, sources: {} } },
    ];
    for (const { body, path } of cases) {
      const response = await client.request<ErrorBody>('PUT', canvasPath(brand.id), { json: body });
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      if (path) expect(response.body.error.details?.map((detail) => detail.path)).toContain(path);
    }
    const enumCase = await client.request<ErrorBody>('PUT', `/api/brands/${brand.id}/items/insight`, {
      json: { baseVersion: 0, data: { shopperType: 'bargain-hunter' }, sources: {} },
    });
    expect(enumCase.status).toBe(400);
    expect(enumCase.body.error.details?.[0]?.path).toBe('data.shopperType');

    const unknownKind = await client.get<ErrorBody>(`/api/brands/${brand.id}/items/avatar`);
    expect(unknownKind.status).toBe(400);
    const badId = await client.get<ErrorBody>('/api/brands/not-a-uuid/items/canvas');
    expect(badId.status).toBe(400);
    const notJson = await client.request<ErrorBody>('PUT', canvasPath(brand.id), {
      body: '{"baseVersion":',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);

    const after = await client.get<{ item: WorkspaceItem }>(canvasPath(brand.id));
    expect(after.body.item).toMatchObject({ version: 1, data: { purpose: 'Kept' } });
  });

  it('keeps avatars as a collection: create, list, read, save, duplicate, delete', async () => {
    const { client, brand } = await newUser();
    const collection = `/api/brands/${brand.id}/collections/avatar`;
    const created = await client.post<{ item: WorkspaceItem }>(collection, {
      data: { name: 'Maya', psychology: { fears: ['Wasting money'] } },
      sources: {},
    });
    expect(created.status).toBe(201);
    const avatar = created.body.item;
    expect(avatar).toMatchObject({ kind: 'avatar', version: 1 });
    expect(avatar.data).toMatchObject({
      name: 'Maya',
      psychology: { fears: ['Wasting money'], desires: [] },
    });

    const saved = await client.request<{ item: WorkspaceItem }>('PUT', `/api/items/${avatar.id}`, {
      json: { baseVersion: 1, data: { ...avatar.data, name: 'Maya R.' }, sources: {} },
    });
    expect(saved.body.item.version).toBe(2);

    const copy = await client.post<{ item: WorkspaceItem }>(`/api/items/${avatar.id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body.item.data.name).toBe('Maya R. (copy)');
    expect(copy.body.item.id).not.toBe(avatar.id);

    const list = await client.get<{ items: WorkspaceItem[] }>(collection);
    expect(list.body.items.map((item) => item.data.name)).toEqual(['Maya R.', 'Maya R. (copy)']);

    const canvasCopy = await saveCanvas(client, brand.id, 0, { purpose: 'p' });
    const noDuplicate = await client.post<ErrorBody>(`/api/items/${canvasCopy.body.item.id}/duplicate`);
    expect(noDuplicate.status).toBe(400);

    expect((await client.request('DELETE', `/api/items/${avatar.id}`)).status).toBe(204);
    expect((await client.get(`/api/items/${avatar.id}`)).status).toBe(404);
    expect((await client.request('DELETE', `/api/items/${avatar.id}`)).status).toBe(404);
    const after = await client.get<{ items: WorkspaceItem[] }>(collection);
    expect(after.body.items).toHaveLength(1);

    const badAvatar = await client.post<ErrorBody>(collection, { data: { name: '' }, sources: {} });
    expect(badAvatar.status).toBe(400);
  });

  it('keeps revisions, shows any of them and restores one as a new version', async () => {
    const { client, brand } = await newUser();
    let version = 0;
    for (const purpose of ['one', 'two', 'three']) {
      const response = await saveCanvas(client, brand.id, version, { purpose });
      version = response.body.item.version;
    }
    const itemId = (await client.get<{ item: WorkspaceItem }>(canvasPath(brand.id))).body.item.id as string;
    const revisions = await client.get<{ revisions: Array<{ version: number; origin: string }> }>(
      `/api/items/${itemId}/revisions`,
    );
    expect(revisions.body.revisions.map((entry) => [entry.version, entry.origin])).toEqual([
      [3, 'edit'],
      [2, 'edit'],
      [1, 'create'],
    ]);
    const one = await client.get<{ revision: { data: { purpose: string } } }>(
      `/api/items/${itemId}/revisions/1`,
    );
    expect(one.body.revision.data.purpose).toBe('one');

    const staleRestore = await client.post<ErrorBody>(`/api/items/${itemId}/revisions/1/restore`, {
      baseVersion: 2,
    });
    expect(staleRestore.status).toBe(409);
    const restored = await client.post<{ item: WorkspaceItem }>(`/api/items/${itemId}/revisions/1/restore`, {
      baseVersion: 3,
    });
    expect(restored.status).toBe(200);
    expect(restored.body.item).toMatchObject({ version: 4, data: { purpose: 'one' } });
    const missing = await client.get<ErrorBody>(`/api/items/${itemId}/revisions/99`);
    expect(missing.status).toBe(404);
    const badVersion = await client.get<ErrorBody>(`/api/items/${itemId}/revisions/zero`);
    expect(badVersion.status).toBe(400);
  });

  it('keeps the last 50 revisions of an item', async () => {
    const { client, brand } = await newUser();
    let version = 0;
    for (let index = 1; index <= 55; index += 1) {
      const response = await saveCanvas(client, brand.id, version, { purpose: `draft ${index}` });
      version = response.body.item.version;
    }
    const itemId = (await client.get<{ item: WorkspaceItem }>(canvasPath(brand.id))).body.item.id as string;
    const revisions = await client.get<{ revisions: Array<{ version: number }> }>(
      `/api/items/${itemId}/revisions`,
    );
    expect(revisions.body.revisions).toHaveLength(50);
    expect(revisions.body.revisions.at(0)?.version).toBe(55);
    expect(revisions.body.revisions.at(-1)?.version).toBe(6);
    expect((await client.get(`/api/items/${itemId}/revisions/5`)).status).toBe(404);
  });

  it('answers 404 to another user for every brand and item id, and changes nothing', async () => {
    const owner = await newUser();
    const canvas = await saveCanvas(owner.client, owner.brand.id, 0, { purpose: 'Mine' });
    const avatar = await owner.client.post<{ item: WorkspaceItem }>(
      `/api/brands/${owner.brand.id}/collections/avatar`,
      { data: { name: 'Private' }, sources: {} },
    );
    const itemIds = [canvas.body.item.id as string, avatar.body.item.id as string];
    const other = await newUser();
    const brandId = owner.brand.id;
    const attempts: Array<[string, string, unknown?]> = [
      ['PATCH', `/api/brands/${brandId}`, { name: 'Taken over' }],
      ['DELETE', `/api/brands/${brandId}`],
      ['GET', `/api/brands/${brandId}/items/canvas`],
      ['PUT', `/api/brands/${brandId}/items/canvas`, { baseVersion: 1, data: { purpose: 'x' }, sources: {} }],
      ['GET', `/api/brands/${brandId}/collections/avatar`],
      ['POST', `/api/brands/${brandId}/collections/avatar`, { data: { name: 'x' }, sources: {} }],
      ...itemIds.flatMap(
        (itemId): Array<[string, string, unknown?]> => [
          ['GET', `/api/items/${itemId}`],
          ['PUT', `/api/items/${itemId}`, { baseVersion: 1, data: { name: 'x', purpose: 'x' }, sources: {} }],
          ['DELETE', `/api/items/${itemId}`],
          ['POST', `/api/items/${itemId}/duplicate`],
          ['GET', `/api/items/${itemId}/revisions`],
          ['GET', `/api/items/${itemId}/revisions/1`],
          ['POST', `/api/items/${itemId}/revisions/1/restore`, { baseVersion: 1 }],
        ],
      ),
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
    const stillMine = await owner.client.get<{ item: WorkspaceItem }>(canvasPath(brandId));
    expect(stillMine.body.item).toMatchObject({ version: 1, data: { purpose: 'Mine' } });
    const brands = await owner.client.get<{ brands: Brand[] }>('/api/brands');
    expect(brands.body.brands[0]?.name).toBe('My brand');
  });

  it('hides the items of a deleted brand', async () => {
    const { client } = await newUser();
    const extra = await client.post<{ brand: Brand }>('/api/brands', { name: 'Short-lived' });
    const brandId = extra.body.brand.id;
    const saved = await saveCanvas(client, brandId, 0, { purpose: 'Gone soon' });
    await client.request('DELETE', `/api/brands/${brandId}`);
    expect((await client.get(canvasPath(brandId))).status).toBe(404);
    expect((await client.get(`/api/items/${saved.body.item.id}`)).status).toBe(404);
  });

  it('saves a known item in one statement, and still refuses a deleted item, a deleted brand or another user', async () => {
    const { client } = await newUser();
    const extra = await client.post<{ brand: Brand }>('/api/brands', { name: 'Short-lived' });
    const brandId = extra.body.brand.id;
    const create = (name: string) =>
      client.post<{ item: WorkspaceItem }>(`/api/brands/${brandId}/collections/avatar`, {
        data: { name },
        sources: {},
      });
    const kept = (await create('Maya')).body.item;
    const dropped = (await create('Leo')).body.item;

    const statements: string[] = [];
    const stop = getApp().database.onQuery((event) => statements.push(event.text));
    const saved = await client.request<{ item: WorkspaceItem }>('PUT', `/api/items/${kept.id}`, {
      json: { baseVersion: 1, data: { name: 'Maya B.' }, sources: {} },
    });
    stop();
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.item).toMatchObject({ id: kept.id, version: 2, data: { name: 'Maya B.' } });
    // The save's own statements. The session is re-checked when its cache entry has turned stale (5
    // s, ADR 0061 — a slow machine gets there during this test), its use is recorded once a minute,
    // and shared rate-limit counts are flushed on a timer: none of them is the save's.
    const own = statements.filter((text) => !/\b(sessions|rate_limits)\b/.test(text));
    expect(own, statements.join('\n---\n')).toHaveLength(1);
    // Someone else's save in between: the one statement finds no row and the save merges as ever.
    const stale = await client.request<{ item: WorkspaceItem }>('PUT', `/api/items/${kept.id}`, {
      json: { baseVersion: 1, data: { name: 'Maya B.', demographics: { occupation: 'Baker' } }, sources: {} },
    });
    expect(stale.status, stale.text).toBe(200);
    expect(stale.body.item.version).toBe(3);

    const other = (await newUser()).client;
    const foreign = await other.request<ErrorBody>('PUT', `/api/items/${kept.id}`, {
      json: { baseVersion: 3, data: { name: 'Taken' }, sources: {} },
    });
    expect(foreign.status).toBe(404);

    expect((await client.request('DELETE', `/api/items/${dropped.id}`)).status).toBe(204);
    const deletedItem = await client.request<ErrorBody>('PUT', `/api/items/${dropped.id}`, {
      json: { baseVersion: 1, data: { name: 'Back?' }, sources: {} },
    });
    expect(deletedItem.status).toBe(404);

    expect((await client.request('DELETE', `/api/brands/${brandId}`)).status).toBe(204);
    const deletedBrand = await client.request<ErrorBody>('PUT', `/api/items/${kept.id}`, {
      json: { baseVersion: 3, data: { name: 'Maya C.' }, sources: {} },
    });
    expect(deletedBrand.status).toBe(404);
    const revisions = await client.get(`/api/items/${kept.id}/revisions`);
    expect(revisions.status).toBe(404);
  });

  it('feeds the workspace to the coach: the offline coach quotes what the user wrote', async () => {
    const { client, brand } = await newUser();
    async function askCoach(): Promise<string> {
      const session = await client.post<{ id: string }>('/api/ai/chat/sessions', { brandId: brand.id });
      expect(session.status).toBe(201);
      const turn = await client.post(`/api/ai/chat/sessions/${session.body.id}/messages`, {
        content: 'How do I understand why my customers buy?',
      });
      expect(turn.status).toBe(200);
      // The answer streams as `delta` events; join their text.
      return [...turn.text.matchAll(/^event: delta\ndata: (.*)$/gm)]
        .map((match) => (JSON.parse(match[1] ?? '{}') as { text: string }).text)
        .join('');
    }
    const before = await askCoach();
    // Nothing saved yet: the answer says which Insight sections are still empty, and where.
    expect(before).toContain('Fill in buyer intent, buyer motivation');
    expect(before).toContain('[Insight module](/app/idea/insight)');

    const saved = await client.request('PUT', `/api/brands/${brand.id}/items/insight`, {
      json: {
        baseVersion: 0,
        data: { buyerMotivation: 'They want dinner ready without guilt' },
        sources: {},
      },
    });
    expect(saved.status).toBe(200);
    const after = await askCoach();
    expect(after).toContain('They want dinner ready without guilt');
  });

  it('keeps conversations per brand, and the coach reads the conversation’s brand', async () => {
    const { client, brand: first } = await newUser();
    const second = (await client.post<{ brand: Brand }>('/api/brands', { name: 'Second' })).body.brand;
    await client.request('PUT', `/api/brands/${second.id}/items/insight`, {
      json: { baseVersion: 0, data: { buyerMotivation: 'Only the second brand says this' }, sources: {} },
    });
    const inFirst = await client.post<{ id: string; brandId: string }>('/api/ai/chat/sessions', {
      brandId: first.id,
    });
    const inSecond = await client.post<{ id: string; brandId: string }>('/api/ai/chat/sessions', {
      brandId: second.id,
    });
    expect(inSecond.status).toBe(201);
    expect(inSecond.body.brandId).toBe(second.id);

    const listed = await client.get<{ sessions: Array<{ id: string }> }>(
      `/api/ai/chat/sessions?brandId=${second.id}`,
    );
    expect(listed.body.sessions.map((session) => session.id)).toEqual([inSecond.body.id]);
    const one = await client.get<{ id: string; brandId: string }>(`/api/ai/chat/sessions/${inFirst.body.id}`);
    expect(one.body).toMatchObject({ id: inFirst.body.id, brandId: first.id });

    async function answerIn(sessionId: string): Promise<string> {
      const turn = await client.post(`/api/ai/chat/sessions/${sessionId}/messages`, {
        content: 'Why do my customers buy?',
      });
      return [...turn.text.matchAll(/^event: delta\ndata: (.*)$/gm)]
        .map((match) => (JSON.parse(match[1] ?? '{}') as { text: string }).text)
        .join('');
    }
    expect(await answerIn(inSecond.body.id)).toContain('Only the second brand says this');
    expect(await answerIn(inFirst.body.id)).not.toContain('Only the second brand says this');

    const stranger = await newUser();
    const foreign = await stranger.client.post<ErrorBody>('/api/ai/chat/sessions', { brandId: second.id });
    expect(foreign.status).toBe(404);
    expect((await stranger.client.get(`/api/ai/chat/sessions/${inFirst.body.id}`)).status).toBe(404);
  });
});
