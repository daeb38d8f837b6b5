import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

interface NodeGuard {
  isSupported(version: string, range: string): boolean;
  minimumOf(range: string): [number, number, number];
  refusal(version: string, range: string): string;
}

const guard = createRequire(import.meta.url)('./require-node.cjs') as NodeGuard;
const script = new URL('./require-node.cjs', import.meta.url).pathname;
const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
};
/** Debian's Node 20, when this machine has it: the real too-old Node the guard is for. */
const SYSTEM_NODE = '/usr/bin/node';
const systemNodeVersion = existsSync(SYSTEM_NODE)
  ? spawnSync(SYSTEM_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim()
  : '';
const systemNodeTooOld = systemNodeVersion !== '' && !guard.isSupported(systemNodeVersion, engines.node);

describe('the Node.js version guard (scripts/require-node.cjs)', () => {
  it('compares against the engines floor', () => {
    const range = '>=22.22';
    expect(guard.minimumOf(range)).toEqual([22, 22, 0]);
    for (const version of ['22.22.0', '22.22.1', 'v22.30.0', '24.0.0', '25.1.2'])
      expect(guard.isSupported(version, range), version).toBe(true);
    for (const version of ['20.20.2', 'v22.21.9', '22.9.0', '18.20.0', '0.12.0'])
      expect(guard.isSupported(version, range), version).toBe(false);
    expect(guard.isSupported('22.22.0', '>=22.22.1')).toBe(false);
  });

  it('says in one line which Node is needed and which one ran', () => {
    const line = guard.refusal('20.20.2', '>=22.22');
    expect(line).toBe(
      'IDEA Brand Coach needs Node.js 22.22 or newer, but this is Node.js 20.20.2; install Node 24 (the version in .nvmrc, e.g. `nvm install 24`) and run the command again.',
    );
    expect(line).not.toContain('\n');
  });

  it('refuses a range it cannot read rather than letting any Node through', () => {
    expect(() => guard.isSupported('24.0.0', '^22')).toThrow(/engines.node/);
  });

  it('passes silently on this Node', () => {
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
  });

  it.skipIf(!systemNodeTooOld)(
    `stops ${SYSTEM_NODE} (${systemNodeVersion || 'absent'}) with exit 1 and one line`,
    () => {
      const run = spawnSync(SYSTEM_NODE, [script], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`${guard.refusal(systemNodeVersion, engines.node)}\n`);
    },
  );
});
