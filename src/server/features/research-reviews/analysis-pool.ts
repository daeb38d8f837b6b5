/**
 * Runs the review analyser off the event loop. Reading 5,000 reviews takes a couple of seconds of
 * CPU, and parsing a 5 MB CSV a few hundred milliseconds: on the main thread either would stall every
 * other request (and trip load shedding). One worker thread, started on first use, takes the
 * requests in turn; past a short queue the analyser answers 503 rather than pile work up.
 */
import { AppError } from '../../platform/errors.ts';
import { createWorkerThread } from '../../platform/worker-thread.ts';
import type { AnalysisJob, AnalysisOutput, AnalysisReply, AnalysisRequest } from './analysis-messages.ts';

/** Requests waiting or running at once; more are refused until the queue drains. */
export const MAX_QUEUED_ANALYSES = 8;

export interface AnalysisPool {
  run(job: AnalysisJob): Promise<AnalysisOutput>;
  close(): Promise<void>;
}

export function createAnalysisPool(): AnalysisPool {
  const thread = createWorkerThread<AnalysisRequest, AnalysisReply, AnalysisOutput>({
    url: new URL('./analysis-worker.ts', import.meta.url),
    name: 'review analyser',
    settle(reply) {
      if ('output' in reply) return { result: reply.output };
      const { status, code, message, path } = reply.problem;
      return { error: new AppError(status, code, message, { details: [{ path, message }] }) };
    },
  });
  return {
    run(job) {
      if (thread.waiting() >= MAX_QUEUED_ANALYSES) {
        return Promise.reject(
          new AppError(
            503,
            'OVERLOADED',
            'The review analyser is busy with other runs. Please try again in a minute.',
            { headers: { 'retry-after': '30' } },
          ),
        );
      }
      return thread.request(job);
    },
    close: thread.close,
  };
}
