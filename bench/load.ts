/**
 * `npm run bench:load`: the load test on PostgreSQL, with fault drills.
 *
 * 1. Creates a scratch database and starts the app as its own process (as in production), plus a
 *    bare Fastify + pg route as the baseline.
 * 2. Creates users through the public API (sign-up), a brand each, and one avatar per connection.
 * 3. For each connection count (default 100 and 1,000) drives a realistic signed-in mix —
 *    dashboard progress, reading and saving workspace items, diagnostic submits, AI tasks on the
 *    offline coach, session checks — and the bare route at the same concurrency, half of its time
 *    before the app's stages and half after (the machine's speed drifts within a run).
 * 4. Verifies that every acknowledged write is in the database (avatar saves: version and content
 *    of the last acknowledged save; diagnostic submits: every returned id exists).
 * 5. Drills: SIGTERM with requests in flight (all must complete), and the database going away under
 *    the same mix (503 + Retry-After, /readyz fails, recovery without a restart; see outageDrill).
 *
 *   npm run bench:load [-- --connections 100,1000 --seconds 20 --users 200 --skip-drills]
 *                      [-- --pg-cluster 15/loaddrill | --db-stop-command CMD --db-start-command CMD]
 *   npm run bench:load -- --instances 2 [--connections … --seconds … --users …]
 *     two instances behind HAProxy and the checks across them (bench/load-cluster.ts, ADR 0045)
 *
 * The outage drill stops the real PostgreSQL server (fast shutdown, which terminates every
 * connection) when given a way to: `--pg-cluster VERSION/NAME` (Debian's pg_ctlcluster; the database
 * URL defaults to that cluster's port) or a pair of shell commands (e.g. `docker compose stop db`).
 * It refuses to stop a server that has sessions on other databases — give it a cluster of its own
 * (`pg_createcluster 15 loaddrill --port 5434 -- --auth=trust`). Without either it cuts a TCP proxy
 * between the app and PostgreSQL instead (`--outage proxy`, the server keeps running).
 *
 * Uses DATABASE_URL or TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres, or
 * the cluster's port with --pg-cluster) only to create and drop the scratch database. Writes
 * reports/bench-load.json.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import autocannon from 'autocannon';
import pg from 'pg';
import { SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from '../src/server/platform/node-flags.ts';
import { startTcpProxy, type TcpProxy } from '../src/server/testing/tcp-proxy.ts';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '100,1000' },
    seconds: { type: 'string', default: '20' },
    users: { type: 'string', default: '200' },
    'skip-drills': { type: 'boolean', default: false },
    outage: { type: 'string' },
    'pg-cluster': { type: 'string' },
    'db-stop-command': { type: 'string' },
    'db-start-command': { type: 'string' },
    /** The same mix on the app over PGlite (one instance, embedded) at this many connections; 0 skips it. */
    'pglite-connections': { type: 'string', default: '100' },
    /** 2: two app instances behind HAProxy (bench/load-cluster.ts). */
    instances: { type: 'string', default: '1' },
    /** `rollback`: the rollback drill (bench/rollback-drill.ts, `npm run drill:rollback`). */
    drill: { type: 'string' },
    /** The rollback drill's releases N and N+1 (git refs; see bench/rollback-drill.ts). */
    from: { type: 'string' },
    to: { type: 'string' },
    /** Runs the mix with only the operations whose names start with this (to price one operation). */
    only: { type: 'string' },
  },
});
const stages = values.connections.split(',').map(Number);
const seconds = Number(values.seconds);
const userCount = Number(values.users);
const maxConnections = Math.max(...stages);
// Sized to the machine, as PostgreSQL's rule of thumb has it (twice the cores, plus a little for
// waits on disk): on a 2-core host more backends only take turns at the CPU with the app's one
// thread — a pool of 20 ran the mix 15 % slower than 6 (ADR 0057). The bare route gets the same pool.
const POOL_MAX = String(2 * availableParallelism() + 2);
const PASSWORD = 'Granite-Otter-47';

/** How the outage drill takes PostgreSQL away and brings it back. */
type Outage =
  | { kind: 'proxy' }
  | {
      kind: 'stop';
      label: string;
      stop: string[];
      start: string[];
      /** The server's log, to count what it did to the app's connections (pg_ctlcluster only). */
      logFile?: string;
    };

function parseOutage(): { outage: Outage; clusterUrl?: string } {
  const cluster = values['pg-cluster'];
  const stopCommand = values['db-stop-command'];
  const startCommand = values['db-start-command'];
  if (cluster && (stopCommand || startCommand))
    throw new Error('--pg-cluster and --db-stop-command/--db-start-command are alternatives');
  if (Boolean(stopCommand) !== Boolean(startCommand))
    throw new Error('--db-stop-command and --db-start-command go together');
  const wanted = values.outage ?? (cluster || stopCommand ? 'stop' : 'proxy');
  if (wanted === 'proxy') {
    if (cluster || stopCommand) throw new Error('--outage proxy does not stop the server; drop --pg-cluster');
    return { outage: { kind: 'proxy' } };
  }
  if (wanted !== 'stop') throw new Error(`--outage is "stop" or "proxy", not "${wanted}"`);
  if (stopCommand && startCommand) {
    return {
      outage: {
        kind: 'stop',
        label: `\`${stopCommand}\``,
        stop: ['sh', '-c', stopCommand],
        start: ['sh', '-c', startCommand],
      },
    };
  }
  if (!cluster)
    throw new Error('--outage stop needs --pg-cluster VERSION/NAME or --db-stop-command/--db-start-command');
  const [version, name] = cluster.split('/');
  if (!version || !name)
    throw new Error(`--pg-cluster is VERSION/NAME (e.g. 15/loaddrill), not "${cluster}"`);
  // pg_lsclusters: Ver Cluster Port Status Owner Data-directory Log-file
  const line = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' })
    .split('\n')
    .map((row) => row.trim().split(/\s+/))
    .find(([ver, clusterName]) => ver === version && clusterName === name);
  if (!line) throw new Error(`no PostgreSQL cluster ${cluster} (see pg_lsclusters)`);
  if (line[3] !== 'online') throw new Error(`cluster ${cluster} is ${line[3]}; start it first`);
  // pg_ctl directly, not via systemctl, so the shutdown mode is exactly the one asked for.
  const control = (action: string[]) => [
    'pg_ctlcluster',
    '--skip-systemctl-redirect',
    version,
    name,
    ...action,
  ];
  return {
    outage: {
      kind: 'stop',
      // Fast shutdown: PostgreSQL terminates every connection (FATAL 57P01) and stops — what an
      // operator's `systemctl stop`, a failover or a container stop does to the app.
      label: `\`pg_ctlcluster ${version} ${name} stop -m fast\``,
      stop: control(['stop', '-m', 'fast']),
      start: control(['start']),
      ...(line[6] ? { logFile: line[6] } : {}),
    },
    clusterUrl: `postgres://postgres@127.0.0.1:${line[2]}/postgres`,
  };
}

const { outage, clusterUrl } = parseOutage();
const baseUrl = new URL(
  process.env.DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    clusterUrl ??
    'postgres://postgres@127.0.0.1:5432/postgres',
);
if (clusterUrl) {
  // Stopping a cluster the app does not use would prove nothing and harm whoever uses it.
  const cluster = new URL(clusterUrl);
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(baseUrl.hostname);
  if (!local || (baseUrl.port || '5432') !== cluster.port)
    throw new Error(
      `--pg-cluster ${values['pg-cluster']} listens on port ${cluster.port}, but the database URL is ${baseUrl.host}; unset DATABASE_URL/TEST_DATABASE_URL or point it at that cluster`,
    );
}
const scratchName = `ibc_load_${randomBytes(4).toString('hex')}`;
const scratchUrl = new URL(baseUrl);
scratchUrl.pathname = `/${scratchName}`;

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl.toString() });
  await client.connect();
  await client.query(sql);
  await client.end();
}

/**
 * Sessions on the server other than the bench's own database: stopping it would cut them off. The
 * stop drill refuses to run on a server someone else is using — give it a cluster of its own.
 */
async function otherSessions(): Promise<string[]> {
  const client = new pg.Client({ connectionString: baseUrl.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string; count: number }>(
      `select datname, count(*)::int as count from pg_stat_activity
        where backend_type = 'client backend' and pid <> pg_backend_pid()
          and datname is distinct from $1
        group by datname`,
      [scratchName],
    );
    return rows.map((row) => `${row.datname ?? '(none)'}: ${row.count}`);
  } finally {
    await client.end();
  }
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface Process {
  child: ChildProcess;
  url: string;
  output(): string;
  stop(): Promise<number | null>;
}

export async function startProcess(
  script: string,
  /** An undefined value removes the variable (e.g. DATABASE_URL for the app on PGlite). */
  env: Record<string, string | undefined>,
  fixedPort?: number,
  /** The process's working directory (another release's folder); this process's by default. */
  cwd?: string,
): Promise<Process> {
  const port = fixedPort ?? (await freePort());
  let output = '';
  // The app runs with the Node flags and environment it runs with in production
  // (src/server/platform/node-flags.ts), from its project folder as in production (the flags name a
  // file relative to it). An older release (the rollback drill's) may predate a preloaded file: it
  // runs without that flag.
  const folder = cwd ?? fileURLToPath(new URL('..', import.meta.url));
  const flags = script.endsWith('/main.ts')
    ? SERVER_NODE_FLAGS.filter(
        (flag) => !flag.startsWith('--import=') || existsSync(join(folder, flag.slice(9))),
      )
    : [];
  const serverEnvironment = script.endsWith('/main.ts') ? SERVER_ENVIRONMENT : {};
  const child = spawn(process.execPath, [...flags, fileURLToPath(new URL(script, import.meta.url))], {
    cwd: folder,
    env: { ...process.env, ...serverEnvironment, ...env, PORT: String(port), HOST: '127.0.0.1' },
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
      // Exited already, by itself or on a signal: a second stop must not wait for an exit that came.
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      return code as number | null;
    },
  };
}

export function appEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.BENCH_APP_LOG_LEVEL ?? 'warn',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: POOL_MAX,
    // The app runs as behind a load balancer, which tells it each client's address: every simulated
    // user has an address of its own (LoadUser.clientAddress), as real users do, so per-IP limits
    // count per user rather than making every request of the mix wait on one counter row.
    TRUST_PROXY: 'true',
    // The users are created from 127.0.0.1; per-IP sign-up throttles would stop the setup.
    AUTH_THROTTLE_MAX_PER_IP: '1000000',
    AUTH_THROTTLE_MAX_PER_EMAIL: '1000000',
    // The mix makes far more AI calls per user than a real day; the quota is tested elsewhere.
    AI_DAILY_QUOTA: '1000000',
    // Likewise hundreds of reads, saves and /api/session calls per user per minute: the route tiers'
    // limits (tested in route-limits.int.test.ts) must not turn the measurement into 429s.
    READS_PER_USER_PER_MINUTE: '1000000',
    WRITES_PER_USER_PER_MINUTE: '1000000',
    PUBLIC_REQUESTS_PER_IP_PER_MINUTE: '1000000',
    ...extra,
  };
}

// ------------------------------------------------------------------------------------ setup

export interface LoadUser {
  cookie: string;
  brandId: string;
  /** The address the balancer reports for this user (`X-Forwarded-For`), one per user. */
  clientAddress: string;
}

export async function call<T>(
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

export async function createUsers(appUrl: string): Promise<LoadUser[]> {
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
    return {
      cookie: signUp.cookie,
      brandId,
      clientAddress: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
    };
  });
}

export interface Avatar {
  id: string;
  user: LoadUser;
  version: number;
}

export async function createAvatars(appUrl: string, users: LoadUser[]): Promise<Avatar[]> {
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

const MIX = [
  { name: 'dashboard (GET progress)', weight: 25 },
  { name: 'read item (GET avatar)', weight: 20 },
  { name: 'save item (PUT avatar)', weight: 20 },
  { name: 'session (GET /api/session)', weight: 15 },
  { name: 'diagnostic submit (POST)', weight: 10 },
  { name: 'AI task (offline coach)', weight: 10 },
] as const;
type OperationName = (typeof MIX)[number]['name'];
const OPERATIONS: readonly (typeof MIX)[number][] = values.only
  ? MIX.filter((operation) => operation.name.startsWith(values.only as string))
  : MIX;
if (OPERATIONS.length === 0) throw new Error(`--only "${values.only}" matches no operation of the mix`);
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
  return (OPERATIONS.at(-1) ?? MIX[0]).name;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

export interface StageResult {
  scenario: string;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** The app process's peak resident memory during the stage (Linux: /proc/PID/status VmRSS). */
  appPeakRssMb?: number;
  /** The app process's CPU time (user + system) over the stage, per request answered. */
  appCpuMicrosPerRequest?: number;
  /** The bare route: the rate of each stretch it ran (before and after the app's stages). */
  partsPerSecond?: number[];
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

/** Writes the app acknowledged, to be found again in the database afterwards. */
export interface Acknowledged {
  /** Every acknowledged avatar save, as the server's answer states it: item id → version → content. */
  saves: Map<string, Map<number, string>>;
  /** Ids of acknowledged diagnostic submits. */
  diagnostics: string[];
}
const acknowledged: Acknowledged = { saves: new Map(), diagnostics: [] };
let writeSequence = 0;

type MixRequest = autocannon.Request;

/**
 * The signed-in mix as autocannon callbacks: `setupRequest` builds the next request, `settle` finds
 * it again from its response and books acknowledged writes into `book`. A save takes an avatar no
 * other request is saving, so versions never collide (no 409s by design) — unless a save went
 * unanswered (a 503 while the database went away may still have committed), which `settle` reports.
 */
export function createMix(users: LoadUser[], avatars: Avatar[], seed: number, book: Acknowledged) {
  const next = random(seed);
  const idleAvatars = avatars.map((_, index) => index);
  /** Avatars whose last save was answered with neither 200 nor 409: their stored version is unknown. */
  const unanswered = new Set<number>();
  const pending = new Map<string, PendingRequest>();

  function setupRequest(request: MixRequest): MixRequest {
    let operation = pick(next);
    // Every avatar has a save in flight only if answers stopped coming (a lost connection that
    // autocannon reopens): read instead.
    if (operation === 'save item (PUT avatar)' && idleAvatars.length === 0)
      operation = 'read item (GET avatar)';
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
      'x-forwarded-for': user.clientAddress,
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
            brandId: user.brandId,
            area: 'brand-canvas',
            question: `How do I sharpen part ${Math.floor(next() * 20)} of my canvas?`,
          }),
        };
    }
  }

  /** Undefined when the response carries no request id this mix sent. */
  function settle(
    status: number,
    body: string,
    headers: Record<string, string | string[] | undefined> | undefined,
  ): { entry: PendingRequest; conflictAfterUnansweredSave: boolean } | undefined {
    const requestId = headers?.['x-request-id'];
    const entry = typeof requestId === 'string' ? pending.get(requestId) : undefined;
    if (!entry) return undefined;
    pending.delete(requestId as string);
    let conflictAfterUnansweredSave = false;
    const avatar = avatars[entry.avatar] as Avatar;
    if (entry.operation === 'save item (PUT avatar)') {
      idleAvatars.push(entry.avatar);
      if (status === 200) {
        unanswered.delete(entry.avatar);
        const { item } = JSON.parse(body) as {
          item: { id: string; version: number; data: { demographics: { occupation: string } } };
        };
        const versions = book.saves.get(item.id) ?? new Map<number, string>();
        versions.set(item.version, item.data.demographics.occupation);
        book.saves.set(item.id, versions);
        avatar.version = Math.max(avatar.version, item.version);
      } else if (status === 409) {
        conflictAfterUnansweredSave = unanswered.delete(entry.avatar);
        // Resynchronise so one miss stays one.
        avatar.version = (
          JSON.parse(body) as { error: { current: { version: number } } }
        ).error.current.version;
      } else {
        unanswered.add(entry.avatar);
      }
    } else if (entry.operation === 'diagnostic submit (POST)' && status === 201) {
      book.diagnostics.push((JSON.parse(body) as { result: { id: string } }).result.id);
    }
    return { entry, conflictAfterUnansweredSave };
  }

  return { setupRequest, settle };
}

export async function runMix(
  appUrl: string,
  users: LoadUser[],
  avatars: Avatar[],
  connections: number,
  book: Acknowledged = acknowledged,
): Promise<StageResult> {
  const mix = createMix(users, avatars, connections, book);
  const latencies = new Map<OperationName, number[]>(OPERATIONS.map((operation) => [operation.name, []]));
  const failures = new Map<OperationName, number>();
  const all: number[] = [];
  let non2xx = 0;

  const result = await autocannon({
    url: appUrl,
    connections,
    duration: seconds,
    timeout: 60,
    requests: [
      {
        setupRequest: mix.setupRequest,
        onResponse: (status, body, _context, headers) => {
          const settled = mix.settle(status, body, headers);
          if (!settled)
            throw new Error(`response without a known request id (${String(headers?.['x-request-id'])})`);
          const { operation } = settled.entry;
          const elapsed = performance.now() - settled.entry.startedAt;
          latencies.get(operation)?.push(elapsed);
          all.push(elapsed);
          if (status < 200 || status >= 300) {
            non2xx += 1;
            failures.set(operation, (failures.get(operation) ?? 0) + 1);
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

/** `GET /api/session` alone, each connection's requests spread over the users' cookies. */
async function runSessionOnly(appUrl: string, users: LoadUser[], connections: number): Promise<StageResult> {
  let nextUser = 0;
  let signedOut = 0;
  const result = await autocannon({
    url: appUrl,
    connections,
    duration: seconds,
    timeout: 60,
    requests: [
      {
        method: 'GET',
        path: '/api/session',
        setupRequest: (request) => {
          nextUser = (nextUser + 1) % users.length;
          return {
            ...request,
            headers: { ...request.headers, cookie: (users[nextUser] as LoadUser).cookie },
          };
        },
        onResponse: (status, body) => {
          // A 200 with no user would mean the session was not recognised: count it as a failure.
          if (status === 200 && !body.includes('"id"')) signedOut += 1;
        },
      },
    ],
  });
  return {
    scenario: 'session alone (GET /api/session)',
    connections,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p95Ms: Math.round((result.latency.p90 + result.latency.p97_5) / 2),
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx + signedOut,
  };
}

/** What a process used over a stage: its peak resident memory and the CPU time it spent. */
interface ProcessUse {
  peakRssMb?: number;
  cpuSeconds?: number;
}

/** User + system CPU seconds of a process so far (Linux), from /proc/<pid>/stat. */
function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces) start after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name; in clock ticks (100/s).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Samples a process's resident memory every 250 ms until stopped, and its CPU time from start to
 * stop. CPU per request is steadier than requests per second on a shared machine: it does not move
 * when another process takes the cores for a while.
 */
function watchProcess(pid: number | undefined): () => ProcessUse {
  if (pid === undefined) return () => ({});
  let peakKb = 0;
  const cpuAtStart = cpuSecondsOf(pid);
  const sample = () => {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peakKb = Math.max(peakKb, Number(match[1]));
    } catch {
      // Not Linux, or the process is gone: no reading.
    }
  };
  sample();
  const timer = setInterval(sample, 250);
  return () => {
    clearInterval(timer);
    sample();
    const cpuAtEnd = cpuSecondsOf(pid);
    return {
      ...(peakKb > 0 ? { peakRssMb: Math.round(peakKb / 1024) } : {}),
      ...(cpuAtStart !== undefined && cpuAtEnd !== undefined ? { cpuSeconds: cpuAtEnd - cpuAtStart } : {}),
    };
  };
}

/** A stage's row with what the app process used during it. */
function withAppUse(row: StageResult, use: ProcessUse): StageResult {
  return {
    ...row,
    ...(use.peakRssMb !== undefined ? { appPeakRssMb: use.peakRssMb } : {}),
    ...(use.cpuSeconds !== undefined && row.requests > 0
      ? { appCpuMicrosPerRequest: Math.round((use.cpuSeconds * 1e6) / row.requests) }
      : {}),
  };
}

/** One stretch of load on the bare route. */
interface BarePart {
  requests: number;
  /**
   * How many one-second samples autocannon took (its `requests.average` is per sample), so that the
   * parts combine into the average autocannon gives the mix and session rows.
   */
  samples: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

async function runBarePart(bareUrl: string, connections: number, duration: number): Promise<BarePart> {
  const result = await autocannon({ url: `${bareUrl}/bare`, connections, duration, timeout: 60 });
  return {
    requests: result.requests.total,
    samples: result.requests.total / Math.max(result.requests.average, 1),
    p50Ms: result.latency.p50,
    // autocannon reports p90 and p97.5 but not p95; their midpoint stands in for the baseline's.
    p95Ms: Math.round((result.latency.p90 + result.latency.p97_5) / 2),
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * The bare route's stretches as one row: the rate over all of them, and the slower stretch's
 * latencies (the baseline's latency is context, not a target). Each stretch's rate is kept, so a run
 * whose machine drifted shows it.
 */
function bareRow(connections: number, parts: readonly BarePart[]): StageResult {
  const requests = parts.reduce((sum, part) => sum + part.requests, 0);
  const samples = parts.reduce((sum, part) => sum + part.samples, 0);
  return {
    scenario: 'bare Fastify + pg route',
    connections,
    requests,
    requestsPerSecond: Math.round(requests / Math.max(samples, 1)),
    p50Ms: Math.max(...parts.map((part) => part.p50Ms)),
    p95Ms: Math.max(...parts.map((part) => part.p95Ms)),
    p99Ms: Math.max(...parts.map((part) => part.p99Ms)),
    errors: parts.reduce((sum, part) => sum + part.errors, 0),
    non2xx: parts.reduce((sum, part) => sum + part.non2xx, 0),
    partsPerSecond: parts.map((part) => Math.round(part.requests / Math.max(part.samples, 1))),
  };
}

async function runBare(bareUrl: string, connections: number): Promise<StageResult> {
  return bareRow(connections, [await runBarePart(bareUrl, connections, seconds)]);
}

// ---------------------------------------------------------------------------- verification

/**
 * Saves still in flight when a stage ends may be applied without their answer being read; like a
 * client after a dropped connection, the next stage starts from the stored versions.
 */
export async function resyncVersions(avatars: Avatar[]): Promise<void> {
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

type Query = <Row>(text: string, params: unknown[]) => Promise<{ rows: Row[] }>;

export async function verifyWrites(
  avatars: Avatar[],
  book: Acknowledged,
  /** Another database to look in (the PGlite stage's); the scratch PostgreSQL database by default. */
  database?: { query: Query; end(): Promise<void> },
): Promise<{ checked: number; lost: number; details: string[] }> {
  const client = database ?? new pg.Client({ connectionString: scratchUrl.toString() });
  if (!database) await (client as pg.Client).connect();
  const details: string[] = [];
  const { rows } = await client.query<{ id: string; version: number; marker: string | null }>(
    `select id, version, data->'demographics'->>'occupation' as marker from workspace_items where id = any($1::uuid[])`,
    [avatars.map((avatar) => avatar.id)],
  );
  const stored = new Map(rows.map((row) => [row.id, row]));
  let lost = 0;
  let checkedSaves = 0;
  // Lost = the database is behind an acknowledged version, or holds other content at that version.
  for (const [id, versions] of book.saves) {
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
    [book.diagnostics],
  );
  const missingDiagnostics = book.diagnostics.length - (diagnostics.rows[0]?.count ?? 0);
  if (missingDiagnostics > 0) details.push(`${missingDiagnostics} acknowledged diagnostic results missing`);
  await client.end();
  return {
    checked: checkedSaves + book.diagnostics.length,
    lost: lost + missingDiagnostics,
    details,
  };
}

/**
 * The same mix at `connections` on the app over PGlite (embedded, one instance, as the default
 * deployment runs): its own users and avatars, its acknowledged writes checked in its data folder
 * once the app has stopped.
 */
async function pgliteStage(connections: number): Promise<{
  row: StageResult;
  verification: { checked: number; lost: number; details: string[] };
  appExit: number | null;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ibc-load-pglite-'));
  try {
    const app = await startProcess('../src/server/main.ts', {
      ...appEnv(''),
      DATABASE_URL: undefined,
      DATABASE_POOL_MAX: undefined,
      DATA_DIR: dataDir,
      // PGlite answers in the app's own thread, so the event loop lags with every query under this
      // load; the stage measures throughput and errors, as bench-app.ts does, not the load shedder.
      MAX_EVENT_LOOP_DELAY_MS: '60000',
      BACKUP_DIR: join(dataDir, '..', `${basename(dataDir)}-backups`),
    });
    let appExit: number | null = null;
    try {
      console.log(`PGlite stage: app on ${app.url}; creating ${userCount} users and avatars…`);
      const users = await createUsers(app.url);
      const avatars = (await createAvatars(app.url, users)).slice(0, connections);
      const book: Acknowledged = { saves: new Map(), diagnostics: [] };
      const stopWatching = watchProcess(app.child.pid);
      const mixRow = await runMix(app.url, users, avatars, connections, book);
      const row = withAppUse({ ...mixRow, scenario: 'signed-in mix (PGlite)' }, stopWatching());
      appExit = await app.stop();
      const lite = new PGlite(dataDir, { extensions: { vector } });
      const verification = await verifyWrites(avatars, book, {
        query: async <Row>(text: string, params: unknown[]) => ({
          rows: (await lite.query<Row>(text, params)).rows,
        }),
        end: () => lite.close(),
      });
      return { row, verification, appExit };
    } finally {
      if (appExit === null) await app.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(join(dataDir, '..', `${basename(dataDir)}-backups`), { recursive: true, force: true });
  }
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

/** Runs a command (argv, no shell unless it is `sh -c …`); rejects with its output if it fails. */
function runCommand(argv: string[]): Promise<void> {
  const [command = '', ...args] = argv;
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
    });
    child.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${argv.join(' ')} exited with ${code}: ${output.trim()}`));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The outage drill's fixed timeline. */
const OUTAGE_AT_MS = 5_000;
const OUTAGE_FOR_MS = 5_000;
/** The app must report ready again this soon after PostgreSQL accepts connections again. */
const READY_AGAIN_WITHIN_MS = 5_000;
/** Load keeps running this long after the app reported ready again. */
const AFTER_MS = 6_000;

/**
 * PostgreSQL goes away under load, then comes back; the app must cope without a restart.
 *
 * `stop` mode (`--pg-cluster` or `--db-stop-command`) stops the real server in fast mode: it
 * terminates every connection — idle pooled ones and ones mid-transaction — with FATAL 57P01, then
 * refuses connections (ECONNREFUSED) while down and answers 57P03 while starting. `proxy` mode cuts
 * a TCP proxy between app and server instead (resets, then refuses), leaving the server running.
 *
 * Passes when: no 5xx but 503, every 503 has Retry-After, no socket errors or timeouts at the
 * client, no other unexpected status (a 409 is expected only for an avatar whose previous save got
 * no answer — it may have committed), /readyz fails during the outage and is ready again within
 * READY_AGAIN_WITHIN_MS of the server being back, every request started after that succeeds, every
 * write acknowledged during the drill is in the database, and the app process is still the same one,
 * alive, and exits cleanly on SIGTERM.
 */
async function outageDrill(users: LoadUser[], avatars: Avatar[]): Promise<Record<string, unknown>> {
  let proxy: TcpProxy | undefined;
  let appDatabaseUrl = scratchUrl;
  if (outage.kind === 'proxy') {
    proxy = await startTcpProxy({ host: baseUrl.hostname, port: Number(baseUrl.port || 5432) });
    appDatabaseUrl = new URL(scratchUrl);
    appDatabaseUrl.host = `127.0.0.1:${proxy.port}`;
  } else {
    const others = await otherSessions();
    if (others.length > 0)
      throw new Error(
        `refusing to stop a PostgreSQL server others are using (sessions by database: ${others.join(', ')}); give the drill a cluster of its own`,
      );
  }
  await resyncVersions(avatars);
  const app = await startProcess(
    '../src/server/main.ts',
    appEnv(appDatabaseUrl.toString(), { DATABASE_CONNECT_TIMEOUT_MS: '3000' }),
  );
  const appPid = app.child.pid;
  // Count the app's own log lines about the outage (warn level and up are logged).
  const appLog = { connectionLost: 0, unavailable: 0, unhandled: 0, partial: '' };
  app.child.stdout?.on('data', (chunk) => {
    const lines = (appLog.partial + String(chunk)).split('\n');
    appLog.partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('"msg":"database connection lost')) appLog.connectionLost += 1;
      else if (line.includes('"msg":"database unavailable"')) appLog.unavailable += 1;
      else if (line.includes('"msg":"unhandled error"')) appLog.unhandled += 1;
    }
  });

  const book: Acknowledged = { saves: new Map(), diagnostics: [] };
  const connections = Math.min(100, avatars.length);
  const mix = createMix(users, avatars, 1, book);
  const startedAt = performance.now();
  const now = () => Math.round(performance.now() - startedAt);
  // Milliseconds since the load started: stop (or cut) issued / returned, start (or restore) issued /
  // returned, and the first /readyz 200 after that.
  const timeline: Record<'downAt' | 'downBy' | 'upAt' | 'upBy' | 'readyAgainBy', number | null> = {
    downAt: null,
    downBy: null,
    upAt: null,
    upBy: null,
    readyAgainBy: null,
  };
  type Phase = 'before' | 'during' | 'after';
  const statuses: Record<Phase, Map<number, number>> = {
    before: new Map(),
    during: new Map(),
    after: new Map(),
  };
  const unexpected: Record<Phase, number> = { before: 0, during: 0, after: 0 };
  let retryAfterMissing = 0;
  let conflictsAfterUnansweredSave = 0;
  let unknownResponses = 0;

  const logFile = outage.kind === 'stop' ? outage.logFile : undefined;
  const logOffset = logFile ? statSync(logFile).size : 0;
  // The server itself, probed every 100 ms with a fresh connection: when it really went down and
  // when it accepted connections again (the stop and start commands return later than that).
  const serverProbes: Array<{ atMs: number; up: boolean }> = [];
  let probing = true;
  const prober = (async () => {
    while (probing) {
      const atMs = now();
      const client = new pg.Client({ connectionString: baseUrl.toString(), connectionTimeoutMillis: 1000 });
      client.on('error', () => {});
      let up = false;
      try {
        await client.connect();
        await client.query('select 1');
        up = true;
      } catch {
        // down, shutting down or starting up
      } finally {
        await client.end().catch(() => {});
      }
      serverProbes.push({ atMs, up });
      await sleep(100);
    }
  })();

  // Readiness, polled every 250 ms; `atMs` is when the probe was sent, `tookMs` how long its answer took.
  const readiness: Array<{ atMs: number; status: number; tookMs: number }> = [];
  const poller = setInterval(() => {
    const atMs = now();
    fetch(`${app.url}/readyz`, { signal: AbortSignal.timeout(10_000) })
      .then((response) => {
        readiness.push({ atMs, status: response.status, tookMs: now() - atMs });
        if (
          response.status === 200 &&
          timeline.upAt !== null &&
          timeline.readyAgainBy === null &&
          atMs >= (timeline.downBy ?? Number.POSITIVE_INFINITY)
        )
          timeline.readyAgainBy = now();
      })
      .catch(() => readiness.push({ atMs, status: 0, tookMs: now() - atMs }));
  }, 250);

  let settleLoad: (error: unknown, result: autocannon.Result) => void = () => {};
  const load = new Promise<autocannon.Result>((resolve, reject) => {
    settleLoad = (error, result) => (error ? reject(error) : resolve(result));
  });
  const instance = autocannon(
    {
      url: app.url,
      connections,
      // Stopped by the timeline below; this is only a backstop.
      duration: 120,
      timeout: 30,
      requests: [
        {
          setupRequest: mix.setupRequest,
          onResponse: (status, body, _context, headers) => {
            const settled = mix.settle(status, body, headers);
            if (!settled) {
              unknownResponses += 1;
              return;
            }
            const sentAt = settled.entry.startedAt - startedAt;
            const phase: Phase =
              timeline.downAt === null
                ? 'before'
                : timeline.readyAgainBy !== null && sentAt >= timeline.readyAgainBy
                  ? 'after'
                  : 'during';
            statuses[phase].set(status, (statuses[phase].get(status) ?? 0) + 1);
            if (status === 503 && !headers?.['retry-after']) retryAfterMissing += 1;
            if (settled.conflictAfterUnansweredSave) conflictsAfterUnansweredSave += 1;
            const expected =
              (status >= 200 && status < 300) ||
              (status === 503 && phase === 'during') ||
              settled.conflictAfterUnansweredSave;
            if (!expected) unexpected[phase] += 1;
          },
        },
      ],
    },
    (error, result) => settleLoad(error, result),
  );

  let serverDown = false;
  // Whatever happens to the bench, it must not leave the server stopped.
  const startOnExit = () => {
    if (serverDown && outage.kind === 'stop') {
      const [command = '', ...args] = outage.start;
      spawnSync(command, args, { stdio: 'inherit' });
    }
  };
  process.once('exit', startOnExit);
  let drillError: string | null = null;
  try {
    await sleep(OUTAGE_AT_MS);
    timeline.downAt = now();
    if (outage.kind === 'proxy') proxy?.cut();
    else {
      serverDown = true;
      await runCommand(outage.stop);
    }
    timeline.downBy = now();
    await sleep(OUTAGE_FOR_MS);
    timeline.upAt = now();
    if (outage.kind === 'proxy') proxy?.restore();
    else {
      await runCommand(outage.start);
      serverDown = false;
    }
    timeline.upBy = now();
    const deadline = (timeline.upBy as number) + 30_000;
    while (timeline.readyAgainBy === null && now() < deadline) await sleep(50);
    if (timeline.readyAgainBy !== null) await sleep(AFTER_MS);
  } catch (error) {
    drillError = error instanceof Error ? error.message : String(error);
  } finally {
    instance.stop();
    if (serverDown && outage.kind === 'stop') await runCommand(outage.start);
    serverDown = false;
    process.off('exit', startOnExit);
  }
  const result = await load;
  clearInterval(poller);
  probing = false;
  await prober;
  await sleep(300);
  // What the server did to the app's connections, from its own log (lines naming the scratch database).
  const serverLog = logFile
    ? (() => {
        const lines = readFileSync(logFile)
          .subarray(logOffset)
          .toString()
          .split('\n')
          .filter((line) => line.includes(`@${scratchName} `));
        const matching = (text: string) => lines.filter((line) => line.includes(text)).length;
        return {
          terminated57P01: matching('terminating connection due to administrator command'),
          refusedShuttingDown57P03: matching('the database system is shutting down'),
          refusedStartingUp57P03: matching('the database system is starting up'),
        };
      })()
    : null;

  const appAlive = app.child.exitCode === null && app.child.signalCode === null && app.child.pid === appPid;
  const writes = await verifyWrites(avatars, book);
  const exitCode = await app.stop();
  await proxy?.close();

  readiness.sort((a, b) => a.atMs - b.atMs);
  // Probes sent and answered while the server was surely down (a probe sent just before the cut or
  // the restore may be answered on the other side of it: the app is busy with the load).
  const probesWhileDown = readiness.filter(
    (entry) =>
      timeline.downBy !== null &&
      timeline.upAt !== null &&
      entry.atMs >= timeline.downBy &&
      entry.atMs + entry.tookMs <= timeline.upAt,
  );
  // When a monitor would first have seen readiness fail: the earliest failed answer after the cut.
  const failedAnswers = readiness
    .filter(
      (entry) =>
        entry.status !== 200 && timeline.downAt !== null && entry.atMs + entry.tookMs >= timeline.downAt,
    )
    .map((entry) => entry.atMs + entry.tookMs);
  const readinessFailedBy = failedAnswers.length > 0 ? Math.min(...failedAnswers) : null;
  // When the server refused a fresh connection first, and accepted one again (a cut proxy leaves
  // the server up: then "back" is the restore).
  const serverDownFrom =
    serverProbes.find((probe) => timeline.downAt !== null && probe.atMs >= timeline.downAt && !probe.up)
      ?.atMs ?? null;
  const serverUpFrom =
    outage.kind === 'proxy'
      ? timeline.upAt
      : (serverProbes.find((probe) => serverDownFrom !== null && probe.atMs > serverDownFrom && probe.up)
          ?.atMs ?? null);
  const readyAgainAfterStartMs =
    timeline.readyAgainBy !== null && timeline.upAt !== null ? timeline.readyAgainBy - timeline.upAt : null;
  const readyAgainAfterUpMs =
    timeline.readyAgainBy !== null && serverUpFrom !== null ? timeline.readyAgainBy - serverUpFrom : null;
  const asObject = (bucket: Map<number, number>) => Object.fromEntries([...bucket].sort());
  const count = (predicate: (status: number) => boolean, phases: Phase[] = ['before', 'during', 'after']) =>
    phases
      .flatMap((phase) => [...statuses[phase]])
      .filter(([status]) => predicate(status))
      .reduce((sum, [, n]) => sum + n, 0);
  const serverErrors = count((status) => status >= 500 && status !== 503);
  const socketErrorsOrTimeouts = result.errors + result.timeouts;
  const checks = {
    noDrillError: drillError === null,
    serverReallyWentDown: outage.kind === 'proxy' || (serverDownFrom !== null && serverUpFrom !== null),
    no500s: serverErrors === 0,
    no503WithoutRetryAfter: retryAfterMissing === 0,
    noSocketErrorsOrTimeouts: socketErrorsOrTimeouts === 0,
    noUnexpectedStatuses:
      unexpected.before + unexpected.during + unexpected.after === 0 && unknownResponses === 0,
    got503sDuringOutage: count((status) => status === 503, ['during']) > 0,
    readinessFailedWhileDown:
      probesWhileDown.length > 0 && probesWhileDown.every((entry) => entry.status !== 200),
    readyAgainInTime: readyAgainAfterUpMs !== null && readyAgainAfterUpMs <= READY_AGAIN_WITHIN_MS,
    successAfterRecovery: count((status) => status >= 200 && status < 300, ['after']) > 0,
    acknowledgedWritesKept: writes.lost === 0,
    appAliveWithoutRestart: appAlive,
    appExitedCleanly: exitCode === 0,
  };
  const mode =
    outage.kind === 'proxy'
      ? 'TCP proxy between app and PostgreSQL cut (the server keeps running)'
      : `PostgreSQL stopped for real (${outage.label})`;
  return {
    drill: `Database outage under load: ${mode} ${OUTAGE_AT_MS / 1000} s into a ${connections}-connection signed-in mix, back ${OUTAGE_FOR_MS / 1000} s after it was down`,
    outage: outage.kind,
    timelineMs: { ...timeline, serverRefusedFrom: serverDownFrom, serverAcceptedAgainFrom: serverUpFrom },
    statusesBefore: asObject(statuses.before),
    statusesDuringOutage: asObject(statuses.during),
    statusesAfterRecovery: asObject(statuses.after),
    serverErrors,
    retryAfterMissing,
    socketErrorsOrTimeouts,
    unexpectedStatuses: unexpected,
    conflictsAfterUnansweredSave,
    readinessFailedByMs: readinessFailedBy,
    readinessProbesWhileDown: probesWhileDown.length,
    readyAgainAfterStartIssuedMs: readyAgainAfterStartMs,
    readyAgainAfterServerBackMs: readyAgainAfterUpMs,
    serverLog,
    readinessProbes: readiness
      .filter((entry) => timeline.downAt !== null && entry.atMs >= timeline.downAt - 1000)
      .filter((entry) => timeline.readyAgainBy === null || entry.atMs <= timeline.readyAgainBy + 1000)
      .map((entry) => `${entry.atMs}: ${entry.status} in ${entry.tookMs} ms`),
    writesAcknowledgedDuringDrill: writes.checked,
    writesLost: writes.lost,
    writeDetails: writes.details,
    appLog: {
      connectionLost: appLog.connectionLost,
      databaseUnavailable503: appLog.unavailable,
      unhandledErrors: appLog.unhandled,
    },
    appAliveWithoutRestart: appAlive,
    ...(appAlive ? {} : { appOutputAtDeath: app.output().slice(-1500) }),
    exitCode,
    drillError,
    checks,
    passed: Object.values(checks).every(Boolean),
  };
}

// ------------------------------------------------------------------------------------- main

if (outage.kind === 'stop' && !values['skip-drills']) {
  // Fail before the long load stages rather than at the drill.
  const others = await otherSessions();
  if (others.length > 0)
    throw new Error(
      `the outage drill would stop a PostgreSQL server others are using (sessions by database: ${others.join(', ')}); give it a cluster of its own`,
    );
}
if (values.drill !== undefined) {
  if (values.drill !== 'rollback') throw new Error(`--drill is "rollback", not "${values.drill}"`);
  // Release N+1 rolled out and back to N under the mix, through HAProxy (bench/rollback-drill.ts).
  const { runRollbackDrill } = await import('./rollback-drill.ts');
  process.exit(
    await runRollbackDrill({
      connections: maxConnections,
      from: values.from,
      to: values.to,
      scratchName,
      scratchUrl,
      adminQuery,
      startProcess,
      freePort,
      appEnv,
      createUsers,
      createAvatars,
      createMix,
      resyncVersions,
      verifyWrites,
    }),
  );
}
if (Number(values.instances) > 1) {
  // Two instances behind HAProxy: its own checks and report; exits here (bench/load-cluster.ts).
  const { runClusterBench } = await import('./load-cluster.ts');
  process.exit(
    await runClusterBench({
      instances: Number(values.instances),
      stages,
      seconds,
      scratchName,
      scratchUrl,
      acknowledged,
      adminQuery,
      startProcess,
      freePort,
      appEnv,
      call,
      createUsers,
      createAvatars,
      createMix,
      runMix,
      resyncVersions,
      verifyWrites,
    }),
  );
}
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
    // The machine's speed drifts within a run (one run's bare route: 9,894 req/s before the app's
    // stages, 8,169 after), so the baseline is measured on both sides of them, half its time each.
    const bareBefore = await runBarePart(bare.url, connections, seconds / 2);
    const stopWatchingMix = watchProcess(app.child.pid);
    const mixRow = await runMix(app.url, users, avatars, connections);
    rows.push(withAppUse(mixRow, stopWatchingMix()));
    const stopWatchingSession = watchProcess(app.child.pid);
    const sessionRow = await runSessionOnly(app.url, users, connections);
    rows.push(withAppUse(sessionRow, stopWatchingSession()));
    const bareAfter = await runBarePart(bare.url, connections, seconds / 2);
    rows.push(bareRow(connections, [bareBefore, bareAfter]));
  }
  const verification = await verifyWrites(avatars, acknowledged);
  const pgliteConnections = Number(values['pglite-connections']);
  const pglite = pgliteConnections > 0 ? await pgliteStage(pgliteConnections) : null;
  if (pglite) {
    rows.push(pglite.row);
    if (!rows.some((row) => row.scenario.startsWith('bare') && row.connections === pgliteConnections))
      rows.push(await runBare(bare.url, pgliteConnections));
  }
  await bare.stop();
  const appExit = await app.stop();
  if (appExit !== 0) console.log(`App output at exit:\n${app.output().slice(-6000)}`);
  processes.length = 0;

  const drills = values['skip-drills'] ? [] : [await sigtermDrill(users), await outageDrill(users, avatars)];

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
  console.log(
    '\nAgainst the bare route at the same connections, and the app process: peak RSS, CPU per request:\n',
  );
  console.log(
    '| connections | mix / bare | session / bare | bare before / after req/s | app RSS (mix) MB | app RSS (session) MB | app CPU µs / mix request | app CPU µs / session request |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const connections of stages) {
    const at = (prefix: string) =>
      rows.find((row) => row.connections === connections && row.scenario.startsWith(prefix));
    const bareRate = at('bare')?.requestsPerSecond;
    const share = (row: StageResult | undefined) =>
      row && bareRate ? `${((row.requestsPerSecond / bareRate) * 100).toFixed(1)} %` : '–';
    console.log(
      `| ${connections} | ${share(at('signed-in mix'))} | ${share(at('session alone'))} | ${at('bare')?.partsPerSecond?.join(' / ') ?? '–'} | ${at('signed-in mix')?.appPeakRssMb ?? '–'} | ${at('session alone')?.appPeakRssMb ?? '–'} | ${at('signed-in mix')?.appCpuMicrosPerRequest ?? '–'} | ${at('session alone')?.appCpuMicrosPerRequest ?? '–'} |`,
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
  if (pglite) {
    const bareRate = rows.find(
      (row) => row.scenario.startsWith('bare') && row.connections === pglite.row.connections,
    )?.requestsPerSecond;
    console.log(
      `\nPGlite: the mix at ${pglite.row.connections} connections, ${pglite.row.requestsPerSecond} req/s = ${bareRate ? ((pglite.row.requestsPerSecond / bareRate) * 100).toFixed(1) : '–'} % of the bare (PostgreSQL) route; errors ${pglite.row.errors}, non-2xx ${pglite.row.non2xx}; peak app RSS ${pglite.row.appPeakRssMb ?? '–'} MB, app CPU ${pglite.row.appCpuMicrosPerRequest ?? '–'} µs per request. Acknowledged writes checked: ${pglite.verification.checked}; lost: ${pglite.verification.lost}. App exit code: ${pglite.appExit}.`,
    );
    for (const detail of pglite.verification.details) console.log(`  ${detail}`);
  }
  for (const drill of drills) console.log(`\nDrill: ${JSON.stringify(drill, null, 2)}`);

  mkdirSync('reports', { recursive: true });
  writeFileSync(
    'reports/bench-load.json',
    `${JSON.stringify({ date: new Date().toISOString(), users: userCount, seconds, poolMax: Number(POOL_MAX), rows, verification, pgliteVerification: pglite?.verification ?? null, drills }, null, 2)}\n`,
  );
  failed =
    rows.some((row) => row.errors > 0 || row.non2xx > 0) ||
    verification.lost > 0 ||
    (pglite !== null && (pglite.verification.lost > 0 || pglite.appExit !== 0)) ||
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
