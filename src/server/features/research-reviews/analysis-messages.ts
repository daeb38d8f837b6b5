/**
 * The messages between the review analyser and its worker thread (analysis-pool.ts,
 * analysis-worker.ts): plain data, since errors and classes do not survive the thread boundary.
 */
import type { ReviewRecord } from '../../../core/research-reviews/analyse.ts';
import type { ReviewColumnMapping } from '../../../core/research-reviews/columns.ts';
import type {
  AnalysedReviewRow,
  ReviewCsvPreview,
  ReviewRunResult,
  ReviewUploadQuery,
} from '../../../core/research-reviews/contracts.ts';
import type { ImportProblem } from './review-import.ts';

export type AnalysisRequest = { id: number } & (
  | { kind: 'preview'; bytes: Uint8Array; fileName: string }
  | { kind: 'csv'; bytes: Uint8Array; query: ReviewUploadQuery }
  | { kind: 'text'; text: string; path: string; what: 'paste' | 'avatar' }
);
export type AnalysisJob = AnalysisRequest extends infer Request
  ? Request extends { id: number }
    ? Omit<Request, 'id'>
    : never
  : never;

export type AnalysisOutput =
  | { kind: 'preview'; preview: ReviewCsvPreview }
  | {
      kind: 'run';
      records: ReviewRecord[];
      notes: string[];
      mapping: ReviewColumnMapping | null;
      result: ReviewRunResult;
      reviews: AnalysedReviewRow[];
    };

export type AnalysisReply =
  | { id: number; output: AnalysisOutput }
  | { id: number; problem: ImportProblem }
  | { id: number; error: string };
