/**
 * `npm run bench:load`: the load test on PostgreSQL, with fault drills.
 *
 * 1. Creates a scratch database and starts the app as its own process (as in production), plus a
 *    bare Fastify + pg route as the baseline.
 * 2. Creates users through the public API (sign-up), a brand each, and one avatar per connection.
 * 3. For each connection count (default 100 and 1,000) drives a realistic signed-in mix —
 *    dashboard progress, reading and saving workspace items, diagnostic submits, AI tasks on the
 *    offline coach, session checks — then the bare route at the same concurrency.
 * 4. Verifies that every acknowledged write is in the database (avatar saves: version and content
 *    of the last acknowledged save; diagnostic submits: every returned id exists).
 * 5. Drills: SIGTERM with requests in flight (all must complete), and PostgreSQL becoming
 *    unreachable under load (503 + Retry-After, /readyz fails, recovery without a restart).
 *
 *   npm run bench:load [-- --connections 100,1000 --seconds 20 --users 200 --skip-drills]
 *
 * Uses DATABASE_URL or TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) only
 * to create and drop the scratch database. Writes reports/bench-load.json.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { startTcpProxy } from '../src/server/testing/tcp-proxy.ts';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '100,1000' },
    seconds: { type: 'string', default: '20' },
    users: { type: 'string', default: '200' },
    'skip-drills': { type: 'boolean', default: false },
  },
});
const stages = values.connections.split(',').map(Number);
const seconds = Number(values.seconds);
const userCount = Number(values.users);
const maxConnections = Math.max(...stages);
const POOL_MAX = '20';
const PASSWORD = 'Granite-Otter-47';

const baseUrl = new URL(
  process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);
const scratchName = `ibc_load_${randomBytes(4).toString('hex')}`;
const scratchUrl = new URL(baseUrl);
scratchUrl.pathname = `/${scratchName}`;

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl.toString() });
  await client.connect();
  await client.query(sql);
  await client.end();
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

interface Process {
  child: ChildProcess;
  url: string;
  output(): string;
  stop(): Promise<number | null>;
}

async function startProcess(script: string, env: Record<string, string>): Promise<Process> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output = (output + String(chunk)).slice(-20_000);
  });
  child.stderr?.on('data', (chunk) => {
    output = (output + String(chunk)).slice(-20_000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited: ${output}`);
    try {
      const response = await fetch(`${url}/${script.includes('bare') ? 'bare' : 'readyz'}`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${script} did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    child,
    url,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      return code as number | null;
    },
  };
}

function appEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.BENCH_APP_LOG_LEVEL ?? 'warn',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: POOL_MAX,
    // Every simulated user comes from 127.0.0.1; per-IP sign-up throttles would stop the setup.
    AUTH_THROTTLE_MAX_PER_IP: '1000000',
    AUTH_THROTTLE_MAX_PER_EMAIL: '1000000',
    // The mix makes far more AI calls per user than a real day; the quota is tested elsewhere.
    AI_DAILY_QUOTA: '1000000',
    ...extra,
  };
}

// ------------------------------------------------------------------------------------ setup

interface LoadUser {
  cookie: string;
  brandId: string;
}

async function call<T>(
  url: string,
  method: string,
  cookie: string | null,
  body?: unknown,
): Promise<{ status: number; body: T; cookie: string | null }> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : null) as T,
    cookie: response.headers.getSetCookie()[0]?.split(';')[0] ?? null,
  };
}

async function inBatches<T>(count: number, size: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += size) {
    const batch = Array.from({ length: Math.min(size, count - start) }, (_, offset) => task(start + offset));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

async function createUsers(appUrl: string): Promise<LoadUser[]> {
  const stamp = Date.now().toString(36);
  return inBatches(userCount, 10, async (index) => {
    const signUp = await call(`${appUrl}/api/auth/sign-up`, 'POST', null, {
      name: `Load ${index}`,
      email: `load.${stamp}.${index}@example.com`,
      password: PASSWORD,
    });
    if (signUp.status !== 200 || !signUp.cookie) throw new Error(`sign-up failed: ${signUp.status}`);
    const brands = await call<{ brands: Array<{ id: string }> }>(
      `${appUrl}/api/brands`,
      'GET',
      signUp.cookie,
    );
    const brandId = brands.body.brands[0]?.id;
    if (!brandId) throw new Error('no brand');
    return { cookie: signUp.cookie, brandId };
  });
}

interface Avatar {
  id: string;
  user: LoadUser;
  version: number;
}

async function createAvatars(appUrl: string, users: LoadUser[]): Promise<Avatar[]> {
  return inBatches(maxConnections, 20, async (index) => {
    const user = users[index % users.length] as LoadUser;
    const marker = `created ${index}`;
    const response = await call<{ item: { id: string; version: number } }>(
      `${appUrl}/api/brands/${user.brandId}/collections/avatar`,
      'POST',
      user.cookie,
      { data: { name: `Load avatar ${index}`, demographics: { occupation: marker } }, sources: {} },
    );
    if (response.status !== 201) throw new Error(`avatar failed: ${response.status}`);
    return { id: response.body.item.id, user, version: response.body.item.version };
  });
}

// -------------------------------------------------------------------------------- the mix

const OPERATIONS = [
  { name: 'dashboard (GET progress)', weight: 25 },
  { name: 'read item (GET avatar)', weight: 20 },
  { name: 'save item (PUT avatar)', weight: 20 },
  { name: 'session (GET /api/session)', weight: 15 },
  { name: 'diagnostic submit (POST)', weight: 10 },
  { name: 'AI task (offline coach)', weight: 10 },
] as const;
type OperationName = (typeof OPERATIONS)[number]['name'];
const TOTAL_WEIGHT = OPERATIONS.reduce((sum, operation) => sum + operation.weight, 0);

const DIAGNOSTIC_ANSWERS = {
  questionnaireVersion: 1,
  answers: {
    'insight-motivation': 3,
    'insight-customer-clarity': 4,
    'distinctive-difference': 2,
    'distinctive-assets': 3,
    'empathetic-bond': 4,
    'empathetic-messaging': 3,
    'authentic-transparency': 5,
    'authentic-consistency': 2,
  },
};

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(next: () => number): OperationName {
  let roll = next() * TOTAL_WEIGHT;
  for (const operation of OPERATIONS) {
    roll -= operation.weight;
    if (roll < 0) return operation.name;
  }
  return OPERATIONS[0].name;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

interface StageResult {
  scenario: string;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  byOperation?: Array<{
    operation: string;
    requests: number;
    p50Ms: number;
    p95Ms: number;
    p99Ms: number;
    non2xx: number;
  }>;
}

/**
 * What a request was, found again from its response by the request id the server echoes (autocannon
 * builds the next request before the current one is answered, so its per-connection context can't
 * carry this).
 */
interface PendingRequest {
  operation: OperationName;
  startedAt: number;
  avatar: number;
  marker: string | null;
}
let requestSequence = 0;

const acknowledgedDiagnostics: string[] = [];
/** Every acknowledged avatar save, as the server's answer states it: item id → version → content. */
const acknowledgedSaves = new Map<string, Map<number, string>>();
let writeSequence = 0;

async function runMix(
  appUrl: string,
  users: LoadUser[],
  avatars: Avatar[],
  connections: number,
): Promise<StageResult> {
  const next = random(connections);
  // A save takes an avatar no other request is saving, so versions never collide (no 409s by design).
  const idleAvatars = avatars.map((_, index) => index);
  const latencies = new Map<OperationName, number[]>(OPERATIONS.map((operation) => [operation.name, []]));
  const failures = new Map<OperationName, number>();
  const all: number[] = [];
  let non2xx = 0;
  const pending = new Map<string, PendingRequest>();

  const result = await autocannon({
    url: appUrl,
    connections,
    duration: seconds,
    timeout: 60,
    requests: [
      {
        setupRequest: (request) => {
          const operation = pick(next);
          const avatarIndex =
            operation === 'save item (PUT avatar)'
              ? (idleAvatars.shift() as number)
              : Math.floor(next() * avatars.length);
          const avatar = avatars[avatarIndex] as Avatar;
          const user =
            operation.startsWith('read') || operation.startsWith('save')
              ? avatar.user
              : (users[Math.floor(next() * users.length)] as LoadUser);
          requestSequence += 1;
          const requestId = `load-${requestSequence}`;
          const entry: PendingRequest = {
            operation,
            startedAt: performance.now(),
            avatar: avatarIndex,
            marker: null,
          };
          pending.set(requestId, entry);
          const headers = {
            ...request.headers,
            cookie: user.cookie,
            'content-type': 'application/json',
            'x-request-id': requestId,
          };
          switch (operation) {
            case 'dashboard (GET progress)':
              return { ...request, method: 'GET', path: `/api/brands/${user.brandId}/progress`, headers };
            case 'read item (GET avatar)':
              return { ...request, method: 'GET', path: `/api/items/${avatar.id}`, headers };
            case 'save item (PUT avatar)': {
              writeSequence += 1;
              entry.marker = `write ${writeSequence}`;
              return {
                ...request,
                method: 'PUT',
                path: `/api/items/${avatar.id}`,
                headers,
                body: JSON.stringify({
                  baseVersion: avatar.version,
                  data: { name: `Load avatar ${avatarIndex}`, demographics: { occupation: entry.marker } },
                  sources: {},
                }),
              };
            }
            case 'session (GET /api/session)':
              return { ...request, method: 'GET', path: '/api/session', headers };
            case 'diagnostic submit (POST)':
              return {
                ...request,
                method: 'POST',
                path: '/api/diagnostic/results',
                headers,
                body: JSON.stringify(DIAGNOSTIC_ANSWERS),
              };
            case 'AI task (offline coach)':
              return {
                ...request,
                method: 'POST',
                path: '/api/ai/contextual-help',
                headers,
                body: JSON.stringify({
                  area: 'brand-canvas',
                  question: `How do I sharpen part ${Math.floor(next() * 20)} of my canvas?`,
                }),
              };
          }
        },
        onResponse: (status, body, _context, headers) => {
          const requestId = headers?.['x-request-id'];
          const entry = typeof requestId === 'string' ? pending.get(requestId) : undefined;
          if (!entry) throw new Error(`response without a known request id (${String(requestId)})`);
          pending.delete(requestId as string);
          const { operation } = entry;
          const elapsed = performance.now() - entry.startedAt;
          latencies.get(operation)?.push(elapsed);
          all.push(elapsed);
          if (status < 200 || status >= 300) {
            non2xx += 1;
            failures.set(operation, (failures.get(operation) ?? 0) + 1);
          }
          const avatar = avatars[entry.avatar] as Avatar;
          if (operation === 'save item (PUT avatar)') {
            idleAvatars.push(entry.avatar);
            if (status === 200) {
              const { item } = JSON.parse(body) as {
                item: { id: string; version: number; data: { demographics: { occupation: string } } };
              };
              const versions = acknowledgedSaves.get(item.id) ?? new Map<number, string>();
              versions.set(item.version, item.data.demographics.occupation);
              acknowledgedSaves.set(item.id, versions);
              avatar.version = Math.max(avatar.version, item.version);
            } else if (status === 409) {
              // Should not happen (one writer per avatar); resynchronise so one miss stays one.
              avatar.version = (
                JSON.parse(body) as { error: { current: { version: number } } }
              ).error.current.version;
            }
          } else if (operation === 'diagnostic submit (POST)' && status === 201) {
            acknowledgedDiagnostics.push((JSON.parse(body) as { result: { id: string } }).result.id);
          }
        },
      },
    ],
  });
  all.sort((a, b) => a - b);
  return {
    scenario: 'signed-in mix',
    connections,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: percentile(all, 50),
    p95Ms: percentile(all, 95),
    p99Ms: percentile(all, 99),
    errors: result.errors + result.timeouts,
    non2xx,
    byOperation: OPERATIONS.map(({ name }) => {
      const sorted = (latencies.get(name) ?? []).sort((a, b) => a - b);
      return {
        operation: name,
        requests: sorted.length,
        p50Ms: percentile(sorted, 50),
        p95Ms: percentile(sorted, 95),
        p99Ms: percentile(sorted, 99),
        non2xx: failures.get(name) ?? 0,
      };
    }),
  };
}

async function runBare(bareUrl: string, connections: number): Promise<StageResult> {
  const result = await autocannon({ url: `${bareUrl}/bare`, connections, duration: seconds, timeout: 60 });
  return {
    scenario: 'bare Fastify + pg route',
    connections,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    // autocannon reports p90 and p97.5 but not p95; their midpoint stands in for the baseline's.
    p95Ms: Math.round((result.latency.p90 + result.latency.p97_5) / 2),
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

// ---------------------------------------------------------------------------- verification

/**
 * Saves still in flight when a stage ends may be applied without their answer being read; like a
 * client after a dropped connection, the next stage starts from the stored versions.
 */
async function resyncVersions(avatars: Avatar[]): Promise<void> {
  const client = new pg.Client({ connectionString: scratchUrl.toString() });
  await client.connect();
  const { rows } = await client.query<{ id: string; version: number }>(
    'select id, version from workspace_items where id = any($1::uuid[])',
    [avatars.map((avatar) => avatar.id)],
  );
  await client.end();
  const versions = new Map(rows.map((row) => [row.id, row.version]));
  for (const avatar of avatars) avatar.version = versions.get(avatar.id) ?? avatar.version;
}

async function verifyWrites(
  avatars: Avatar[],
): Promise<{ checked: number; lost: number; details: string[] }> {
  const client = new pg.Client({ connectionString: scratchUrl.toString() });
  await client.connect();
  const details: string[] = [];
  const { rows } = await client.query<{ id: string; version: number; marker: string | null }>(
    `select id, version, data->'demographics'->>'occupation' as marker from workspace_items where id = any($1::uuid[])`,
    [avatars.map((avatar) => avatar.id)],
  );
  const stored = new Map(rows.map((row) => [row.id, row]));
  let lost = 0;
  let checkedSaves = 0;
  // Lost = the database is behind an acknowledged version, or holds other content at that version.
  for (const [id, versions] of acknowledgedSaves) {
    const row = stored.get(id);
    checkedSaves += versions.size;
    const newestAcknowledged = Math.max(...versions.keys());
    const atStored = row ? versions.get(row.version) : undefined;
    if (!row || row.version < newestAcknowledged || (atStored !== undefined && atStored !== row.marker)) {
      lost += 1;
      if (details.length < 5)
        details.push(
          `avatar ${id}: acknowledged up to v${newestAcknowledged}, stored ${JSON.stringify(row)}`,
        );
    }
  }
  const diagnostics = await client.query<{ count: number }>(
    'select count(*)::int as count from diagnostic_results where id = any($1::uuid[])',
    [acknowledgedDiagnostics],
  );
  const missingDiagnostics = acknowledgedDiagnostics.length - (diagnostics.rows[0]?.count ?? 0);
  if (missingDiagnostics > 0) details.push(`${missingDiagnostics} acknowledged diagnostic results missing`);
  await client.end();
  return {
    checked: checkedSaves + acknowledgedDiagnostics.length,
    lost: lost + missingDiagnostics,
    details,
  };
}

// ------------------------------------------------------------------------------------ drills

/** SIGTERM while requests are in flight: every request already sent must get its answer. */
async function sigtermDrill(users: LoadUser[]): Promise<Record<string, unknown>> {
  const app = await startProcess('../src/server/main.ts', appEnv(scratchUrl.toString()));
  const inFlight = 300;
  const agent = new http.Agent({ keepAlive: false, maxSockets: inFlight });
  let flushed = 0;
  let markAllFlushed = () => {};
  const allFlushed = new Promise<void>((resolve) => {
    markAllFlushed = resolve;
  });
  // Outcomes: answered (any status), refused before the server took the request (connection reset
  // with no response: nothing ran, a load balancer retries it), or cut mid-response (the failure
  // graceful shutdown must prevent).
  const responses = Array.from({ length: inFlight }, (_, index) => {
    const user = users[index % users.length] as LoadUser;
    return new Promise<number | 'refused' | 'cut'>((resolve) => {
      let responded = false;
      const request = http.request(
        `${app.url}/api/brands/${user.brandId}/progress`,
        { agent, headers: { cookie: user.cookie } },
        (response) => {
          responded = true;
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('aborted', () => resolve('cut'));
          response.on('error', () => resolve('cut'));
        },
      );
      request.on('error', () => resolve(responded ? 'cut' : 'refused'));
      request.on('finish', () => {
        flushed += 1;
        if (flushed === inFlight) markAllFlushed();
      });
      request.end();
    });
  });
  await allFlushed;
  // Give the server a moment to accept the sockets the kernel already queued.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const signalledAt = performance.now();
  app.child.kill('SIGTERM');
  const statuses = await Promise.all(responses);
  const [exitCode] = await once(app.child, 'exit');
  const exitMs = Math.round(performance.now() - signalledAt);
  const completed = statuses.filter((status) => status === 200).length;
  const refused = statuses.filter((status) => status === 'refused').length;
  const cut = statuses.filter((status) => status === 'cut').length;
  const otherStatuses = statuses.filter((status) => typeof status === 'number' && status !== 200);
  return {
    drill: 'SIGTERM with requests in flight',
    sent: inFlight,
    completed200: completed,
    refusedBeforeAccepted: refused,
    cutMidResponse: cut,
    otherStatuses: [...new Set(otherStatuses)],
    exitCode,
    exitMs,
    passed: cut === 0 && otherStatuses.length === 0 && completed > 0 && exitCode === 0,
  };
}

/** PostgreSQL unreachable under load (a cut TCP proxy), then back: 503s, no 500s, self-recovery. */
async function outageDrill(users: LoadUser[]): Promise<Record<string, unknown>> {
  const proxy = await startTcpProxy({ host: baseUrl.hostname, port: Number(baseUrl.port || 5432) });
  const viaProxy = new URL(scratchUrl);
  viaProxy.host = `127.0.0.1:${proxy.port}`;
  const app = await startProcess(
    '../src/server/main.ts',
    appEnv(viaProxy.toString(), { DATABASE_CONNECT_TIMEOUT_MS: '3000' }),
  );
  const startedAt = performance.now();
  const outageFrom = 5_000;
  const outageTo = 10_000;
  const buckets = {
    before: new Map<number, number>(),
    during: new Map<number, number>(),
    after: new Map<number, number>(),
  };
  let retryAfterMissing = 0;
  let userIndex = 0;
  const readiness: Array<{ atMs: number; status: number }> = [];
  const poller = setInterval(() => {
    const atMs = Math.round(performance.now() - startedAt);
    fetch(`${app.url}/readyz`)
      .then((response) => readiness.push({ atMs, status: response.status }))
      .catch(() => readiness.push({ atMs, status: 0 }));
  }, 250);
  const cutTimer = setTimeout(() => proxy.cut(), outageFrom);
  const restoreTimer = setTimeout(() => proxy.restore(), outageTo);
  const result = await autocannon({
    url: app.url,
    connections: 100,
    duration: 18,
    timeout: 30,
    requests: [
      {
        setupRequest: (request) => {
          userIndex = (userIndex + 1) % users.length;
          const user = users[userIndex] as LoadUser;
          return {
            ...request,
            path: `/api/brands/${user.brandId}/progress`,
            headers: { ...request.headers, cookie: user.cookie },
          };
        },
        onResponse: (status, _body, _context, headers) => {
          const at = performance.now() - startedAt;
          // Responses in the second after each switch may belong to either side of it.
          const phase = at < outageFrom ? 'before' : at < outageTo + 1000 ? 'during' : 'after';
          const bucket = buckets[phase];
          bucket.set(status, (bucket.get(status) ?? 0) + 1);
          if (status === 503 && !headers?.['retry-after']) retryAfterMissing += 1;
        },
      },
    ],
  });
  clearInterval(poller);
  clearTimeout(cutTimer);
  clearTimeout(restoreTimer);
  const lastNotReady = readiness.filter((entry) => entry.status !== 200).at(-1);
  const firstNotReady = readiness.find((entry) => entry.status !== 200);
  const exitCode = await app.stop();
  await proxy.close();
  const asObject = (bucket: Map<number, number>) => Object.fromEntries([...bucket].sort());
  const count = (bucket: Map<number, number>, predicate: (status: number) => boolean) =>
    [...bucket].filter(([status]) => predicate(status)).reduce((sum, [, n]) => sum + n, 0);
  const serverErrors = [buckets.before, buckets.during, buckets.after].reduce(
    (sum, bucket) => sum + count(bucket, (status) => status >= 500 && status !== 503),
    0,
  );
  const afterFailures = count(buckets.after, (status) => status !== 200);
  return {
    drill: 'PostgreSQL unreachable under load (100 connections; cut at 5 s, back at 10 s)',
    statusesBefore: asObject(buckets.before),
    statusesDuringOutage: asObject(buckets.during),
    statusesAfterRecovery: asObject(buckets.after),
    socketErrorsOrTimeouts: result.errors + result.timeouts,
    retryAfterMissing,
    readinessFailedFromMs: firstNotReady?.atMs ?? null,
    readinessRecoveredByMs: lastNotReady ? lastNotReady.atMs + 250 : null,
    exitCode,
    passed:
      serverErrors === 0 &&
      retryAfterMissing === 0 &&
      afterFailures === 0 &&
      count(buckets.during, (status) => status === 503) > 0 &&
      firstNotReady !== undefined &&
      result.errors + result.timeouts === 0,
  };
}

// ------------------------------------------------------------------------------------- main

await adminQuery(`create database ${scratchName}`);
const processes: Process[] = [];
let failed = false;
try {
  const app = await startProcess('../src/server/main.ts', appEnv(scratchUrl.toString()));
  processes.push(app);
  console.log(
    `App on ${app.url}, database ${scratchName}. Creating ${userCount} users and ${maxConnections} avatars…`,
  );
  const setupStarted = performance.now();
  const users = await createUsers(app.url);
  const avatars = await createAvatars(app.url, users);
  console.log(`Setup took ${Math.round((performance.now() - setupStarted) / 1000)} s.`);
  const bare = await startProcess('./bare-server.ts', {
    DATABASE_URL: scratchUrl.toString(),
    DATABASE_POOL_MAX: POOL_MAX,
  });
  processes.push(bare);

  const rows: StageResult[] = [];
  for (const connections of stages) {
    console.log(`Stage: ${connections} connections × ${seconds} s…`);
    await resyncVersions(avatars);
    rows.push(await runMix(app.url, users, avatars, connections));
    rows.push(await runBare(bare.url, connections));
  }
  const verification = await verifyWrites(avatars);
  await bare.stop();
  const appExit = await app.stop();
  if (appExit !== 0) console.log(`App output at exit:\n${app.output().slice(-6000)}`);
  processes.length = 0;

  const drills = values['skip-drills'] ? [] : [await sigtermDrill(users), await outageDrill(users)];

  console.log(
    `\nPostgreSQL; app process with a pool of ${POOL_MAX}; ${userCount} users; ${seconds} s per stage; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}\n`,
  );
  console.log(
    '| scenario | connections | requests | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx | vs bare |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const bareRow = rows.find(
      (candidate) => candidate.scenario.startsWith('bare') && candidate.connections === row.connections,
    );
    const ratio =
      row.scenario.startsWith('bare') || !bareRow
        ? ''
        : `${((row.requestsPerSecond / bareRow.requestsPerSecond) * 100).toFixed(1)} %`;
    console.log(
      `| ${row.scenario} | ${row.connections} | ${row.requests} | ${row.requestsPerSecond} | ${row.p50Ms} | ${row.p95Ms} | ${row.p99Ms} | ${row.errors} | ${row.non2xx} | ${ratio} |`,
    );
  }
  const largest = rows.find((row) => row.connections === maxConnections && row.byOperation);
  if (largest?.byOperation) {
    console.log(`\nMix at ${maxConnections} connections, per operation:\n`);
    console.log(
      '| operation | requests | p50 ms | p95 ms | p99 ms | non-2xx |\n| --- | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const entry of largest.byOperation) {
      console.log(
        `| ${entry.operation} | ${entry.requests} | ${entry.p50Ms} | ${entry.p95Ms} | ${entry.p99Ms} | ${entry.non2xx} |`,
      );
    }
  }
  console.log(
    `\nAcknowledged writes checked: ${verification.checked} (acknowledged avatar saves + diagnostic submits); lost: ${verification.lost}. App exit code after SIGTERM: ${appExit}.`,
  );
  for (const detail of verification.details) console.log(`  ${detail}`);
  for (const drill of drills) console.log(`\nDrill: ${JSON.stringify(drill, null, 2)}`);

  mkdirSync('reports', { recursive: true });
  writeFileSync(
    'reports/bench-load.json',
    `${JSON.stringify({ date: new Date().toISOString(), users: userCount, seconds, poolMax: Number(POOL_MAX), rows, verification, drills }, null, 2)}\n`,
  );
  failed =
    rows.some((row) => row.errors > 0 || row.non2xx > 0) ||
    verification.lost > 0 ||
    drills.some((drill) => drill.passed !== true);
} catch (error) {
  failed = true;
  console.error(error);
  for (const process of processes) console.error(process.output().slice(-3000));
} finally {
  for (const running of processes) await running.stop();
  await adminQuery(`drop database if exists ${scratchName} with (force)`);
}
if (failed) {
  console.error('\nbench:load FAILED (errors, lost writes or a failed drill; see above).');
  process.exitCode = 1;
}
