/**
 * Embeddings through the AI pipeline (docs/decisions/0036-vector-search-when-available.md). Like every
 * provider call they honour the circuit breaker, reserve their worst-case cost against the monthly
 * caps of the whole platform and of the user they are made for, settle it at the model's price and
 * write one ledger row. Vectors are cached by content — (model, SHA-256 of the text) — so a text is
 * embedded once however often it is saved again, by whichever user: the vector reveals nothing another
 * user could not compute from the text, and nobody can read another user's text through the cache.
 *
 * Nothing here ever fails a user's request: a refusal (cap, open circuit, outage, unreadable answer)
 * is an outcome, and the caller searches with full-text alone.
 */
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { ModelPrice } from '../config.ts';
import type { Database } from '../db/client.ts';
import { daysBefore, deleteInBatches } from '../platform/data-lifecycle/batches.ts';
import type { RetentionRule } from '../platform/data-lifecycle/registry.ts';
import {
  type CircuitBreaker,
  type EmbeddingProvider,
  ProviderInvalidOutputError,
  ProviderUnavailableError,
} from './provider.ts';
import { type CallRecord, costMicros, type SpendControl } from './spend.ts';

/** `passages`: the embedding job, charged to the passages' owner. `query`: a question someone asks. */
export type EmbeddingPurpose = 'passages' | 'query';

export type EmbedSkipReason = 'circuit-open' | 'spending-cap' | 'provider-unavailable' | 'invalid-response';

export type EmbedOutcome =
  | { status: 'embedded'; vectors: number[][] }
  | {
      status: 'skipped';
      reason: EmbedSkipReason;
      capScope?: 'global' | 'user';
      /** What the cache did hold, in order (null for the texts that needed the provider). */
      cached: (number[] | null)[];
    };

export interface EmbedRequest {
  /** Whose spending the call counts against. */
  userId: string;
  texts: readonly string[];
  purpose: EmbeddingPurpose;
}

/** The ledger's task names for embedding calls (they have no prompt: version 0). */
export const EMBEDDING_TASKS: Record<EmbeddingPurpose, string> = {
  passages: 'embed-passages',
  query: 'embed-query',
};
export const EMBEDDING_PROMPT_ID = 'embedding';

/** Longest text embedded; a longer question is cut (≈ 2,000–2,700 tokens, under every model's limit). */
export const EMBED_TEXT_MAX_CHARS = 8_000;
/** pgvector's limit on a vector's length. */
export const EMBEDDING_MAX_DIMENSIONS = 16_000;
/** Cache entries no save or question used for this long are purged by the retention job. */
export const EMBEDDING_CACHE_UNUSED_DAYS = 90;

/** The name vectors are stored under: the model, and the length asked of it when one was. */
export function embeddingModelKey(model: string, dimensions: number | null): string {
  return dimensions ? `${model}@${dimensions}` : model;
}

export function textSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Pessimistic, like the engine's: about three characters per token, plus a little per input. */
function tokenEstimate(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + Math.ceil(text.length / 3) + 8, 0);
}

/**
 * The provider's vectors if they are usable: one per input, all of the same length (the requested one,
 * when set), every component a finite number. Anything else would poison the index.
 */
export function checkedVectors(
  vectors: unknown,
  count: number,
  dimensions: number | null,
): number[][] | null {
  if (!Array.isArray(vectors) || vectors.length !== count) return null;
  let length: number | null = dimensions;
  for (const vector of vectors) {
    if (!Array.isArray(vector) || vector.length === 0 || vector.length > EMBEDDING_MAX_DIMENSIONS)
      return null;
    length ??= vector.length;
    if (vector.length !== length) return null;
    if (!vector.every((value) => typeof value === 'number' && Number.isFinite(value))) return null;
  }
  return vectors as number[][];
}

export interface EmbeddingPipelineDeps {
  database: Database;
  provider: EmbeddingProvider | null;
  price: ModelPrice | null;
  breaker: CircuitBreaker;
  spend: SpendControl;
  /** The engine's one ledger-and-metrics step. */
  record(call: CallRecord): Promise<void>;
  log: FastifyBaseLogger;
}

export function createEmbeddingPipeline(deps: EmbeddingPipelineDeps) {
  const { database, provider, breaker, spend, log } = deps;
  const modelKey = provider ? embeddingModelKey(provider.model, provider.dimensions) : null;

  async function readCache(model: string, hashes: string[]): Promise<Map<string, number[]>> {
    if (hashes.length === 0) return new Map();
    const rows = await database.query<{ text_sha256: string; embedding: number[] }>(
      'select text_sha256, embedding from ai_embeddings where model = $1 and text_sha256 = any($2::text[])',
      [model, hashes],
    );
    if (rows.length > 0) {
      // At most one write a day per entry: reuse keeps it from the retention purge.
      await database.query(
        `update ai_embeddings set last_used_at = now()
         where model = $1 and text_sha256 = any($2::text[]) and last_used_at < now() - interval '1 day'`,
        [model, rows.map((row) => row.text_sha256)],
      );
    }
    return new Map(rows.map((row) => [row.text_sha256, row.embedding.map(Number)]));
  }

  async function writeCache(model: string, entries: { hash: string; vector: number[] }[]): Promise<void> {
    if (entries.length === 0) return;
    await database.query(
      `insert into ai_embeddings (model, text_sha256, dimensions, embedding)
       select $1, entry.hash, $2, entry.vector::real[]
       from unnest($3::text[], $4::text[]) as entry(hash, vector)
       on conflict (model, text_sha256) do nothing`,
      [
        model,
        entries[0]?.vector.length ?? 0,
        entries.map((entry) => entry.hash),
        entries.map((entry) => `{${entry.vector.join(',')}}`),
      ],
    );
  }

  async function embed(request: EmbedRequest): Promise<EmbedOutcome> {
    if (!provider || !modelKey || !deps.price) throw new Error('no embedding model is configured');
    const price = deps.price;
    const texts = request.texts.map((text) =>
      text.length > EMBED_TEXT_MAX_CHARS ? text.slice(0, EMBED_TEXT_MAX_CHARS) : text,
    );
    const hashes = texts.map(textSha256);
    const vectors = await readCache(modelKey, [...new Set(hashes)]);
    const missing = new Map<string, string>();
    hashes.forEach((hash, index) => {
      if (!vectors.has(hash)) missing.set(hash, texts[index] ?? '');
    });

    const skipped = (reason: EmbedSkipReason, capScope?: 'global' | 'user'): EmbedOutcome => ({
      status: 'skipped',
      reason,
      ...(capScope ? { capScope } : {}),
      cached: hashes.map((hash) => vectors.get(hash) ?? null),
    });

    if (missing.size > 0) {
      const inputs = [...missing.values()];
      const estimate = tokenEstimate(inputs);
      const task = EMBEDDING_TASKS[request.purpose];
      const started = performance.now();
      const base: Omit<CallRecord, 'outcome' | 'attempts' | 'inputTokens' | 'costMicros' | 'latencyMs'> = {
        userId: request.userId,
        task,
        provider: provider.name,
        model: provider.model,
        promptId: EMBEDDING_PROMPT_ID,
        promptVersion: 0,
        outputTokens: 0,
        cacheHit: false,
      };
      const recordCall = (fields: Pick<CallRecord, 'outcome' | 'attempts'> & Partial<CallRecord>) =>
        deps.record({
          ...base,
          inputTokens: 0,
          costMicros: 0,
          latencyMs: Math.round(performance.now() - started),
          ...fields,
        });

      const reservation = await spend.reserve(request.userId, costMicros(price, estimate, 0));
      if (!reservation.ok) {
        await recordCall({ outcome: 'fallback-cap', attempts: 0 });
        return skipped('spending-cap', reservation.scope);
      }
      let actual = 0;
      try {
        // Asked only now, so a half-open circuit's one probe is always a real call.
        if (!breaker.allow()) return skipped('circuit-open');
        let result: Awaited<ReturnType<EmbeddingProvider['embed']>>;
        try {
          result = await provider.embed({
            values: inputs,
            urgency: request.purpose === 'query' ? 'interactive' : 'background',
          });
        } catch (error) {
          if (error instanceof ProviderUnavailableError) {
            breaker.failed();
            log.warn({ err: error, task, attempts: error.attempts }, 'embedding provider unavailable');
            await recordCall({ outcome: 'fallback-outage', attempts: error.attempts });
            return skipped('provider-unavailable');
          }
          if (error instanceof ProviderInvalidOutputError) {
            breaker.succeeded();
            log.warn({ err: error, task }, 'embedding provider returned an unreadable answer');
            await recordCall({ outcome: 'invalid-output', attempts: error.attempts });
            return skipped('invalid-response');
          }
          throw error;
        }
        // The provider answered (and bills for it) whether or not the vectors are usable.
        breaker.succeeded();
        const inputTokens = result.inputTokens ?? estimate;
        actual = costMicros(price, inputTokens, 0);
        const checked = checkedVectors(result.vectors, inputs.length, provider.dimensions);
        if (!checked) {
          log.warn(
            { task, inputs: inputs.length },
            'embedding provider returned vectors that cannot be used',
          );
          await recordCall({
            outcome: 'invalid-output',
            attempts: result.attempts,
            inputTokens,
            costMicros: actual,
          });
          return skipped('invalid-response');
        }
        await recordCall({ outcome: 'ok', attempts: result.attempts, inputTokens, costMicros: actual });
        const made = [...missing.keys()].map((hash, index) => ({ hash, vector: checked[index] ?? [] }));
        await writeCache(modelKey, made);
        for (const { hash, vector } of made) vectors.set(hash, vector);
      } finally {
        await spend.settle(reservation.reservation, actual);
      }
    }
    return { status: 'embedded', vectors: hashes.map((hash) => vectors.get(hash) ?? []) };
  }

  return {
    /** The stored name of the configured model's vectors; null when no embedding model is configured. */
    model: modelKey,
    /** Vectors for `texts`, in order — or why there are none this time. */
    embed,
  };
}
export type EmbeddingPipeline = ReturnType<typeof createEmbeddingPipeline>;

/** Cached vectors nothing has used for EMBEDDING_CACHE_UNUSED_DAYS leave with the daily retention run. */
export function embeddingCacheRetentionRule(database: Database): RetentionRule {
  return {
    name: 'unused:ai_embeddings',
    run: (now) =>
      deleteInBatches(
        database,
        'ai_embeddings',
        'last_used_at < $1::timestamptz',
        daysBefore(now, EMBEDDING_CACHE_UNUSED_DAYS),
      ),
  };
}
