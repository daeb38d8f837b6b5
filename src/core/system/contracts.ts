/** `GET /api/admin/system`: the admin System page's one response. Times are ISO 8601 strings. */
import { z } from 'zod';

const isoTime = z.string();

export const systemHealthSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.object({
    kind: z.enum(['pglite', 'postgres']),
    reachable: z.boolean(),
    /** Round trip of `select 1`; null when the database did not answer. */
    latencyMs: z.number().nullable(),
  }),
  migrations: z.object({ applied: z.number().int().nullable(), expected: z.number().int() }),
  pool: z.object({
    total: z.number().int(),
    idle: z.number().int(),
    waiting: z.number().int(),
    max: z.number().int(),
  }),
  uptimeSeconds: z.number(),
  version: z.string(),
  /** SENTRY_RELEASE when set: the build that is running. */
  release: z.string().nullable(),
  nodeVersion: z.string(),
});
export type SystemHealth = z.infer<typeof systemHealthSchema>;

export const backupRunSchema = z.object({
  id: z.string(),
  startedAt: isoTime,
  finishedAt: isoTime,
  durationMs: z.number().int(),
  outcome: z.enum(['success', 'failure']),
  trigger: z.enum(['cli', 'job']),
  fileName: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  sha256: z.string().nullable(),
  encrypted: z.boolean(),
  error: z.string().nullable(),
});
export type BackupRunView = z.infer<typeof backupRunSchema>;

export const systemBackupsSchema = z.object({
  /** The newest successful backup and how old it is, or null when none has succeeded yet. */
  lastSuccess: z.object({ run: backupRunSchema, ageSeconds: z.number() }).nullable(),
  /** The newest runs, successful or not, newest first. */
  runs: z.array(backupRunSchema),
});

export const jobSummaryRowSchema = z.object({
  name: z.string(),
  /** "daily", "hourly", … for scheduled jobs; null for jobs run on demand. */
  schedule: z.string().nullable(),
  lastRunAt: isoTime.nullable(),
  lastOutcome: z.enum(['succeeded', 'failed']).nullable(),
  failuresLast24h: z.number().int(),
  /** Runs waiting to be retried after a failed attempt. */
  retrying: z.number().int(),
  pending: z.number().int(),
  running: z.number().int(),
  /** Runs that gave up, kept until the job history's retention purges them. */
  failed: z.number().int(),
  /** When the next run is due (it may already be due); null when nothing is queued or scheduled. */
  nextRunAt: isoTime.nullable(),
});

export const failedJobRunSchema = z.object({
  id: z.string(),
  name: z.string(),
  runKey: z.string(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  finishedAt: isoTime.nullable(),
  error: z.string().nullable(),
});

export const systemJobsSchema = z.object({
  /** Whether this instance runs the scheduler (JOBS_ENABLED); another instance may. */
  schedulerEnabled: z.boolean(),
  summary: z.array(jobSummaryRowSchema),
  /** The queue's depth over every job: waiting (pending and retrying), running, and given up. */
  depth: z.object({ queued: z.number().int(), running: z.number().int(), failed: z.number().int() }),
  recentFailures: z.array(failedJobRunSchema),
});

export const systemOutboxSchema = z.object({
  /** `smtp`: mail is sent and the outbox only holds what was stored before; `outbox`: dev mode. */
  transport: z.enum(['smtp', 'outbox']),
  count: z.number().int(),
  recent: z.array(
    z.object({
      id: z.string(),
      /** Masked: first character and domain only. */
      to: z.string(),
      subject: z.string(),
      createdAt: isoTime,
    }),
  ),
});

export const serverErrorSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  method: z.string(),
  /** The route pattern (`/api/items/:itemId`), never the URL the client sent. */
  route: z.string(),
  errorName: z.string(),
  message: z.string(),
  /** Top stack frame as `file:line`. */
  location: z.string().nullable(),
  createdAt: isoTime,
});
export type ServerErrorView = z.infer<typeof serverErrorSchema>;

/** Why brand knowledge search matches words only (docs/decisions/0036-vector-search-when-available.md). */
export const KNOWLEDGE_SEARCH_REASONS = [
  'no-embedding-model',
  'extension-not-installed',
  'extension-not-enabled',
] as const;
export type KnowledgeSearchReason = (typeof KNOWLEDGE_SEARCH_REASONS)[number];

export const systemKnowledgeSchema = z.object({
  search: z.object({
    mode: z.enum(['full-text', 'full-text-and-vectors']),
    /** The embedding model (with `@dimensions` when they are set); null when none is configured. */
    embeddingModel: z.string().nullable(),
    vectorExtension: z.object({
      /** `available`: on the server but not created, because no embedding model is configured. */
      status: z.enum(['enabled', 'available', 'not-installed', 'not-enabled']),
      version: z.string().nullable(),
    }),
    /** Why search matches words only; empty when vectors are in use. */
    reasons: z.array(z.object({ code: z.enum(KNOWLEDGE_SEARCH_REASONS), message: z.string() })),
    /** With vectors: the passages, and how many have their vector yet (the rest wait for the job). */
    passages: z.object({ total: z.number().int(), embedded: z.number().int() }).nullable(),
  }),
  /** Uploaded documents whose text could not be extracted (deleted ones left out). */
  failedExtractions: z.object({
    count: z.number().int(),
    /** The newest, without their names (the owner's words); the reason is the one the owner sees. */
    recent: z.array(
      z.object({
        id: z.string(),
        format: z.string(),
        sizeBytes: z.number().int(),
        reason: z.string().nullable(),
        failedAt: isoTime,
      }),
    ),
  }),
});
export type SystemKnowledge = z.infer<typeof systemKnowledgeSchema>;

export const systemStatusSchema = z.object({
  generatedAt: isoTime,
  health: systemHealthSchema,
  backups: systemBackupsSchema,
  jobs: systemJobsSchema,
  outbox: systemOutboxSchema,
  errors: z.object({ recent: z.array(serverErrorSchema) }),
  knowledge: systemKnowledgeSchema,
});
export type SystemStatus = z.infer<typeof systemStatusSchema>;
