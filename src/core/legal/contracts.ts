/**
 * `GET /api/legal` (public): the facts the /privacy, /terms and /contact pages state, all taken from
 * the running installation — what the database stores and for how long (derived from the schema and
 * the retention settings), which outside services receive data (only those configured) and who the
 * operator is (only what the operator configured). The pages add no claim of their own (ADR 0046).
 */
import { z } from 'zod';

/** Where a kind of stored data comes from; the privacy page shows one section per group. */
export const STORED_DATA_GROUPS = ['account', 'brand-work', 'visitors', 'service'] as const;
export type StoredDataGroup = (typeof STORED_DATA_GROUPS)[number];

export const storedDataSchema = z.object({
  /** The database table, for readers who want to check against the export or the schema. */
  table: z.string(),
  group: z.enum(STORED_DATA_GROUPS),
  /** What one row holds, in plain words. */
  what: z.string(),
  /** How long it is kept, with this installation's numbers. */
  kept: z.string(),
});
export type StoredData = z.infer<typeof storedDataSchema>;

export const PROCESSOR_KINDS = ['ai', 'email', 'error-tracking'] as const;
export type ProcessorKind = (typeof PROCESSOR_KINDS)[number];

export const processorSchema = z.object({
  kind: z.enum(PROCESSOR_KINDS),
  /** The service as the operator named it, else the host it is reached at. */
  name: z.string(),
  purpose: z.string(),
  /** What it receives, one item each (for the AI provider: per feature, which text). */
  receives: z.array(z.string()),
});
export type Processor = z.infer<typeof processorSchema>;

export const legalFactsSchema = z.object({
  operator: z.object({
    name: z.string().nullable(),
    contactEmail: z.string().nullable(),
    postalAddress: z.string().nullable(),
    governingLaw: z.string().nullable(),
  }),
  /** Days, as configured; the `kept` sentences above use the same numbers. */
  retention: z.object({
    softDeletedDays: z.number().int(),
    anonymousDiagnosticDays: z.number().int(),
    accountDeletionGraceDays: z.number().int(),
    outboxDays: z.number().int(),
    jobHistoryDays: z.number().int(),
    serverErrorDays: z.number().int(),
    sessionDays: z.number().int(),
    /** The daily backup's rotation: the newest backup of each of the last N days, weeks and months. */
    backups: z.object({ daily: z.number().int(), weekly: z.number().int(), monthly: z.number().int() }),
  }),
  stored: z.array(storedDataSchema),
  /** Outside services that receive data; empty when none is configured. */
  processors: z.array(processorSchema),
  /** Limits every account works within, as enforced by the server. */
  limits: z.object({
    aiRequestsPerDay: z.number().int(),
    documentUploadsPerDay: z.number().int(),
    documentsMegabytesPerBrand: z.number().int(),
  }),
});
export type LegalFacts = z.infer<typeof legalFactsSchema>;
