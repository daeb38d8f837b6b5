import { expect, it } from 'vitest';
import type { SaveItemResponse, WorkspaceItem } from '../../../core/workspace/items.ts';
import { REVISIONS_KEPT } from '../../../core/workspace/items.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestClient,
} from '../../testing/harness.ts';

/** A 409 for a workspace save: the server's copy and each field changed on both sides. */
interface ConflictBody {
  error: ErrorBody['error'] & {
    current: WorkspaceItem;
    conflicts?: { path: string; yours: unknown; theirs: unknown }[];
  };
}

type Sources = Record<string, 'ai' | 'user'>;

const canvasPath = (brandId: string) => `/api/brands/${brandId}/items/canvas`;

function put<T = SaveItemResponse>(
  client: TestClient,
  path: string,
  baseVersion: number,
  data: Record<string, unknown>,
  sources: Sources = {},
) {
  return client.request<T>('PUT', path, { json: { baseVersion, data, sources } });
}

describeOnEachDatabase('workspace: concurrent edits merge per field', (getApp) => {
  async function newUser(): Promise<{ client: TestClient; brandId: string }> {
    const client = getApp().client();
    await signUp(client);
    return { client, brandId: await defaultBrandId(client) };
  }

  it('keeps both tabs’ edits to different canvas fields, with their coach markers, and says what merged', async () => {
    const { client, brandId } = await newUser();
    const path = canvasPath(brandId);
    const start = { purpose: 'Calm mornings', mission: 'Old mission', valueProposition: 'Old promise' };
    const base = await put(client, path, 0, start);
    expect(base.body.item.version).toBe(1);

    // Tab A changes Mission; tab B, still on version 1, accepts the coach's value proposition.
    const tabA = await put(client, path, 1, { ...start, mission: 'Mission from tab A' });
    expect(tabA.status).toBe(200);
    expect(tabA.body.mergedFields).toEqual([]);
    const tabB = await put(
      client,
      path,
      1,
      { ...start, valueProposition: 'Promise from tab B' },
      {
        valueProposition: 'ai',
      },
    );
    expect(tabB.status).toBe(200);
    expect(tabB.body.mergedFields).toEqual(['mission']);
    expect(tabB.body.item.version).toBe(3);
    expect(tabB.body.item.data).toMatchObject({
      purpose: 'Calm mornings',
      mission: 'Mission from tab A',
      valueProposition: 'Promise from tab B',
    });
    expect(tabB.body.item.sources).toEqual({ valueProposition: 'ai' });

    const reloaded = await client.get<{ item: WorkspaceItem }>(path);
    expect(reloaded.body.item).toMatchObject({ version: 3, data: tabB.body.item.data });
    // The merged copy is a revision like any other.
    const revisions = await client.get<{ revisions: { version: number }[] }>(
      `/api/items/${reloaded.body.item.id}/revisions`,
    );
    expect(revisions.body.revisions.map((revision) => revision.version)).toEqual([3, 2, 1]);
  });

  it('merges the same change made on both sides without asking', async () => {
    const { client, brandId } = await newUser();
    const path = canvasPath(brandId);
    await put(client, path, 0, { mission: 'Old' });
    await put(client, path, 1, { mission: 'Agreed' });
    const same = await put(client, path, 1, { mission: 'Agreed' });
    expect(same.status).toBe(200);
    expect(same.body.item.data.mission).toBe('Agreed');
  });

  it('answers a same-field conflict with 409 naming only that field and both values; resolving saves it', async () => {
    const { client, brandId } = await newUser();
    const path = canvasPath(brandId);
    const start = { mission: 'Old mission', valueProposition: 'Old promise', vision: 'Old vision' };
    await put(client, path, 0, start);
    await put(client, path, 1, { ...start, mission: 'Mission from tab A', vision: 'Vision from tab A' });

    const tabB = await put<ConflictBody>(client, path, 1, {
      ...start,
      mission: 'Mission from tab B',
      valueProposition: 'Promise from tab B',
    });
    expect(tabB.status).toBe(409);
    expect(tabB.body.error.code).toBe('CONFLICT');
    expect(tabB.body.error.conflicts).toEqual([
      { path: 'mission', yours: 'Mission from tab B', theirs: 'Mission from tab A' },
    ]);
    expect(tabB.body.error.current).toMatchObject({ version: 2, data: { mission: 'Mission from tab A' } });
    // Nothing of tab B was written.
    const untouched = await client.get<{ item: WorkspaceItem }>(path);
    expect(untouched.body.item).toMatchObject({ version: 2, data: { valueProposition: 'Old promise' } });

    // Tab B keeps its own Mission: it saves the settled copy on top of the current version.
    const current = tabB.body.error.current;
    const resolved = await put(client, path, current.version, {
      ...current.data,
      mission: 'Mission from tab B',
      valueProposition: 'Promise from tab B',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.item.data).toMatchObject({
      mission: 'Mission from tab B',
      valueProposition: 'Promise from tab B',
      vision: 'Vision from tab A',
    });
  });

  it('merges avatars leaf by leaf and conflicts only on the same leaf', async () => {
    const { client, brandId } = await newUser();
    const created = await client.post<{ item: WorkspaceItem }>(`/api/brands/${brandId}/collections/avatar`, {
      data: { name: 'Maya' },
      sources: {},
    });
    const avatar = created.body.item;
    const path = `/api/items/${avatar.id}`;
    const demographics = avatar.data.demographics as Record<string, unknown>;

    const tabA = await put(client, path, 1, {
      ...avatar.data,
      demographics: { ...demographics, ageBand: '25-34' },
    });
    expect(tabA.status).toBe(200);
    const tabB = await put(client, path, 1, {
      ...avatar.data,
      demographics: { ...demographics, occupation: 'Nurse' },
    });
    expect(tabB.status).toBe(200);
    expect(tabB.body.mergedFields).toEqual(['demographics.ageBand']);
    expect(tabB.body.item.data.demographics).toMatchObject({ ageBand: '25-34', occupation: 'Nurse' });

    const sameLeaf = await put<ConflictBody>(client, path, 1, {
      ...avatar.data,
      demographics: { ...demographics, ageBand: '45-54' },
    });
    expect(sameLeaf.status).toBe(409);
    expect(sameLeaf.body.error.conflicts).toEqual([
      { path: 'demographics.ageBand', yours: '45-54', theirs: '25-34' },
    ]);
  });

  it('treats a worksheet’s row list as one field', async () => {
    const { client, brandId } = await newUser();
    const path = `/api/brands/${brandId}/items/distinctive`;
    const teal = { type: 'colour', description: 'Teal', consistency: 'always' };
    await put(client, path, 0, { assets: [teal] });

    const addRow = await put(client, path, 1, {
      assets: [teal, { type: 'sound', description: 'Chime', consistency: 'mostly' }],
    });
    expect(addRow.status).toBe(200);
    // Positioning elsewhere merges with the new row.
    const positioning = await put(client, path, 1, { assets: [teal], positioning: 'For tired parents' });
    expect(positioning.status).toBe(200);
    expect(positioning.body.item.data).toMatchObject({ positioning: 'For tired parents' });
    expect(positioning.body.item.data.assets).toHaveLength(2);

    // Two copies editing the list both ways is a conflict on the whole list.
    const editRow = await put<ConflictBody>(client, path, 1, {
      assets: [{ ...teal, description: 'Deep teal' }],
    });
    expect(editRow.status).toBe(409);
    expect(editRow.body.error.conflicts?.map((conflict) => conflict.path)).toEqual(['assets']);
  });

  it('merges two first saves of different fields', async () => {
    const { client, brandId } = await newUser();
    const path = canvasPath(brandId);
    const results = await Promise.all([
      put(client, path, 0, { purpose: 'From tab A' }),
      put(client, path, 0, { vision: 'From tab B' }),
    ]);
    expect(results.map((result) => result.status)).toEqual([200, 200]);
    const item = await client.get<{ item: WorkspaceItem }>(path);
    expect(item.body.item.data).toMatchObject({ purpose: 'From tab A', vision: 'From tab B' });
    expect(item.body.item.version).toBe(2);
  });

  it('asks about every differing field when the base version is no longer kept', async () => {
    const { client, brandId } = await newUser();
    const path = canvasPath(brandId);
    await put(client, path, 0, { purpose: 'Same', mission: 'v1' });
    for (let version = 1; version <= REVISIONS_KEPT; version += 1) {
      const saved = await put(client, path, version, { purpose: 'Same', mission: `v${version + 1}` });
      expect(saved.status).toBe(200);
    }
    // Version 1's revision has been pruned: the server cannot tell who changed what.
    const ancient = await put<ConflictBody>(client, path, 1, {
      purpose: 'Same',
      mission: 'v1',
      vision: 'New',
    });
    expect(ancient.status).toBe(409);
    expect(ancient.body.error.conflicts?.map((conflict) => conflict.path).sort()).toEqual([
      'mission',
      'vision',
    ]);
  });

  it('never merges a restore: a stale restore is a plain conflict', async () => {
    const { client, brandId } = await newUser();
    const path = canvasPath(brandId);
    const first = await put(client, path, 0, { purpose: 'One' });
    await put(client, path, 1, { purpose: 'Two' });
    const itemId = first.body.item.id;
    const restore = await client.post<ConflictBody>(`/api/items/${itemId}/revisions/1/restore`, {
      baseVersion: 1,
    });
    expect(restore.status).toBe(409);
    expect(restore.body.error.conflicts).toBeUndefined();
    expect(restore.body.error.current.version).toBe(2);
  });
});
