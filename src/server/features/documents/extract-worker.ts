/**
 * Worker thread of the document extraction (see extraction-pool.ts): says it is ready once its
 * readers are loaded, then reads one file at a time with the same function the benchmark calls. A
 * file that cannot be read answers with its failure; the pool ends this thread when a file takes
 * longer than the time limit.
 */
import { parentPort } from 'node:worker_threads';
import type { Section } from '../../../core/knowledge/chunking.ts';
import type { DocumentFormat } from '../../../core/knowledge/contracts.ts';
import { ExtractionFailure, type ExtractionFailureKind, extractDocument, loadReaders } from './extract.ts';

export interface ExtractionRequest {
  id: number;
  bytes: Uint8Array;
  format: DocumentFormat;
  name: string;
}

export type ExtractionReply =
  | { id: number; ok: true; sections: Section[]; pageCount: number | null }
  | { id: number; ok: false; kind: ExtractionFailureKind; message: string; cause?: string };

/** What the worker posts: once `ready` (its imports are loaded), then a reply per request. */
export type ExtractionWorkerMessage = { ready: true } | ExtractionReply;

parentPort?.on('message', async (request: ExtractionRequest) => {
  let reply: ExtractionReply;
  try {
    const { sections, pageCount } = await extractDocument(request.bytes, request.format, request.name);
    reply = { id: request.id, ok: true, sections, pageCount };
  } catch (error) {
    reply =
      error instanceof ExtractionFailure
        ? { id: request.id, ok: false, kind: error.kind, message: error.message }
        : {
            // A reader library throwing on a file is a file it cannot read, not a fault of the app.
            id: request.id,
            ok: false,
            kind: 'damaged',
            message: new ExtractionFailure('damaged').message,
            cause: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          };
  }
  parentPort?.postMessage(reply);
});

// The pool starts a file's clock only after this message, so loading pdf.js is not counted.
await loadReaders();
parentPort?.postMessage({ ready: true } satisfies ExtractionWorkerMessage);
