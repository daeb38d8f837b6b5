/**
 * Finding and running the PostgreSQL client programs (pg_dump, pg_restore, psql). pg_dump refuses
 * servers newer than itself, so the newest installed version is preferred and checked up front.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AppConfig } from '../../config.ts';
import { BackupError } from './errors.ts';

export type PgToolName = 'pg_dump' | 'pg_restore' | 'psql';

const SETTING: Record<PgToolName, string> = {
  pg_dump: 'PG_DUMP_PATH',
  pg_restore: 'PG_RESTORE_PATH',
  psql: 'PSQL_PATH',
};

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Debian/Ubuntu install each major version under /usr/lib/postgresql/<major>/bin, often off PATH. */
async function debianCandidates(name: PgToolName): Promise<string[]> {
  try {
    const versions = await readdir('/usr/lib/postgresql');
    return versions
      .filter((version) => /^\d+$/.test(version))
      .sort((a, b) => Number(b) - Number(a))
      .map((version) => path.join('/usr/lib/postgresql', version, 'bin', name));
  } catch {
    return [];
  }
}

export async function findPgTool(name: PgToolName, tools: AppConfig['backup']['tools']): Promise<string> {
  const configured = { pg_dump: tools.pgDump, pg_restore: tools.pgRestore, psql: tools.psql }[name];
  if (configured) {
    if (await isExecutable(configured)) return configured;
    throw new BackupError(
      'TOOL_MISSING',
      `${SETTING[name]} is ${configured}, which is not an executable file.`,
    );
  }
  // The newest Debian-packaged version first: PATH's pg_dump is often an older default.
  const fromPath = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const candidate of [
    ...(await debianCandidates(name)),
    ...fromPath.map((dir) => path.join(dir, name)),
  ]) {
    if (await isExecutable(candidate)) return candidate;
  }
  throw new BackupError(
    'TOOL_MISSING',
    `${name} was not found. Install the PostgreSQL client programs (same major version as the server or newer), or set ${SETTING[name]}.`,
  );
}

export async function toolMajorVersion(tool: string): Promise<number> {
  const { stdout } = await promisify(execFile)(tool, ['--version']);
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
  if (!match?.[1])
    throw new BackupError('TOOL_MISSING', `Could not read the version of ${tool}: "${stdout.trim()}".`);
  return Number(match[1]);
}

/**
 * libpq settings for a connection URL with the password moved into PGPASSWORD, so it does not show
 * in the process list (`ps`) while a dump or restore runs.
 */
export function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

/** Keeps the last few KB of a child's stderr for the error message. */
export function captureStderr(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-4000);
  });
  return () => tail.trim();
}

/** Resolves when the child exits with 0; otherwise rejects with its stderr. */
export function exitOf(child: ChildProcess, label: string, stderr: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('error', (error) =>
      reject(new BackupError('TOOL_MISSING', `${label} could not start: ${error.message}`)),
    );
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(new Error(`${label} failed (${signal ?? `exit ${code}`}): ${stderr() || 'no error output'}`));
    });
  });
}

export function spawnTool(tool: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(tool, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
}
