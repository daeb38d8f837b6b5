/**
 * The vector half of brand knowledge search (docs/decisions/0036-vector-search-when-available.md):
 * one embedding per passage in `knowledge_embeddings`, made by a job after the passage is saved, and a
 * nearest-passages query for a question's embedding. It exists only where it can work — an embedding
 * model is configured and the database has the `vector` extension — so its table is created here at
 * start-up, not by a migration: a migration that needs pgvector would stop the app on a PostgreSQL
 * server without it.
 *
 * The embedder is injected (the AI engine's pipeline: caps, breaker, ledger, cache); this module only
 * stores and reads vectors.
 */
import { sql } from 'drizzle-orm';
import type { Chunk } from '../../../core/knowledge/chunking.ts';
import type { KnowledgeSourceType } from '../../../core/knowledge/sources.ts';
import type { Database } from '../../db/client.ts';
import {
  enableVectorExtension,
  VECTOR_SETUP_LOCK,
  type VectorExtensionState,
  vectorExtensionAvailable,
} from '../../db/vector.ts';
import { NEWEST_DIAGNOSTIC_ONLY } from './newest-diagnostic.ts';

/** What the knowledge index needs of the AI engine's embedding pipeline. */
export interface Embedder {
  /** The name the configured model's vectors are stored under; null when no model is configured. */
  readonly model: string | null;
  embed(request: {
    userId: string;
    texts: readonly string[];
    purpose: 'passages' | 'query';
  }): Promise<
    | { status: 'embedded'; vectors: number[][] }
    | { status: 'skipped'; reason: string; capScope?: 'global' | 'user'; cached: (number[] | null)[] }
  >;
}

export interface NearPassage extends Record<string, unknown> {
  id: string;
  source_type: KnowledgeSourceType;
  source_id: string;
  label: string;
  text: string;
  locator: Chunk['locator'];
  similarity: number;
}

export interface EmbedPendingReport {
  embedded: number;
  /** Owners whose passages wait because their own monthly AI cap is reached. */
  usersAtCap: number;
  /** Why the run stopped early (global cap, open circuit, outage, unusable answer); null if it did not. */
  stoppedBy: string | null;
  /** Passages still waiting when the run ended (including those of owners at their cap). */
  pending: number;
  /** The run used its share of provider calls with passages left that it could have embedded. */
  cutShort: boolean;
}

/** Passages per provider call, and calls per job run (a run then hands over to the next one). */
export const EMBED_BATCH_SIZE = 64;
export const EMBED_BATCHES_PER_RUN = 40;

/**
 * `brand_id` and `source_type` are copied from the passage (passages never change: a save replaces
 * them), so the nearest search scans the brand's vectors without reading its passages' text.
 */
const TABLE_DDL = `create table if not exists knowledge_embeddings (
  chunk_id uuid primary key references knowledge_chunks (id) on delete cascade,
  brand_id uuid not null,
  source_type text not null,
  model text not null,
  dimensions integer not null check (dimensions > 0),
  embedding vector not null,
  created_at timestamptz not null default now()
)`;
/**
 * Vectors stay in the row (compressed if they can be) rather than in the TOAST table: the nearest
 * search reads every vector of the brand, and fetching each from TOAST made it half again as slow
 * (1,536 dimensions on PGlite). Separate from the CREATE: PostgreSQL 15 has no STORAGE clause there.
 */
const STORAGE_DDL = 'alter table knowledge_embeddings alter column embedding set storage main';
const INDEX_DDL =
  'create index if not exists knowledge_embeddings_brand_idx on knowledge_embeddings (brand_id, model)';

const vectorLiteral = (vector: readonly number[]) => `[${vector.join(',')}]`;

/**
 * What is embedded for a passage: its label too ("Brand canvas · Mission"), which places the text —
 * a question about the mission is near the mission field even when the text never says "mission".
 */
export function embeddingInput(passage: { label: string; text: string }): string {
  return `${passage.label}\n\n${passage.text}`;
}

function groupByUser<Row extends { user_id: string }>(rows: Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(row.user_id, [...(groups.get(row.user_id) ?? []), row]);
  return groups;
}

export function createKnowledgeVectors(deps: {
  database: Database;
  embedder: Embedder & { readonly model: string };
  /** Passages less similar than this to the question are no match at all. */
  minSimilarity: number;
}) {
  const { database, embedder, minSimilarity } = deps;
  const model = embedder.model;

  async function pendingCount(): Promise<number> {
    const [row] = await database.query<{ count: number }>(
      `select count(*)::int as count from knowledge_chunks c
       where not exists (select 1 from knowledge_embeddings e where e.chunk_id = c.id and e.model = $1)`,
      [model],
    );
    return row?.count ?? 0;
  }

  async function store(rows: { id: string }[], vectors: number[][]): Promise<number> {
    const dimensions = vectors[0]?.length ?? 0;
    const insert = () =>
      database.query<{ chunk_id: string }>(
        `insert into knowledge_embeddings (chunk_id, brand_id, source_type, model, dimensions, embedding)
         select c.id, c.brand_id, c.source_type, $1, $2, entry.vector::vector
         from unnest($3::uuid[], $4::text[]) as entry(chunk_id, vector)
         join knowledge_chunks c on c.id = entry.chunk_id
         on conflict (chunk_id) do update set model = excluded.model, dimensions = excluded.dimensions,
           embedding = excluded.embedding, created_at = now()
         returning chunk_id`,
        [model, dimensions, rows.map((row) => row.id), vectors.map(vectorLiteral)],
      );
    try {
      return (await insert()).length;
    } catch (error) {
      // A save replaced some of these passages between reading and storing them (their rows are
      // gone): store the rest. The join leaves the deleted ones out the second time.
      if ((error as { code?: string }).code !== '23503') throw error;
      return (await insert()).length;
    }
  }

  return {
    model,

    /** Whether any of the brand's passages has a vector of the configured model. */
    async hasEmbeddings(userId: string, brandId: string): Promise<boolean> {
      const [row] = await database.query<{ present: boolean }>(
        `select exists (
           select 1 from knowledge_embeddings e join knowledge_chunks c on c.id = e.chunk_id and c.user_id = $1
           where e.brand_id = $2 and e.model = $3) as present`,
        [userId, brandId, model],
      );
      return row?.present === true;
    },

    /**
     * A question's vector, charged to the one asking (and cached by its text like any other); null
     * when it cannot be made now (cap, open circuit, outage) — the search then uses words alone.
     */
    async embedQuestion(userId: string, question: string): Promise<number[] | null> {
      const outcome = await embedder.embed({ userId, texts: [question], purpose: 'query' });
      return outcome.status === 'embedded' ? (outcome.vectors[0] ?? null) : null;
    },

    /**
     * The brand's passages nearest to `vector` by cosine distance, nearest first, down to the
     * similarity floor. An exact scan of the brand's passages: with the brand filter it is both
     * precise and fast at a brand's size (ADR 0036), where an approximate index would filter after.
     */
    async nearest(request: {
      userId: string;
      brandId: string;
      vector: readonly number[];
      sourceTypes: readonly KnowledgeSourceType[] | null;
      limit: number;
      /** The coach's retrieval: superseded diagnostic results are left out (NEWEST_DIAGNOSTIC_ONLY). */
      newestDiagnosticOnly?: boolean;
    }): Promise<NearPassage[]> {
      const rows = await database.query<NearPassage>(
        `with near as (
           select e.chunk_id, e.embedding <=> $5::vector as distance
           from knowledge_embeddings e
           where e.brand_id = $2 and e.model = $3 and e.dimensions = $4
             and ($6::text[] is null or e.source_type = any($6::text[]))
           order by distance, e.chunk_id
           limit $8)
         select c.id, c.source_type, c.source_id::text as source_id, c.label, c.text, c.locator,
                1 - near.distance as similarity
         from near
         join knowledge_chunks c on c.id = near.chunk_id and c.user_id = $1
         join brands b on b.id = c.brand_id and b.deleted_at is null
         where near.distance <= $7 ${request.newestDiagnosticOnly ? `and ${NEWEST_DIAGNOSTIC_ONLY('c')}` : ''}
         order by near.distance, c.source_id, c.position`,
        [
          request.userId,
          request.brandId,
          model,
          request.vector.length,
          vectorLiteral(request.vector),
          request.sourceTypes && request.sourceTypes.length > 0 ? [...request.sourceTypes] : null,
          1 - minSimilarity,
          request.limit,
        ],
      );
      return rows.map((row) => ({ ...row, similarity: Number(row.similarity) }));
    },

    /**
     * Embeds passages that have no vector of the configured model yet, batch by batch, each batch
     * charged to the passages' owner. An owner at their own cap is skipped (their passages wait for
     * next month or a higher cap); the global cap, an open circuit or an outage end the run.
     */
    async embedPending(
      options: { batchSize?: number; maxBatches?: number } = {},
    ): Promise<EmbedPendingReport> {
      const batchSize = options.batchSize ?? EMBED_BATCH_SIZE;
      const maxBatches = options.maxBatches ?? EMBED_BATCHES_PER_RUN;
      const atCap = new Set<string>();
      let embedded = 0;
      let stoppedBy: string | null = null;
      let calls = 0;
      let cutShort = false;
      work: for (;;) {
        const rows = await database.query<{ id: string; user_id: string; label: string; text: string }>(
          `select c.id, c.user_id, c.label, c.text from knowledge_chunks c
           where not exists (select 1 from knowledge_embeddings e where e.chunk_id = c.id and e.model = $1)
             and not (c.user_id = any($2::uuid[]))
           order by c.user_id, c.created_at, c.source_id, c.position
           limit $3`,
          [model, [...atCap], batchSize],
        );
        if (rows.length === 0) break;
        for (const [userId, group] of groupByUser(rows)) {
          if (calls >= maxBatches) {
            cutShort = true;
            break work;
          }
          calls += 1;
          const outcome = await embedder.embed({
            userId,
            texts: group.map(embeddingInput),
            purpose: 'passages',
          });
          if (outcome.status === 'embedded') {
            embedded += await store(group, outcome.vectors);
            continue;
          }
          // Texts already in the cache cost nothing: their passages get vectors even now.
          const cached = group.flatMap((row, index) => {
            const vector = outcome.cached[index];
            return vector ? [{ row, vector }] : [];
          });
          if (cached.length > 0) {
            embedded += await store(
              cached.map((entry) => entry.row),
              cached.map((entry) => entry.vector),
            );
          }
          if (outcome.reason === 'spending-cap' && outcome.capScope === 'user') {
            atCap.add(userId);
          } else {
            stoppedBy = outcome.reason;
            break work;
          }
        }
      }
      return { embedded, usersAtCap: atCap.size, stoppedBy, pending: await pendingCount(), cutShort };
    },

    /** Passages in the index, and how many of them have a vector of the configured model. */
    async progress(): Promise<{ total: number; embedded: number }> {
      const [row] = await database.query<{ total: number; embedded: number }>(
        `select count(*)::int as total, count(e.chunk_id)::int as embedded
         from knowledge_chunks c left join knowledge_embeddings e on e.chunk_id = c.id and e.model = $1`,
        [model],
      );
      return { total: row?.total ?? 0, embedded: row?.embedded ?? 0 };
    },
  };
}
export type KnowledgeVectors = ReturnType<typeof createKnowledgeVectors>;

export type KnowledgeSearchMode = 'full-text' | 'full-text-and-vectors';

/** How brand knowledge is searched on this instance, decided at start-up. */
export interface KnowledgeSearchSetup {
  mode: KnowledgeSearchMode;
  /** The stored name of the embedding model's vectors; null when none is configured. */
  embeddingModel: string | null;
  /**
   * The `vector` extension: enabled (and its version), or why not. `unused` when no embedding model
   * is configured — then it is only looked for, never created.
   */
  extension: VectorExtensionState | { status: 'unused'; availableOnServer: boolean };
}

/**
 * Decides the search mode at start-up and, when vectors can be used, enables the extension and
 * creates the vectors' table (idempotent; serialised across instances starting together).
 */
export async function setUpKnowledgeVectors(deps: {
  database: Database;
  embedder: Embedder | null;
  minSimilarity: number;
}): Promise<{ setup: KnowledgeSearchSetup; vectors: KnowledgeVectors | null }> {
  const { database, embedder } = deps;
  const model = embedder?.model ?? null;
  if (!embedder || !model) {
    return {
      setup: {
        mode: 'full-text',
        embeddingModel: null,
        extension: { status: 'unused', availableOnServer: await vectorExtensionAvailable(database) },
      },
      vectors: null,
    };
  }
  const extension = await enableVectorExtension(database);
  if (extension.status !== 'enabled') {
    return { setup: { mode: 'full-text', embeddingModel: model, extension }, vectors: null };
  }
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${VECTOR_SETUP_LOCK})`);
    await tx.execute(sql.raw(TABLE_DDL));
    await tx.execute(sql.raw(STORAGE_DDL));
    await tx.execute(sql.raw(INDEX_DDL));
  });
  return {
    setup: { mode: 'full-text-and-vectors', embeddingModel: model, extension },
    vectors: createKnowledgeVectors({
      database,
      embedder: { model, embed: (request) => embedder.embed(request) },
      minSimilarity: deps.minSimilarity,
    }),
  };
}
