/**
 * Worker thread of the review analyser (see analysis-pool.ts): decodes and parses an upload, reads
 * the reviews with the review engine, and answers one request at a time. An input problem is
 * answered as data, since errors lose their class crossing the thread boundary.
 */
import { parentPort } from 'node:worker_threads';
import { analyseReviewRun } from '../../../core/research-reviews/analyse.ts';
import type { AnalysisOutput, AnalysisReply, AnalysisRequest } from './analysis-messages.ts';
import { ImportFailure, previewCsv, recordsFromCsv, recordsFromText } from './review-import.ts';

function answer(request: AnalysisRequest): AnalysisOutput {
  switch (request.kind) {
    case 'preview':
      return { kind: 'preview', preview: previewCsv(request.bytes, request.fileName) };
    case 'csv': {
      const imported = recordsFromCsv(request.bytes, request.query);
      return { kind: 'run', ...imported, ...analyseReviewRun(imported.records) };
    }
    case 'text': {
      const imported = recordsFromText(request.text, request.path, request.what);
      return { kind: 'run', ...imported, mapping: null, ...analyseReviewRun(imported.records) };
    }
  }
}

parentPort?.on('message', (request: AnalysisRequest) => {
  let reply: AnalysisReply;
  try {
    reply = { id: request.id, output: answer(request) };
  } catch (error) {
    reply =
      error instanceof ImportFailure
        ? { id: request.id, problem: error.problem }
        : { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
