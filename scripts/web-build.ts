/**
 * Knows whether dist/web is an up-to-date build of the web app, and builds it when it is not.
 * Shared by `npm start` and `npm test`, so neither ever serves a stale or missing build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILD_MARKER = path.join(ROOT, 'dist/web/index.html');
const WEB_INPUTS = ['src/web', 'src/core', 'vite.config.ts', 'package-lock.json'];

function newestModification(target: string): number {
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.endsWith('.test.ts') || entry.name.endsWith('.test.tsx'))
      continue;
    newest = Math.max(newest, newestModification(path.join(target, entry.name)));
  }
  return newest;
}

export function webBuildIsFresh(): boolean {
  if (!existsSync(BUILD_MARKER)) return false;
  const builtAt = statSync(BUILD_MARKER).mtimeMs;
  return WEB_INPUTS.map((input) => path.join(ROOT, input))
    .filter((input) => existsSync(input))
    .every((input) => newestModification(input) <= builtAt);
}

/** Builds the web app when needed; returns false if the build failed. */
export function ensureWebBuild(): boolean {
  if (webBuildIsFresh()) return true;
  console.log('Building the web app (dist/web)…');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  return result.status === 0;
}
