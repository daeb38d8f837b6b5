/**
 * `npm run dev`: the API server (restarting on change) and Vite's dev server with hot reload.
 * The browser talks to Vite on :5173, which proxies /api to the server; so the server's public URL
 * (origin checks, links in emails) is Vite's.
 */
import { spawn } from 'node:child_process';
import { SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from '../src/server/platform/node-flags.ts';
import { ROOT } from './web-build.ts';

const VITE_URL = 'http://localhost:5173';
const children = [
  spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, '--watch-path=src/server', '--watch-path=src/core', 'src/server/main.ts'],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...SERVER_ENVIRONMENT, PUBLIC_URL: process.env.PUBLIC_URL ?? VITE_URL },
    },
  ),
  spawn('npx', ['vite', '--port', '5173', '--strictPort'], { cwd: ROOT, stdio: 'inherit' }),
];

function stopAll(signal: NodeJS.Signals): void {
  for (const child of children) child.kill(signal);
}
process.on('SIGINT', () => stopAll('SIGINT'));
process.on('SIGTERM', () => stopAll('SIGTERM'));
for (const child of children) {
  child.on('exit', (code) => {
    stopAll('SIGTERM');
    process.exitCode = code ?? 0;
  });
}
