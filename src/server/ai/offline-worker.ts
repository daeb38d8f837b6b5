/**
 * Worker thread of the offline coach's heavy tasks (see offline-pool.ts): answers one request at a
 * time with the same pure function the main thread would call.
 */
import { parentPort } from 'node:worker_threads';
import type { AiTask } from '../../core/ai/contracts.ts';
import { type CoachContext, runOfflineCoach } from '../../core/ai/offline-coach.ts';

export interface OfflineRequest {
  id: number;
  task: AiTask;
  input: unknown;
  context: CoachContext;
}

export type OfflineReply = { id: number; output: object | null } | { id: number; error: string };

parentPort?.on('message', (request: OfflineRequest) => {
  let reply: OfflineReply;
  try {
    reply = { id: request.id, output: runOfflineCoach(request.task, request.input, request.context) };
  } catch (error) {
    reply = {
      id: request.id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  parentPort?.postMessage(reply);
});
