/**
 * Runs the offline coach without blocking the event loop for the tasks that do real language
 * processing. Both review tasks read every review with the review engine (ADR 0039): a few hundred
 * milliseconds of CPU for a full request on a busy machine, long enough to stall every other request
 * (and trip load shedding). Those tasks go to one worker thread, started on first use and queued
 * there; the light tasks stay inline.
 */
import { Worker } from 'node:worker_threads';
import type { AiTask } from '../../core/ai/contracts.ts';
import { type CoachContext, runOfflineCoach } from '../../core/ai/offline-coach.ts';
import type { OfflineReply, OfflineRequest } from './offline-worker.ts';

/** Tasks whose offline answer parses user text with the NLP library. */
export const WORKER_TASKS: ReadonlySet<AiTask> = new Set<AiTask>(['avatar-voice', 'review-analysis']);

interface Pending {
  resolve(output: object | null): void;
  reject(error: Error): void;
}

export interface OfflinePool {
  run(task: AiTask, input: unknown, context: CoachContext): Promise<object | null>;
  close(): Promise<void>;
}

export function createOfflinePool(): OfflinePool {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  function failAll(error: Error) {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  }

  function start(): Worker {
    if (worker) return worker;
    const started = new Worker(new URL('./offline-worker.ts', import.meta.url));
    // An idle worker must not keep the process (or a test run) alive.
    started.unref();
    started.on('message', (reply: OfflineReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(`offline coach failed: ${reply.error}`));
      else waiting.resolve(reply.output);
    });
    started.on('error', (error) => {
      if (worker === started) worker = null;
      failAll(error);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      failAll(new Error(`offline coach worker exited with code ${code}`));
    });
    worker = started;
    return started;
  }

  return {
    run(task, input, context) {
      if (!WORKER_TASKS.has(task)) return Promise.resolve(runOfflineCoach(task, input, context));
      const id = nextId++;
      const thread = start();
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const request: OfflineRequest = { id, task, input, context };
        thread.postMessage(request);
      });
    },
    async close() {
      const current = worker;
      worker = null;
      if (current) await current.terminate();
    },
  };
}
