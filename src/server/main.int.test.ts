import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { pollUntil } from './testing/poll.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Every process a test starts; a failed expectation must not leave a server running. */
const started: ChildProcess[] = [];

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  return { child, output: () => output };
}

/**
 * The address the server reports once it listens. Start-up migrates an embedded database, which on
 * a machine busy with other test files can take many seconds; the tests are about starting and
 * stopping, not about how fast.
 */
function listeningUrl(output: () => string): Promise<string> {
  return pollUntil(
    () => output().match(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/)?.[1] ?? '',
    Boolean,
    {
      timeoutMs: 60_000,
      intervalMs: 50,
      description: () => `"Server listening" in the output:\n${output()}`,
    },
  );
}

it('refuses to start in production with unsafe configuration, naming every problem', async () => {
  const { child, output } = run({
    NODE_ENV: 'production',
    CORS_ORIGINS: '*',
    PUBLIC_URL: 'http://coach.example.com',
    DATA_DIR: 'memory://',
  });
  const [code] = await once(child, 'exit');
  expect(code).toBe(1);
  expect(output()).toContain('cannot start');
  expect(output()).toContain('AUTH_SECRET');
  expect(output()).toContain('CORS_ORIGINS');
  expect(output()).toContain('PUBLIC_URL');
  expect(output()).toContain('SMTP_URL');
  expect(output()).toContain('CONTACT_EMAIL');
});

it('starts, serves, and exits cleanly on SIGTERM', async () => {
  const { child, output } = run({ NODE_ENV: 'test', PORT: '0', DATA_DIR: 'memory://', LOG_LEVEL: 'info' });
  const url = await listeningUrl(output);
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  expect(code).toBe(0);
  expect(output()).toContain('shutdown complete');
}, 90_000);

it('drains on SIGTERM behind a load balancer: readiness fails first while requests are still served', async () => {
  const { child, output } = run({
    NODE_ENV: 'test',
    PORT: '0',
    DATA_DIR: 'memory://',
    LOG_LEVEL: 'info',
    SHUTDOWN_DRAIN_MS: '1500',
  });
  const url = await listeningUrl(output);
  expect((await fetch(`${url}/readyz`)).status).toBe(200);
  const signalledAt = Date.now();
  child.kill('SIGTERM');
  const draining = await pollUntil(
    async () => {
      const response = await fetch(`${url}/readyz`);
      return { status: response.status, body: (await response.json()) as unknown };
    },
    (answer) => answer.status === 503,
    { timeoutMs: 1_000, intervalMs: 20, description: () => output() },
  );
  expect(draining.body).toEqual({ status: 'draining' });
  // Still listening and serving while the balancer moves away.
  expect((await fetch(`${url}/api/session`)).status).toBe(200);
  const [code] = await once(child, 'exit');
  expect(code).toBe(0);
  expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(1_500);
  expect(output()).toContain('shutdown complete');
}, 90_000);
