/**
 * Lighthouse (mobile) on the public pages. Writes reports/lighthouse/<page>.html|json and summary.md,
 * prints the score table, and exits 1 when a page misses a target (PRODUCT.md §7): accessibility,
 * best practices and SEO = 100 on every public page; performance ≥ 95 on the entry pages (landing,
 * diagnostic, sign-in, sign-up: where visitors arrive, all of whose content is prerendered) and ≥ 80
 * on the legal pages, whose operator facts arrive from `GET /api/legal` after hydration (ADR 0046),
 * so their largest paint waits for the code.
 *
 * Uses the app at LIGHTHOUSE_URL (default http://127.0.0.1:8080); if nothing answers there it starts
 * `node src/server/main.ts` on that port with an in-memory database, serving the build in STATIC_DIR
 * (default dist/web; `npm run build` first, which prerenders the public pages).
 *
 * Scores vary from run to run, more so on a busy machine, so each page is audited LIGHTHOUSE_RUNS
 * times (default 3) and the run with the median performance score is the one reported and saved.
 * LIGHTHOUSE_PAGES (comma-separated paths) narrows the run to some of the public pages. The table also
 * shows the median run's first and largest contentful paint, total blocking time and layout shift.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/browser.ts';
import { PAGE_PATHS } from '../src/core/navigation/pages.ts';
import { PUBLIC_PAGES, prerenderedFile } from '../src/core/navigation/public-pages.ts';
import { SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from '../src/server/platform/node-flags.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const baseUrl = new URL(process.env.LIGHTHOUSE_URL ?? 'http://127.0.0.1:8080');
const reportDir = join(root, 'reports/lighthouse');
const staticDir = resolve(root, process.env.STATIC_DIR ?? 'dist/web');
const chromePath = process.env.CHROME_PATH ?? CHROMIUM_PATH;
const chromeFlags = ['--headless=new', ...CHROMIUM_ARGS];

const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const pages = process.env.LIGHTHOUSE_PAGES?.split(',').map((page) => page.trim()) ?? PUBLIC_PAGES;

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
const ENTRY_PAGES: readonly string[] = [
  PAGE_PATHS.home,
  PAGE_PATHS.diagnostic,
  PAGE_PATHS.signIn,
  PAGE_PATHS.signUp,
];

function targetOf(path: string, category: Category): number {
  if (category !== 'performance') return 100;
  return ENTRY_PAGES.includes(path) ? 95 : 80;
}

/** Lab metrics of a run (Lighthouse's simulated mobile throttling). */
const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
} as const;
type Metric = keyof typeof METRICS;

interface PageResult {
  path: string;
  scores: Record<Category, number | null>;
  metrics: Record<Metric, string>;
  failedAudits: string[];
}

async function isHealthy(url: URL): Promise<boolean> {
  try {
    const response = await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function startServer(): Promise<ChildProcess> {
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`${staticDir} has no web build: run \`npm run build\` first`);
  }
  // Auditing the SPA shell instead of the prerendered pages would measure a different site.
  const missing = pages.filter(
    (page) => PUBLIC_PAGES.includes(page) && !existsSync(join(staticDir, prerenderedFile(page))),
  );
  if (missing.length > 0) {
    throw new Error(
      `${staticDir} has no prerendered HTML for ${missing.join(', ')}: build with \`npm run build\``,
    );
  }
  console.log(`Starting the app on ${baseUrl.origin} (in-memory database)…`);
  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'src/server/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      ...SERVER_ENVIRONMENT,
      PORT: baseUrl.port || '80',
      HOST: baseUrl.hostname,
      DATA_DIR: 'memory://',
      NODE_ENV: process.env.NODE_ENV ?? 'test',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: baseUrl.origin,
    },
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    if (await isHealthy(baseUrl)) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill('SIGTERM');
  throw new Error('the server did not become healthy within 60 s');
}

function fileNameFor(path: string): string {
  return path === '/' ? 'home' : path.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-');
}

function formatScore(score: number | null): string {
  return score === null ? '–' : String(score);
}

function summaryTable(results: PageResult[]): string {
  const header = [
    'page',
    'performance',
    'accessibility',
    'best practices',
    'SEO',
    'FCP',
    'LCP',
    'TBT',
    'CLS',
  ];
  const rows = results.map((result) => [
    result.path,
    ...CATEGORIES.map((category) => {
      const score = result.scores[category];
      const mark = score !== null && score >= targetOf(result.path, category) ? '' : ' ✗';
      return `${formatScore(score)}${mark}`;
    }),
    ...Object.keys(METRICS).map((metric) => result.metrics[metric as Metric]),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
  const divider = `|${widths.map((width, column) => (column === 0 ? ` ${'-'.repeat(width)} ` : ` ${'-'.repeat(width - 1)}: `)).join('|')}|`;
  return [line(header), divider, ...rows.map(line)].join('\n');
}

interface Run {
  result: PageResult;
  html: string;
  json: string;
}

async function auditOnce(port: number, path: string): Promise<Run | null> {
  const url = new URL(path, baseUrl).toString();
  const runnerResult = await lighthouse(url, {
    port,
    output: ['html', 'json'],
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
    formFactor: 'mobile',
  });
  if (!runnerResult) throw new Error(`Lighthouse returned no result for ${url}`);
  const { lhr, report } = runnerResult;
  // A broken trace (e.g. NO_NAVSTART) says nothing about the page; the caller runs it again.
  if (lhr.runtimeError) {
    console.warn(`  ${path}: ${lhr.runtimeError.code}, retrying`);
    return null;
  }
  const [html, json] = Array.isArray(report) ? report : [report, JSON.stringify(lhr)];

  const scores = Object.fromEntries(
    CATEGORIES.map((category) => {
      const score = lhr.categories[category]?.score;
      return [category, typeof score === 'number' ? Math.round(score * 100) : null];
    }),
  ) as Record<Category, number | null>;
  const metrics = Object.fromEntries(
    Object.entries(METRICS).map(([metric, id]) => [metric, lhr.audits[id]?.displayValue ?? '–']),
  ) as Record<Metric, string>;
  // The audits that cost points, to make a regression actionable from the console alone.
  const failedAudits = CATEGORIES.flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter(
        (entry) =>
          entry && typeof entry.score === 'number' && entry.score < (category === 'performance' ? 0.9 : 1),
      )
      .map((entry) => `${category}: ${entry?.id} (${entry?.displayValue ?? entry?.score})`),
  );
  return { result: { path, scores, metrics, failedAudits }, html: html ?? '', json: json ?? '' };
}

async function audit(port: number, path: string): Promise<PageResult> {
  const completed: Run[] = [];
  for (let attempt = 0; completed.length < runs && attempt < runs + 3; attempt++) {
    const run = await auditOnce(port, path);
    if (run) completed.push(run);
  }
  if (completed.length === 0) throw new Error(`Lighthouse could not trace ${path}`);
  completed.sort((a, b) => (a.result.scores.performance ?? 0) - (b.result.scores.performance ?? 0));
  const median = completed[Math.floor(completed.length / 2)] as Run;
  const name = fileNameFor(path);
  await writeFile(join(reportDir, `${name}.html`), median.html);
  await writeFile(join(reportDir, `${name}.json`), median.json);
  const all = completed.map((run) => run.result.scores.performance ?? '–').join(', ');
  console.log(`  ${path}: performance ${all} → median ${median.result.scores.performance ?? '–'}`);
  return median.result;
}

async function main() {
  if (!existsSync(chromePath)) throw new Error(`Chromium not found at ${chromePath}; set CHROME_PATH`);
  await mkdir(reportDir, { recursive: true });

  const server = (await isHealthy(baseUrl)) ? null : await startServer();
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
  const results: PageResult[] = [];
  try {
    for (const path of pages) {
      console.log(`Lighthouse ${path}…`);
      results.push(await audit(chrome.port, path));
    }
  } finally {
    chrome.kill();
    server?.kill('SIGTERM');
  }

  const table = summaryTable(results);
  const misses = results.flatMap((result) =>
    CATEGORIES.filter((category) => (result.scores[category] ?? 0) < targetOf(result.path, category)).map(
      (category) =>
        `${result.path} ${category} ${formatScore(result.scores[category])} < ${targetOf(result.path, category)}`,
    ),
  );
  const summary = [
    '# Lighthouse (mobile)',
    '',
    `Run ${new Date().toISOString()} against ${baseUrl.origin}; median of ${runs} runs per page. Targets: performance ≥ 95 on ${ENTRY_PAGES.join(', ')} and ≥ 80 on the other public pages; accessibility, best practices and SEO 100.`,
    '',
    table,
    '',
    misses.length === 0 ? 'All targets met.' : `Missed:\n${misses.map((miss) => `- ${miss}`).join('\n')}`,
    '',
  ].join('\n');
  await writeFile(join(reportDir, 'summary.md'), summary);

  console.log(`\n${table}\n`);
  for (const result of results) {
    for (const failed of result.failedAudits) console.log(`  ${result.path} — ${failed}`);
  }
  console.log(`Reports: ${reportDir}`);
  if (misses.length > 0) {
    console.error(`\nLighthouse targets missed:\n${misses.map((miss) => `  - ${miss}`).join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
