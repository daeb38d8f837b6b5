/**
 * `npm run drill:rollback`: roll out release N+1 under load, then roll the app back to release N
 * while the database stays on N+1's schema — and N must still serve every request (ADR 0050).
 *
 * Release N+1 is HEAD (or `--to REF`); release N is the newest commit before it whose migrations
 * folder has fewer migrations — one fewer unless a commit added several (or `--from REF`). Both are
 * exported from git (`git archive`, so the repository, its index and its worktrees are left
 * untouched) into a temporary folder and run from there, each on its own code; node_modules is the
 * checkout's (a symlink) when the release's package-lock.json is the one installed here, otherwise
 * `npm ci --prefer-offline` in its folder. Uncommitted changes are not part of either release.
 *
 * On one scratch PostgreSQL database, behind HAProxy with deploy/haproxy.cfg (the balancer compose's
 * `scale` profile runs, reused from bench/load-cluster.ts), two slots app1 and app2:
 *
 * 1. N starts in app1 and migrates the empty database to N's schema; users, brands and avatars are
 *    created through the API;
 * 2. the signed-in mix of bench/load.ts runs through HAProxy at 50 connections, from here to the end;
 * 3. roll out: N+1 starts in app2 and migrates the database to N+1 while N serves; once HAProxy has
 *    app2 up, N gets SIGTERM (it fails /readyz, drains, exits);
 * 4. N+1 serves alone for a while;
 * 5. roll back: N starts again in app1 — on N+1's schema, which it must accept without migrating —
 *    and once HAProxy has it up, N+1 gets SIGTERM;
 * 6. N serves alone on N+1's schema for a while; the load stops.
 *
 * Every request is booked in the phase it was sent in. A failed request is a socket error or
 * timeout, a response this mix did not send, or any status but 2xx — except a 409 on an avatar
 * whose previous save got no answer (the mix's own rule). Passes when no request failed in any
 * phase, every write the app acknowledged is in the database, the schema is at N's level after
 * step 1, at N+1's after step 3 and still there after step 5, and every instance exited 0 on
 * SIGTERM. Prints the phases and steps as tables and writes reports/drill-rollback.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import type * as LoadBench from './load.ts';
import { DRAIN_MS, ensureHaproxy, type Haproxy, type LoadBenchKit, startHaproxy } from './load-cluster.ts';
import { markdownTable } from './markdown-table.ts';

/** What bench/load.ts lends the drill (its scratch database, app processes and the mix). */
export type RollbackDrillKit = Pick<
  LoadBenchKit,
  | 'scratchName'
  | 'scratchUrl'
  | 'adminQuery'
  | 'startProcess'
  | 'freePort'
  | 'appEnv'
  | 'createUsers'
  | 'createAvatars'
  | 'createMix'
  | 'resyncVersions'
  | 'verifyWrites'
> & {
  connections: number;
  /** Release N (a git ref); found from the migrations when absent. */
  from: string | undefined;
  /** Release N+1 (a git ref); HEAD when absent. */
  to: string | undefined;
};

const JOURNAL = 'src/server/db/migrations/meta/_journal.json';
/** How long each release serves alone before the next step, under load. */
const SERVE_ALONE_MS = 8_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ------------------------------------------------------------------------------- releases

interface Release {
  label: 'N' | 'N+1';
  ref: string;
  commit: string;
  subject: string;
  migrations: number;
  dir: string;
  /** How node_modules was provided: the checkout's (symlink) or a fresh `npm ci`. */
  modules: 'symlinked' | 'npm ci';
}

function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function migrationCountAt(root: string, commit: string): number {
  try {
    const journal = JSON.parse(git(root, ['show', `${commit}:${JOURNAL}`])) as { entries: unknown[] };
    return journal.entries.length;
  } catch {
    return 0;
  }
}

/**
 * Release N: the newest commit on `to`'s first-parent line with fewer migrations than `to` — the
 * state just before the commit that added `to`'s newest migration(s); usually one fewer.
 */
function previousRelease(root: string, to: string): string {
  const wanted = migrationCountAt(root, to);
  // Only the commits that changed the journal can change the count.
  for (const changed of git(root, ['rev-list', '--first-parent', to, '--', JOURNAL]).split('\n')) {
    if (!changed) continue;
    const parent = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${changed}^`], {
      cwd: root,
      encoding: 'utf8',
    }).stdout.trim();
    if (!parent) break;
    if (migrationCountAt(root, parent) < wanted) return parent;
  }
  throw new Error(
    `no commit before ${to} has fewer migrations (the history may be shallow: fetch it, or pass --from REF)`,
  );
}

function extractRelease(root: string, label: Release['label'], ref: string, into: string): Release {
  const commit = git(root, ['rev-parse', '--verify', `${ref}^{commit}`]).trim();
  const dir = path.join(into, label === 'N' ? 'release-n' : 'release-n1');
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['archive', '--format=tar', commit], {
    cwd: root,
    maxBuffer: 512 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  const installedLock = readFileSync(path.join(root, 'package-lock.json'), 'utf8');
  const releaseLock = readFileSync(path.join(dir, 'package-lock.json'), 'utf8');
  let modules: Release['modules'] = 'symlinked';
  if (releaseLock === installedLock && existsSync(path.join(root, 'node_modules'))) {
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  } else {
    modules = 'npm ci';
    console.log(`Release ${label}: its package-lock.json differs from the checkout's; npm ci…`);
    execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: dir,
      stdio: 'inherit',
    });
  }
  return {
    label,
    ref,
    commit,
    subject: git(root, ['log', '-1', '--format=%s', commit]).trim().slice(0, 80),
    migrations: migrationCountAt(root, commit),
    dir,
    modules,
  };
}

// ---------------------------------------------------------------------------------- phases

const PHASES = [
  'N serves (schema N)',
  'roll out: N+1 migrates and takes over',
  'N+1 serves (schema N+1)',
  'roll back: N starts on schema N+1, N+1 stops',
  'N serves (schema N+1)',
] as const;
type PhaseName = (typeof PHASES)[number];

interface PhaseCount {
  requests: number;
  ok2xx: number;
  failed: number;
  socketErrors: number;
  statuses: Map<number, number>;
  failedByOperation: Map<string, number>;
  startedAtMs: number;
  endedAtMs: number;
}

interface Step {
  step: string;
  atMs: number;
  tookMs: number;
}

async function migrationsApplied(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string | null }>(
      "select to_regclass('drizzle.__drizzle_migrations')::text as name",
    );
    if (!rows[0]?.name) return 0;
    const count = await client.query<{ applied: number }>(
      'select count(*)::int as applied from drizzle.__drizzle_migrations',
    );
    return count.rows[0]?.applied ?? 0;
  } finally {
    await client.end();
  }
}

async function waitUntilDown(haproxy: Haproxy, server: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await haproxy.stats())[server]?.status.startsWith('DOWN')) {
    if (Date.now() > deadline) throw new Error(`${server} still not DOWN in HAProxy: ${haproxy.log()}`);
    await sleep(100);
  }
}

// ------------------------------------------------------------------------------------ main

export async function runRollbackDrill(kit: RollbackDrillKit): Promise<number> {
  const root = git(process.cwd(), ['rev-parse', '--show-toplevel']).trim();
  const work = mkdtempSync(path.join(tmpdir(), 'ibc-rollback-'));
  const toRef = kit.to ?? 'HEAD';
  const fromRef = kit.from ?? previousRelease(root, toRef);
  const next = extractRelease(root, 'N+1', toRef, work);
  const previous = extractRelease(root, 'N', fromRef, work);
  if (previous.migrations >= next.migrations)
    throw new Error(
      `release N (${previous.commit.slice(0, 8)}) has ${previous.migrations} migrations and N+1 (${next.commit.slice(0, 8)}) ${next.migrations}: N+1 must add at least one`,
    );
  const script = (release: Release) => path.join(release.dir, 'src/server/main.ts');
  console.log(
    `Release N   ${previous.commit.slice(0, 10)} (${previous.migrations} migrations) ${previous.subject}\nRelease N+1 ${next.commit.slice(0, 10)} (${next.migrations} migrations) ${next.subject}`,
  );

  const haproxyBinary = ensureHaproxy();
  const env = kit.appEnv(kit.scratchUrl.toString(), {
    // As deployed behind the balancer: every instance runs the scheduler and drains before closing.
    JOBS_ENABLED: 'true',
    BACKUP_DIR: path.join(work, 'backups'),
    SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
  });
  const steps: Step[] = [];
  const schema: Record<string, number> = {};
  const exitCodes: Record<string, number | null> = {};
  const running: LoadBench.Process[] = [];
  let haproxy: Haproxy | undefined;
  const killChildren = () => {
    for (const child of running) child.child.kill('SIGKILL');
    haproxy?.kill();
  };
  process.once('exit', killChildren);
  const drillStarted = performance.now();
  const since = () => Math.round(performance.now() - drillStarted);
  async function timed<T>(step: string, task: () => Promise<T>): Promise<T> {
    const atMs = since();
    const result = await task();
    steps.push({ step, atMs, tookMs: since() - atMs });
    return result;
  }
  const start = (release: Release, port: number) =>
    kit.startProcess(script(release), env, port, release.dir).then((instance) => {
      running.push(instance);
      return instance;
    });
  const stop = async (instance: LoadBench.Process) => {
    const code = await instance.stop();
    running.splice(running.indexOf(instance), 1);
    return code;
  };

  await kit.adminQuery(`create database ${kit.scratchName}`);
  let failed = false;
  try {
    const slot1 = await kit.freePort();
    const slot2 = await kit.freePort();
    let appInSlot1 = await timed('N starts and migrates the empty database to schema N', () =>
      start(previous, slot1),
    );
    schema.afterNStarted = await migrationsApplied(kit.scratchUrl.toString());
    haproxy = await startHaproxy(
      haproxyBinary,
      work,
      [`127.0.0.1:${slot1}`, `127.0.0.1:${slot2}`],
      await kit.freePort(),
    );
    const balancer = haproxy;
    await balancer.waitUntilUp('app1');
    // Nothing listens in app2 yet: seed and load only once HAProxy has stopped trying it.
    await waitUntilDown(balancer, 'app2');
    console.log(`HAProxy on ${balancer.url} → app1 :${slot1} (N), app2 :${slot2} (empty). Seeding…`);
    const users = await timed('seed users, brands and avatars through the API (N)', () =>
      kit.createUsers(balancer.url),
    );
    const avatars = await kit.createAvatars(balancer.url, users);
    await kit.resyncVersions(avatars);

    // ---- load, booked per phase
    const book: LoadBench.Acknowledged = { saves: new Map(), diagnostics: [] };
    const mix = kit.createMix(users, avatars, 50, book);
    const loadStarted = performance.now();
    const now = () => Math.round(performance.now() - loadStarted);
    const phaseStarts: number[] = [0];
    const phaseAt = (atMs: number): PhaseName => {
      let index = 0;
      for (let candidate = 0; candidate < phaseStarts.length; candidate += 1)
        if (atMs >= (phaseStarts[candidate] ?? 0)) index = candidate;
      return PHASES[index] as PhaseName;
    };
    const counts = new Map<PhaseName, PhaseCount>(
      PHASES.map((phase) => [
        phase,
        {
          requests: 0,
          ok2xx: 0,
          failed: 0,
          socketErrors: 0,
          statuses: new Map(),
          failedByOperation: new Map(),
          startedAtMs: 0,
          endedAtMs: 0,
        },
      ]),
    );
    let unknownResponses = 0;
    let settleLoad: (error: unknown, result: autocannon.Result) => void = () => {};
    const load = new Promise<autocannon.Result>((resolve, reject) => {
      settleLoad = (error, result) => (error ? reject(error) : resolve(result));
    });
    const cannon = autocannon(
      {
        url: balancer.url,
        connections: kit.connections,
        // Stopped when the last phase ends; a backstop only.
        duration: 600,
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
              const count = counts.get(phaseAt(settled.entry.startedAt - loadStarted)) as PhaseCount;
              count.requests += 1;
              count.statuses.set(status, (count.statuses.get(status) ?? 0) + 1);
              if (status >= 200 && status < 300) count.ok2xx += 1;
              else if (!settled.conflictAfterUnansweredSave) {
                count.failed += 1;
                const operation = `${settled.entry.operation} → ${status}`;
                count.failedByOperation.set(operation, (count.failedByOperation.get(operation) ?? 0) + 1);
              }
            },
          },
        ],
      },
      (error, result) => settleLoad(error, result),
    );
    // A socket error or timeout has no response to find the request by: booked when it happens.
    cannon.on('reqError', () => {
      const count = counts.get(phaseAt(now())) as PhaseCount;
      count.socketErrors += 1;
    });
    const nextPhase = () => phaseStarts.push(now());

    let drillError: string | null = null;
    let rolloutMigratedAfterMs: number | null = null;
    try {
      await sleep(SERVE_ALONE_MS);

      // ---- roll out N → N+1
      nextPhase();
      const rolloutStarted = performance.now();
      let watching = true;
      const watcher = (async () => {
        while (watching) {
          if ((await migrationsApplied(kit.scratchUrl.toString())) >= next.migrations) {
            rolloutMigratedAfterMs = Math.round(performance.now() - rolloutStarted);
            return;
          }
          await sleep(50);
        }
      })();
      const appInSlot2 = await timed('N+1 starts, migrates schema N → N+1 under load, ready', () =>
        start(next, slot2),
      );
      watching = false;
      await watcher;
      schema.afterNPlus1Started = await migrationsApplied(kit.scratchUrl.toString());
      await timed('HAProxy has N+1 up', () => balancer.waitUntilUp('app2'));
      exitCodes['N (rolled out)'] = await timed('N stops (SIGTERM) and exits', () => stop(appInSlot1));

      nextPhase();
      await sleep(SERVE_ALONE_MS);

      // ---- roll back N+1 → N, the schema stays at N+1
      nextPhase();
      appInSlot1 = await timed('N starts on schema N+1 (nothing to migrate), ready', () =>
        start(previous, slot1),
      );
      schema.afterNStartedOnNPlus1 = await migrationsApplied(kit.scratchUrl.toString());
      await timed('HAProxy has N up', () => balancer.waitUntilUp('app1'));
      exitCodes['N+1 (rolled back)'] = await timed('N+1 stops (SIGTERM) and exits', () => stop(appInSlot2));

      nextPhase();
      await sleep(SERVE_ALONE_MS * 1.5);
    } catch (error) {
      drillError = error instanceof Error ? error.message : String(error);
    } finally {
      cannon.stop();
    }
    const result = await load;
    const loadEndedAt = now();
    phaseStarts.forEach((startMs, index) => {
      const count = counts.get(PHASES[index] as PhaseName) as PhaseCount;
      count.startedAtMs = startMs;
      count.endedAtMs = phaseStarts[index + 1] ?? loadEndedAt;
    });
    const serverStats = await balancer.stats();
    exitCodes['N (after the drill)'] = await stop(appInSlot1);
    await balancer.stop();
    const writes = await kit.verifyWrites(avatars, book);

    // ---- report
    const phases = PHASES.map((phase) => {
      const count = counts.get(phase) as PhaseCount;
      return {
        phase,
        fromMs: count.startedAtMs,
        toMs: count.endedAtMs,
        requests: count.requests,
        ok2xx: count.ok2xx,
        failed: count.failed,
        socketErrors: count.socketErrors,
        statuses: Object.fromEntries([...count.statuses].sort()),
        failedByOperation: Object.fromEntries(count.failedByOperation),
      };
    });
    const failedRequests =
      phases.reduce((sum, phase) => sum + phase.failed + phase.socketErrors, 0) + unknownResponses;
    const checks = {
      noDrillError: drillError === null,
      releaseNMigratedToItsSchema: schema.afterNStarted === previous.migrations,
      releaseNPlus1MigratedTheDatabase: schema.afterNPlus1Started === next.migrations,
      schemaStaysAtNPlus1AfterRollback: schema.afterNStartedOnNPlus1 === next.migrations,
      everyPhaseRan: phases.every((phase) => phase.requests > 0),
      noFailedRequests: failedRequests === 0 && result.errors + result.timeouts === 0,
      acknowledgedWritesKept: writes.lost === 0,
      everyInstanceExitedCleanly: Object.values(exitCodes).every((code) => code === 0),
    };
    failed = Object.values(checks).some((passed) => !passed);
    const date = new Date().toISOString().slice(0, 10);
    console.log(
      `\nRollback drill, ${date}: ${kit.connections} connections through HAProxy, PostgreSQL, one machine (${availableParallelism()} cores), Node ${process.version}`,
    );
    console.log(
      `N = ${previous.commit.slice(0, 10)} (${previous.migrations} migrations), N+1 = ${next.commit.slice(0, 10)} (${next.migrations} migrations); node_modules: N ${previous.modules}, N+1 ${next.modules}\n`,
    );
    console.log(
      markdownTable(
        ['phase', 'from s', 'to s', 'requests', '2xx', 'failed', 'socket errors'],
        phases.map((phase) => [
          phase.phase,
          (phase.fromMs / 1000).toFixed(1),
          (phase.toMs / 1000).toFixed(1),
          phase.requests,
          phase.ok2xx,
          phase.failed,
          phase.socketErrors,
        ]),
      ),
    );
    console.log(
      `\n${markdownTable(
        ['step', 'took ms'],
        steps.map((step) => [step.step, step.tookMs]),
      )}`,
    );
    console.log(
      `\nSchema N+1 in place ${rolloutMigratedAfterMs ?? '–'} ms after N+1 was started. Requests ${result.requests.total} (${Math.round(result.requests.average)}/s); socket errors and timeouts ${result.errors + result.timeouts}; responses to no request of the mix ${unknownResponses}. Acknowledged writes checked ${writes.checked}, lost ${writes.lost}. Exit codes ${JSON.stringify(exitCodes)}.`,
    );
    for (const detail of writes.details) console.log(`  ${detail}`);
    // What the balancer absorbed: connections refused by a stopping instance, retried or sent elsewhere.
    const haproxyTotals = Object.values(serverStats).reduce(
      (sum, server) => ({
        retries: sum.retries + server.retries,
        redispatches: sum.redispatches + server.redispatches,
        connectionErrors: sum.connectionErrors + server.connectionErrors,
        responseErrors: sum.responseErrors + server.responseErrors,
      }),
      { retries: 0, redispatches: 0, connectionErrors: 0, responseErrors: 0 },
    );
    console.log(`HAProxy (both slots): ${JSON.stringify(haproxyTotals)}`);
    for (const phase of phases)
      if (phase.failed > 0)
        console.log(`Failed in "${phase.phase}": ${JSON.stringify(phase.failedByOperation)}`);
    console.log(
      `\n${markdownTable(
        ['check', 'result'],
        Object.entries(checks).map(([name, ok]) => [name, ok ? 'pass' : 'FAIL']),
      )}`,
    );
    if (drillError) console.error(`\nDrill error: ${drillError}`);
    mkdirSync('reports', { recursive: true });
    writeFileSync(
      'reports/drill-rollback.json',
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          cores: availableParallelism(),
          connections: kit.connections,
          releases: [previous, next].map(({ dir: _dir, ...release }) => release),
          phases,
          steps,
          schemaMigrationsApplied: schema,
          rolloutSchemaInPlaceAfterMs: rolloutMigratedAfterMs,
          requests: result.requests.total,
          requestsPerSecond: Math.round(result.requests.average),
          failedRequests,
          unknownResponses,
          haproxy: serverStats,
          writesAcknowledged: writes.checked,
          writesLost: writes.lost,
          exitCodes,
          checks,
          drillError,
          passed: !failed,
        },
        null,
        2,
      )}\n`,
    );
  } catch (error) {
    failed = true;
    console.error(error);
    for (const instance of running) console.error(instance.output().slice(-3000));
    if (haproxy) console.error(haproxy.log().slice(-3000));
  } finally {
    for (const instance of [...running]) await instance.stop();
    await haproxy?.stop();
    await kit.adminQuery(`drop database if exists ${kit.scratchName} with (force)`);
    rmSync(work, { recursive: true, force: true });
    process.off('exit', killChildren);
  }
  console.log(failed ? '\ndrill:rollback FAILED (see above).' : '\ndrill:rollback passed.');
  return failed ? 1 : 0;
}
