/**
 * `npm test`: unit and integration tests (Vitest; integration on PGlite and, when TEST_DATABASE_URL
 * is set, PostgreSQL) with V8 line coverage, then end-to-end tests in Chromium (Playwright) against a
 * fresh production build. Ends with the line coverage of the server + core and of the web app (from
 * the Vitest run; reports/coverage/ holds the HTML report) and one line of totals, and writes
 * reports/test-summary.json. Fails when the line coverage of the server + core is below
 * COVERAGE_MIN_PERCENT (default 85, the production-readiness plan's floor); the web app's coverage
 * is reported, not gated, since its behaviour is tested end to end in the browser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureWebBuild, ROOT } from './web-build.ts';

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
  /** "file › test name" of each failed test, so the end of a CI log names what failed. */
  failures: string[];
}

interface LineCoverage {
  covered: number;
  total: number;
  percent: number;
}

const reports = path.join(ROOT, 'reports');
/** Lines of each failed test's message kept in the summary (a fuzz failure lists its inputs). */
const FAILURE_LINES = 12;
const coverageMinPercent = Number.parseFloat(process.env.COVERAGE_MIN_PERCENT ?? '');
if (process.env.COVERAGE_MIN_PERCENT !== undefined && !Number.isFinite(coverageMinPercent)) {
  throw new Error(`COVERAGE_MIN_PERCENT must be a number, got "${process.env.COVERAGE_MIN_PERCENT}"`);
}
const coverageFloor = Number.isFinite(coverageMinPercent) ? coverageMinPercent : 85;
mkdirSync(reports, { recursive: true });

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

// Written by Vitest's json-summary coverage reporter (vitest.config.ts): per file, plus a total.
const coverageSummaryFile = path.join(reports, 'coverage', 'coverage-summary.json');

/** Line coverage of the files under any of `folders` (relative to the repository root). */
function lineCoverage(folders: string[]): LineCoverage | undefined {
  const summary =
    readJson<Record<string, { lines: { total: number; covered: number } }>>(coverageSummaryFile);
  if (!summary) return undefined;
  const prefixes = folders.map((folder) => path.join(ROOT, folder) + path.sep);
  let covered = 0;
  let total = 0;
  for (const [file, counts] of Object.entries(summary)) {
    if (!prefixes.some((prefix) => file.startsWith(prefix))) continue;
    covered += counts.lines.covered;
    total += counts.lines.total;
  }
  return { covered, total, percent: total === 0 ? 0 : Math.round((covered / total) * 1000) / 10 };
}

/** The first lines of a failure's message, so the end of a CI log says why as well as what. */
function whyItFailed(messages: string[] | undefined): string {
  const lines = (messages ?? [])
    .join('\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '))
    .slice(0, FAILURE_LINES);
  return lines.length === 0 ? '' : `\n      ${lines.map((line) => line.slice(0, 300)).join('\n      ')}`;
}

function vitestSuite(): Totals {
  if (!process.env.TEST_DATABASE_URL) {
    console.log(
      '\nNote: TEST_DATABASE_URL is not set, so the PostgreSQL integration suites are reported as skipped.\n' +
        '      Set it to run them too, e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test\n',
    );
  }
  const output = path.join(reports, 'vitest.json');
  rmSync(output, { force: true });
  rmSync(coverageSummaryFile, { force: true });
  const status = run('npx', [
    'vitest',
    'run',
    '--coverage',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
  ]);
  const report = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: {
      name: string;
      status: string;
      message?: string;
      assertionResults: { fullName: string; status: string; failureMessages?: string[] }[];
    }[];
  }>(output);
  if (!report) return { passed: 0, failed: 1, skipped: 0, failures: ['vitest wrote no report'] };
  const failures = report.testResults.flatMap((file) => {
    const where = path.relative(ROOT, file.name);
    const failedTests = file.assertionResults
      .filter((test) => test.status === 'failed')
      .map((test) => `${where} › ${test.fullName}${whyItFailed(test.failureMessages)}`);
    // A file that failed outside any test (an import error, a failing hook) names itself.
    return failedTests.length === 0 && file.status === 'failed'
      ? [`${where} › ${(file.message ?? 'failed outside a test').split('\n')[0]}`]
      : failedTests;
  });
  return {
    passed: report.numPassedTests,
    // A crash outside any test (e.g. a failing import) still fails the run.
    failed: report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0),
    skipped: report.numPendingTests + report.numTodoTests,
    failures,
  };
}

interface PlaywrightSuite {
  title: string;
  file?: string;
  specs?: { title: string; file: string; tests: { status: string }[] }[];
  suites?: PlaywrightSuite[];
}

/** Titles of the specs Playwright counted as unexpected (failed on every retry). */
function unexpectedSpecs(suites: PlaywrightSuite[], trail: string[] = []): string[] {
  return suites.flatMap((suite) => {
    const here = suite.file === suite.title ? trail : [...trail, suite.title];
    const own = (suite.specs ?? [])
      .filter((spec) => spec.tests.some((test) => test.status === 'unexpected'))
      .map((spec) => `e2e/${spec.file} › ${[...here, spec.title].join(' › ')}`);
    return [...own, ...unexpectedSpecs(suite.suites ?? [], here)];
  });
}

function endToEndSuite(): Totals {
  if (!ensureWebBuild()) {
    return { passed: 0, failed: 1, skipped: 0, failures: ['the web build failed'] };
  }
  const output = path.join(reports, 'e2e.json');
  rmSync(output, { force: true });
  const status = run('npx', ['playwright', 'test']);
  const report = readJson<{
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    suites: PlaywrightSuite[];
  }>(output);
  if (!report) return { passed: 0, failed: 1, skipped: 0, failures: ['playwright wrote no report'] };
  const { expected, unexpected, flaky, skipped } = report.stats;
  return {
    passed: expected + flaky,
    failed: unexpected + (status !== 0 && unexpected === 0 ? 1 : 0),
    skipped,
    failures: unexpectedSpecs(report.suites),
  };
}

const suites = { 'unit + integration': vitestSuite(), 'end-to-end': endToEndSuite() };
const coverage = {
  'src/server + src/core': lineCoverage(['src/server', 'src/core']),
  'src/web': lineCoverage(['src/web']),
};
const gatedCoverage = coverage['src/server + src/core'];
// A run that measured nothing (the Vitest run crashed) has already failed; only a measured shortfall
// is reported here.
const coverageShortfall = gatedCoverage !== undefined && gatedCoverage.percent < coverageFloor;
const total = Object.values(suites).reduce(
  (sum, suite) => ({
    passed: sum.passed + suite.passed,
    failed: sum.failed + suite.failed,
    skipped: sum.skipped + suite.skipped,
    failures: [...sum.failures, ...suite.failures],
  }),
  {
    passed: 0,
    failed: coverageShortfall ? 1 : 0,
    skipped: 0,
    failures: coverageShortfall ? ['line coverage below the floor'] : [],
  },
);
writeFileSync(
  path.join(reports, 'test-summary.json'),
  `${JSON.stringify({ suites, total, lineCoverage: coverage, coverageFloorPercent: coverageFloor }, null, 2)}\n`,
);
console.log('');
for (const [name, lines] of Object.entries(coverage)) {
  console.log(
    lines
      ? `Line coverage, ${name}: ${lines.percent.toFixed(1)} % (${lines.covered} of ${lines.total} lines; unit + integration)`
      : `Line coverage, ${name}: not measured (no ${path.relative(ROOT, coverageSummaryFile)})`,
  );
}
if (gatedCoverage) {
  console.log(
    coverageShortfall
      ? `FAILED: line coverage of src/server + src/core is ${gatedCoverage.percent.toFixed(1)} %, below the ${coverageFloor} % floor`
      : `Coverage floor: src/server + src/core ${gatedCoverage.percent.toFixed(1)} % ≥ ${coverageFloor} %`,
  );
}
for (const [name, suite] of Object.entries(suites)) {
  console.log(
    `  ${name.padEnd(20)} ${suite.passed} passed, ${suite.failed} failed, ${suite.skipped} skipped`,
  );
}
for (const failure of total.failures) console.log(`  FAILED: ${failure}`);
console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed > 0 ? 1 : 0;
