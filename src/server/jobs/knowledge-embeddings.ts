/**
 * The job that gives new passages their vectors (docs/decisions/0036-vector-search-when-available.md).
 * Saves never call the provider: they insert passages without a vector, and the index tells
 * `request()`, which queues one run unless one is already waiting — so a burst of autosaves is one
 * run. A run embeds pending passages in batches through the AI pipeline and, when more are left than
 * one run may take, queues the next. An hourly slot catches whatever a trigger missed (a run that
 * started before the save's transaction committed, an instance that stopped in between) and resumes
 * after a cap or an outage.
 *
 * Registered only where vectors are in use (an embedding model and the `vector` extension).
 */
import type { FastifyBaseLogger } from 'fastify';
import { MINUTE_MS, SECOND_MS } from '../platform/clock.ts';
import type { KnowledgeVectors } from '../platform/knowledge/vectors.ts';
import type { JobQueue } from './queue.ts';

export const KNOWLEDGE_EMBED_JOB = 'knowledge.embed';
/** Lets the save that asked commit first, and gathers the autosaves of the next few seconds. */
export const EMBED_REQUEST_DELAY_MS = 3 * SECOND_MS;

export function registerKnowledgeEmbeddings(
  queue: JobQueue,
  deps: { vectors: Pick<KnowledgeVectors, 'embedPending'>; log: FastifyBaseLogger },
) {
  queue.register({
    name: KNOWLEDGE_EMBED_JOB,
    schedule: { every: 'hour' },
    maxAttempts: 3,
    backoff: { baseMs: MINUTE_MS, maxMs: 30 * MINUTE_MS },
    // Up to EMBED_BATCHES_PER_RUN provider calls, each with its own timeout and retries.
    leaseMs: 30 * MINUTE_MS,
    handler: async () => {
      const report = await deps.vectors.embedPending();
      deps.log.info({ ...report }, 'knowledge embeddings run finished');
      // Only a run that ran out of calls hands over at once; one stopped by a cap, the circuit or an
      // outage leaves the rest to the hourly slot rather than looping.
      if (report.cutShort) {
        await queue.enqueueUnlessWaiting(KNOWLEDGE_EMBED_JOB);
      }
    },
  });

  let inFlight: Promise<void> | null = null;
  let closed = false;
  return {
    /**
     * Asks for a run soon. Never waits and never throws: it is called inside a save's transaction
     * (on PGlite, a query outside it would wait for that transaction to end).
     */
    request(): void {
      if (closed || inFlight) return;
      inFlight = queue
        .enqueueUnlessWaiting(KNOWLEDGE_EMBED_JOB, { delayMs: EMBED_REQUEST_DELAY_MS })
        .then(
          () => undefined,
          (error: unknown) => {
            // The hourly slot still picks the passages up.
            if (!closed) deps.log.warn({ err: error }, 'could not queue the knowledge embeddings job');
          },
        )
        .finally(() => {
          inFlight = null;
        });
    },
    /** Waits for a request in progress (before the database closes). */
    async close(): Promise<void> {
      closed = true;
      await inFlight;
    },
  };
}
export type KnowledgeEmbeddingJob = ReturnType<typeof registerKnowledgeEmbeddings>;
