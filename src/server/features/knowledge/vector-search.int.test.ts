/**
 * Brand knowledge search by meaning (ADR 0036), against the recording OpenAI-compatible test server
 * and its deterministic bag-of-concepts embeddings. On PGlite (which bundles pgvector) and on a
 * PostgreSQL server that has pgvector, passages get vectors through the embedding job and searches
 * fuse both rankings; on a PostgreSQL server without it (Debian's PostgreSQL 15 here) the same app
 * reports full-text only and searches exactly as before, without ever calling the embeddings API.
 */
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import type { KnowledgeHit } from '../../../core/knowledge/contracts.ts';
import type { SystemStatus } from '../../../core/system/contracts.ts';
import { monthOf } from '../../ai/spend.ts';
import { EMBED_REQUEST_DELAY_MS, KNOWLEDGE_EMBED_JOB } from '../../jobs/knowledge-embeddings.ts';
import { grantAdminRole } from '../../platform/auth/admin-bootstrap.ts';
import { ManualClock } from '../../platform/clock.ts';
import { setUpKnowledgeVectors } from '../../platform/knowledge/vectors.ts';
import { startFakeOpenAi } from '../../testing/fake-openai.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  TEST_DATABASE_URL,
  type TestApp,
  type TestClient,
  uniqueEmail,
} from '../../testing/harness.ts';
import { pollUntil } from '../../testing/poll.ts';

const fake = await startFakeOpenAi({});
afterAll(() => fake.close());

/** Whether the PostgreSQL server the tests use has pgvector to offer (Debian's PostgreSQL 15: no). */
async function postgresOffersVector(): Promise<boolean> {
  if (!TEST_DATABASE_URL) return false;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query("select 1 from pg_available_extensions where name = 'vector'")).rowCount === 1;
  } finally {
    await client.end();
  }
}
const POSTGRES_HAS_VECTOR = await postgresOffersVector();

/** USD per million tokens: 100 makes every token cost 100 micro-dollars, easy to check. */
const EMBEDDING_PRICE = 100;
const env = {
  AI_BASE_URL: fake.baseUrl,
  AI_API_KEY: 'test-key',
  AI_MODEL: 'test-model',
  AI_PRICES: JSON.stringify({ 'test-model': { inputPerMTok: 0.5, outputPerMTok: 1.5 } }),
  AI_EMBEDDING_MODEL: 'test-embedding',
  AI_EMBEDDING_PRICE_PER_MTOK: String(EMBEDDING_PRICE),
  AI_RETRY_BASE_MS: '10',
  AI_RETRY_MAX_MS: '200',
};

/** Refunds, said without any word of the question below. */
const REFUNDS = 'Refunds are issued within thirty days to every buyer who asks.';
/** Shares no word with REFUNDS (full-text finds nothing) but two of its concepts (customer, refund). */
const MONEY_BACK_QUESTION = 'How do customers get their money back?';
const CANDLES = 'We pour soy candles by hand in Leeds with a clean fragrance.';
const TAPERS = 'Our tapers burn for ninety hours without smoke.';
const GRASSE = 'Fragrance from Grasse, blended in Leeds.';
/** Like MONEY_BACK_QUESTION, in other words (so it is not in the embedding cache yet). */
const SHOPPERS_QUESTION = 'Can shoppers get their money back?';

const clock = new ManualClock();

interface SearchBody {
  hits: KnowledgeHit[];
}

async function newOwner(testApp: TestApp): Promise<{ client: TestClient; brandId: string; userId: string }> {
  const client = testApp.client();
  const { user } = await signUp(client);
  return { client, brandId: await defaultBrandId(client), userId: user.id };
}

async function saveCanvas(
  client: TestClient,
  brandId: string,
  version: number,
  data: Record<string, unknown>,
) {
  const response = await client.request('PUT', `/api/brands/${brandId}/items/canvas`, {
    json: { baseVersion: version, data, sources: {} },
  });
  expect(response.status, response.text).toBe(200);
}

async function search(
  client: TestClient,
  brandId: string,
  query: string,
  extra = '',
): Promise<KnowledgeHit[]> {
  const response = await client.get<SearchBody>(
    `/api/brands/${brandId}/knowledge/search?q=${encodeURIComponent(query)}${extra}`,
  );
  expect(response.status, response.text).toBe(200);
  return response.body.hits;
}

const snippetText = (hit: KnowledgeHit | undefined) => hit?.snippet.map((part) => part.text).join('') ?? '';
const marked = (hit: KnowledgeHit | undefined) =>
  hit?.snippet.filter((part) => part.match).map((part) => part.text.toLowerCase()) ?? [];

/** Every text the embeddings API has been asked for so far. */
const embeddedTexts = () => fake.embeddingRequests.flatMap((request) => request.body.input ?? []);

async function unembeddedPassages(testApp: TestApp, userId: string): Promise<number> {
  const [row] = await testApp.database.query<{ count: number }>(
    `select count(*)::int as count from knowledge_chunks c
     where c.user_id = $1 and not exists (select 1 from knowledge_embeddings e where e.chunk_id = c.id)`,
    [userId],
  );
  return row?.count ?? 0;
}

/** Waits for the save's request for an embedding run, then lets the queue run it. */
async function runEmbeddingJob(testApp: TestApp): Promise<void> {
  await pollUntil(
    async () =>
      (
        await testApp.database.query("select 1 from jobs where name = $1 and status = 'pending'", [
          KNOWLEDGE_EMBED_JOB,
        ])
      ).length > 0,
    Boolean,
    { description: 'a queued knowledge.embed run' },
  );
  clock.advance(EMBED_REQUEST_DELAY_MS);
  await testApp.app.services.jobs.tick();
}

async function ledger(testApp: TestApp, userId: string, task: string) {
  return testApp.database.query<{
    outcome: string;
    input_tokens: number;
    cost_micros: number;
    model: string;
  }>(
    `select outcome, input_tokens, cost_micros::int as cost_micros, model from ai_calls
     where user_id = $1 and task = $2 order by created_at`,
    [userId, task],
  );
}

async function adminStatus(testApp: TestApp): Promise<SystemStatus> {
  const admin = testApp.client();
  const email = uniqueEmail('vector-admin');
  await signUp(admin, { email });
  await grantAdminRole(testApp.database, email);
  const response = await admin.get<SystemStatus>('/api/admin/system');
  expect(response.status, response.text).toBe(200);
  return response.body;
}

describeOnEachDatabase(
  'brand knowledge search by meaning',
  (getApp, kind) => {
    const vectors = kind === 'pglite' || POSTGRES_HAS_VECTOR;

    it('reports on the admin System page how knowledge is searched, and why', async () => {
      const { knowledge } = await adminStatus(getApp());
      if (vectors) {
        expect(knowledge.search).toMatchObject({
          mode: 'full-text-and-vectors',
          embeddingModel: 'test-embedding',
          vectorExtension: { status: 'enabled' },
          reasons: [],
        });
        expect(knowledge.search.vectorExtension.version).toMatch(/^\d+\.\d+/);
        expect(knowledge.search.passages).toEqual({
          total: expect.any(Number),
          embedded: expect.any(Number),
        });
      } else {
        expect(knowledge.search).toEqual({
          mode: 'full-text',
          embeddingModel: 'test-embedding',
          vectorExtension: { status: 'not-installed', version: null },
          reasons: [
            {
              code: 'extension-not-installed',
              message: expect.stringMatching(/does not have the pgvector extension installed/),
            },
          ],
          passages: null,
        });
      }
    });

    if (!vectors) {
      it('searches by words alone, exactly as without a model, and never calls the embeddings API', async () => {
        const testApp = getApp();
        const requestsBefore = fake.embeddingRequests.length;
        const { client, brandId } = await newOwner(testApp);
        await saveCanvas(client, brandId, 0, { purpose: REFUNDS, mission: CANDLES });
        await testApp.app.services.jobs.tick();

        expect(await search(client, brandId, MONEY_BACK_QUESTION)).toEqual([]);
        const [hit, extra] = await search(client, brandId, 'buyer refunds');
        expect(extra).toBeUndefined();
        expect(hit?.label).toBe('Brand canvas · Purpose');
        expect(marked(hit)).toEqual(['refunds', 'buyer']);
        expect(fake.embeddingRequests.length).toBe(requestsBefore);
        expect(testApp.app.services.jobs.registered().map((job) => job.name)).not.toContain(
          KNOWLEDGE_EMBED_JOB,
        );
        const [table] = await testApp.database.query<{ name: string | null }>(
          "select to_regclass('knowledge_embeddings')::text as name",
        );
        expect(table?.name).toBeNull();
      });
      return;
    }

    it('finds by meaning a passage that shares no word with the question, once the job gave it a vector', async () => {
      const testApp = getApp();
      const { client, brandId, userId } = await newOwner(testApp);
      const requestsBefore = fake.embeddingRequests.length;
      await saveCanvas(client, brandId, 0, { purpose: REFUNDS, mission: CANDLES });

      // Saved without a vector (no provider call during the save): words only, exactly as before.
      expect(fake.embeddingRequests.length).toBe(requestsBefore);
      expect(await unembeddedPassages(testApp, userId)).toBe(2);
      expect(await search(client, brandId, MONEY_BACK_QUESTION)).toEqual([]);

      await runEmbeddingJob(testApp);
      expect(await unembeddedPassages(testApp, userId)).toBe(0);
      const [batch, extraBatch] = fake.embeddingRequests.slice(requestsBefore);
      expect(extraBatch).toBeUndefined();
      expect(batch?.body).toMatchObject({ model: 'test-embedding', encoding_format: 'float' });
      // Each passage is embedded with its label, which places it ("the mission", "a review").
      expect([...(batch?.body.input ?? [])].sort()).toEqual([
        `Brand canvas · Mission\n\n${CANDLES}`,
        `Brand canvas · Purpose\n\n${REFUNDS}`,
      ]);

      const hits = await search(client, brandId, MONEY_BACK_QUESTION);
      expect(hits.map((hit) => hit.label)).toEqual(['Brand canvas · Purpose']);
      // Found by meaning only: a plain snippet, nothing marked, and the usual link to the field.
      expect(hits[0]).toMatchObject({ href: '/app/canvas#field-purpose', sourceType: 'canvas' });
      expect(hits[0]?.snippet).toEqual([{ text: REFUNDS, match: false }]);

      // The coach's retrieval fuses the same way.
      const retrieved = await testApp.app.services.knowledge.retrieve({
        userId,
        brandId,
        query: MONEY_BACK_QUESTION,
      });
      expect(retrieved.map((hit) => hit.text)).toEqual([REFUNDS]);

      // Spend: the passages charged to their owner, the question to the one asking, at the model's price.
      const passages = await ledger(testApp, userId, 'embed-passages');
      expect(passages).toEqual([
        expect.objectContaining({ outcome: 'ok', model: 'test-embedding', input_tokens: expect.any(Number) }),
      ]);
      expect(passages[0]?.input_tokens).toBeGreaterThan(10);
      expect(passages[0]?.cost_micros).toBe((passages[0]?.input_tokens ?? 0) * EMBEDDING_PRICE);
      const questions = await ledger(testApp, userId, 'embed-query');
      expect(questions).toEqual([
        expect.objectContaining({ outcome: 'ok', input_tokens: 7, cost_micros: 700 }),
      ]);
      const [spend] = await testApp.database.query<{ spent: number }>(
        'select spent_micros::int as spent from ai_spend where key = $1',
        [`user:${userId}:${monthOf()}`],
      );
      expect(spend?.spent).toBe((passages[0]?.cost_micros ?? 0) + 700);
    });

    it('fuses both rankings: word hits keep their highlighted snippet, meaning-only hits join them', async () => {
      const testApp = getApp();
      const { client, brandId } = await newOwner(testApp);
      const clients = 'Every client can have their money back, no questions.';
      await saveCanvas(client, brandId, 0, { purpose: REFUNDS, vision: clients, mission: CANDLES });
      await runEmbeddingJob(testApp);

      const hits = await search(client, brandId, 'buyer refunds');
      expect(hits.map((hit) => hit.label)).toEqual(['Brand canvas · Purpose', 'Brand canvas · Vision']);
      // In both rankings: ts_headline's snippet with the matched words.
      expect(marked(hits[0])).toEqual(['refunds', 'buyer']);
      // By meaning only: its opening words, nothing marked.
      expect(hits[1]?.snippet).toEqual([{ text: clients, match: false }]);

      // Quotes, "or" and -word ask for exact words: full-text alone, the excluded word stays out.
      expect((await search(client, brandId, '"buyer refunds"')).map((hit) => hit.label)).toEqual([]);
      expect((await search(client, brandId, 'refunds -buyer')).map((hit) => hit.label)).toEqual([]);
      // A source-type filter applies to both rankings.
      expect(await search(client, brandId, 'buyer refunds', '&types=avatar')).toEqual([]);
    });

    it('never embeds the same text twice: not for a re-save, another user, or a repeated question', async () => {
      const testApp = getApp();
      const sentBefore = embeddedTexts().length;
      const sent = (text: string) =>
        embeddedTexts()
          .slice(sentBefore)
          .filter((input) => input.endsWith(text)).length;
      const first = await newOwner(testApp);
      await saveCanvas(first.client, first.brandId, 0, { purpose: TAPERS });
      await runEmbeddingJob(testApp);
      expect(sent(TAPERS)).toBe(1);

      // Saving the canvas again replaces its passages with new rows: only the changed text is embedded.
      await saveCanvas(first.client, first.brandId, 1, { purpose: TAPERS, mission: GRASSE });
      await runEmbeddingJob(testApp);
      expect(sent(TAPERS)).toBe(1);
      expect(sent(GRASSE)).toBe(1);
      expect(await unembeddedPassages(testApp, first.userId)).toBe(0);

      // Another user writing the same words reuses the vector: the text is not sent again.
      const second = await newOwner(testApp);
      await saveCanvas(second.client, second.brandId, 0, { purpose: TAPERS });
      await runEmbeddingJob(testApp);
      expect(sent(TAPERS)).toBe(1);
      expect(await unembeddedPassages(testApp, second.userId)).toBe(0);
      expect(await ledger(testApp, second.userId, 'embed-passages')).toEqual([]);

      // The same question twice is embedded once, and charged once.
      const question = 'Which tapers burn without smoke?';
      const [hit] = await search(second.client, second.brandId, question);
      expect(hit?.label).toBe('Brand canvas · Purpose');
      expect(await search(second.client, second.brandId, question)).toEqual([hit]);
      expect(sent(question)).toBe(1);
      expect(await ledger(testApp, second.userId, 'embed-query')).toHaveLength(1);
    });

    it('answers with full-text alone while the provider fails, and embeds what waited once it is back', async () => {
      const testApp = getApp();
      const { client, brandId, userId } = await newOwner(testApp);
      await saveCanvas(client, brandId, 0, { purpose: REFUNDS });
      await runEmbeddingJob(testApp);

      // The question's embedding fails (one quick attempt): words only, no error for the user.
      fake.embeddingQueue.push({ kind: 'status', status: 503 });
      expect(await search(client, brandId, SHOPPERS_QUESTION)).toEqual([]);
      expect(fake.embeddingQueue).toEqual([]);
      expect((await search(client, brandId, 'buyer refunds'))[0]?.label).toBe('Brand canvas · Purpose');
      // Once the provider answers again, the same question finds the passage by meaning.
      expect((await search(client, brandId, SHOPPERS_QUESTION)).map(snippetText)).toEqual([REFUNDS]);
      expect((await ledger(testApp, userId, 'embed-query')).map((row) => row.outcome)).toEqual([
        'fallback-outage',
        'ok',
      ]);

      // The job's batch fails through its retries: the passage waits, and the next run embeds it.
      await saveCanvas(client, brandId, 1, { purpose: REFUNDS, mission: `${CANDLES} Since 2019.` });
      fake.embeddingQueue.push(
        { kind: 'status', status: 500 },
        { kind: 'status', status: 500 },
        { kind: 'status', status: 500 },
      );
      await runEmbeddingJob(testApp);
      expect(fake.embeddingQueue).toEqual([]);
      expect(await unembeddedPassages(testApp, userId)).toBe(1);
      await testApp.app.services.jobs.enqueueUnlessWaiting(KNOWLEDGE_EMBED_JOB);
      await testApp.app.services.jobs.tick();
      expect(await unembeddedPassages(testApp, userId)).toBe(0);
    });

    it('embeds in batches charged to each passage’s owner, and says when a run ran out of calls', async () => {
      const testApp = getApp();
      const first = await newOwner(testApp);
      const second = await newOwner(testApp);
      await saveCanvas(first.client, first.brandId, 0, {
        purpose: 'Beeswax from Devon.',
        mission: 'Wicks of cotton.',
      });
      await saveCanvas(second.client, second.brandId, 0, { purpose: 'Jars made in Stoke.' });
      // The same store and embedder the app uses, driven by hand with a tiny batch.
      const { vectors: store } = await setUpKnowledgeVectors({
        database: testApp.database,
        embedder: testApp.app.services.ai.embeddings,
        minSimilarity: 0.3,
      });
      if (!store) throw new Error('vectors are available on this database');
      const requestsBefore = fake.embeddingRequests.length;
      // Passages are taken in owner order (user ids are random): the one call this run may make is
      // the batch of whichever owner comes first — two passages for the first owner, one for the second.
      const firstInOrder = first.userId < second.userId ? first : second;
      const firstBatch = firstInOrder === first ? 2 : 1;
      const cut = await store.embedPending({ batchSize: 2, maxBatches: 1 });
      expect(cut).toMatchObject({ embedded: firstBatch, stoppedBy: null, usersAtCap: 0, cutShort: true });
      expect(cut.pending).toBe(3 - firstBatch);
      const rest = await store.embedPending({ batchSize: 2 });
      expect(rest).toMatchObject({ embedded: 3 - firstBatch, stoppedBy: null, cutShort: false, pending: 0 });
      // One call per owner's batch, each in its owner's ledger.
      expect(
        fake.embeddingRequests.slice(requestsBefore).map((request) => request.body.input?.length),
      ).toEqual([expect.any(Number), expect.any(Number)]);
      for (const owner of [first, second]) {
        expect(await unembeddedPassages(testApp, owner.userId)).toBe(0);
        expect(await ledger(testApp, owner.userId, 'embed-passages')).toHaveLength(1);
      }
    });

    it('keeps another user’s brand out of reach of a search by meaning', async () => {
      const testApp = getApp();
      const owner = await newOwner(testApp);
      await saveCanvas(owner.client, owner.brandId, 0, { purpose: REFUNDS });
      await runEmbeddingJob(testApp);
      const stranger = await newOwner(testApp);
      const foreign = await stranger.client.get<ErrorBody>(
        `/api/brands/${owner.brandId}/knowledge/search?q=${encodeURIComponent(MONEY_BACK_QUESTION)}`,
      );
      expect(foreign.status).toBe(404);
      expect(await search(stranger.client, stranger.brandId, MONEY_BACK_QUESTION)).toEqual([]);
    });
  },
  { env, clock },
);

describeOnEachDatabase(
  'brand knowledge search by meaning at the spending cap',
  (getApp, kind) => {
    const vectors = kind === 'pglite' || POSTGRES_HAS_VECTOR;

    it('answers over the cap with full-text alone, never an error, and leaves only that owner’s passages waiting', async () => {
      const testApp = getApp();
      const { client, brandId, userId } = await newOwner(testApp);
      // The first call of the month is always admitted; its cost ($0.003+) passes this user's $0.002 cap.
      await saveCanvas(client, brandId, 0, { purpose: `${REFUNDS} ${CANDLES}` });
      if (vectors) await runEmbeddingJob(testApp);
      else await testApp.app.services.jobs.tick();

      const overCap = await search(client, brandId, MONEY_BACK_QUESTION);
      expect(overCap).toEqual([]);
      expect((await search(client, brandId, 'buyer refunds'))[0]?.label).toBe('Brand canvas · Purpose');
      if (!vectors) {
        expect(await ledger(testApp, userId, 'embed-query')).toEqual([]);
        return;
      }
      expect((await ledger(testApp, userId, 'embed-passages')).map((row) => row.outcome)).toEqual(['ok']);
      // Both questions were new to the cache; both were refused at the cap.
      expect((await ledger(testApp, userId, 'embed-query')).map((row) => row.outcome)).toEqual([
        'fallback-cap',
        'fallback-cap',
      ]);

      // A new passage of this owner waits; another owner's, in the same run, gets its vector.
      await saveCanvas(client, brandId, 1, { purpose: `${REFUNDS} ${CANDLES}`, vision: 'Calm evenings.' });
      const other = await newOwner(testApp);
      await saveCanvas(other.client, other.brandId, 0, { purpose: 'Lavender blends for shift workers.' });
      await runEmbeddingJob(testApp);
      expect(await unembeddedPassages(testApp, userId)).toBe(1);
      expect(await unembeddedPassages(testApp, other.userId)).toBe(0);
      const outcomes = (await ledger(testApp, userId, 'embed-passages')).map((row) => row.outcome);
      expect(outcomes).toEqual(['ok', 'fallback-cap']);
    });
  },
  { env: { ...env, AI_USER_MONTHLY_BUDGET_USD: '0.002' }, clock },
);
