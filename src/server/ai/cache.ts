/**
 * The answer cache, in PostgreSQL so every instance shares it. The key hashes everything that
 * shapes an answer: task, prompt version, model, normalised input and a digest of the context — so a
 * new prompt version, another model or changed brand data never get a stale answer.
 */
import { createHash } from 'node:crypto';
import { normalisedJson } from '../../core/ai/context.ts';
import type { Database } from '../db/client.ts';
import { deleteInBatches } from '../platform/data-lifecycle/batches.ts';
import type { RetentionRule } from '../platform/data-lifecycle/registry.ts';

export interface CacheKeyParts {
  task: string;
  promptVersion: number;
  model: string;
  input: unknown;
  contextDigest: string;
}

export function cacheKey(parts: CacheKeyParts): string {
  return createHash('sha256')
    .update(
      [
        parts.task,
        String(parts.promptVersion),
        parts.model,
        normalisedJson(parts.input),
        parts.contextDigest,
      ].join('\u0000'),
    )
    .digest('hex');
}

export function createAnswerCache(database: Database, ttlSeconds: number) {
  return {
    async get(key: string): Promise<Record<string, unknown> | null> {
      const [row] = await database.query<{ output: Record<string, unknown> }>(
        'update ai_cache set hits = hits + 1 where key = $1 and expires_at > now() returning output',
        [key],
      );
      return row?.output ?? null;
    },

    async set(key: string, entry: { task: string; model: string; promptVersion: number; output: unknown }) {
      await database.query(
        `insert into ai_cache (key, task, model, prompt_version, output, expires_at)
           values ($1, $2, $3, $4, $5::jsonb, now() + make_interval(secs => $6))
         on conflict (key) do update set output = excluded.output, expires_at = excluded.expires_at, updated_at = now()`,
        [key, entry.task, entry.model, entry.promptVersion, JSON.stringify(entry.output), ttlSeconds],
      );
      // Expired entries are dead weight; an occasional sweep keeps the table small without a scheduler.
      if (Math.random() < 0.02) await database.query('delete from ai_cache where expires_at < now()');
    },
  };
}
export type AnswerCache = ReturnType<typeof createAnswerCache>;

/** Expired answers leave the cache with the daily retention run. */
export function answerCacheRetentionRule(database: Database): RetentionRule {
  return {
    name: 'expired:ai_cache',
    run: (now) => deleteInBatches(database, 'ai_cache', 'expires_at < $1::timestamptz', now),
  };
}
