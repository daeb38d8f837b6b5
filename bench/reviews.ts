/**
 * `npm run bench:reviews`: the review engine (ADR 0039) on 1,000 and 10,000 reviews, the sizes
 * issue 14 names (a review analyser run, and the 10,000-review target of ≤ 10 s).
 *
 * The reviews are made from the labelled set (src/core/reviews/review-set.ts): each one a review of
 * the set with a sentence of another added, so no two texts are the same and no reading is reused;
 * ratings stay as labelled and dates are spread over two years, so the monthly trend has work to do.
 * Each size runs `--rounds` times after one warm-up run; the table gives the median and the slowest
 * wall-clock time, the CPU time of the median run and the heap it left allocated. Writes the "Review
 * engine" section of docs/benchmarks.md and exits 1 when 10,000 reviews take over 10 s.
 *
 *   npm run bench:reviews [-- --rounds 3]
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { analyseReviewSet, type ReviewInput } from '../src/core/reviews/engine.ts';
import { REVIEW_SET } from '../src/core/reviews/review-set.ts';
import { writeBenchmarkSection } from './benchmarks-doc.ts';
import { markdownTable } from './markdown-table.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const ROUNDS = Math.max(1, Number(values.rounds));
const SIZES = [1_000, 10_000] as const;
const TARGET_10K_MS = 10_000;

function firstSentence(text: string): string {
  return /^[^.!?]+[.!?]/.exec(text)?.[0] ?? text;
}

function reviews(count: number): ReviewInput[] {
  const set = REVIEW_SET;
  return Array.from({ length: count }, (_, index) => {
    const base = set[index % set.length];
    const other = set[(index * 7 + 3) % set.length];
    if (!base || !other) throw new Error('the labelled set is empty');
    const month = String((index % 12) + 1).padStart(2, '0');
    return {
      text: `${base.text} ${firstSentence(other.text)}`,
      ...(base.rating === undefined ? {} : { rating: base.rating }),
      date: `${2024 + (Math.floor(index / 12) % 2)}-${month}-${String((index % 27) + 1).padStart(2, '0')}`,
    };
  });
}

interface Run {
  wallMs: number;
  cpuMs: number;
  heapMb: number;
}

function measure(inputs: readonly ReviewInput[]): Run {
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const analysis = analyseReviewSet(inputs);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  if (analysis.reviews.length !== inputs.length) throw new Error('the engine skipped reviews');
  return {
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapMb: (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024,
  };
}

const rows: (string | number)[][] = [];
let tenThousandMs = 0;
for (const size of SIZES) {
  const inputs = reviews(size);
  measure(inputs);
  const runs = Array.from({ length: ROUNDS }, () => measure(inputs)).sort((a, b) => a.wallMs - b.wallMs);
  const median = runs[Math.floor(runs.length / 2)] as Run;
  const slowest = runs.at(-1) as Run;
  if (size === 10_000) tenThousandMs = median.wallMs;
  rows.push([
    size.toLocaleString('en'),
    `${(median.wallMs / 1000).toFixed(2)} s`,
    `${(slowest.wallMs / 1000).toFixed(2)} s`,
    `${(median.cpuMs / 1000).toFixed(2)} s`,
    `${Math.round((size / median.wallMs) * 1000).toLocaleString('en')}`,
    `${Math.max(0, median.heapMb).toFixed(0)} MB`,
  ]);
}

const table = markdownTable(
  ['Reviews', 'Median', 'Slowest', 'CPU (median run)', 'Reviews/s', 'Heap left'],
  rows,
);
console.log(table);

const load = os.loadavg()[0]?.toFixed(2) ?? '?';
const SECTION_TITLE = '## Review engine (`npm run bench:reviews`)';
writeBenchmarkSection(
  SECTION_TITLE,
  `${SECTION_TITLE}

${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores (load ${load} at the end), ${ROUNDS} rounds after a warm-up. Target (issue 14): 10,000 reviews analysed in ≤ 10 s.

${table}

Each review is a review of the labelled set with a sentence of another added (no two texts alike),
with its rating and a date spread over two years. One run reads every sentence for sentiment,
themes, noun phrases and triggers, then builds the theme summaries with quotes, the key phrases and
the monthly trend. The engine is synchronous: the server runs it in the offline worker thread, so a
large run never blocks other requests.
`,
);

if (tenThousandMs > TARGET_10K_MS) {
  console.error(`10,000 reviews took ${(tenThousandMs / 1000).toFixed(2)} s: over the 10 s target.`);
  process.exit(1);
}
