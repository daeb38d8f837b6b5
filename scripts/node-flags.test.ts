import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from '../src/server/platform/node-flags.ts';

const root = new URL('../', import.meta.url);

describe('the server runs with its V8 flags and environment wherever it is started', () => {
  it('npm start passes every flag to the process that runs the server', () => {
    const { scripts } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const serverCommand = scripts.start?.split('&&').find((part) => part.includes('scripts/start.ts')) ?? '';
    for (const flag of SERVER_NODE_FLAGS) expect(serverCommand).toContain(flag);
    // Set on the command itself: the C library reads it when the process starts, not later.
    const assignments = serverCommand.trim().split(/\s+/).slice(0, Object.keys(SERVER_ENVIRONMENT).length);
    expect(assignments.sort()).toEqual(
      Object.entries(SERVER_ENVIRONMENT)
        .map(([name, value]) => `${name}=${value}`)
        .sort(),
    );
  });

  it("the container image's command passes every flag", () => {
    const command = readFileSync(new URL('Dockerfile', root), 'utf8')
      .split('\n')
      .find((line) => line.startsWith('CMD '));
    expect(command).toBeDefined();
    const argv = JSON.parse((command ?? '').slice('CMD '.length)) as string[];
    expect(argv.slice(1, 1 + SERVER_NODE_FLAGS.length)).toEqual([...SERVER_NODE_FLAGS]);
    expect(argv.at(-1)).toBe('src/server/main.ts');
  });

  it("the container image's environment sets every variable", () => {
    const dockerfile = readFileSync(new URL('Dockerfile', root), 'utf8');
    for (const [name, value] of Object.entries(SERVER_ENVIRONMENT)) {
      expect(dockerfile).toMatch(new RegExp(`^\\s*(ENV\\s+)?${name}=${value}(\\s|$)`, 'm'));
    }
  });
});
