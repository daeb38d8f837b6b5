/**
 * Runs the review analyser off the event loop. Reading 5,000 reviews takes a couple of seconds of
 * CPU, and parsing a 5 MB CSV a few hundred milliseconds: on the main thread either would stall every
 * other request (and trip load shedding). One worker thread, started on first use, takes the
 * requests in turn; past a short queue the analyser answers 503 rather than pile work up.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../../platform/errors.ts';
import type { AnalysisJob, AnalysisOutput, AnalysisReply, AnalysisRequest } from './analysis-messages.ts';

/** Requests waiting or running at once; more are refused until the queue drains. */
export const MAX_QUEUED_ANALYSES = 8;

interface Pending {
  resolve(output: AnalysisOutput): void;
  reject(error: Error): void;
}

export interface AnalysisPool {
  run(job: AnalysisJob): Promise<AnalysisOutput>;
  close(): Promise<void>;
}

export function createAnalysisPool(): AnalysisPool {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  function failAll(error: Error) {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  }

  function start(): Worker {
    if (worker) return worker;
    const started = new Worker(new URL('./analysis-worker.ts', import.meta.url));
    // An idle worker must not keep the process (or a test run) alive.
    started.unref();
    started.on('message', (reply: AnalysisReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if ('output' in reply) waiting.resolve(reply.output);
      else if ('problem' in reply) {
        const { status, code, message, path } = reply.problem;
        waiting.reject(new AppError(status, code, message, { details: [{ path, message }] }));
      } else waiting.reject(new Error(`review analysis failed: ${reply.error}`));
    });
    started.on('error', (error) => {
      if (worker === started) worker = null;
      failAll(error);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      failAll(new Error(`review analysis worker exited with code ${code}`));
    });
    worker = started;
    return started;
  }

  return {
    run(job) {
      if (pending.size >= MAX_QUEUED_ANALYSES) {
        return Promise.reject(
          new AppError(
            503,
            'OVERLOADED',
            'The review analyser is busy with other runs. Please try again in a minute.',
            { headers: { 'retry-after': '30' } },
          ),
        );
      }
      const id = nextId++;
      const thread = start();
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        thread.postMessage({ ...job, id } as AnalysisRequest);
      });
    },
    async close() {
      const current = worker;
      worker = null;
      failAll(new Error('review analyser closed'));
      if (current) await current.terminate();
    },
  };
}
