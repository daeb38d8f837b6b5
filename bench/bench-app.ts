/** What the benches that start the app share: scratch databases, API calls and a signed-up owner. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const BENCH_PASSWORD = 'Granite-Otter-47';

/** The PostgreSQL server benches make their scratch databases on. */
export const benchServerUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs one statement on the bench server (create or drop a scratch database). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: benchServerUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export type ApiCall = <T>(method: string, path: string, cookie?: string, body?: unknown) => Promise<T>;

/** A JSON call to the app that throws on any non-2xx answer, with its body. */
export function apiCaller(baseUrl: string): ApiCall {
  return async <T>(method: string, path: string, cookie?: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

/** Signs a new user up through the API: their id, session cookie and default brand. */
export async function signUpOwner(baseUrl: string, name: string, emailPrefix: string) {
  const response = await fetch(`${baseUrl}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      email: `${emailPrefix}.${randomBytes(4).toString('hex')}@example.com`,
      password: BENCH_PASSWORD,
    }),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  const body = (await response.json()) as { user?: { id: string } };
  if (response.status !== 200 || !cookie || !body.user) throw new Error(`sign-up: ${response.status}`);
  const { brands } = await apiCaller(baseUrl)<{ brands: { id: string }[] }>('GET', '/api/brands', cookie);
  const brandId = brands[0]?.id;
  if (!brandId) throw new Error('sign-up left no default brand');
  return { userId: body.user.id, cookie, brandId };
}

/**
 * The app's environment for a bench on `kind`: in-memory PGlite, or a new scratch database on the
 * bench server (dropped by `drop`). Auth throttles and load shedding are off: every simulated user
 * comes from 127.0.0.1, and the benches measure latency, not the shedder. `settings` add to it.
 */
export async function benchEnvironment(
  kind: 'pglite' | 'postgres',
  benchName: string,
  settings: Record<string, string | undefined> = {},
): Promise<{ env: Record<string, string | undefined>; drop: () => Promise<void> }> {
  const scratch = kind === 'postgres' ? `ibc_bench_${benchName}_${randomBytes(4).toString('hex')}` : null;
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATA_DIR: 'memory://',
    DATABASE_URL: undefined,
    AUTH_THROTTLE_MAX_PER_IP: '1000000',
    AUTH_THROTTLE_MAX_PER_EMAIL: '1000000',
    // The route tiers' per-user and per-IP limits (ADR 0049) are tested elsewhere, not measured here.
    READS_PER_USER_PER_MINUTE: '1000000',
    WRITES_PER_USER_PER_MINUTE: '1000000',
    PUBLIC_REQUESTS_PER_IP_PER_MINUTE: '1000000',
    MAX_EVENT_LOOP_DELAY_MS: '60000',
    ...settings,
  };
  if (scratch) {
    await adminQuery(`create database ${scratch}`);
    const url = new URL(benchServerUrl);
    url.pathname = `/${scratch}`;
    env.DATABASE_URL = url.toString();
  }
  return {
    env,
    drop: async () => {
      if (scratch) await adminQuery(`drop database if exists ${scratch} with (force)`);
    },
  };
}
