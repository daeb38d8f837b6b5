/**
 * The one-off job that indexes what was saved before the brand knowledge index existed
 * (`platform/knowledge/backfill.ts`). The app enqueues it at every start with the same run key, so it
 * runs once per database however many instances start (the queue's unique `(name, run_key)`); the
 * backfill itself skips every source that already has passages, so a retry or a repeat is harmless.
 * Bump the key to run it again after a change to how sources are cut into passages.
 */
import type { FastifyBaseLogger } from 'fastify';
import { MINUTE_MS } from '../platform/clock.ts';
import type { KnowledgeBackfill } from '../platform/knowledge/backfill.ts';
import type { JobQueue } from './queue.ts';

export const KNOWLEDGE_BACKFILL_JOB = 'knowledge.backfill';
export const KNOWLEDGE_BACKFILL_RUN_KEY = 'knowledge-index-v1';

export async function registerKnowledgeBackfill(
  queue: JobQueue,
  deps: { backfill: KnowledgeBackfill; log: FastifyBaseLogger },
): Promise<void> {
  queue.register({
    name: KNOWLEDGE_BACKFILL_JOB,
    maxAttempts: 5,
    backoff: { baseMs: 5 * MINUTE_MS, maxMs: 60 * MINUTE_MS },
    // Pages commit one by one; a run cut short starts over and skips what it already indexed.
    leaseMs: 60 * MINUTE_MS,
    handler: async () => {
      const report = await deps.backfill.run();
      deps.log.info({ ...report }, 'knowledge backfill finished');
    },
  });
  await queue.enqueue(KNOWLEDGE_BACKFILL_JOB, {}, { runKey: KNOWLEDGE_BACKFILL_RUN_KEY });
}
