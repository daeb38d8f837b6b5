import { afterEach, expect, it } from 'vitest';
import type { DiagnosticResult } from '../../core/diagnostic/contracts.ts';
import type { KnowledgeHit } from '../../core/knowledge/contracts.ts';
import { emptyAvatarData } from '../../core/workspace/avatar.ts';
import type { SaveItemResponse, WorkspaceItem } from '../../core/workspace/items.ts';
import { DAY_MS, ManualClock } from '../platform/clock.ts';
import { createKnowledgeBackfill } from '../platform/knowledge/backfill.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  signUp,
  type TestApp,
  type TestClient,
} from '../testing/harness.ts';
import { KNOWLEDGE_BACKFILL_JOB, KNOWLEDGE_BACKFILL_RUN_KEY } from './knowledge-backfill.ts';

// Starts at the real time: brands are soft-deleted at the real time, and the purge goes by this clock.
const clock = new ManualClock();

const ANSWERS = {
  'insight-motivation': 2,
  'insight-customer-clarity': 2,
  'distinctive-difference': 2,
  'distinctive-assets': 2,
  'empathetic-bond': 2,
  'empathetic-messaging': 2,
  'authentic-transparency': 2,
  'authentic-consistency': 2,
};

async function search(client: TestClient, brandId: string, query: string): Promise<KnowledgeHit[]> {
  const response = await client.get<{ hits: KnowledgeHit[] }>(
    `/api/brands/${brandId}/knowledge/search?q=${encodeURIComponent(query)}`,
  );
  expect(response.status, response.text).toBe(200);
  return response.body.hits;
}

async function put(client: TestClient, path: string, data: Record<string, unknown>): Promise<string> {
  const response = await client.request<SaveItemResponse>('PUT', path, {
    json: { baseVersion: 0, data, sources: {} },
  });
  expect(response.status, response.text).toBe(200);
  return response.body.item.id as string;
}

async function passages(testApp: TestApp): Promise<{ id: string; source_id: string }[]> {
  return testApp.database.query('select id, source_id from knowledge_chunks order by id');
}

async function passageCount(testApp: TestApp, sourceId: string): Promise<number> {
  const [row] = await testApp.database.query<{ count: number }>(
    'select count(*)::int as count from knowledge_chunks where source_id = $1',
    [sourceId],
  );
  return row?.count ?? 0;
}

describeOnEachDatabase(
  'knowledge backfill: what was saved before the index existed',
  (getApp) => {
    // Both databases' suites share the clock (and start their app with it): back to the real time.
    afterEach(() => clock.set(new Date()));

    it('indexes every live item and owned diagnostic once, skipping deleted ones and what is indexed already', async () => {
      const testApp = getApp();
      const client = testApp.client();
      await signUp(client);
      const brandId = await defaultBrandId(client);
      const canvasId = await put(client, `/api/brands/${brandId}/items/canvas`, {
        mission: 'Bring slow-roasted coffee to village shops.',
      });
      const avatar = emptyAvatarData();
      avatar.name = 'Weekend Walker';
      avatar.voice.reviews = 'Great beans.\n\nThe grinder jammed on the second morning.';
      const created = await client.post<{ item: WorkspaceItem }>(
        `/api/brands/${brandId}/collections/avatar`,
        {
          data: avatar,
        },
      );
      const avatarId = created.body.item.id as string;
      const removed = await client.post<{ item: WorkspaceItem }>(
        `/api/brands/${brandId}/collections/avatar`,
        {
          data: { ...avatar, name: 'Removed' },
        },
      );
      const learningId = await put(client, `/api/brands/${brandId}/items/learning`, {
        completed: { insight: ['insight-why'], distinctive: [], empathetic: [], authentic: [] },
      });
      const diagnostic = { questionnaireVersion: 1, answers: ANSWERS };
      const taken = await client.post<{ result: DiagnosticResult }>('/api/diagnostic/results', diagnostic);
      const anonymous = await testApp
        .client()
        .post<{ result: DiagnosticResult }>('/api/diagnostic/results', diagnostic);
      expect([taken.status, anonymous.status]).toEqual([201, 201]);
      const other = await client.post<{ brand: { id: string } }>('/api/brands', { name: 'Closed shop' });
      const closedCanvasId = await put(client, `/api/brands/${other.body.brand.id}/items/canvas`, {
        mission: 'Coffee for a shop that closed.',
      });
      expect((await client.request('DELETE', `/api/brands/${other.body.brand.id}`)).status).toBe(204);
      expect((await client.request('DELETE', `/api/items/${removed.body.item.id}`)).status).toBe(204);

      // As before this release: the rows exist, their passages do not.
      await testApp.database.query('delete from knowledge_chunks');
      expect(await search(client, brandId, 'roasted coffee')).toEqual([]);

      // Enqueued once at start-up; a second start (same run key) does not queue it again.
      const [queued] = await testApp.database.query<{ status: string }>(
        'select status from jobs where name = $1 and run_key = $2',
        [KNOWLEDGE_BACKFILL_JOB, KNOWLEDGE_BACKFILL_RUN_KEY],
      );
      expect(queued?.status).toBe('pending');
      const jobs = testApp.app.services.jobs;
      expect(await jobs.enqueue(KNOWLEDGE_BACKFILL_JOB, {}, { runKey: KNOWLEDGE_BACKFILL_RUN_KEY })).toBe(
        false,
      );
      await jobs.tick();
      const [done] = await testApp.database.query<{ status: string }>(
        'select status from jobs where name = $1 and run_key = $2',
        [KNOWLEDGE_BACKFILL_JOB, KNOWLEDGE_BACKFILL_RUN_KEY],
      );
      expect(done?.status).toBe('done');

      expect((await search(client, brandId, 'roasted coffee')).map((hit) => hit.sourceId)).toEqual([
        canvasId,
      ]);
      expect((await search(client, brandId, 'grinder jammed'))[0]?.href).toBe(
        `/app/avatars/${avatarId}#review-2`,
      );
      expect((await search(client, brandId, '"hunch from conversations"'))[0]?.sourceId).toBe(
        taken.body.result.id,
      );
      for (const untouched of [
        removed.body.item.id as string,
        learningId,
        anonymous.body.result.id,
        closedCanvasId,
      ]) {
        expect(await passageCount(testApp, untouched)).toBe(0);
      }

      // Running again (a retry, another instance) changes nothing: every source has its passages.
      const before = await passages(testApp);
      const backfill = createKnowledgeBackfill({
        database: testApp.database,
        knowledge: testApp.app.services.knowledge,
        pageSize: 1,
      });
      expect(await backfill.run()).toEqual({ itemsIndexed: 0, diagnosticsIndexed: 0, examined: 0 });
      expect(await passages(testApp)).toEqual(before);

      // Page by page (one row per page here), it still covers everything.
      await testApp.database.query('delete from knowledge_chunks');
      const report = await backfill.run();
      expect(report).toMatchObject({ itemsIndexed: 2, diagnosticsIndexed: 1 });
      expect((await passages(testApp)).length).toBe(before.length);
    });

    it('keeps a deleted brand’s passages out of every search until its purge removes them', async () => {
      const testApp = getApp();
      const client = testApp.client();
      const { user } = await signUp(client);
      const closed = await client.post<{ brand: { id: string } }>('/api/brands', { name: 'Closing down' });
      const closedId = closed.body.brand.id;
      const canvasId = await put(client, `/api/brands/${closedId}/items/canvas`, {
        vision: 'Marmalade subscriptions for lighthouses.',
      });
      expect(await search(client, closedId, 'marmalade')).toHaveLength(1);
      expect((await client.request('DELETE', `/api/brands/${closedId}`)).status).toBe(204);

      expect(await passageCount(testApp, canvasId)).toBeGreaterThan(0);
      const knowledge = testApp.app.services.knowledge;
      const request = { userId: user.id, brandId: closedId, query: 'marmalade lighthouses' };
      expect(await knowledge.search(request)).toEqual([]);
      expect(await knowledge.retrieve(request)).toEqual([]);

      clock.advance((testApp.config.retention.softDeletedDays + 1) * DAY_MS);
      await testApp.app.services.jobs.tick();
      expect(await passageCount(testApp, canvasId)).toBe(0);
    });
  },
  { clock },
);
