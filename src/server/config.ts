/**
 * The one place that reads `process.env`. Everything else receives a typed `AppConfig`.
 * Defaults suit local development; `.env.example` documents every variable.
 */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_TIP_SCHEDULE, parseTipSchedule } from '../core/email-consent/tips.ts';
import { BRAND_DOCUMENTS_MAX_BYTES } from '../core/knowledge/contracts.ts';

export const DEV_AUTH_SECRET = 'dev-only-secret-change-me-in-production-0000';
/** Where people reach the operator when CONTACT_EMAIL is unset (development and tests only). */
export const DEV_CONTACT_EMAIL = 'support@localhost';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const csvList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

const positiveInt = z.coerce.number().int().positive();

/** A 32-byte key written as 64 hex digits or as base64 (`openssl rand -base64 32`). */
const aes256Key = z.string().transform((value, context) => {
  const text = value.trim();
  let key: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(text)) key = Buffer.from(text, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) key = Buffer.from(text, 'base64');
  if (key?.length !== 32) {
    // The message never repeats the value: it is a secret.
    context.addIssue({
      code: 'custom',
      message: 'must be 32 random bytes as 64 hex digits or base64 (e.g. `openssl rand -base64 32`)',
    });
    return z.NEVER;
  }
  return key;
});

const modelPriceSchema = z.strictObject({
  inputPerMTok: z.number().min(0),
  outputPerMTok: z.number().min(0),
});
export type ModelPrice = z.infer<typeof modelPriceSchema>;

/** Money is kept in integer micro-dollars everywhere, so sums and caps are exact. */
export const MICROS_PER_USD = 1_000_000;
const toMicros = (usd: number) => Math.round(usd * MICROS_PER_USD);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'staging', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  /** Defaults to http://localhost:<PORT>. */
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * Connections to PostgreSQL per instance: half (rounded down) are pipelined lanes for single
   * statements, the rest the pool for transactions (db/statement-lanes.ts, ADR 0065).
   */
  DATABASE_POOL_MAX: positiveInt.default(10),
  /** How long a query waits for a pooled connection (queue + connect) before the request fails with 503. */
  DATABASE_CONNECT_TIMEOUT_MS: positiveInt.default(10_000),
  AUTH_SECRET: z.string().min(1).default(DEV_AUTH_SECRET),
  SESSION_TTL_SECONDS: positiveInt.default(60 * 60 * 24 * 30),
  CORS_ORIGINS: csvList.default([]),
  TRUST_PROXY: booleanFromEnv.default(false),
  SMTP_URL: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default('IDEA Brand Coach <no-reply@localhost>'),
  /** The operator's address for people who need help, e.g. to get back an account pending deletion. */
  CONTACT_EMAIL: z
    .email('must be an email address')
    .max(254)
    .transform((email) => email.toLowerCase())
    .optional(),
  /** Who runs this installation, for the public /privacy, /terms and /contact pages (ADR 0046). */
  OPERATOR_NAME: z.string().trim().min(1).max(200).optional(),
  OPERATOR_POSTAL_ADDRESS: z.string().trim().min(1).max(500).optional(),
  /** The law the operator's terms are governed by, e.g. "the laws of Ireland". */
  TERMS_GOVERNING_LAW: z.string().trim().min(1).max(200).optional(),
  BODY_LIMIT_BYTES: positiveInt.default(1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
  /**
   * Behind a load balancer: how long a shutdown keeps serving with /readyz failing before it stops
   * listening, so the balancer's health checks take the instance out first (ADR 0045). 0 = close at once.
   */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  MAX_EVENT_LOOP_DELAY_MS: positiveInt.default(1_000),
  /** API handlers running at once; more wait their turn (platform/admission.ts, ADR 0054). */
  HTTP_MAX_CONCURRENT: positiveInt.default(64),
  /** How long a request may wait for its turn before it is answered 503 with Retry-After. */
  HTTP_MAX_QUEUE_WAIT_MS: positiveInt.default(10_000),
  AUTH_THROTTLE_WINDOW_SECONDS: positiveInt.default(15 * 60),
  AUTH_THROTTLE_MAX_PER_IP: positiveInt.default(50),
  AUTH_THROTTLE_MAX_PER_EMAIL: positiveInt.default(10),
  /** Password hashes and checks (scrypt, 32 MB and ~80 ms each) running at once (ADR 0066). */
  AUTH_HASH_CONCURRENCY: positiveInt.default(2),
  /** Addresses that become admins once verified; each entry must be a plain email address. */
  ADMIN_EMAILS: csvList.pipe(z.array(z.email().transform((email) => email.toLowerCase()))).default([]),
  STATIC_DIR: z.string().min(1).default('dist/web'),
  DIAGNOSTIC_SUBMIT_MAX_PER_IP: positiveInt.default(30),
  LEAD_MAX_PER_IP: positiveInt.default(10),
  LEAD_MAX_PER_EMAIL: positiveInt.default(3),
  /** When the three brand-strategy tips go out after consent, e.g. `1d,5d,12d` (ADR 0047). */
  EMAIL_TIPS_SCHEDULE: z
    .string()
    .default(DEFAULT_TIP_SCHEDULE)
    .transform((value, context) => {
      try {
        return parseTipSchedule(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  ALTCHA_COST: positiveInt.default(1000),
  ALTCHA_MAX_COUNTER: positiveInt.default(5000),
  /** Survey answers per client IP: per hour across all surveys, and per survey per day. */
  SURVEY_RESPONSES_MAX_PER_IP: positiveInt.default(30),
  SURVEY_RESPONSES_MAX_PER_IP_PER_SURVEY: positiveInt.default(5),
  /** PDF downloads (reports, canvas, avatars, snapshots): each one is rendered on request. */
  PDF_WINDOW_SECONDS: positiveInt.default(10 * 60),
  PDF_MAX_PER_USER: positiveInt.default(30),
  PDF_MAX_PER_IP: positiveInt.default(60),
  /**
   * Every /api route's limit tier (platform/route-limits.ts, ADR 0049): reads and writes per
   * signed-in user per minute, public routes per client IP per minute, new brands per user per day,
   * and how often each instance reconciles its counts with the shared ones.
   */
  READS_PER_USER_PER_MINUTE: positiveInt.default(1200),
  WRITES_PER_USER_PER_MINUTE: positiveInt.default(300),
  PUBLIC_REQUESTS_PER_IP_PER_MINUTE: positiveInt.default(600),
  BRANDS_PER_USER_PER_DAY: positiveInt.default(50),
  RATE_LIMIT_SYNC_MS: positiveInt.default(1000),
  /** Document uploads per user: a burst limit and a daily cap (ADR 0034). */
  DOCUMENT_UPLOADS_PER_MINUTE: positiveInt.default(30),
  DOCUMENT_UPLOADS_PER_DAY: positiveInt.default(200),
  /** All of a brand's live documents together, in MB. */
  DOCUMENTS_MAX_MB_PER_BRAND: positiveInt.default(BRAND_DOCUMENTS_MAX_BYTES / (1024 * 1024)),
  /** How long reading one uploaded file may take before its worker is stopped and it fails. */
  DOCUMENT_EXTRACTION_TIMEOUT_MS: positiveInt.default(60_000),
  AI_BASE_URL: z.url().optional(),
  AI_API_KEY: z.string().min(1).optional(),
  AI_MODEL: z.string().min(1).max(200).optional(),
  /** The AI provider as /privacy names it (e.g. "OpenAI"); unset, the host of AI_BASE_URL. */
  AI_PROVIDER_NAME: z.string().trim().min(1).max(200).optional(),
  AI_TIMEOUT_MS: positiveInt.default(30_000),
  AI_MAX_RETRIES: z.coerce.number().int().min(0).max(2).default(2),
  AI_RETRY_BASE_MS: positiveInt.default(500),
  AI_RETRY_MAX_MS: positiveInt.default(8_000),
  AI_BREAKER_THRESHOLD: positiveInt.default(5),
  AI_BREAKER_COOLDOWN_MS: positiveInt.default(30_000),
  AI_DAILY_QUOTA: z.coerce.number().int().min(0).default(50),
  AI_MONTHLY_BUDGET_USD: z.coerce.number().min(0).default(200),
  AI_USER_MONTHLY_BUDGET_USD: z.coerce.number().min(0).default(5),
  AI_ALERT_THRESHOLDS_USD: csvList
    .pipe(z.array(z.string().transform(Number).pipe(z.number().positive())))
    .default([50, 100, 200]),
  AI_PRICES: z
    .string()
    .transform((value, context) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string().min(1), modelPriceSchema))
    .optional(),
  AI_CACHE_TTL_SECONDS: positiveInt.default(7 * 24 * 60 * 60),
  /**
   * Whether chat offers the provider tools (search, diagnostic, copy, proposals). Off for a provider
   * that rejects `tools`; one that answers 400 to them is also detected and asked without.
   */
  AI_TOOLS: booleanFromEnv.default(true),
  /** Embedding model on the same provider; set, passages and questions also get vectors (ADR 0036). */
  AI_EMBEDDING_MODEL: z.string().min(1).max(200).optional(),
  /** Asks the model for vectors of this length (models that support it); pgvector stores up to 16,000. */
  AI_EMBEDDING_DIMENSIONS: z.coerce.number().int().min(1).max(16_000).optional(),
  /** USD per million input tokens; defaults to AI_PRICES' input price, then the built-in table. */
  AI_EMBEDDING_PRICE_PER_MTOK: z.coerce.number().min(0).optional(),
  /** Cosine similarity below which a passage is not a vector match at all. */
  AI_EMBEDDING_MIN_SIMILARITY: z.coerce.number().min(0).max(1).default(0.3),
  /** Runs the job scheduler's poll loop; off by default under NODE_ENV=test (tests tick it directly). */
  JOBS_ENABLED: booleanFromEnv.optional(),
  JOBS_POLL_INTERVAL_MS: positiveInt.default(5_000),
  RETENTION_DAYS: positiveInt.default(30),
  ANONYMOUS_DIAGNOSTIC_RETENTION_DAYS: positiveInt.default(90),
  OUTBOX_RETENTION_DAYS: positiveInt.default(30),
  JOB_HISTORY_RETENTION_DAYS: positiveInt.default(30),
  ACCOUNT_DELETION_GRACE_DAYS: positiveInt.default(30),
  BACKUP_DIR: z.string().min(1).default('./backups'),
  BACKUP_ENCRYPTION_KEY: aes256Key.optional(),
  BACKUP_KEEP_DAILY: z.coerce.number().int().min(1).default(7),
  BACKUP_KEEP_WEEKLY: z.coerce.number().int().min(0).default(4),
  BACKUP_KEEP_MONTHLY: z.coerce.number().int().min(0).default(12),
  PG_DUMP_PATH: z.string().min(1).optional(),
  PG_RESTORE_PATH: z.string().min(1).optional(),
  PSQL_PATH: z.string().min(1).optional(),
  SENTRY_DSN: z.url().optional(),
  SENTRY_ENVIRONMENT: z.string().min(1).max(64).optional(),
  SENTRY_RELEASE: z.string().min(1).max(200).optional(),
  SENTRY_SAMPLE_RATE: z.coerce.number().min(0).max(1).default(1),
  /** Read here only so the CSP lets the browser SDK (built with this DSN) report to its origin. */
  VITE_SENTRY_DSN: z.url().optional(),
  METRICS_TOKEN: z.string().min(1).max(500).optional(),
  SLOW_QUERY_MS: z.coerce.number().int().min(0).default(200),
});

/**
 * USD per million tokens. Defaults are OpenAI's published list prices when this table was written;
 * check your provider's current prices and override with AI_PRICES.
 */
export const DEFAULT_AI_PRICES: Record<string, ModelPrice> = {
  'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
  'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6 },
  'gpt-4.1-nano': { inputPerMTok: 0.1, outputPerMTok: 0.4 },
  'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10 },
};

/** USD per million input tokens of embedding models (embeddings have no output tokens). */
export const DEFAULT_EMBEDDING_PRICES: Record<string, number> = {
  'text-embedding-3-small': 0.02,
  'text-embedding-3-large': 0.13,
  'text-embedding-ada-002': 0.1,
};

export type AppEnvironment = z.infer<typeof envSchema>['NODE_ENV'];

export interface AppConfig {
  env: AppEnvironment;
  host: string;
  port: number;
  publicUrl: URL;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  database:
    | { kind: 'postgres'; url: string; poolMax: number; connectTimeoutMs?: number }
    | { kind: 'pglite'; dataDir: string };
  auth: {
    secret: string;
    sessionTtlSeconds: number;
    secureCookies: boolean;
    throttle: { windowSeconds: number; maxPerIp: number; maxPerEmail: number };
    /** Password hashes and checks running at once; more wait up to `http.maxQueueWaitMs`. */
    hashConcurrency: number;
    /**
     * Lower-cased addresses granted the admin role when they sign in or verify their email — only
     * once verified, so nobody can claim the role by signing up with an address they don't own.
     */
    adminEmails: string[];
  };
  corsOrigins: string[];
  trustProxy: boolean;
  mail: { smtpUrl: string | undefined; from: string };
  /** The operator's contact address, shown to users (deleted-account page, account notices). */
  contactEmail: string;
  /**
   * What the public legal pages say about who runs the installation (ADR 0046); each is null until
   * the operator sets it, and the pages then say it is not published rather than invent one.
   */
  operator: {
    name: string | null;
    /** CONTACT_EMAIL as set; null in development, where `contactEmail` falls back to a local address. */
    contactEmail: string | null;
    postalAddress: string | null;
    governingLaw: string | null;
  };
  http: {
    bodyLimitBytes: number;
    shutdownTimeoutMs: number;
    shutdownDrainMs: number;
    maxEventLoopDelayMs: number;
    maxConcurrent: number;
    maxQueueWaitMs: number;
  };
  staticDir: string;
  diagnostic: {
    /** Anonymous submissions per IP per hour. */
    submitMaxPerIp: number;
    /** Report emails per IP per hour, and per address per day. */
    leadMaxPerIp: number;
    leadMaxPerEmail: number;
    /** Proof-of-work difficulty: PBKDF2 iterations per attempt and the highest attempt count. */
    altchaCost: number;
    altchaMaxCounter: number;
  };
  /** The tips sequence a marketing consent allows: each tip's delay after the consent, in ms. */
  emailTips: { offsetsMs: number[] };
  /** Answers to public survey links per client IP (the database-backed throttle); past either, 429. */
  surveys: { responsesMaxPerIpPerHour: number; responsesMaxPerIpPerSurveyPerDay: number };
  /**
   * PDFs rendered per signed-in user and per client IP in a window, across every instance (the
   * database-backed throttle); past either, 429 with Retry-After.
   */
  pdf: { windowSeconds: number; maxPerUser: number; maxPerIp: number };
  /**
   * The route tiers' limits (ADR 0049). Reads, writes and public requests are counted per instance
   * and reconciled with the shared counters every `syncIntervalMs`, so past a limit each instance
   * may admit what one client sends it within one interval; new brands are counted exactly.
   */
  limits: {
    readsPerUserPerMinute: number;
    writesPerUserPerMinute: number;
    publicRequestsPerIpPerMinute: number;
    brandsPerUserPerDay: number;
    syncIntervalMs: number;
  };
  /** Uploaded documents: upload throttles, the per-brand allowance and the extraction time limit. */
  documents: {
    uploadsPerMinute: number;
    uploadsPerDay: number;
    brandLimitBytes: number;
    extractionTimeoutMs: number;
  };
  ai: {
    /** The OpenAI-compatible provider; null means the offline coach answers everything. */
    provider: { baseUrl: string; apiKey: string | undefined; model: string } | null;
    /** How /privacy names the provider: AI_PROVIDER_NAME, else the host of its base URL. */
    providerName: string | null;
    timeoutMs: number;
    maxRetries: number;
    retryBaseMs: number;
    /** Longest wait before a retry; a Retry-After beyond it means "fall back now". */
    retryMaxMs: number;
    breaker: { threshold: number; cooldownMs: number };
    dailyQuota: number;
    monthlyBudgetMicros: number;
    userMonthlyBudgetMicros: number;
    alertThresholdsMicros: number[];
    prices: Record<string, ModelPrice>;
    cacheTtlSeconds: number;
    /** Vectors for brand knowledge on the provider above; null: full-text search only (ADR 0036). */
    embedding: EmbeddingConfig | null;
    /** Chat may call tools on the provider (docs/decisions/0038-coach-tools-and-proposals.md). */
    tools: boolean;
  };
  jobs: JobsConfig;
  retention: RetentionConfig;
  backup: {
    /** Absolute folder for backup files and their manifests. */
    dir: string;
    /** AES-256-GCM key; null writes unencrypted backups. */
    encryptionKey: Buffer | null;
    /** Explicit PostgreSQL client binaries; unset means PATH, then /usr/lib/postgresql/<newest>/bin. */
    tools: { pgDump: string | undefined; pgRestore: string | undefined; psql: string | undefined };
    /** Rotation: newest backup of each of the last N days, ISO weeks and months is kept. */
    keep: { daily: number; weekly: number; monthly: number };
  };
  observability: {
    /** Server error reporting; null (no SENTRY_DSN) means nothing is ever sent. */
    sentry: { dsn: string; environment: string; release: string | undefined; sampleRate: number } | null;
    /** The origin the browser SDK reports to, allowed by the CSP's connect-src; null when unset. */
    browserReportingOrigin: string | null;
    /** Bearer token for GET /metrics; null disables the endpoint (404). */
    metricsToken: string | null;
    /** Queries slower than this (ms) are logged with their fingerprint; 0 logs every query. */
    slowQueryMs: number;
  };
}

export interface EmbeddingConfig {
  model: string;
  /** Requested vector length; null takes the model's own. */
  dimensions: number | null;
  /** Priced like any call: input tokens only. */
  price: ModelPrice;
  /** A passage less similar than this to the question is not a vector match. */
  minSimilarity: number;
}

export interface JobsConfig {
  /** Whether this instance polls the queue (every instance may; the database arbitrates). */
  enabled: boolean;
  pollIntervalMs: number;
}

export interface RetentionConfig {
  /** Soft-deleted rows (any table with `deleted_at`) are purged after this many days. */
  softDeletedDays: number;
  /** Anonymous diagnostic results never claimed into an account. */
  anonymousDiagnosticDays: number;
  outboxDays: number;
  /** Finished job runs kept for the admin System page. */
  jobHistoryDays: number;
  /** Between an account deletion request and the purge; an admin can restore meanwhile. */
  accountDeletionGraceDays: number;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Settings that are fine on a laptop but unsafe on the internet. */
function productionProblems(env: z.infer<typeof envSchema>): string[] {
  const problems: string[] = [];
  if (env.AUTH_SECRET === DEV_AUTH_SECRET || env.AUTH_SECRET.length < 32) {
    problems.push(
      'AUTH_SECRET must be set to a random value of at least 32 characters (e.g. `openssl rand -hex 32`).',
    );
  }
  if (env.CORS_ORIGINS.some((origin) => origin.includes('*'))) {
    problems.push('CORS_ORIGINS must list exact origins; "*" is not allowed with credentials.');
  }
  if (!env.PUBLIC_URL || new URL(env.PUBLIC_URL).protocol !== 'https:') {
    problems.push('PUBLIC_URL must be an https:// URL.');
  }
  if (!env.SMTP_URL) {
    problems.push('SMTP_URL must be set: production sends real email (verification, password reset).');
  }
  if (!env.CONTACT_EMAIL) {
    problems.push(
      'CONTACT_EMAIL must be set: users are told to write to it, e.g. to get back a deleted account.',
    );
  }
  if (env.METRICS_TOKEN !== undefined && env.METRICS_TOKEN.length < 32) {
    // The metrics reveal traffic, spend and errors; a guessable token would publish them.
    problems.push('METRICS_TOKEN must be at least 32 random characters (e.g. `openssl rand -hex 32`).');
  }
  return problems;
}

function embeddingConfig(
  env: z.infer<typeof envSchema>,
  prices: Record<string, ModelPrice>,
): EmbeddingConfig | null {
  const model = env.AI_EMBEDDING_MODEL;
  if (!model) return null;
  if (!env.AI_BASE_URL) {
    throw new ConfigError([
      'AI_EMBEDDING_MODEL needs AI_BASE_URL: embeddings come from the OpenAI-compatible provider.',
    ]);
  }
  const perMTok =
    env.AI_EMBEDDING_PRICE_PER_MTOK ?? prices[model]?.inputPerMTok ?? DEFAULT_EMBEDDING_PRICES[model];
  if (perMTok === undefined) {
    // As for AI_MODEL: without a price the spending caps cannot hold, so refuse rather than spend blind.
    throw new ConfigError([
      `No price for AI_EMBEDDING_MODEL "${model}": set AI_EMBEDDING_PRICE_PER_MTOK or add it to AI_PRICES.`,
    ]);
  }
  return {
    model,
    dimensions: env.AI_EMBEDDING_DIMENSIONS ?? null,
    price: { inputPerMTok: perMTok, outputPerMTok: 0 },
    minSimilarity: env.AI_EMBEDDING_MIN_SIMILARITY,
  };
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings in env files mean "not set".
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  if (env.NODE_ENV === 'production') {
    const problems = productionProblems(env);
    if (problems.length > 0) throw new ConfigError(problems);
  }
  const prices = env.AI_PRICES ?? DEFAULT_AI_PRICES;
  if (env.AI_BASE_URL && !env.AI_MODEL) throw new ConfigError(['AI_MODEL must be set when AI_BASE_URL is.']);
  if (env.AI_BASE_URL && env.AI_MODEL && !prices[env.AI_MODEL]) {
    // Without a price the spending caps cannot be enforced, so refuse rather than spend blind.
    throw new ConfigError([`AI_PRICES has no price for AI_MODEL "${env.AI_MODEL}".`]);
  }
  const embedding = embeddingConfig(env, prices);
  const publicUrl = new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`);
  const isMemory = env.DATA_DIR.startsWith('memory://');
  const backupDir = path.resolve(env.BACKUP_DIR);
  const pgliteDir = env.DATABASE_URL || isMemory ? null : path.resolve(env.DATA_DIR);
  if (pgliteDir && (backupDir === pgliteDir || backupDir.startsWith(`${pgliteDir}${path.sep}`))) {
    // A PGlite backup archives the whole data folder, so backups inside it would nest and grow.
    throw new ConfigError([
      'BACKUP_DIR must not be inside DATA_DIR (the PGlite backup copies DATA_DIR whole).',
    ]);
  }
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl,
    logLevel: env.LOG_LEVEL,
    database: env.DATABASE_URL
      ? {
          kind: 'postgres',
          url: env.DATABASE_URL,
          poolMax: env.DATABASE_POOL_MAX,
          connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
        }
      : { kind: 'pglite', dataDir: isMemory ? env.DATA_DIR : path.resolve(env.DATA_DIR) },
    auth: {
      secret: env.AUTH_SECRET,
      sessionTtlSeconds: env.SESSION_TTL_SECONDS,
      secureCookies: publicUrl.protocol === 'https:',
      throttle: {
        windowSeconds: env.AUTH_THROTTLE_WINDOW_SECONDS,
        maxPerIp: env.AUTH_THROTTLE_MAX_PER_IP,
        maxPerEmail: env.AUTH_THROTTLE_MAX_PER_EMAIL,
      },
      hashConcurrency: env.AUTH_HASH_CONCURRENCY,
      adminEmails: env.ADMIN_EMAILS,
    },
    corsOrigins: env.CORS_ORIGINS,
    trustProxy: env.TRUST_PROXY,
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    contactEmail: env.CONTACT_EMAIL ?? DEV_CONTACT_EMAIL,
    operator: {
      name: env.OPERATOR_NAME ?? null,
      contactEmail: env.CONTACT_EMAIL ?? null,
      postalAddress: env.OPERATOR_POSTAL_ADDRESS ?? null,
      governingLaw: env.TERMS_GOVERNING_LAW ?? null,
    },
    http: {
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
      shutdownDrainMs: env.SHUTDOWN_DRAIN_MS,
      maxEventLoopDelayMs: env.MAX_EVENT_LOOP_DELAY_MS,
      maxConcurrent: env.HTTP_MAX_CONCURRENT,
      maxQueueWaitMs: env.HTTP_MAX_QUEUE_WAIT_MS,
    },
    staticDir: path.resolve(env.STATIC_DIR),
    diagnostic: {
      submitMaxPerIp: env.DIAGNOSTIC_SUBMIT_MAX_PER_IP,
      leadMaxPerIp: env.LEAD_MAX_PER_IP,
      leadMaxPerEmail: env.LEAD_MAX_PER_EMAIL,
      altchaCost: env.ALTCHA_COST,
      altchaMaxCounter: env.ALTCHA_MAX_COUNTER,
    },
    emailTips: { offsetsMs: env.EMAIL_TIPS_SCHEDULE },
    surveys: {
      responsesMaxPerIpPerHour: env.SURVEY_RESPONSES_MAX_PER_IP,
      responsesMaxPerIpPerSurveyPerDay: env.SURVEY_RESPONSES_MAX_PER_IP_PER_SURVEY,
    },
    pdf: {
      windowSeconds: env.PDF_WINDOW_SECONDS,
      maxPerUser: env.PDF_MAX_PER_USER,
      maxPerIp: env.PDF_MAX_PER_IP,
    },
    limits: {
      readsPerUserPerMinute: env.READS_PER_USER_PER_MINUTE,
      writesPerUserPerMinute: env.WRITES_PER_USER_PER_MINUTE,
      publicRequestsPerIpPerMinute: env.PUBLIC_REQUESTS_PER_IP_PER_MINUTE,
      brandsPerUserPerDay: env.BRANDS_PER_USER_PER_DAY,
      syncIntervalMs: env.RATE_LIMIT_SYNC_MS,
    },
    documents: {
      uploadsPerMinute: env.DOCUMENT_UPLOADS_PER_MINUTE,
      uploadsPerDay: env.DOCUMENT_UPLOADS_PER_DAY,
      brandLimitBytes: env.DOCUMENTS_MAX_MB_PER_BRAND * 1024 * 1024,
      extractionTimeoutMs: env.DOCUMENT_EXTRACTION_TIMEOUT_MS,
    },
    ai: {
      provider:
        env.AI_BASE_URL && env.AI_MODEL
          ? { baseUrl: env.AI_BASE_URL, apiKey: env.AI_API_KEY, model: env.AI_MODEL }
          : null,
      providerName: env.AI_BASE_URL ? (env.AI_PROVIDER_NAME ?? new URL(env.AI_BASE_URL).hostname) : null,
      timeoutMs: env.AI_TIMEOUT_MS,
      maxRetries: env.AI_MAX_RETRIES,
      retryBaseMs: env.AI_RETRY_BASE_MS,
      retryMaxMs: env.AI_RETRY_MAX_MS,
      breaker: { threshold: env.AI_BREAKER_THRESHOLD, cooldownMs: env.AI_BREAKER_COOLDOWN_MS },
      dailyQuota: env.AI_DAILY_QUOTA,
      monthlyBudgetMicros: toMicros(env.AI_MONTHLY_BUDGET_USD),
      userMonthlyBudgetMicros: toMicros(env.AI_USER_MONTHLY_BUDGET_USD),
      alertThresholdsMicros: [...new Set(env.AI_ALERT_THRESHOLDS_USD.map(toMicros))].sort((a, b) => a - b),
      prices,
      cacheTtlSeconds: env.AI_CACHE_TTL_SECONDS,
      embedding,
      tools: env.AI_TOOLS,
    },
    jobs: {
      enabled: env.JOBS_ENABLED ?? env.NODE_ENV !== 'test',
      pollIntervalMs: env.JOBS_POLL_INTERVAL_MS,
    },
    retention: {
      softDeletedDays: env.RETENTION_DAYS,
      anonymousDiagnosticDays: env.ANONYMOUS_DIAGNOSTIC_RETENTION_DAYS,
      outboxDays: env.OUTBOX_RETENTION_DAYS,
      jobHistoryDays: env.JOB_HISTORY_RETENTION_DAYS,
      accountDeletionGraceDays: env.ACCOUNT_DELETION_GRACE_DAYS,
    },
    backup: {
      dir: backupDir,
      encryptionKey: env.BACKUP_ENCRYPTION_KEY ?? null,
      tools: { pgDump: env.PG_DUMP_PATH, pgRestore: env.PG_RESTORE_PATH, psql: env.PSQL_PATH },
      keep: {
        daily: env.BACKUP_KEEP_DAILY,
        weekly: env.BACKUP_KEEP_WEEKLY,
        monthly: env.BACKUP_KEEP_MONTHLY,
      },
    },
    observability: {
      sentry: env.SENTRY_DSN
        ? {
            dsn: env.SENTRY_DSN,
            environment: env.SENTRY_ENVIRONMENT ?? env.NODE_ENV,
            release: env.SENTRY_RELEASE,
            sampleRate: env.SENTRY_SAMPLE_RATE,
          }
        : null,
      browserReportingOrigin: env.VITE_SENTRY_DSN ? new URL(env.VITE_SENTRY_DSN).origin : null,
      metricsToken: env.METRICS_TOKEN ?? null,
      slowQueryMs: env.SLOW_QUERY_MS,
    },
  };
}
