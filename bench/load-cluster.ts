/**
 * `npm run bench:load -- --instances 2`: two app processes behind HAProxy (ADR 0045), on one scratch
 * PostgreSQL database. HAProxy runs as a child process with deploy/haproxy.cfg — the file compose's
 * `scale` profile uses — its addresses and timings given through the environment.
 *
 * Checks what must hold across instances, each pass/fail:
 * 1. sessions: one made on A is valid on B, directly and through HAProxy; a sign-out on one instance
 *    ends the session on the other (after the session cache's revocation window, ADR 0044);
 * 2. the AI quota is exact: 100 concurrent AI requests at a daily quota of 50, through HAProxy over
 *    both instances → exactly 50 answered, 50 refused with 429;
 * 3. rate limits are shared: failed sign-ins for one address hit the per-address limit at the same
 *    count whether they go to A, to B, alternate, or through HAProxy;
 * 4. scheduled jobs run once: both instances tick the scheduler every 250 ms; every job row was
 *    attempted once, and the runs the two instances report (their /metrics) add up to exactly that;
 * 5. rolling restart: under the signed-in mix through HAProxy, SIGTERM A, start it again, wait until
 *    HAProxy sees it healthy, then the same for B — no failed request, no socket error, no lost write.
 *
 * Then the throughput of the signed-in mix: one instance directly, HAProxy with one instance, and
 * HAProxy with two — on the same machine, so two instances share its cores (see the report).
 *
 * HAProxy is Debian's package: /usr/sbin/haproxy, installed with apt-get when missing (as root).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import type * as LoadBench from './load.ts';

/** What bench/load.ts lends the cluster run: its scratch database, app processes and the mix. */
export interface LoadBenchKit {
  instances: number;
  stages: number[];
  seconds: number;
  scratchName: string;
  scratchUrl: URL;
  acknowledged: LoadBench.Acknowledged;
  adminQuery: (sql: string) => Promise<void>;
  startProcess: typeof LoadBench.startProcess;
  freePort: typeof LoadBench.freePort;
  appEnv: typeof LoadBench.appEnv;
  call: typeof LoadBench.call;
  createUsers: typeof LoadBench.createUsers;
  createAvatars: typeof LoadBench.createAvatars;
  createMix: typeof LoadBench.createMix;
  runMix: typeof LoadBench.runMix;
  resyncVersions: typeof LoadBench.resyncVersions;
  verifyWrites: typeof LoadBench.verifyWrites;
}

const APP_SCRIPT = '../src/server/main.ts';
const HAPROXY_CONFIG = fileURLToPath(new URL('../deploy/haproxy.cfg', import.meta.url));
const PASSWORD = 'Granite-Otter-47';
/** HAProxy checks /readyz this often and marks a server down after 2 failures. */
const CHECK_INTER_MS = 1_000;
/** The app fails readiness this long before it stops listening: > 2 × CHECK_INTER_MS plus a check. */
export const DRAIN_MS = 4_000;
const AI_QUOTA = 50;
const AI_REQUESTS = 100;
const SIGN_IN_LIMIT = 10;
const SIGN_IN_ATTEMPTS = 14;
/** A sign-out must have ended the session on the other instance within this long. */
const REVOCATION_WITHIN_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Saves a stage left in flight still commit after the load stops (the app finishes what it
 * accepted, HAProxy sends what it had queued); wait until HAProxy is idle and the stored versions
 * stop moving before the next stage reads them, or it starts stale.
 */
async function settleAndResync(
  kit: LoadBenchKit,
  haproxy: Haproxy,
  avatars: LoadBench.Avatar[],
): Promise<void> {
  const deadline = Date.now() + 60_000;
  let previous = '';
  while (Date.now() < deadline) {
    const servers = Object.values(await haproxy.stats());
    await kit.resyncVersions(avatars);
    const versions = avatars.map((avatar) => avatar.version).join(',');
    if (servers.every((server) => server.inFlight === 0 && server.queued === 0) && versions === previous)
      return;
    previous = versions;
    await sleep(1_000);
  }
}

interface Check {
  name: string;
  passed: boolean;
  details: Record<string, unknown>;
}

// --------------------------------------------------------------------------------- HAProxy

/** Debian's haproxy, installed when missing (root only); otherwise a clear error. */
export function ensureHaproxy(): string {
  const found = () =>
    [process.env.HAPROXY_BIN, '/usr/sbin/haproxy'].find(
      (candidate): candidate is string => candidate !== undefined && existsSync(candidate),
    );
  const present = found();
  if (present) return present;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canInstall) {
    console.log('HAProxy is missing; installing Debian’s package (apt-get install -y haproxy)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'haproxy'], { stdio: 'inherit', env });
  }
  const installed = found();
  if (!installed)
    throw new Error(
      'bench:load --instances 2 needs HAProxy: install Debian’s package (`apt-get install -y haproxy`) or set HAPROXY_BIN',
    );
  return installed;
}

interface ServerStats {
  status: string;
  inFlight: number;
  queued: number;
  requests: number;
  responses2xx: number;
  responses4xx: number;
  responses5xx: number;
  retries: number;
  redispatches: number;
  connectionErrors: number;
  responseErrors: number;
}

export interface Haproxy {
  url: string;
  command(line: string): Promise<string>;
  /** Per-server counters of the `app` backend (app1, app2). */
  stats(): Promise<Record<string, ServerStats>>;
  /** Waits until HAProxy's health checks see the server up. */
  waitUntilUp(server: string, timeoutMs?: number): Promise<number>;
  log(): string;
  stop(): Promise<void>;
  /** For a bench that dies: no HAProxy left behind. */
  kill(): void;
}

export async function startHaproxy(
  binary: string,
  dir: string,
  backends: string[],
  port: number,
): Promise<Haproxy> {
  const socketPath = path.join(dir, 'haproxy.sock');
  let output = '';
  const child: ChildProcess = spawn(binary, ['-db', '-f', HAPROXY_CONFIG], {
    env: {
      ...process.env,
      HAPROXY_BIND: `127.0.0.1:${port}`,
      HAPROXY_STATS_SOCKET: socketPath,
      HAPROXY_CHECK_INTER: `${CHECK_INTER_MS}ms`,
      HAPROXY_LOG_LEVEL: 'info',
      APP1_ADDR: backends[0] ?? '',
      APP2_ADDR: backends[1] ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const startedAt = performance.now();
  const record = (chunk: unknown) => {
    const stamp = `[+${Math.round(performance.now() - startedAt)} ms] `;
    const lines = String(chunk)
      .split('\n')
      .filter(Boolean)
      .map((line) => stamp + line);
    output = `${output}${lines.join('\n')}\n`.slice(-40_000);
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);

  function command(line: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(socketPath);
      let answer = '';
      socket.on('data', (chunk) => {
        answer += String(chunk);
      });
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
      socket.end(`${line}\n`);
    });
  }

  async function stats(): Promise<Record<string, ServerStats>> {
    const [header = '', ...rows] = (await command('show stat')).trim().split('\n');
    const columns = header.replace(/^# /, '').split(',');
    const result: Record<string, ServerStats> = {};
    for (const row of rows) {
      const cells = row.split(',');
      const field = (name: string) => cells[columns.indexOf(name)] ?? '';
      const number = (name: string) => Number(field(name)) || 0;
      if (field('pxname') !== 'app' || !/^app\d$/.test(field('svname'))) continue;
      result[field('svname')] = {
        status: field('status'),
        inFlight: number('scur'),
        queued: number('qcur'),
        requests: number('stot'),
        responses2xx: number('hrsp_2xx'),
        responses4xx: number('hrsp_4xx'),
        responses5xx: number('hrsp_5xx'),
        retries: number('wretr'),
        redispatches: number('wredis'),
        connectionErrors: number('econ'),
        responseErrors: number('eresp'),
      };
    }
    return result;
  }

  async function waitUntilUp(server: string, timeoutMs = 30_000): Promise<number> {
    const begin = performance.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error(`haproxy exited: ${output}`);
      try {
        if ((await stats())[server]?.status === 'UP') return Math.round(performance.now() - begin);
      } catch {
        // the stats socket is not there yet
      }
      if (performance.now() - begin > timeoutMs) throw new Error(`${server} not UP in HAProxy: ${output}`);
      await sleep(100);
    }
  }

  return {
    url: `http://127.0.0.1:${port}`,
    command,
    stats,
    waitUntilUp,
    log: () => output,
    kill: () => child.kill('SIGKILL'),
    async stop() {
      // Stopped already (HAProxy ends on the signal: no exit code, a signal code): nothing to wait for.
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

// ---------------------------------------------------------------------------------- checks

interface Instance {
  name: 'A' | 'B';
  server: 'app1' | 'app2';
  port: number;
  process: LoadBench.Process;
}

async function sessionUser(kit: LoadBenchKit, url: string, cookie: string): Promise<string | null> {
  const response = await kit.call<{ user: { id: string } | null }>(`${url}/api/session`, 'GET', cookie);
  return response.status === 200 ? (response.body.user?.id ?? null) : null;
}

async function signUp(
  kit: LoadBenchKit,
  url: string,
  label: string,
): Promise<{ cookie: string; userId: string }> {
  const response = await kit.call<{ user: { id: string } }>(`${url}/api/auth/sign-up`, 'POST', null, {
    name: `Cluster ${label}`,
    email: `cluster.${label}.${randomBytes(3).toString('hex')}@example.com`,
    password: PASSWORD,
  });
  if (response.status !== 200 || !response.cookie) throw new Error(`sign-up on ${url}: ${response.status}`);
  return { cookie: response.cookie, userId: response.body.user.id };
}

async function checkSessions(kit: LoadBenchKit, a: Instance, b: Instance, haproxy: Haproxy): Promise<Check> {
  const made = await signUp(kit, `http://127.0.0.1:${a.port}`, 'sessions');
  const urls = { A: `http://127.0.0.1:${a.port}`, B: `http://127.0.0.1:${b.port}`, haproxy: haproxy.url };
  const validMadeOnA = {
    onA: (await sessionUser(kit, urls.A, made.cookie)) === made.userId,
    onB: (await sessionUser(kit, urls.B, made.cookie)) === made.userId,
    // Several requests, so round-robin takes them to both instances.
    throughHaproxy: (
      await Promise.all(Array.from({ length: 6 }, () => sessionUser(kit, urls.haproxy, made.cookie)))
    ).every((id) => id === made.userId),
  };
  // A second session, signed in through HAProxy, then signed out on B: A must stop accepting it.
  const email = (await kit.call<{ user: { email: string } }>(`${urls.A}/api/session`, 'GET', made.cookie))
    .body.user.email;
  const signIn = await kit.call(`${urls.haproxy}/api/auth/sign-in`, 'POST', null, {
    email,
    password: PASSWORD,
  });
  const second = signIn.cookie ?? '';
  const validSignedInThroughHaproxy = {
    onA: (await sessionUser(kit, urls.A, second)) === made.userId,
    onB: (await sessionUser(kit, urls.B, second)) === made.userId,
  };
  const signOut = await kit.call(`${urls.B}/api/auth/sign-out`, 'POST', second, {});
  const signedOutAt = performance.now();
  let revokedOnAAfterMs: number | null = null;
  while (performance.now() - signedOutAt < REVOCATION_WITHIN_MS) {
    if ((await sessionUser(kit, urls.A, second)) === null) {
      revokedOnAAfterMs = Math.round(performance.now() - signedOutAt);
      break;
    }
    await sleep(100);
  }
  const firstStillValid = (await sessionUser(kit, urls.B, made.cookie)) === made.userId;
  return {
    name: 'sessions valid on both instances',
    passed:
      Object.values(validMadeOnA).every(Boolean) &&
      signIn.status === 200 &&
      Object.values(validSignedInThroughHaproxy).every(Boolean) &&
      signOut.status === 200 &&
      revokedOnAAfterMs !== null &&
      firstStillValid,
    details: {
      madeOnA: validMadeOnA,
      signedInThroughHaproxy: validSignedInThroughHaproxy,
      signOutOnBStatus: signOut.status,
      signedOutOnBEndedOnAAfterMs: revokedOnAAfterMs,
      otherSessionStillValid: firstStillValid,
    },
  };
}

async function checkAiQuota(kit: LoadBenchKit, haproxy: Haproxy): Promise<Check> {
  const user = await signUp(kit, haproxy.url, 'quota');
  // The first page view gives the account its brand, which the coach answers about.
  const brands = await kit.call<{ brands: Array<{ id: string }> }>(
    `${haproxy.url}/api/brands`,
    'GET',
    user.cookie,
  );
  const brandId = brands.body.brands[0]?.id;
  const before = await haproxy.stats();
  const unexpectedAnswers: unknown[] = [];
  let shedAndRetried = 0;
  // All 100 at once. A 503 is load shedding on this busy machine (nothing was counted): the request
  // is sent again after a pause, as a client honouring Retry-After would, until it is answered.
  const statuses = await Promise.all(
    Array.from({ length: AI_REQUESTS }, async (_, index) => {
      for (let attempt = 1; ; attempt += 1) {
        const response = await kit.call(`${haproxy.url}/api/ai/contextual-help`, 'POST', user.cookie, {
          brandId,
          area: 'brand-canvas',
          question: `How do I sharpen part ${index} of my canvas?`,
        });
        if (response.status === 503 && attempt < 10) {
          shedAndRetried += 1;
          await sleep(2_000);
          continue;
        }
        if (response.status !== 200 && response.status !== 429 && unexpectedAnswers.length < 3)
          unexpectedAnswers.push(response.body);
        return response.status;
      }
    }),
  );
  const after = await haproxy.stats();
  const answered = statuses.filter((status) => status === 200).length;
  const refused = statuses.filter((status) => status === 429).length;
  const perInstance = Object.fromEntries(
    ['app1', 'app2'].map((server) => [
      server,
      {
        requests: (after[server]?.requests ?? 0) - (before[server]?.requests ?? 0),
        answered2xx: (after[server]?.responses2xx ?? 0) - (before[server]?.responses2xx ?? 0),
        refused4xx: (after[server]?.responses4xx ?? 0) - (before[server]?.responses4xx ?? 0),
      },
    ]),
  );
  const client = new pg.Client({ connectionString: kit.scratchUrl.toString() });
  await client.connect();
  const { rows } = await client.query<{ used: number }>(
    'select used from ai_daily_usage where user_id = $1',
    [user.userId],
  );
  await client.end();
  const counted = rows[0]?.used ?? 0;
  const spread = Object.values(perInstance).every((entry) => entry.requests > 0);
  return {
    name: `AI quota exact (${AI_REQUESTS} concurrent at quota ${AI_QUOTA})`,
    passed: answered === AI_QUOTA && refused === AI_REQUESTS - AI_QUOTA && counted === AI_QUOTA && spread,
    details: {
      answered200: answered,
      refused429: refused,
      other: statuses.filter((status) => status !== 200 && status !== 429).length,
      shedWith503AndSentAgain: shedAndRetried,
      unexpectedAnswers,
      countedInDatabase: counted,
      perInstance,
    },
  };
}

async function checkRateLimits(
  kit: LoadBenchKit,
  a: Instance,
  b: Instance,
  haproxy: Haproxy,
): Promise<Check> {
  const A = `http://127.0.0.1:${a.port}`;
  const B = `http://127.0.0.1:${b.port}`;
  const routes: Record<string, (attempt: number) => string> = {
    'A only': () => A,
    'B only': () => B,
    'alternating A, B': (attempt) => (attempt % 2 === 0 ? A : B),
    'through HAProxy': () => haproxy.url,
  };
  const results: Record<string, { first429At: number | null; statuses: number[] }> = {};
  for (const [label, route] of Object.entries(routes)) {
    const email = `limit.${randomBytes(4).toString('hex')}@example.com`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < SIGN_IN_ATTEMPTS; attempt += 1) {
      const response = await kit.call(`${route(attempt)}/api/auth/sign-in`, 'POST', null, {
        email,
        password: 'Not-The-Password-1',
      });
      statuses.push(response.status);
    }
    const index = statuses.indexOf(429);
    results[label] = { first429At: index === -1 ? null : index + 1, statuses };
  }
  const expected = SIGN_IN_LIMIT + 1;
  return {
    name: `rate limits shared (sign-in, ${SIGN_IN_LIMIT} per address)`,
    passed: Object.values(results).every(
      (result) =>
        result.first429At === expected &&
        result.statuses.slice(expected - 1).every((status) => status === 429) &&
        result.statuses.slice(0, expected - 1).every((status) => status === 401),
    ),
    details: Object.fromEntries(
      Object.entries(results).map(([label, result]) => [
        label,
        `first 429 at attempt ${result.first429At} (statuses ${[...new Set(result.statuses)].join('/')})`,
      ]),
    ),
  };
}

/** `ibc_job_runs_total` per job from one instance's /metrics. */
async function jobRunsReported(url: string, token: string): Promise<Map<string, number>> {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`metrics on ${url}: ${response.status}`);
  const runs = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    const match = /^ibc_job_runs_total\{([^}]*)\}\s+(\S+)$/.exec(line);
    const job = match?.[1] ? /job="([^"]*)"/.exec(match[1])?.[1] : undefined;
    if (job) runs.set(job, (runs.get(job) ?? 0) + Number(match?.[2]));
  }
  return runs;
}

interface JobRow {
  name: string;
  run_key: string;
  status: string;
  attempts: number;
}

async function checkJobsRunOnce(
  kit: LoadBenchKit,
  a: Instance,
  b: Instance,
  metricsToken: string,
): Promise<Check> {
  const client = new pg.Client({ connectionString: kit.scratchUrl.toString() });
  await client.connect();
  const read = async () => {
    const { rows } = await client.query<JobRow>(
      'select name, run_key, status, attempts from jobs order by name, run_key',
    );
    const reported = [
      await jobRunsReported(`http://127.0.0.1:${a.port}`, metricsToken),
      await jobRunsReported(`http://127.0.0.1:${b.port}`, metricsToken),
    ];
    return { rows, reported, fingerprint: JSON.stringify([rows, reported.map((map) => [...map])]) };
  };
  // Settled: nothing running or due-but-untried, and unchanged over another 8 ticks of each instance.
  const deadline = Date.now() + 60_000;
  let state = await read();
  for (;;) {
    await sleep(2_000);
    const next = await read();
    const busy = next.rows.some((row) => row.status === 'running' || row.attempts === 0);
    if ((!busy && next.fingerprint === state.fingerprint) || Date.now() > deadline) {
      state = next;
      break;
    }
    state = next;
  }
  await client.end();
  const names = [...new Set(state.rows.map((row) => row.name))];
  const perJob = names.map((name) => {
    const rows = state.rows.filter((row) => row.name === name);
    const attempts = rows.reduce((sum, row) => sum + row.attempts, 0);
    const onA = state.reported[0]?.get(name) ?? 0;
    const onB = state.reported[1]?.get(name) ?? 0;
    return {
      job: name,
      rows: rows.length,
      slots: rows.map((row) => `${row.run_key.length > 24 ? 'ad hoc' : row.run_key}: ${row.status}`),
      attemptsInDatabase: attempts,
      runsReportedByA: onA,
      runsReportedByB: onB,
      ranOnce: rows.every((row) => row.attempts === 1) && onA + onB === attempts,
    };
  });
  const scheduled = perJob.filter((job) => job.slots.some((slot) => !slot.startsWith('ad hoc')));
  return {
    name: 'scheduled jobs run once across both instances',
    passed: scheduled.length > 0 && perJob.every((job) => job.ranOnce),
    details: { jobs: perJob },
  };
}

// ------------------------------------------------------------------------ rolling restart

async function rollingRestart(
  kit: LoadBenchKit,
  instances: Instance[],
  haproxy: Haproxy,
  env: Record<string, string>,
  users: LoadBench.LoadUser[],
  avatars: LoadBench.Avatar[],
): Promise<Check> {
  for (const instance of instances) await haproxy.waitUntilUp(instance.server);
  await settleAndResync(kit, haproxy, avatars);
  const book: LoadBench.Acknowledged = { saves: new Map(), diagnostics: [] };
  const connections = Math.min(100, avatars.length);
  const mix = kit.createMix(users, avatars, 7, book);
  const statuses = new Map<number, number>();
  let unexpected = 0;
  let unknownResponses = 0;
  const unexpectedByOperation: Record<string, Record<number, number>> = {};
  const startedAt = performance.now();
  const now = () => Math.round(performance.now() - startedAt);
  const before = await haproxy.stats();
  let settleLoad: (error: unknown, result: autocannon.Result) => void = () => {};
  const load = new Promise<autocannon.Result>((resolve, reject) => {
    settleLoad = (error, result) => (error ? reject(error) : resolve(result));
  });
  const cannon = autocannon(
    {
      url: haproxy.url,
      connections,
      duration: 300,
      timeout: 30,
      requests: [
        {
          setupRequest: mix.setupRequest,
          onResponse: (status, body, _context, headers) => {
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            const settled = mix.settle(status, body, headers);
            if (!settled) unknownResponses += 1;
            else if (!(status >= 200 && status < 300) && !settled.conflictAfterUnansweredSave) {
              unexpected += 1;
              const byStatus = unexpectedByOperation[settled.entry.operation] ?? {};
              byStatus[status] = (byStatus[status] ?? 0) + 1;
              unexpectedByOperation[settled.entry.operation] = byStatus;
            }
          },
        },
      ],
    },
    (error, result) => settleLoad(error, result),
  );
  const timeline: Array<Record<string, unknown>> = [];
  let drillError: string | null = null;
  try {
    await sleep(3_000);
    for (const instance of instances) {
      const signalledAt = now();
      const exitCode = await instance.process.stop();
      const exitedAt = now();
      instance.process = await kit.startProcess(APP_SCRIPT, env, instance.port);
      const readyAt = now();
      await haproxy.waitUntilUp(instance.server);
      timeline.push({
        instance: instance.name,
        sigtermAtMs: signalledAt,
        exitedAtMs: exitedAt,
        exitCode,
        startedAgainReadyAtMs: readyAt,
        upInHaproxyAtMs: now(),
      });
      await sleep(2_000);
    }
  } catch (error) {
    drillError = error instanceof Error ? error.message : String(error);
  } finally {
    cannon.stop();
  }
  const result = await load;
  const after = await haproxy.stats();
  const writes = await kit.verifyWrites(avatars, book);
  const socketErrorsOrTimeouts = result.errors + result.timeouts;
  const haproxyCounters = Object.fromEntries(
    ['app1', 'app2'].map((server) => [
      server,
      {
        retries: (after[server]?.retries ?? 0) - (before[server]?.retries ?? 0),
        redispatches: (after[server]?.redispatches ?? 0) - (before[server]?.redispatches ?? 0),
        connectionErrors: (after[server]?.connectionErrors ?? 0) - (before[server]?.connectionErrors ?? 0),
        responseErrors: (after[server]?.responseErrors ?? 0) - (before[server]?.responseErrors ?? 0),
        answered: (after[server]?.requests ?? 0) - (before[server]?.requests ?? 0),
      },
    ]),
  );
  return {
    name: `rolling restart under load (${connections} connections through HAProxy)`,
    passed:
      drillError === null &&
      timeline.length === instances.length &&
      timeline.every((step) => step.exitCode === 0) &&
      unexpected === 0 &&
      unknownResponses === 0 &&
      socketErrorsOrTimeouts === 0 &&
      writes.lost === 0,
    details: {
      requests: result.requests.total,
      statuses: Object.fromEntries([...statuses].sort()),
      failedRequests: unexpected + unknownResponses,
      failedByOperation: unexpectedByOperation,
      socketErrorsOrTimeouts,
      timelineMs: timeline,
      durationMs: now(),
      haproxy: haproxyCounters,
      writesAcknowledged: writes.checked,
      writesLost: writes.lost,
      writeDetails: writes.details,
      drillError,
    },
  };
}

// -------------------------------------------------------------------------------- throughput

interface ThroughputRow extends LoadBench.StageResult {
  path: string;
}

async function throughput(
  kit: LoadBenchKit,
  instances: Instance[],
  haproxy: Haproxy,
  users: LoadBench.LoadUser[],
  avatars: LoadBench.Avatar[],
): Promise<ThroughputRow[]> {
  const rows: ThroughputRow[] = [];
  const [a] = instances;
  if (!a) return rows;
  // Both instances start cold (JIT, pools, caches); the first measured stage would pay for it.
  console.log('Warm-up through HAProxy (not reported)…');
  await kit.runMix(haproxy.url, users, avatars, kit.stages[0] ?? 100);
  for (const connections of kit.stages) {
    console.log(`Throughput: ${connections} connections × ${kit.seconds} s, three ways…`);
    await settleAndResync(kit, haproxy, avatars);
    rows.push({
      path: 'one instance, direct',
      ...(await kit.runMix(`http://127.0.0.1:${a.port}`, users, avatars, connections)),
    });
    // The direct stage can make A's health checks time out; start from both instances up.
    await haproxy.waitUntilUp('app1');
    await haproxy.waitUntilUp('app2');
    await settleAndResync(kit, haproxy, avatars);
    await haproxy.command('disable server app/app2');
    try {
      rows.push({
        path: 'HAProxy → one instance',
        ...(await kit.runMix(haproxy.url, users, avatars, connections)),
      });
    } finally {
      await haproxy.command('enable server app/app2');
    }
    await haproxy.waitUntilUp('app2');
    await settleAndResync(kit, haproxy, avatars);
    rows.push({
      path: 'HAProxy → two instances',
      ...(await kit.runMix(haproxy.url, users, avatars, connections)),
    });
  }
  return rows;
}

// ------------------------------------------------------------------------------------- main

export async function runClusterBench(kit: LoadBenchKit): Promise<number> {
  if (kit.instances !== 2)
    throw new Error(`--instances is 1 or 2 (deploy/haproxy.cfg has two servers), not ${kit.instances}`);
  const haproxyBinary = ensureHaproxy();
  const dir = mkdtempSync(path.join(tmpdir(), 'ibc-cluster-'));
  const metricsToken = randomBytes(24).toString('hex');
  const clusterEnv = (extra: Record<string, string>) =>
    kit.appEnv(kit.scratchUrl.toString(), {
      // As deployed: both instances run the scheduler; behind HAProxy, drain before closing.
      JOBS_ENABLED: 'true',
      JOBS_POLL_INTERVAL_MS: '250',
      BACKUP_DIR: path.join(dir, 'backups'),
      METRICS_TOKEN: metricsToken,
      TRUST_PROXY: 'true',
      SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
      ...extra,
    });
  // The checks run with the product's limits; the load with limits the mix cannot reach.
  const checkEnv = clusterEnv({
    AI_DAILY_QUOTA: String(AI_QUOTA),
    AUTH_THROTTLE_MAX_PER_EMAIL: String(SIGN_IN_LIMIT),
  });
  const loadEnv = clusterEnv({});

  await kit.adminQuery(`create database ${kit.scratchName}`);
  const instances: Instance[] = [];
  let haproxy: Haproxy | undefined;
  let failed = false;
  const stopAll = async () => {
    for (const instance of instances) await instance.process.stop();
  };
  // Whatever kills the bench, it leaves no instance or HAProxy running.
  const killChildren = (code: number) => {
    if (code !== 0 && haproxy) console.error(`HAProxy's log:\n${haproxy.log().slice(-4000)}`);
    for (const instance of instances) instance.process.child.kill('SIGKILL');
    haproxy?.kill();
  };
  process.once('exit', killChildren);
  try {
    // The first instance migrates the scratch database; the second starts on a migrated one.
    for (const [name, server] of [
      ['A', 'app1'],
      ['B', 'app2'],
    ] as const) {
      const port = await kit.freePort();
      instances.push({ name, server, port, process: await kit.startProcess(APP_SCRIPT, checkEnv, port) });
    }
    const [a, b] = instances as [Instance, Instance];
    haproxy = await startHaproxy(
      haproxyBinary,
      dir,
      instances.map((instance) => `127.0.0.1:${instance.port}`),
      await kit.freePort(),
    );
    await haproxy.waitUntilUp('app1');
    await haproxy.waitUntilUp('app2');
    console.log(
      `HAProxy on ${haproxy.url} → A :${a.port}, B :${b.port}; database ${kit.scratchName}. Checks…`,
    );

    const checks: Check[] = [];
    checks.push(await checkSessions(kit, a, b, haproxy));
    checks.push(await checkAiQuota(kit, haproxy));
    checks.push(await checkRateLimits(kit, a, b, haproxy));
    checks.push(await checkJobsRunOnce(kit, a, b, metricsToken));

    // Load: the same two instances restarted with limits the mix does not reach.
    await stopAll();
    for (const instance of instances)
      instance.process = await kit.startProcess(APP_SCRIPT, loadEnv, instance.port);
    await haproxy.waitUntilUp('app1');
    await haproxy.waitUntilUp('app2');
    console.log('Creating users and avatars through HAProxy…');
    const users = await kit.createUsers(haproxy.url);
    const avatars = await kit.createAvatars(haproxy.url, users);
    const rows = await throughput(kit, instances, haproxy, users, avatars);
    console.log('Rolling restart under load…');
    checks.push(await rollingRestart(kit, instances, haproxy, loadEnv, users, avatars));
    const verification = await kit.verifyWrites(avatars, kit.acknowledged);
    checks.push({
      name: 'throughput stages: no errors, no lost writes',
      passed: rows.every((row) => row.errors === 0 && row.non2xx === 0) && verification.lost === 0,
      details: {
        writesChecked: verification.checked,
        writesLost: verification.lost,
        writeDetails: verification.details,
      },
    });

    console.log(
      `\nPostgreSQL; two app processes behind HAProxy ${spawnSync(haproxyBinary, ['-v'], { encoding: 'utf8' }).stdout.split(' ')[2] ?? ''} on one machine (${availableParallelism()} cores); ${kit.seconds} s per stage; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}\n`,
    );
    console.log(
      '| path | connections | requests | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx | vs direct |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of rows) {
      const direct = rows.find(
        (candidate) => candidate.path === 'one instance, direct' && candidate.connections === row.connections,
      );
      const ratio = direct
        ? `${((row.requestsPerSecond / direct.requestsPerSecond) * 100).toFixed(1)} %`
        : '';
      console.log(
        `| ${row.path} | ${row.connections} | ${row.requests} | ${row.requestsPerSecond} | ${row.p50Ms} | ${row.p95Ms} | ${row.p99Ms} | ${row.errors} | ${row.non2xx} | ${ratio} |`,
      );
    }
    console.log('\n| check | result |\n| --- | --- |');
    for (const check of checks) console.log(`| ${check.name} | ${check.passed ? 'pass' : 'FAIL'} |`);
    for (const check of checks) console.log(`\n${check.name}: ${JSON.stringify(check.details, null, 2)}`);
    const serverEvents = haproxy
      .log()
      .split('\n')
      .filter((line) => /Server app\/app\d is (UP|DOWN)|is going DOWN for maintenance/.test(line));
    console.log(`\nHAProxy server events:\n${serverEvents.join('\n')}`);
    // HAProxy logs only abnormal requests; by termination state (first two letters): `CH` is the
    // load generator closing its connections when a stage stops, anything else is worth reading.
    const abnormal = haproxy
      .log()
      .split('\n')
      .filter((line) => /\bweb (app\/app\d|web\/<NOSRV>) /.test(line));
    const byTermination = new Map<string, number>();
    for (const line of abnormal) {
      const state = / \d{3} \d+ \S+ \S+ (\S{2})/.exec(line)?.[1] ?? 'unknown';
      byTermination.set(state, (byTermination.get(state) ?? 0) + 1);
    }
    console.log(
      `\nHAProxy abnormal requests: ${abnormal.length} (by termination state: ${JSON.stringify(Object.fromEntries(byTermination))})`,
    );
    for (const line of abnormal.filter((entry) => !/ CH-- /.test(entry)).slice(-20)) console.log(line);

    mkdirSync('reports', { recursive: true });
    writeFileSync(
      'reports/bench-load-cluster.json',
      `${JSON.stringify({ date: new Date().toISOString(), instances: 2, seconds: kit.seconds, rows: rows.map(({ byOperation: _perOperation, ...row }) => row), checks, haproxyServerEvents: serverEvents, haproxyAbnormalByTermination: Object.fromEntries(byTermination) }, null, 2)}\n`,
    );
    failed = checks.some((check) => !check.passed);
  } catch (error) {
    failed = true;
    console.error(error);
    for (const instance of instances) console.error(instance.process.output().slice(-3000));
    if (haproxy) console.error(haproxy.log().slice(-3000));
  } finally {
    await stopAll();
    await haproxy?.stop();
    await kit.adminQuery(`drop database if exists ${kit.scratchName} with (force)`);
    rmSync(dir, { recursive: true, force: true });
    process.off('exit', killChildren);
  }
  if (failed) console.error('\nbench:load --instances 2 FAILED (see the checks above).');
  return failed ? 1 : 0;
}
