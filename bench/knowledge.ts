/**
 * `npm run bench:knowledge`: the brand knowledge index at the size issue 12 asks for, on both databases.
 *
 * For PGlite (in memory) and PostgreSQL (a scratch database, dropped afterwards) in turn:
 *  1. starts the app, signs up the owner and a few other users through the API, and indexes 200
 *     documents of 50 pages (10,000 passages) into the owner's brand, plus documents of the same kind
 *     in the owner's second brand and in the other users' brands, so the brand filter has work to do.
 *     Every document is indexed the way the processing job does after extraction: one transaction
 *     that writes the document row and replaces its passages through `knowledge.replaceSource`;
 *  2. times full-text search over the mixed query set (src/server/testing/fixtures/synthetic-
 *     knowledge.ts: one to four words, quoted phrases, common and rare terms, words never written)
 *     through the real route `GET /api/brands/:brandId/knowledge/search` and through the index's
 *     `search` directly, and the coach's `retrieve` (any of the question's words) over whole questions;
 * then reads a 100-page PDF with the documents feature's extraction pool (the worker thread the
 * processing job uses) and directly with `extractDocument`.
 *
 * Prints a table, writes the "Brand knowledge" section of docs/benchmarks.md (when both databases
 * ran) and reports/bench-knowledge.json, and exits 1 when a target is missed: search and retrieval
 * p95 ≤ 50 ms on PostgreSQL and ≤ 150 ms on PGlite, a 100-page PDF read in ≤ 5 s. Latency is wall
 * clock; beside it, the CPU time each request used, so a run on a machine busy with other work can be
 * told from a slow query. When a target is missed (or with --explain) it prints the plan of the
 * slowest query, caught as the index sent it, under EXPLAIN (ANALYZE, BUFFERS).
 *
 *   npm run bench:knowledge [-- --databases pglite,postgres --rounds 5 --no-docs --explain]
 *
 * PostgreSQL: the scratch database is created on the server of BENCH_DATABASE_URL, else
 * TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { pdfPageSections } from '../src/core/knowledge/document-text.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { documents } from '../src/server/db/schema.ts';
import { extractDocument } from '../src/server/features/documents/extract.ts';
import { createExtractionPool } from '../src/server/features/documents/extraction-pool.ts';
import { SEARCHES_PER_MINUTE } from '../src/server/features/knowledge/service.ts';
import { pagedPdf } from '../src/server/testing/fixtures/documents.ts';
import {
  BENCH_COACH_QUESTIONS,
  BENCH_SEARCH_QUERIES,
  seededRandom,
  syntheticDocuments,
} from '../src/server/testing/fixtures/synthetic-knowledge.ts';
import { apiCaller, benchEnvironment, signUpOwner } from './bench-app.ts';
import { writeBenchmarkSection } from './benchmarks-doc.ts';
import { markdownTable } from './markdown-table.ts';

const { values } = parseArgs({
  options: {
    databases: { type: 'string', default: 'pglite,postgres' },
    documents: { type: 'string', default: '200' },
    pages: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '5' },
    'noise-users': { type: 'string', default: '3' },
    'noise-documents': { type: 'string', default: '100' },
    'no-docs': { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
  },
});
type Kind = 'pglite' | 'postgres';
const kinds = values.databases.split(',').map((kind) => {
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`--databases: unknown database "${kind}"`);
  return kind as Kind;
});
const documentCount = Number(values.documents);
const pagesPerDocument = Number(values.pages);
const rounds = Number(values.rounds);
const noiseUsers = Number(values['noise-users']);
const noiseDocuments = Number(values['noise-documents']);
const PDF_PAGES = 100;
/** The route's default page size; the direct `search` is asked for the same. */
const SEARCH_LIMIT = 20;
/** What the coach's context source asks for (src/server/ai/knowledge-context.ts). */
const RETRIEVE_LIMIT = 5;
const TARGET_P95_MS: Record<Kind, number> = { postgres: 50, pglite: 150 };
const EXTRACTION_TARGET_MS = 5000;

interface Latency {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function latency(durations: number[]): Latency {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    samples: sorted.length,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(sorted.at(-1) ?? 0),
  };
}

interface Timing extends Latency {
  /** The query slowest at its median: slow every time rather than once. */
  slowest: string;
  /**
   * CPU time per request (p50, p95 ms) on this thread — the app, the HTTP client, PGlite — and the
   * PostgreSQL backends of the bench's database: what the latency would be on an idle machine, less
   * waits for I/O. Null where /proc cannot tell (not Linux).
   */
  cpu: { p50: number; p95: number } | null;
}

const SCHEDSTAT = existsSync('/proc/self/schedstat');

/** Nanoseconds each process has run on a core (Linux /proc/<pid>/schedstat); gone ones left out. */
function processCpuNs(pids: readonly number[]): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      used.set(pid, Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]));
    } catch {
      // The backend ended between the lookup and the read.
    }
  }
  return used;
}

/** The same order for every path and run (seeded shuffle), so a query never always follows another. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

interface DatabaseResult {
  kind: Kind;
  version: string;
  indexing: {
    documents: number;
    passages: number;
    seconds: number;
    documentsPerSecond: number;
    passagesPerSecond: number;
    perDocument: Latency;
  };
  noisePassages: number;
  matches: { query: string; hits: number }[];
  /** The machine's one-minute load average as timing began and ended: other work on the cores. */
  loadAverage: [number, number];
  http: Timing;
  search: Timing;
  retrieve: Timing;
}

async function benchDatabase(kind: Kind): Promise<DatabaseResult> {
  const { env, drop } = await benchEnvironment(kind, 'knowledge', {
    // The targets are for full-text search, which must stand alone (no AI key, no vector extension).
    AI_EMBEDDING_MODEL: undefined,
  });
  const config = loadConfig(env);
  const app = await buildApp({ config });
  try {
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const { database, knowledge } = app.services;
    const [{ version = '' } = {}] = await database.query<{ version: string }>('select version()');

    const call = apiCaller(baseUrl);
    const signUp = (name: string) => signUpOwner(baseUrl, name, 'bench.knowledge');

    /** One document as the processing job leaves it: its row and its passages, in one transaction. */
    async function indexDocument(
      owner: { userId: string; brandId: string },
      document: { name: string; pages: string[] },
    ): Promise<number> {
      const sections = pdfPageSections(document.pages, document.name);
      const text = document.pages.join('\n');
      return database.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(documents)
          .values({
            userId: owner.userId,
            brandId: owner.brandId,
            name: document.name,
            format: 'pdf',
            sizeBytes: Buffer.byteLength(text),
            sha256: createHash('sha256').update(text).digest('hex'),
            status: 'ready',
            pageCount: document.pages.length,
          })
          .returning({ id: documents.id });
        if (!row) throw new Error('document insert returned no row');
        const chunkCount = await knowledge.replaceSource(tx, {
          userId: owner.userId,
          brandId: owner.brandId,
          sourceType: 'document',
          sourceId: row.id,
          sections,
        });
        await tx
          .update(documents)
          .set({ chunkCount, processedAt: new Date() })
          .where(eq(documents.id, row.id));
        return chunkCount;
      });
    }

    // ------------------------------------------------------------------ setup and indexing
    const owner = await signUp('Bench Owner');
    const { brand: sideBrand } = await call<{ brand: { id: string } }>('POST', '/api/brands', owner.cookie, {
      name: 'Side project',
    });
    const noiseOwners = [{ userId: owner.userId, brandId: sideBrand.id }];
    for (let index = 0; index < noiseUsers; index += 1) noiseOwners.push(await signUp(`Other ${index}`));

    console.log(`[${kind}] indexing ${documentCount} × ${pagesPerDocument} pages into one brand…`);
    const corpus = syntheticDocuments({ seed: 12, documents: documentCount, pagesPerDocument });
    const perDocument: number[] = [];
    let passages = 0;
    const started = performance.now();
    for (const document of corpus) {
      const documentStarted = performance.now();
      passages += await indexDocument(owner, document);
      perDocument.push(performance.now() - documentStarted);
    }
    const seconds = (performance.now() - started) / 1000;
    const indexed = await knowledge.countForBrand(owner.brandId);
    if (indexed !== documentCount * pagesPerDocument || passages !== indexed)
      throw new Error(`expected ${documentCount * pagesPerDocument} passages, the brand has ${indexed}`);

    console.log(`[${kind}] indexing other brands (${noiseOwners.length} × ${noiseDocuments} documents)…`);
    let noisePassages = 0;
    for (const [index, noiseOwner] of noiseOwners.entries()) {
      const other = syntheticDocuments({ seed: 100 + index, documents: noiseDocuments, pagesPerDocument });
      for (const document of other) noisePassages += await indexDocument(noiseOwner, document);
    }
    // PostgreSQL's autovacuum analyses a table this much larger within a minute; the bench does not
    // wait for it. PGlite has no autovacuum, so it runs with whatever the app itself leaves.
    if (kind === 'postgres') await database.query('analyze knowledge_chunks');

    // ------------------------------------------------------------------ searching
    const searchPath = (query: string) =>
      `/api/brands/${owner.brandId}/knowledge/search?${new URLSearchParams({ q: query })}`;
    // The route allows SEARCHES_PER_MINUTE per user; the throttle's upsert stays in every timed
    // request, but its window is emptied (untimed) before it would refuse the bench.
    let sinceReset = 0;
    const throttleKey = `knowledge:search:user:${owner.userId}`;
    async function beforeRequest() {
      if (sinceReset + 1 < SEARCHES_PER_MINUTE) return;
      await database.query('delete from rate_limits where key = $1', [throttleKey]);
      sinceReset = 0;
    }

    // Warm up every path once per query (JIT, pools, prepared plans); also the match counts.
    const matches: { query: string; hits: number }[] = [];
    for (const query of BENCH_SEARCH_QUERIES) {
      const hits = await knowledge.search({
        userId: owner.userId,
        brandId: owner.brandId,
        query,
        limit: SEARCH_LIMIT,
      });
      const [counted] = await database.query<{ count: number }>(
        `select count(*)::int as count from knowledge_chunks
          where brand_id = $1 and search @@ websearch_to_tsquery('english', $2)`,
        [owner.brandId, query],
      );
      matches.push({ query, hits: counted?.count ?? 0 });
      await beforeRequest();
      sinceReset += 1;
      const body = await call<{ hits: unknown[] }>('GET', searchPath(query), owner.cookie);
      if (body.hits.length !== hits.length || hits.length !== Math.min(counted?.count ?? 0, SEARCH_LIMIT))
        throw new Error(
          `"${query}": the route found ${body.hits.length}, the index ${hits.length} of ${counted?.count} matches`,
        );
    }
    for (const question of BENCH_COACH_QUESTIONS)
      await knowledge.retrieve({
        userId: owner.userId,
        brandId: owner.brandId,
        query: question,
        limit: RETRIEVE_LIMIT,
      });

    /** The PostgreSQL backends serving the bench's database (none on PGlite: it runs on this thread). */
    async function backendPids(): Promise<number[]> {
      if (kind !== 'postgres' || !SCHEDSTAT) return [];
      const rows = await database.query<{ pid: number }>(
        'select pid from pg_stat_activity where datname = current_database()',
      );
      return rows.map((row) => row.pid);
    }

    async function timed(
      items: readonly string[],
      run: (item: string) => Promise<unknown>,
      untimed: () => Promise<void> = async () => {},
    ): Promise<Timing> {
      const durations: number[] = [];
      const cpu: number[] = [];
      const byItem = new Map<string, number[]>();
      for (let round = 0; round < rounds; round += 1) {
        for (const item of shuffled(items, round + 1)) {
          await untimed();
          const pids = await backendPids();
          const backendsBefore = processCpuNs(pids);
          const threadBefore = process.threadCpuUsage();
          const begun = performance.now();
          await run(item);
          const duration = performance.now() - begun;
          const thread = process.threadCpuUsage(threadBefore);
          let backendNs = 0;
          for (const [pid, after] of processCpuNs(pids))
            backendNs += after - (backendsBefore.get(pid) ?? after);
          cpu.push((thread.user + thread.system) / 1000 + backendNs / 1e6);
          durations.push(duration);
          byItem.set(item, [...(byItem.get(item) ?? []), duration]);
        }
      }
      const slowest = [...byItem].sort(([, a], [, b]) => latency(b).p50 - latency(a).p50)[0]?.[0] ?? '';
      const cpuLatency = latency(cpu);
      return {
        ...latency(durations),
        slowest,
        cpu: kind === 'postgres' && !SCHEDSTAT ? null : { p50: cpuLatency.p50, p95: cpuLatency.p95 },
      };
    }
    console.log(`[${kind}] timing ${BENCH_SEARCH_QUERIES.length} queries × ${rounds} rounds per path…`);
    const loadBefore = os.loadavg()[0] ?? 0;
    const http = await timed(
      BENCH_SEARCH_QUERIES,
      (query) => call('GET', searchPath(query), owner.cookie),
      async () => {
        await beforeRequest();
        sinceReset += 1;
      },
    );
    const search = await timed(BENCH_SEARCH_QUERIES, (query) =>
      knowledge.search({ userId: owner.userId, brandId: owner.brandId, query, limit: SEARCH_LIMIT }),
    );
    const retrieve = await timed(BENCH_COACH_QUESTIONS, (query) =>
      knowledge.retrieve({ userId: owner.userId, brandId: owner.brandId, query, limit: RETRIEVE_LIMIT }),
    );
    const loadAverage = [loadBefore, os.loadavg()[0] ?? 0].map((value) => Math.round(value * 10) / 10) as [
      number,
      number,
    ];

    /**
     * The plan of the index's own statement for a query: the next statement the index sends is
     * caught on its way to the database (text and parameters as sent) and run again under EXPLAIN.
     */
    async function explain(run: () => Promise<unknown>): Promise<string> {
      const original = database.query;
      let caught: { text: string; params: unknown[] } | undefined;
      database.query = (text, params = []) => {
        if (!caught && text.includes('knowledge_chunks')) caught = { text, params };
        return original(text, params);
      };
      try {
        await run();
      } finally {
        database.query = original;
      }
      if (!caught) throw new Error('the index sent no statement to explain');
      const rows = await database.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers, verbose) ${caught.text}`,
        caught.params,
      );
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    }
    const target = TARGET_P95_MS[kind];
    for (const [path, measured, run] of [
      [
        'search',
        search,
        () =>
          knowledge.search({
            userId: owner.userId,
            brandId: owner.brandId,
            query: search.slowest,
            limit: SEARCH_LIMIT,
          }),
      ],
      [
        'retrieve',
        retrieve,
        () =>
          knowledge.retrieve({
            userId: owner.userId,
            brandId: owner.brandId,
            query: retrieve.slowest,
            limit: RETRIEVE_LIMIT,
          }),
      ],
    ] as const) {
      if (values.explain || measured.p95 > target || (path === 'search' && http.p95 > target)) {
        console.log(
          `\n[${kind}] plan of the slowest ${path} query, "${measured.slowest}":\n${await explain(run)}`,
        );
      }
    }
    return {
      kind,
      version: version.split(' on ')[0] ?? version,
      indexing: {
        documents: documentCount,
        passages,
        seconds: Math.round(seconds * 10) / 10,
        documentsPerSecond: Math.round(documentCount / seconds),
        passagesPerSecond: Math.round(passages / seconds),
        perDocument: latency(perDocument),
      },
      noisePassages,
      matches,
      loadAverage,
      http,
      search,
      retrieve,
    };
  } finally {
    await app.close();
    await drop();
  }
}

// ---------------------------------------------------------------------------------- extraction

interface ExtractionResult {
  pages: number;
  bytes: number;
  /** A fresh pool: the worker thread starts and loads pdf.js, as for the first upload after a start. */
  poolColdMs: number;
  /** The same pool again (worker running), the median of five reads. */
  poolWarmMs: number;
  /** `extractDocument` on this thread, no worker: the reading alone. */
  directMs: number;
}

async function benchExtraction(): Promise<ExtractionResult> {
  // Pages of about 150 words, as in the indexed documents, each opening with its own sentence.
  const [bodies] = syntheticDocuments({ seed: 7, documents: 1, pagesPerDocument: PDF_PAGES }).map(
    (document) => document.pages,
  );
  const bytes = await pagedPdf(PDF_PAGES, (page) => bodies?.[page - 1] ?? '');
  const file = { bytes, format: 'pdf' as const, name: 'Brand book.pdf' };
  const check = (extracted: { sections: unknown[]; pageCount: number | null }) => {
    if (extracted.pageCount !== PDF_PAGES || extracted.sections.length !== PDF_PAGES)
      throw new Error(`the ${PDF_PAGES}-page PDF read as ${extracted.sections.length} sections`);
  };
  const pool = createExtractionPool({ timeoutMs: 60_000 });
  try {
    let started = performance.now();
    check(await pool.extract(file));
    const poolColdMs = performance.now() - started;
    const warm: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      started = performance.now();
      check(await pool.extract(file));
      warm.push(performance.now() - started);
    }
    const direct: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      started = performance.now();
      check(await extractDocument(file.bytes, file.format, file.name));
      direct.push(performance.now() - started);
    }
    return {
      pages: PDF_PAGES,
      bytes: bytes.length,
      poolColdMs: Math.round(poolColdMs),
      poolWarmMs: Math.round(latency(warm).p50),
      directMs: Math.round(latency(direct).p50),
    };
  } finally {
    await pool.close();
  }
}

// ---------------------------------------------------------------------------------- run

const results: DatabaseResult[] = [];
for (const kind of kinds) results.push(await benchDatabase(kind));
console.log(`Reading a ${PDF_PAGES}-page PDF…`);
const extraction = await benchExtraction();

// ---------------------------------------------------------------------------------- report

const LABEL: Record<Kind, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };
const failures: string[] = [];
for (const result of results) {
  const target = TARGET_P95_MS[result.kind];
  for (const [path, measured] of [
    ['search route', result.http],
    ['search', result.search],
    ['retrieve', result.retrieve],
  ] as const) {
    if (measured.p95 <= target) continue;
    // Still a failure; the note tells a slow query from a machine busy with other work.
    const busy =
      measured.cpu && measured.cpu.p95 <= target
        ? ` (CPU p95 ${measured.cpu.p95} ms is within it: other work held the cores, load average ${result.loadAverage.join('→')} on ${os.cpus().length} cores)`
        : '';
    failures.push(`${LABEL[result.kind]} ${path} p95 ${measured.p95} ms > ${target} ms${busy}`);
  }
}
if (extraction.poolColdMs > EXTRACTION_TARGET_MS)
  failures.push(`${PDF_PAGES}-page PDF read in ${extraction.poolColdMs} ms > ${EXTRACTION_TARGET_MS} ms`);

const verdict = (value: number, target: number) => (value <= target ? 'ok' : '**missed**');
const latencyTable = markdownTable(
  [
    'database',
    'path',
    'samples',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'p95 target',
    'result',
    'CPU p50 / p95 ms',
  ],
  results.flatMap((result) => {
    const target = TARGET_P95_MS[result.kind];
    return (
      [
        ['`GET …/knowledge/search` (HTTP, signed in)', result.http],
        ['`search` (index, all words)', result.search],
        ['`retrieve` (coach, any word)', result.retrieve],
      ] as const
    ).map(([path, measured]) => [
      LABEL[result.kind],
      path,
      measured.samples,
      measured.p50,
      measured.p95,
      measured.p99,
      measured.max,
      `≤ ${target} ms`,
      verdict(measured.p95, target),
      measured.cpu ? `${measured.cpu.p50} / ${measured.cpu.p95}` : '–',
    ]);
  }),
);
const indexingTable = markdownTable(
  ['database', 'documents', 'passages', 'seconds', 'documents/s', 'passages/s', 'per document p50 / p95 ms'],
  results.map((result) => [
    LABEL[result.kind],
    result.indexing.documents,
    result.indexing.passages,
    result.indexing.seconds,
    result.indexing.documentsPerSecond,
    result.indexing.passagesPerSecond,
    `${result.indexing.perDocument.p50} / ${result.indexing.perDocument.p95}`,
  ]),
);
const extractionTable = markdownTable(
  ['100-page PDF (unpdf)', 'ms', 'target', 'result'],
  [
    [
      'extraction pool, fresh worker (first file after a start)',
      extraction.poolColdMs,
      `≤ ${EXTRACTION_TARGET_MS}`,
      verdict(extraction.poolColdMs, EXTRACTION_TARGET_MS),
    ],
    ['extraction pool, worker running (median of 5)', extraction.poolWarmMs, '', ''],
    ['`extractDocument` on the calling thread (median of 3)', extraction.directMs, '', ''],
  ],
);
const first = results[0];
const matchCounts = first ? first.matches.map((match) => match.hits) : [];
const queryMix = `${BENCH_SEARCH_QUERIES.length} search-box queries (${matchCounts.filter((hits) => hits >= 50).length} with 50 or more matching passages, ${matchCounts.filter((hits) => hits > 0 && hits < 50).length} with 1–49, ${matchCounts.filter((hits) => hits === 0).length} with none) and ${BENCH_COACH_QUESTIONS.length} coach questions`;
const noise = first?.noisePassages ?? 0;
const date = new Date().toISOString().slice(0, 10);
const setup = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${results.map((result) => `${LABEL[result.kind]} (${result.version})`).join(' and ')}; ${rounds} rounds of ${queryMix}, in a seeded shuffled order, after one warm-up pass. One-minute load average while timing: ${results.map((result) => `${LABEL[result.kind]} ${result.loadAverage.join('→')}`).join(', ')}. Measured ${date}.`;

console.log(`\n${setup}\n\n${indexingTable}\n\n${latencyTable}\n\n${extractionTable}\n`);
for (const result of results) {
  console.log(
    `${LABEL[result.kind]}, passages of the brand matching each query: ${result.matches.map((match) => `${match.query} ${match.hits}`).join(', ')}`,
  );
}

mkdirSync('reports', { recursive: true });
writeFileSync(
  'reports/bench-knowledge.json',
  `${JSON.stringify({ date: new Date().toISOString(), rounds, results, extraction, failures }, null, 2)}\n`,
);

const SECTION_TITLE = '## Brand knowledge (`npm run bench:knowledge`)';
const section = `${SECTION_TITLE}

${setup}

One brand holds ${documentCount} documents of ${pagesPerDocument} pages (${(documentCount * pagesPerDocument).toLocaleString('en')} passages of about
150 words: meeting notes, supplier updates, campaign plans and customer feedback generated from
templates, so common words are common and names and figures vary). The same owner's second brand
and ${noiseUsers} other users' brands hold ${noise.toLocaleString('en')} more passages of the same kind, so every common word
also matches passages the brand filter must leave out. Each document is indexed as the processing
job does after extraction: one transaction writes its row and replaces its passages through the
index (\`replaceSource\`).

${indexingTable}

Search is timed through the route the search box calls (session, throttle, ownership check, query,
snippets, JSON; up to 20 hits) and through the index's \`search\` directly (same query, 20 hits); the
coach's \`retrieve\` (any of the question's words, 5 passages) over whole questions. Targets are p95
of the wall-clock time. The CPU column is the time each request kept a core busy — the bench's thread
(app, HTTP client and, for PGlite, the database) plus the PostgreSQL backends — which is what the
latency would be on an otherwise idle machine, less waits for I/O; the gap between the two is other
work queued on the same two cores (see the load average above).

${latencyTable}

${
  failures.length === 0
    ? '**Result:** every target met.'
    : `**Result:** ${failures.length} target${failures.length === 1 ? '' : 's'} missed in this run — ${failures.join('; ')}.`
}

The PDF is ${extraction.pages} pages of about 150 words each (${Math.round(extraction.bytes / 1024)} KiB, drawn with pdfkit), read by the
documents feature's extraction pool — the worker thread the processing job uses, with its time
limit — and by \`extractDocument\` on the calling thread.

${extractionTable}

**Reading it.** The corpus is a worst case for full-text search: built from a few sentence
templates, almost every query matches thousands of the brand's passages (${matchCounts.filter((hits) => hits >= 1000).length} of the ${BENCH_SEARCH_QUERIES.length} queries match
1,000 or more; "customers" matches 94 %), and every matching passage is ranked before the best 20
are kept, so latency follows the number of matches, not the size of the table. Rare words cost
little. The first runs of this bench (2026-12-03, same machine) missed the targets — PostgreSQL
search p95 203 ms, retrieve 575 ms (load average about 14); PGlite search 157 ms, retrieve 252 ms
(about 4) — and \`EXPLAIN (ANALYZE, BUFFERS)\` (the bench prints it for the slowest query when a target
is missed, or with \`--explain\`) showed two causes, both fixed:

- A passage row is about 2 kB, just over the size at which PostgreSQL moves values to its TOAST
  table, and the tsvector, which barely compresses, was stored out of line in most rows: matching
  and ranking the 9,400 passages holding "customers" read 22,000 buffers. Migration 0017 keeps it in
  the row (\`SET STORAGE MAIN\`; the passage text is compressed or moved instead, and is read only
  for the hits returned): 2,300 buffers for the same query.
- \`ts_rank_cd\` (cover density) cost about three times as much as \`ts_rank\` on a question's OR-ed
  words, for the same recall@5 on the retrieval quality set (0.926 with either), so both paths rank
  with \`ts_rank\`.

PGlite never collects planner statistics (it has no autovacuum), so it filters the brand's passages
rather than asking the GIN index, even for a rare word; with statistics, PostgreSQL uses the index
where it pays. The route adds the session lookup, the search throttle (a write), the brand check
and the JSON of 20 hits to the index's time.
`;
if (kinds.length === 2 && !values['no-docs']) {
  writeBenchmarkSection(SECTION_TITLE, section);
} else {
  console.log('docs/benchmarks.md not written (it records both databases; run without --databases).');
}

if (failures.length > 0) {
  console.error(`\nbench:knowledge FAILED:\n  ${failures.join('\n  ')}`);
  if (failures.some((failure) => failure.includes('other work held the cores')))
    console.error('Where the CPU time is within the target, rerun on a quiet machine.');
  process.exitCode = 1;
}
