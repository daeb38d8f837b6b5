/**
 * The product's jobs, registered on the queue at start-up. Add a job here (or from its feature) with
 * `queue.register`; a scheduled one needs only a `schedule`.
 */

import { HOUR_MS, MINUTE_MS } from '../platform/clock.ts';
import type { Mailer } from '../platform/mailer.ts';
import { registerEmailRetries } from './email.ts';
import type { JobQueue } from './queue.ts';
import type { Retention } from './retention.ts';

export const RETENTION_JOB = 'retention.daily';

export function registerProductJobs(queue: JobQueue, deps: { mailer: Mailer; retention: Retention }): void {
  queue.register({
    name: RETENTION_JOB,
    schedule: { every: 'day' },
    maxAttempts: 5,
    backoff: { baseMs: 10 * MINUTE_MS, maxMs: 2 * HOUR_MS },
    leaseMs: HOUR_MS,
    handler: async () => {
      await deps.retention.run();
    },
  });
  registerEmailRetries(queue, deps.mailer);
}
