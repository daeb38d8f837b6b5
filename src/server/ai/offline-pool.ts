/**
 * Runs the offline coach without blocking the event loop for the tasks that do real language
 * processing. Both review tasks read every review with the review engine (ADR 0039): a few hundred
 * milliseconds of CPU for a full request on a busy machine, long enough to stall every other request
 * (and trip load shedding). Those tasks go to one worker thread, started on first use and queued
 * there — the only place the NLP library is loaded; the light tasks stay inline.
 */
import type { AiTask } from '../../core/ai/contracts.ts';
import { type CoachContext, isReviewTask, runOfflineCoach } from '../../core/ai/offline-coach.ts';
import { createWorkerThread } from '../platform/worker-thread.ts';
import type { OfflineReply, OfflineRequest } from './offline-worker.ts';

export interface OfflinePool {
  run(task: AiTask, input: unknown, context: CoachContext): Promise<object | null>;
  close(): Promise<void>;
}

export function createOfflinePool(): OfflinePool {
  const thread = createWorkerThread<OfflineRequest, OfflineReply, object | null>({
    url: new URL('./offline-worker.ts', import.meta.url),
    name: 'offline coach',
    settle: (reply) => ({ result: reply.output }),
  });
  return {
    run(task, input, context) {
      if (isReviewTask(task)) return thread.request({ task, input });
      return Promise.resolve(runOfflineCoach(task, input, context));
    },
    close: thread.close,
  };
}
