/**
 * `npm run bench`: throughput and latency of the request path every signed-in call pays for
 * (request id → load shedding → cross-site check → session lookup in the database), compared with
 * the bare liveness probe on the same app. Uses PostgreSQL when DATABASE_URL is set, else PGlite.
 *
 *   npm run bench [-- --seconds 10 --connections 50 --users 50]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    users: { type: 'string', default: '50' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const userCount = Number(values.users);

const config = loadConfig({
  ...process.env,
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  DATA_DIR: process.env.DATA_DIR ?? 'memory://',
  AUTH_THROTTLE_MAX_PER_IP: '1000000',
  // Every simulated user calls from 127.0.0.1: the route tiers' per-IP limit (ADR 0049) would
  // otherwise answer most of the run with 429.
  READS_PER_USER_PER_MINUTE: '1000000',
  PUBLIC_REQUESTS_PER_IP_PER_MINUTE: '1000000',
  // Benchmarks measure throughput, not the shedder's reaction to a saturated loop.
  MAX_EVENT_LOOP_DELAY_MS: '60000',
});
const app = await buildApp({ config });
const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });

const cookies: string[] = [];
for (let index = 0; index < userCount; index += 1) {
  const response = await fetch(`${baseUrl}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `Bench ${index}`,
      email: `bench.${Date.now()}.${index}@example.com`,
      password: 'Granite-Otter-47',
    }),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (response.status !== 200 || !cookie) throw new Error(`sign-up failed: ${response.status}`);
  cookies.push(cookie);
}

interface Row {
  scenario: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

async function measure(scenario: string, options: autocannon.Options): Promise<Row> {
  const result = await autocannon({ connections, duration: seconds, ...options });
  return {
    scenario,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

let next = 0;
const rows = [
  await measure('GET /healthz (no session, no database)', { url: `${baseUrl}/healthz` }),
  await measure(`GET /api/session (signed in, ${userCount} users)`, {
    url: `${baseUrl}/api/session`,
    requests: [
      {
        setupRequest: (request) => {
          next = (next + 1) % cookies.length;
          return { ...request, headers: { ...request.headers, cookie: cookies[next] ?? '' } };
        },
      },
    ],
  }),
];
await app.close();

console.log(
  `\nDatabase: ${config.database.kind}; ${connections} connections for ${seconds}s each; Node ${process.version}\n`,
);
console.log(
  '| scenario | req/s | p50 ms | p99 ms | errors | non-2xx |\n| --- | ---: | ---: | ---: | ---: | ---: |',
);
for (const row of rows) {
  console.log(
    `| ${row.scenario} | ${row.requestsPerSecond} | ${row.p50Ms} | ${row.p99Ms} | ${row.errors} | ${row.non2xx} |`,
  );
}
mkdirSync('reports', { recursive: true });
writeFileSync(
  'reports/bench-session.json',
  `${JSON.stringify({ database: config.database.kind, connections, seconds, rows }, null, 2)}\n`,
);
if (rows.some((row) => row.errors > 0 || row.non2xx > 0)) process.exitCode = 1;
