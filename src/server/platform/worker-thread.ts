/**
 * One worker thread that answers requests in turn, for work that would stall the event loop (the
 * offline coach's language tasks, the review analyser). It starts on the
 * first request and never keeps the process alive by itself. Each request carries an id its reply
 * names; when the thread fails or exits, whatever waits on it is rejected and the next request
 * starts a new one. With `idleMs` the thread ends after that long without a request, and its memory
 * with it (ADR 0057).
 */
import { Worker } from 'node:worker_threads';

export type Settled<Result> = { result: Result } | { error: Error };

/** How every worker answers a request whose work threw: the message (errors do not cross threads). */
export interface FailedReply {
  id: number;
  error: string;
}

/** A request as its sender writes it: the thread numbers it. Distributes over a union of requests. */
export type WithoutId<Request> = Request extends unknown ? Omit<Request, 'id'> : never;

export interface WorkerThreadOptions<Reply extends { id: number }, Result> {
  /** The worker's module. */
  url: URL;
  /** Names the thread in errors ("review analyser"). */
  name: string;
  /** What a reply other than a failure means: the request's result, or the error to reject it with. */
  settle(reply: Exclude<Reply, FailedReply>): Settled<Result>;
  /** End the thread after this long with nothing waiting; without it the thread stays. */
  idleMs?: number;
}

export interface WorkerThread<Request extends { id: number }, Result> {
  request(message: WithoutId<Request>): Promise<Result>;
  /** Requests sent and not yet answered. */
  waiting(): number;
  /** Whether the thread is alive. */
  running(): boolean;
  /** Ends the thread; whatever waits is rejected. */
  close(): Promise<void>;
}

function isFailure(reply: { id: number }): reply is FailedReply {
  return typeof (reply as Partial<FailedReply>).error === 'string';
}

interface Waiting<Result> {
  resolve(result: Result): void;
  reject(error: Error): void;
}

export function createWorkerThread<Request extends { id: number }, Reply extends { id: number }, Result>(
  options: WorkerThreadOptions<Reply, Result>,
): WorkerThread<Request, Result> {
  let worker: Worker | null = null;
  let idleTimer: NodeJS.Timeout | undefined;
  let nextId = 0;
  const waiting = new Map<number, Waiting<Result>>();

  function failAll(error: Error) {
    for (const request of waiting.values()) request.reject(error);
    waiting.clear();
  }

  function stopWhenIdle() {
    clearTimeout(idleTimer);
    if (options.idleMs === undefined || waiting.size > 0) return;
    idleTimer = setTimeout(() => {
      const idle = worker;
      worker = null;
      void idle?.terminate();
    }, options.idleMs);
    idleTimer.unref();
  }

  function start(): Worker {
    if (worker) return worker;
    const started = new Worker(options.url);
    // An idle thread must not keep the process (or a test run) alive.
    started.unref();
    started.on('message', (reply: Reply) => {
      const request = waiting.get(reply.id);
      if (!request) return;
      waiting.delete(reply.id);
      const settled: Settled<Result> = isFailure(reply)
        ? { error: new Error(`the ${options.name} failed: ${reply.error}`) }
        : options.settle(reply as Exclude<Reply, FailedReply>);
      if ('error' in settled) request.reject(settled.error);
      else request.resolve(settled.result);
      stopWhenIdle();
    });
    // Only the current thread's end fails what waits: one stopped when idle or closed had nothing
    // left, and what came after it waits on its successor.
    const ended = (error: Error) => {
      if (worker !== started) return;
      worker = null;
      failAll(error);
    };
    started.on('error', ended);
    started.on('exit', (code) => ended(new Error(`the ${options.name} thread exited with code ${code}`)));
    worker = started;
    return started;
  }

  return {
    request(message) {
      clearTimeout(idleTimer);
      const thread = start();
      const id = nextId++;
      return new Promise<Result>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        thread.postMessage({ ...message, id });
      });
    },
    waiting: () => waiting.size,
    running: () => worker !== null,
    async close() {
      clearTimeout(idleTimer);
      const current = worker;
      worker = null;
      failAll(new Error(`the ${options.name} was closed`));
      if (current) await current.terminate();
    },
  };
}
