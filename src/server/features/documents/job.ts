/**
 * The processing job of uploaded documents (`documents.process`), queued in the upload's transaction.
 * A run whose file cannot be read fails the document, not the run; a run that fails for another
 * reason (the database away, the worker unable to start) is retried with backoff.
 */
import { z } from 'zod';
import type { JobQueue } from '../../jobs/queue.ts';
import { MINUTE_MS, SECOND_MS } from '../../platform/clock.ts';
import { DOCUMENT_PROCESS_ATTEMPTS, DOCUMENT_PROCESS_JOB, type DocumentService } from './service.ts';

const payloadSchema = z.object({ documentId: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export function registerDocumentJobs(
  queue: JobQueue,
  { documents, extractionTimeoutMs }: { documents: DocumentService; extractionTimeoutMs: number },
): void {
  queue.register({
    name: DOCUMENT_PROCESS_JOB,
    maxAttempts: DOCUMENT_PROCESS_ATTEMPTS,
    backoff: { baseMs: 30 * SECOND_MS, maxMs: 10 * MINUTE_MS },
    // The lease outlasts the longest read, so a slow file is never taken over while it is being read.
    leaseMs: extractionTimeoutMs + 2 * MINUTE_MS,
    handler: async (payload, context) => {
      await documents.process(payloadSchema.parse(payload), context.attempt);
    },
  });
}
