import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { STRONG_PASSWORD, signUp, startTestApp } from '../testing/harness.ts';

const run = promisify(execFile);
// Each CLI run is a fresh Node process opening the embedded database from disk (seconds each on a
// busy two-core machine), so these tests get more time than the default.
const CLI_TEST_TIMEOUT_MS = 120_000;
const cli = (name: string) => fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'ibc-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function runCli(name: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli(name), ...args], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, NODE_ENV: 'test' },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

it(
  'db:migrate migrates an embedded database on disk, then finds nothing to do',
  async () => {
    const first = await runCli('migrate', []);
    expect(first.code, first.output).toBe(0);
    expect(first.output).toMatch(/[1-9]\d* migrations? applied/);
    const second = await runCli('migrate', []);
    expect(second.output).toContain('0 migrations applied');
  },
  CLI_TEST_TIMEOUT_MS,
);

it(
  'admin:grant makes an existing account an admin and explains mistakes',
  async () => {
    // The embedded database allows one process at a time: the app closes before the CLI runs.
    const testApp = await startTestApp('pglite', { env: { DATA_DIR: dataDir } });
    const { email } = await signUp(testApp.client());
    await testApp.close();

    expect((await runCli('admin-grant', [])).code).toBe(2);
    expect((await runCli('admin-grant', ['not-an-email'])).code).toBe(2);
    const missing = await runCli('admin-grant', ['nobody@example.com']);
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('No account uses nobody@example.com');
    const granted = await runCli('admin-grant', [email.toUpperCase()]);
    expect(granted.code, granted.output).toBe(0);

    const reopened = await startTestApp('pglite', { env: { DATA_DIR: dataDir } });
    try {
      const browserAfter = reopened.client();
      await browserAfter.post('/api/auth/sign-in', { email, password: STRONG_PASSWORD });
      expect((await browserAfter.get<{ user: { role: string } }>('/api/session')).body.user.role).toBe(
        'admin',
      );
    } finally {
      await reopened.close();
    }
  },
  CLI_TEST_TIMEOUT_MS,
);
