/**
 * Runs document extraction off the event loop, with a time limit per file (ADR 0034). One worker
 * thread, started on first use, reads one file at a time; a file that takes longer than the limit
 * has its worker terminated (pdf.js or mammoth stuck in a loop cannot be interrupted any other way)
 * and fails with "took too long", and the next file starts a fresh worker. The limit counts the
 * file's own reading only: a worker's start (loading pdf.js takes a few hundred milliseconds, more
 * on a busy machine) has a limit of its own, and a worker that cannot start is a fault of ours, so
 * the job retries instead of blaming the file. The worker's heap is capped, so a file that needs too
 * much memory kills only the worker and fails as too large; the process and the job queue carry on.
 */
import { Worker } from 'node:worker_threads';
import type { DocumentFormat } from '../../../core/knowledge/contracts.ts';
import type { ExtractedDocument } from './extract.ts';
import type { ExtractionRequest, ExtractionWorkerMessage } from './extract-worker.ts';
import { ExtractionFailure } from './extraction-failure.ts';

/** Heap for the worker: a 10 MB document needs a fraction of it; a hostile one hits the cap. */
export const EXTRACTION_WORKER_MEMORY_MB = 512;
/** How long a new worker may take to load its readers before the read is retried later. */
export const EXTRACTION_WORKER_START_MS = 30_000;

export interface ExtractionPoolOptions {
  /** How long one file may take, from the moment it is handed to the worker. */
  timeoutMs: number;
  maxMemoryMb?: number;
}

export interface ExtractionPool {
  extract(
    file: { bytes: Uint8Array; format: DocumentFormat; name: string },
    options?: { timeoutMs?: number },
  ): Promise<ExtractedDocument>;
  close(): Promise<void>;
}

function limitText(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

export function createExtractionPool(options: ExtractionPoolOptions): ExtractionPool {
  let current: { thread: Worker; ready: Promise<void> } | null = null;
  let nextId = 0;
  // Files are read one after another, so a file's time limit counts only its own reading.
  let queue: Promise<unknown> = Promise.resolve();

  function discard(thread: Worker): void {
    if (current?.thread === thread) current = null;
    void thread.terminate();
  }

  /** The running worker, or a new one and the promise of it having loaded its readers. */
  function start(): { thread: Worker; ready: Promise<void> } {
    if (current) return current;
    const thread = new Worker(new URL('./extract-worker.ts', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? EXTRACTION_WORKER_MEMORY_MB },
    });
    // An idle worker must not keep the process (or a test run) alive.
    thread.unref();
    thread.on('exit', () => {
      if (current?.thread === thread) current = null;
    });
    const ready = new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        clearTimeout(timer);
        thread.off('message', onMessage);
        thread.off('error', settle);
        thread.off('exit', onExit);
        if (!error) return resolve();
        discard(thread);
        reject(error);
      };
      const onMessage = (message: ExtractionWorkerMessage) => {
        if ('ready' in message) settle();
      };
      const onExit = (code: number) =>
        settle(new Error(`the document extraction worker stopped while starting (exit code ${code})`));
      const timer = setTimeout(
        () =>
          settle(
            new Error(
              `the document extraction worker did not start within ${limitText(EXTRACTION_WORKER_START_MS)}`,
            ),
          ),
        EXTRACTION_WORKER_START_MS,
      );
      thread.on('message', onMessage);
      thread.on('error', settle);
      thread.on('exit', onExit);
    });
    // Whoever asked for the worker awaits this; a start abandoned by close() must not be unhandled.
    ready.catch(() => undefined);
    current = { thread, ready };
    return current;
  }

  async function readOne(
    file: { bytes: Uint8Array; format: DocumentFormat; name: string },
    timeoutMs: number,
  ): Promise<ExtractedDocument> {
    const { thread, ready } = start();
    await ready;
    if (current?.thread !== thread) throw new Error('the document extraction worker stopped after starting');
    return new Promise((resolve, reject) => {
      const id = nextId++;
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        thread.off('message', onMessage);
        thread.off('error', onError);
        thread.off('exit', onExit);
        outcome();
      };
      const onMessage = (reply: ExtractionWorkerMessage) => {
        if ('ready' in reply || reply.id !== id) return;
        settle(() => {
          if (reply.ok) return resolve({ sections: reply.sections, pageCount: reply.pageCount });
          const failure = new ExtractionFailure(reply.kind, reply.message);
          // What the reader library said, for the log; the owner sees the message.
          if (reply.cause) failure.cause = reply.cause;
          reject(failure);
        });
      };
      const onError = (error: Error & { code?: string }) => {
        discard(thread);
        settle(() =>
          reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ExtractionFailure('too-large') : error),
        );
      };
      const onExit = (code: number) => {
        discard(thread);
        settle(() => reject(new Error(`the document extraction worker stopped (exit code ${code})`)));
      };
      thread.on('message', onMessage);
      thread.on('error', onError);
      thread.on('exit', onExit);
      // A copy of its own is handed over (transferred, not cloned again): the caller keeps its
      // bytes. Not `slice()`: node-postgres answers a Buffer, whose `slice()` shares the memory
      // (often a pooled block that cannot be transferred at all).
      const bytes = new Uint8Array(file.bytes);
      const request: ExtractionRequest = { id, bytes, format: file.format, name: file.name };
      // The clock starts when the worker, already running, is handed the file.
      const timer = setTimeout(() => {
        discard(thread);
        settle(() =>
          reject(
            new ExtractionFailure(
              'timeout',
              `Reading this file took too long (more than ${limitText(timeoutMs)}), so it was stopped. Split it into smaller files and upload them.`,
            ),
          ),
        );
      }, timeoutMs);
      thread.postMessage(request, [bytes.buffer]);
    });
  }

  return {
    extract(file, { timeoutMs = options.timeoutMs } = {}) {
      const run = queue.then(() => readOne(file, timeoutMs));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      const running = current;
      current = null;
      if (running) await running.thread.terminate();
    },
  };
}
