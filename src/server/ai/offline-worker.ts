/**
 * Worker thread of the offline coach's review tasks (see offline-pool.ts): answers one request at a
 * time. The NLP library these tasks need is loaded here only, never in the main thread.
 */
import { parentPort } from 'node:worker_threads';
import type { ReviewTask } from '../../core/ai/offline-coach.ts';
import { runOfflineReviewTask } from '../../core/ai/offline-review-tasks.ts';

export interface OfflineRequest {
  id: number;
  task: ReviewTask;
  input: unknown;
}

export type OfflineReply = { id: number; output: object | null } | { id: number; error: string };

parentPort?.on('message', (request: OfflineRequest) => {
  let reply: OfflineReply;
  try {
    reply = { id: request.id, output: runOfflineReviewTask(request.task, request.input) };
  } catch (error) {
    reply = {
      id: request.id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  parentPort?.postMessage(reply);
});
