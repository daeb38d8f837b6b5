/**
 * The one place that reads `process.env`. Everything else receives a typed `AppConfig`.
 * Defaults suit local development; `.env.example` documents every variable.
 */
import path from 'node:path';
import { z } from 'zod';

export const DEV_AUTH_SECRET = 'dev-only-secret-change-me-in-production-0000';

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

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'staging', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  /** Defaults to http://localhost:<PORT>. */
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_POOL_MAX: positiveInt.default(10),
  AUTH_SECRET: z.string().min(1).default(DEV_AUTH_SECRET),
  SESSION_TTL_SECONDS: positiveInt.default(60 * 60 * 24 * 30),
  CORS_ORIGINS: csvList.default([]),
  TRUST_PROXY: booleanFromEnv.default(false),
  SMTP_URL: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default('IDEA Brand Coach <no-reply@localhost>'),
  BODY_LIMIT_BYTES: positiveInt.default(1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
  MAX_EVENT_LOOP_DELAY_MS: positiveInt.default(1_000),
  AUTH_THROTTLE_WINDOW_SECONDS: positiveInt.default(15 * 60),
  AUTH_THROTTLE_MAX_PER_IP: positiveInt.default(50),
  AUTH_THROTTLE_MAX_PER_EMAIL: positiveInt.default(10),
  STATIC_DIR: z.string().min(1).default('dist/web'),
  DIAGNOSTIC_SUBMIT_MAX_PER_IP: positiveInt.default(30),
  LEAD_MAX_PER_IP: positiveInt.default(10),
  LEAD_MAX_PER_EMAIL: positiveInt.default(3),
  ALTCHA_COST: positiveInt.default(1000),
  ALTCHA_MAX_COUNTER: positiveInt.default(5000),
});

export type AppEnvironment = z.infer<typeof envSchema>['NODE_ENV'];

export interface AppConfig {
  env: AppEnvironment;
  host: string;
  port: number;
  publicUrl: URL;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  database: { kind: 'postgres'; url: string; poolMax: number } | { kind: 'pglite'; dataDir: string };
  auth: {
    secret: string;
    sessionTtlSeconds: number;
    secureCookies: boolean;
    throttle: { windowSeconds: number; maxPerIp: number; maxPerEmail: number };
  };
  corsOrigins: string[];
  trustProxy: boolean;
  mail: { smtpUrl: string | undefined; from: string };
  http: { bodyLimitBytes: number; shutdownTimeoutMs: number; maxEventLoopDelayMs: number };
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
  return problems;
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
  const publicUrl = new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`);
  const isMemory = env.DATA_DIR.startsWith('memory://');
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl,
    logLevel: env.LOG_LEVEL,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX }
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
    },
    corsOrigins: env.CORS_ORIGINS,
    trustProxy: env.TRUST_PROXY,
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    http: {
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
      maxEventLoopDelayMs: env.MAX_EVENT_LOOP_DELAY_MS,
    },
    staticDir: path.resolve(env.STATIC_DIR),
    diagnostic: {
      submitMaxPerIp: env.DIAGNOSTIC_SUBMIT_MAX_PER_IP,
      leadMaxPerIp: env.LEAD_MAX_PER_IP,
      leadMaxPerEmail: env.LEAD_MAX_PER_EMAIL,
      altchaCost: env.ALTCHA_COST,
      altchaMaxCounter: env.ALTCHA_MAX_COUNTER,
    },
  };
}
