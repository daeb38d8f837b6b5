/**
 * Integration-test harness: a real app listening on a real port over a real database — PGlite in
 * memory, or a fresh PostgreSQL database per test file when TEST_DATABASE_URL is set — plus an HTTP
 * client with a cookie jar, like a browser's.
 */

import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Brand } from '../../core/workspace/items.ts';
import { buildApp } from '../app.ts';
import { type AppConfig, loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { createRetention, type RetentionReport } from '../jobs/retention.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import { createPostgresDatabase } from './scratch-postgres.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export interface TestApp {
  app: FastifyInstance;
  config: AppConfig;
  database: Database;
  baseUrl: string;
  logs: string[];
  client(): TestClient;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra environment variables, as `.env` would give them. */
  env?: Record<string, string>;
  /** Register extra routes (e.g. a deliberately failing one) before the app starts listening. */
  extend?: (app: FastifyInstance) => void | Promise<void>;
  pressureSampleIntervalMs?: number;
  /** The clock for jobs, retention and account deletion (e.g. a ManualClock the test advances). */
  clock?: Clock;
  /**
   * An open database to share with another test app, as a second instance would (PGlite lives in
   * one process, so this is how two PGlite instances meet). The caller keeps owning it.
   */
  database?: Database;
}

export async function startTestApp(kind: DatabaseKind, options: TestAppOptions = {}): Promise<TestApp> {
  // A caller-supplied DATABASE_URL means "join that database" (e.g. a second instance); otherwise each
  // PostgreSQL test app gets a database of its own.
  const joinsExisting = Boolean(options.env?.DATABASE_URL || options.database);
  const postgres = kind === 'postgres' && !joinsExisting ? await createPostgresDatabase() : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATA_DIR: 'memory://',
    STATIC_DIR: 'dist/does-not-exist',
    AUTH_THROTTLE_MAX_PER_IP: '10000',
    AUTH_THROTTLE_MAX_PER_EMAIL: '10000',
    // Suites send hundreds of requests per user and from one address within a minute; the route
    // tiers' own tests (route-limits.int.test.ts) set low limits of their own.
    READS_PER_USER_PER_MINUTE: '1000000',
    WRITES_PER_USER_PER_MINUTE: '1000000',
    PUBLIC_REQUESTS_PER_IP_PER_MINUTE: '1000000',
    BRANDS_PER_USER_PER_DAY: '1000000',
    // Test files share two cores with in-process PGlite databases (whose WebAssembly runs on the
    // event loop), so on a busy machine a delay of many seconds is normal here; only the
    // load-shedding test asks for shedding (with its own low threshold).
    MAX_EVENT_LOOP_DELAY_MS: '60000',
    ...(postgres ? { DATABASE_URL: postgres.url, DATABASE_POOL_MAX: '4' } : {}),
    ...options.env,
  });
  const database = options.database ?? (await openDatabase(config.database));
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  const app = await buildApp({
    config,
    database,
    logStream,
    ...(options.pressureSampleIntervalMs
      ? { pressureSampleIntervalMs: options.pressureSampleIntervalMs }
      : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await options.extend?.(app);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  let closed = false;
  return {
    app,
    config,
    database,
    baseUrl: address,
    logs,
    client: () => new TestClient(address),
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      if (!options.database) await database.close();
      await postgres?.drop();
    },
  };
}

/**
 * Runs a suite once per database: PGlite always, PostgreSQL when TEST_DATABASE_URL is set (otherwise
 * the PostgreSQL suite shows as skipped, by name, in the report).
 */
export function describeOnEachDatabase(
  title: string,
  suite: (getApp: () => TestApp, kind: DatabaseKind) => void,
  options: TestAppOptions = {},
): void {
  for (const kind of ['pglite', 'postgres'] as const) {
    const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
    const unavailable = kind === 'postgres' && !TEST_DATABASE_URL;
    describe.skipIf(unavailable)(
      `${title} [${label}]${unavailable ? ' (skipped: TEST_DATABASE_URL not set)' : ''}`,
      () => {
        let testApp: TestApp | undefined;
        beforeAll(async () => {
          testApp = await startTestApp(kind, options);
        });
        afterAll(async () => {
          await testApp?.close();
        });
        suite(() => {
          if (!testApp) throw new Error('test app is not running');
          return testApp;
        }, kind);
      },
    );
  }
}

export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A tiny HTTP client with a cookie jar: one instance is one browser. */
export class TestClient {
  readonly baseUrl: string;
  readonly cookies = new Map<string, string>();

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request<T = unknown>(
    method: string,
    path: string,
    options: { json?: unknown; body?: string; headers?: Record<string, string> } = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0 && !('cookie' in headers)) headers.cookie = this.cookieHeader();
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body, redirect: 'manual' });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = setCookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = unknown>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, headers ? { headers } : {});
  }

  post<T = unknown>(path: string, json: unknown = {}, headers?: Record<string, string>) {
    return this.request<T>('POST', path, { json, ...(headers ? { headers } : {}) });
  }
}

export interface ErrorBody {
  error: { code: string; message: string; requestId: string; details?: { path: string; message: string }[] };
}

let counter = 0;
/** A unique, valid email for each call, so tests never collide. */
/**
 * One run of the daily retention rules on a test app's database, by the system clock unless a test
 * passes its own (a clock far ahead would also expire the app's sessions).
 */
export function runRetention(testApp: TestApp, clock: Clock = systemClock): Promise<RetentionReport> {
  return createRetention({
    database: testApp.database,
    clock,
    config: testApp.config.retention,
    log: testApp.app.log,
    lifecycle: testApp.app.services.lifecycle,
  }).run();
}

export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}.${counter}@example.com`;
}

export const STRONG_PASSWORD = 'Granite-Otter-47';

export async function signUp(
  client: TestClient,
  overrides: { name?: string; email?: string; password?: string } = {},
) {
  const email = overrides.email ?? uniqueEmail();
  const response = await client.post<{ user: { id: string; email: string; name: string } }>(
    '/api/auth/sign-up',
    {
      name: overrides.name ?? 'Test User',
      email,
      password: overrides.password ?? STRONG_PASSWORD,
    },
  );
  if (response.status !== 200) throw new Error(`sign-up failed: ${response.status} ${response.text}`);
  return { email, user: response.body.user };
}

/** The signed-in user's default brand (every account has one from sign-up). */
export async function defaultBrand(client: TestClient): Promise<Brand> {
  const response = await client.get<{ brands: Brand[] }>('/api/brands');
  const first = response.body.brands?.[0];
  if (response.status !== 200 || !first)
    throw new Error(`no default brand: ${response.status} ${response.text}`);
  return first;
}

export async function defaultBrandId(client: TestClient): Promise<string> {
  return (await defaultBrand(client)).id;
}
