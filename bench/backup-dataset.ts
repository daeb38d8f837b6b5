/**
 * `npm run bench:backup`: how long a backup and a restore take on PostgreSQL with a realistic
 * 100,000-user dataset, for the RTO/RPO figures in docs/runbooks/disaster-recovery.md.
 *
 *  1. creates a scratch database and fills it with SQL `generate_series` (fast: no API round trips):
 *     users, password accounts, sessions, two diagnostic takes each, AI calls, daily usage, a chat
 *     session with four messages each;
 *  2. times `runBackup` (pg_dump custom format, encrypted with a throw-away key unless --plain);
 *  3. times `restoreBackup` into a second, empty scratch database, step by step;
 *  4. checks every table's row count matches, prints a markdown table, and drops both databases.
 *
 *   npm run bench:backup [-- --users 100000 --plain --keep]
 *   BENCH_DATABASE_URL (default TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres)
 *   names a server where the user may CREATE DATABASE.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { runMigrations } from '../src/server/db/migrate.ts';
import { runBackup } from '../src/server/operations/backups/backup.ts';
import { tableRowCounts } from '../src/server/operations/backups/fingerprint.ts';
import { restoreBackup } from '../src/server/operations/backups/restore.ts';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '100000' },
    plain: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const users = Number(values.users);
if (!Number.isInteger(users) || users < 1) throw new Error('--users must be a positive integer');
const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function urlOf(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

/**
 * Rows shaped like the app's own: scrypt-length password hashes, 64-char session tokens, real
 * questionnaire answers, AI ledger rows, and chat messages of a few hundred characters.
 */
const FILL_SQL = (count: number) => [
  `insert into users (id, name, email, email_verified, role, created_at, updated_at)
   select md5('user' || g)::uuid, 'Bench User ' || g, 'user' || g || '@bench.example.com', g % 3 <> 0,
          case when g % 5000 = 0 then 'admin' else 'user' end,
          now() - (g % 700) * interval '1 day', now() - (g % 30) * interval '1 day'
   from generate_series(1, ${count}) g`,
  `insert into accounts (user_id, account_id, provider_id, password)
   select id, id::text, 'credential', encode(sha256(id::text::bytea), 'hex') || ':' || repeat(md5(id::text), 4)
   from users`,
  `insert into sessions (user_id, token, expires_at, ip_address, user_agent)
   select id, encode(sha256(('s' || id)::bytea), 'hex'), now() + interval '30 days',
          '203.0.113.' || (abs(hashtext(id::text)) % 250), 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/142.0 Safari/537.36'
   from users`,
  `insert into diagnostic_results (user_id, questionnaire_version, answers, overall_score, insight_score,
          distinctive_score, empathetic_score, authentic_score, created_at)
   select u.id, 1,
          jsonb_build_object('insight-motivation', 1 + (k + h) % 5, 'insight-customer-clarity', 1 + (k * 3 + h) % 5,
            'distinctive-difference', 1 + (k * 5 + h) % 5, 'distinctive-assets', 1 + (k * 7 + h) % 5,
            'empathetic-bond', 1 + (k * 11 + h) % 5, 'empathetic-messaging', 1 + (k * 13 + h) % 5,
            'authentic-transparency', 1 + (k * 17 + h) % 5, 'authentic-consistency', 1 + (k * 19 + h) % 5),
          40 + (h + k) % 55, 30 + (h * 3) % 70, 20 + (h * 7) % 80, 25 + (h * 11) % 75, 35 + (h * 13) % 65,
          u.created_at + k * interval '20 days'
   from (select id, created_at, abs(hashtext(id::text)) % 1000 as h from users) u, generate_series(1, 2) k`,
  `insert into ai_daily_usage (user_id, day, used)
   select id, current_date, 1 + abs(hashtext(id::text)) % 20 from users`,
  `insert into ai_calls (user_id, task, provider, model, prompt_id, prompt_version, input_tokens, output_tokens,
          cost_micros, latency_ms, cache_hit, outcome, attempts, created_at)
   select u.id, (array['insight-guidance','buyer-intent','review-analysis','chat','value-lens-copy'])[1 + k % 5],
          case when k % 4 = 0 then 'offline' else 'openai' end, 'gpt-4o-mini',
          (array['insight-guidance','buyer-intent','review-analysis','chat','value-lens-copy'])[1 + k % 5], 1,
          400 + k * 37 % 900, 150 + k * 53 % 600, 120 + k * 17 % 800, 300 + k * 91 % 4000, k % 7 = 0, 'ok', 1,
          now() - k * interval '3 hours'
   from users u, generate_series(1, 5) k`,
  `insert into chat_sessions (id, user_id, title, last_message_at)
   select md5('chat' || id)::uuid, id, 'Positioning for brand ' || left(id::text, 8), now() - interval '2 days'
   from users`,
  `insert into chat_messages (session_id, role, content, follow_ups, provider, prompt_version, created_at)
   select s.id, case when k % 2 = 1 then 'user' else 'assistant' end,
          case when k % 2 = 1 then 'How do I make my brand stand out from bigger competitors in my niche? ' || md5(s.id::text || k)
               else repeat('Focus on one distinctive promise your customers already repeat back to you. ', 4) || md5(s.id::text || k) end,
          case when k % 2 = 0 then '["Show me an example","What should I test first?"]'::jsonb else '[]'::jsonb end,
          case when k % 2 = 0 then 'openai' end, case when k % 2 = 0 then 1 end,
          now() - interval '2 days' + k * interval '1 minute'
   from chat_sessions s, generate_series(1, 4) k`,
  'vacuum analyze',
];

const suffix = randomBytes(4).toString('hex');
const sourceName = `ibc_bench_backup_${suffix}`;
const targetName = `ibc_bench_restore_${suffix}`;
const backupDir = mkdtempSync(path.join(tmpdir(), 'ibc-bench-backup-'));

await admin(async (client) => {
  await client.query(`create database ${sourceName}`);
  await client.query(`create database ${targetName}`);
});
try {
  const env = {
    NODE_ENV: 'development',
    BACKUP_DIR: backupDir,
    ...(values.plain ? {} : { BACKUP_ENCRYPTION_KEY: randomBytes(32).toString('base64') }),
  };
  const sourceConfig = loadConfig({ ...env, DATABASE_URL: urlOf(sourceName) });
  const targetConfig = loadConfig({ ...env, DATABASE_URL: urlOf(targetName) });
  if (sourceConfig.database.kind !== 'postgres') throw new Error('unreachable');

  const source = await openDatabase(sourceConfig.database);
  let sourceCounts: Awaited<ReturnType<typeof tableRowCounts>>;
  let backup: Awaited<ReturnType<typeof runBackup>>;
  let fillMs: number;
  let backupMs: number;
  let databaseBytes: number;
  try {
    await runMigrations(source, sourceConfig.database.url);
    console.log(`Filling ${sourceName} with ${users} users…`);
    [, fillMs] = await timed(async () => {
      for (const statement of FILL_SQL(users)) await source.query(statement);
    });
    const [size] = await source.query<{ bytes: string }>(
      'select pg_database_size(current_database()) as bytes',
    );
    databaseBytes = Number(size?.bytes ?? 0);
    sourceCounts = await tableRowCounts(source);
    console.log(`Backing up (${values.plain ? 'unencrypted' : 'AES-256-GCM'})…`);
    [backup, backupMs] = await timed(() =>
      runBackup({ config: sourceConfig, database: source, trigger: 'cli', rotate: false }),
    );
  } finally {
    await source.close();
  }

  console.log('Restoring into an empty database…');
  const [report, restoreMs] = await timed(() => restoreBackup({ config: targetConfig, file: backup.file }));
  const targetCounts = new Map(report.tables.map((table) => [table.table, table.rows]));
  const mismatches = sourceCounts.filter(
    (table) => table.table !== 'public.backup_runs' && targetCounts.get(table.table) !== table.rows,
  );
  if (mismatches.length > 0) {
    throw new Error(`Row counts differ after restore: ${mismatches.map((table) => table.table).join(', ')}`);
  }

  const totalRows = sourceCounts.reduce((sum, table) => sum + table.rows, 0);
  const step = (name: string) => report.steps.find((entry) => entry.name === name)?.ms ?? 0;
  const lines = [
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${mib(totalmem())} RAM; ${backup.manifest.engine}.`,
    '',
    '| Measure | Value |',
    '| --- | --- |',
    `| Users | ${users.toLocaleString('en-US')} |`,
    `| Rows (all tables) | ${totalRows.toLocaleString('en-US')} |`,
    `| Database size (pg_database_size) | ${mib(databaseBytes)} |`,
    `| Generating the dataset | ${seconds(fillMs)} |`,
    `| Backup (pg_dump custom${values.plain ? '' : ' + AES-256-GCM'} + SHA-256) | ${seconds(backupMs)} |`,
    `| Backup file | ${mib(backup.manifest.sizeBytes)} |`,
    `| Restore, total | ${seconds(restoreMs)} |`,
    `| — verify checksum | ${seconds(step('verify'))} |`,
    `| — decrypt | ${seconds(step('decrypt'))} |`,
    `| — pg_restore \\| psql (one transaction) | ${seconds(step('restore'))} |`,
    `| — migrations + row counts | ${seconds(step('migrate') + step('count rows'))} |`,
    `| Row counts match | ${sourceCounts.length} tables, yes |`,
  ];
  console.log(`\n${lines.join('\n')}`);
} finally {
  rmSync(backupDir, { recursive: true, force: true });
  if (!values.keep) {
    await admin(async (client) => {
      await client.query(`drop database if exists ${sourceName} with (force)`);
      await client.query(`drop database if exists ${targetName} with (force)`);
    });
  } else {
    console.log(`Kept databases ${sourceName} and ${targetName}.`);
  }
}
