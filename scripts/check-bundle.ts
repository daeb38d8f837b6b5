/**
 * Enforces the initial-JavaScript budget of every page (PRODUCT.md §7).
 *
 * A page's initial JavaScript is what the browser must run before the page appears: the entry chunk,
 * the page's own chunk, and everything they import statically, transitively. Dynamic imports (such as
 * the password-strength dictionaries) are loaded later, on demand, and are not counted.
 *
 *   npm run check:bundle                 build (as `npm run build` does), then check
 *   npm run check:bundle -- --no-build   check the existing dist/web
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { type RouteDefinition, routeTable } from '../src/web/app/routes.ts';
import { defaultWebDir, precompressDirectory } from './precompress.ts';
import { prerenderPublicPages } from './prerender.ts';

const KB = 1000;
const BUDGET_PUBLIC_KB = 130;
const BUDGET_SIGNED_IN_KB = 200;

/**
 * Fragments of the zxcvbn dictionaries as they appear in built code (the start of the common-password
 * and English word lists). Searching chunk contents catches the dictionaries however they get bundled.
 */
const DICTIONARY_MARKERS = ['ApasswordA12345678', "AyouAtheBoA'sAitA'tAofAthatAand"];

/**
 * Modules that must only ever load on demand (the charts, the ALTCHA widget, the Markdown renderer).
 * If one turns up in a page's static imports, a refactor has pulled it into that page's initial
 * JavaScript.
 */
const ON_DEMAND_ONLY = [
  'kit/diagnostic/dimension-chart.tsx',
  'kit/diagnostic/trend-chart.tsx',
  'kit/proof-of-work/load-altcha.ts',
  'kit/coach/markdown-renderer.tsx',
  'features/admin/usage-bars.tsx',
];
const ON_DEMAND_ONLY_PACKAGES = ['node_modules/altcha/', 'node_modules/react-markdown/'];

function isOnDemandOnly(key: string): boolean {
  return ON_DEMAND_ONLY.includes(key) || ON_DEMAND_ONLY_PACKAGES.some((prefix) => key.startsWith(prefix));
}

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

interface RouteReport {
  route: RouteDefinition;
  files: string[];
  raw: number;
  gzip: number;
  budget: number;
  problems: string[];
}

const root = fileURLToPath(new URL('..', import.meta.url));
const webDir = defaultWebDir;

function budgetFor(route: RouteDefinition): number {
  // Admin pages are signed-in pages with a role check on top.
  return route.access === 'signed-in' || route.access === 'admin' ? BUDGET_SIGNED_IN_KB : BUDGET_PUBLIC_KB;
}

function staticClosure(manifest: Manifest, keys: string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no entry ${key}`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...seen];
}

function createFileReader() {
  const cache = new Map<string, { content: string; raw: number; gzip: number }>();
  return (file: string) => {
    let entry = cache.get(file);
    if (!entry) {
      const buffer = readFileSync(join(webDir, file));
      entry = {
        content: buffer.toString('utf8'),
        raw: buffer.length,
        gzip: gzipSync(buffer, { level: 9 }).length,
      };
      cache.set(file, entry);
    }
    return entry;
  };
}

function containsDictionary(content: string): boolean {
  return DICTIONARY_MARKERS.some((marker) => content.includes(marker));
}

function pad(value: string, width: number, align: 'left' | 'right' = 'left'): string {
  return align === 'left' ? value.padEnd(width) : value.padStart(width);
}

function printTable(reports: RouteReport[]) {
  const rows = reports.map((report) => [
    report.route.path,
    String(report.files.length),
    (report.raw / KB).toFixed(1),
    (report.gzip / KB).toFixed(1),
    `${report.budget}`,
    report.problems.length === 0 ? 'ok' : 'FAIL',
  ]);
  const header = ['route', 'files', 'raw kB', 'gzip kB', 'budget kB', 'status'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => pad(cell, widths[column] ?? 0, column === 0 || column === 5 ? 'left' : 'right')).join(' | ')} |`;
  console.log(line(header));
  console.log(
    `|${widths.map((width, column) => (column === 0 || column === 5 ? ` ${'-'.repeat(width)} ` : ` ${'-'.repeat(width - 1)}: `)).join('|')}|`,
  );
  for (const row of rows) console.log(line(row));
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
    await prerenderPublicPages(webDir);
    await precompressDirectory(webDir);
  }

  const manifestPath = join(webDir, '.vite/manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run the build first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('the manifest has no entry chunk');

  const read = createFileReader();
  const reports: RouteReport[] = routeTable.map((route) => {
    const problems: string[] = [];
    if (!manifest[route.module]) {
      return {
        route,
        files: [],
        raw: 0,
        gzip: 0,
        budget: budgetFor(route),
        problems: [`${route.module} is not in the build`],
      };
    }
    const closure = staticClosure(manifest, [entryKey, route.module]);
    for (const key of closure.filter(isOnDemandOnly)) problems.push(`${key} is in the initial JavaScript`);
    const files = closure
      .map((key) => manifest[key]?.file)
      .filter((file): file is string => Boolean(file?.endsWith('.js')));
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const stats = read(file);
      raw += stats.raw;
      gzip += stats.gzip;
      if (containsDictionary(stats.content)) problems.push(`${file} contains the zxcvbn dictionaries`);
    }
    const budget = budgetFor(route);
    if (gzip > budget * KB)
      problems.push(`${(gzip / KB).toFixed(1)} kB gzip exceeds the ${budget} kB budget`);
    return { route, files, raw, gzip, budget, problems };
  });

  // If the markers stop matching (a new dictionary version), the check above would pass vacuously.
  const dictionaryChunks = Object.values(manifest).filter(
    (chunk) => chunk.file.endsWith('.js') && containsDictionary(read(chunk.file).content),
  );
  const globalProblems =
    dictionaryChunks.length === 0
      ? [
          'no chunk contains the zxcvbn dictionary markers: update DICTIONARY_MARKERS in scripts/check-bundle.ts',
        ]
      : [];
  // Likewise, a renamed on-demand module would make its check above pass vacuously.
  for (const key of ON_DEMAND_ONLY) {
    if (!manifest[key])
      globalProblems.push(`${key} is not in the build: update ON_DEMAND_ONLY in scripts/check-bundle.ts`);
  }

  console.log(
    `\nInitial JavaScript per route (entry + page + static imports; gzip level 9; 1 kB = ${KB} B)\n`,
  );
  printTable(reports);
  console.log(
    `\nzxcvbn dictionaries load on demand from: ${dictionaryChunks.map((chunk) => chunk.file).join(', ') || '(none)'}`,
  );
  console.log(
    `On demand only (never in a page's initial JavaScript): ${ON_DEMAND_ONLY.map((key) => manifest[key]?.file ?? `${key} (missing)`).join(', ')}`,
  );

  const failures = [
    ...reports.flatMap((report) => report.problems.map((problem) => `${report.route.path}: ${problem}`)),
    ...globalProblems,
  ];
  if (failures.length > 0) {
    console.error(`\nBundle check failed:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log('\nAll routes are within budget.');
  }
}

await main();
