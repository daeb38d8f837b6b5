/**
 * Prometheus metrics. Each app owns its registry (no process-wide global), and the code that does
 * the work records into it through the small API below: HTTP latency here, AI calls and quota
 * rejections from `ai/service.ts`, job runs from the scheduler, database pool and slow queries from
 * the database client. `GET /metrics` serves the text format behind a bearer token
 * (`METRICS_TOKEN`); with no token configured the endpoint does not exist (404).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { eq, max } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { MICROS_PER_USD } from '../config.ts';
import type { Database } from '../db/client.ts';
import { backupRuns } from '../db/schema.ts';
import { sendError } from './errors.ts';

export type JobOutcome = 'success' | 'failure';

/** What the AI ledger records about a call; the metrics keep only low-cardinality parts of it. */
export interface AiCallObservation {
  task: string;
  provider: string;
  model: string;
  outcome: string;
  cacheHit: boolean;
  inputTokens: number;
  outputTokens: number;
  costMicros: number;
}

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.1, 0.5, 1, 5, 15, 30, 60, 300, 900, 3600];
const BACKUP_METRIC = 'ibc_backup_last_success_timestamp_seconds';
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

type HttpLabel = 'route' | 'method' | 'status_class';

interface LatencySeries {
  labels: Record<HttpLabel, string>;
  /** Observations per bucket (not cumulative), in the order of the bounds. */
  counts: Float64Array;
  sum: number;
  count: number;
}

/**
 * The latency histogram every response records into. prom-client's `observe` builds, validates and
 * hashes a label object into a string key on every call (3 % of a page read's CPU under load);
 * responses come from a fixed set of routes, methods and status classes, so here each combination
 * is found through two map lookups and an array slot, and counted in a typed array. The exposition
 * is the one prom-client writes for its own histograms (same series, labels and values); the
 * registry and the JSON form stay prom-client's.
 */
class HttpLatencyHistogram extends Histogram<HttpLabel> {
  private readonly bounds: readonly number[];
  private readonly metricName: string;
  private readonly metricHelp: string;
  private series = new Map<string, Map<string, LatencySeries[]>>();

  constructor(configuration: {
    name: string;
    help: string;
    labelNames: readonly HttpLabel[];
    buckets: number[];
    registers: Registry[];
  }) {
    super(configuration);
    this.bounds = configuration.buckets;
    this.metricName = configuration.name;
    this.metricHelp = configuration.help;
  }

  record(route: string, method: string, statusClass: number, seconds: number): void {
    let byMethod = this.series.get(route);
    if (!byMethod) {
      byMethod = new Map();
      this.series.set(route, byMethod);
    }
    let byClass = byMethod.get(method);
    if (!byClass) {
      byClass = [];
      byMethod.set(method, byClass);
    }
    let series = byClass[statusClass];
    if (!series) {
      series = {
        labels: { route, method, status_class: `${statusClass}xx` },
        counts: new Float64Array(this.bounds.length),
        sum: 0,
        count: 0,
      };
      byClass[statusClass] = series;
    }
    for (let bucket = 0; bucket < this.bounds.length; bucket += 1) {
      if (seconds <= (this.bounds[bucket] ?? 0)) {
        series.counts[bucket] = (series.counts[bucket] ?? 0) + 1;
        break;
      }
    }
    series.sum += seconds;
    series.count += 1;
  }

  override reset(): void {
    super.reset();
    this.series = new Map();
  }

  /**
   * What the registry reads for the text exposition (and prom-client's own `get` for the JSON one,
   * which folds each value's shared labels into its labels): the series in prom-client's format.
   */
  getForPromString(): Promise<HttpLatencyExposition> {
    const values: HttpLatencyExposition['values'] = [];
    const bucketName = `${this.metricName}_bucket`;
    for (const byMethod of this.series.values()) {
      for (const byClass of byMethod.values()) {
        for (const series of byClass) {
          if (!series) continue;
          const sharedLabels = series.labels;
          let cumulative = 0;
          this.bounds.forEach((bound, bucket) => {
            cumulative += series.counts[bucket] ?? 0;
            values.push({ labels: { le: bound }, sharedLabels, value: cumulative, metricName: bucketName });
          });
          values.push(
            { labels: { le: '+Inf' }, sharedLabels, value: series.count, metricName: bucketName },
            { labels: {}, sharedLabels, value: series.sum, metricName: `${this.metricName}_sum` },
            { labels: {}, sharedLabels, value: series.count, metricName: `${this.metricName}_count` },
          );
        }
      }
    }
    return Promise.resolve({
      name: this.metricName,
      help: this.metricHelp,
      type: 'histogram',
      values,
      aggregator: 'sum',
    });
  }
}

interface HttpLatencyExposition {
  name: string;
  help: string;
  type: 'histogram';
  values: {
    labels: { le?: number | string };
    sharedLabels: Record<HttpLabel, string>;
    value: number;
    metricName: string;
  }[];
  aggregator: 'sum';
}

export function createMetrics() {
  const registry = new Registry();
  let database: Pick<Database, 'poolStats'> | undefined;

  collectDefaultMetrics({ register: registry });

  const httpDuration = new HttpLatencyHistogram({
    name: 'ibc_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern, method and status class.',
    labelNames: ['route', 'method', 'status_class'] as const,
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  const aiCalls = new Counter({
    name: 'ibc_ai_calls_total',
    help: 'AI requests answered, by task, provider (openai-compatible or offline) and outcome.',
    labelNames: ['task', 'provider', 'outcome'] as const,
    registers: [registry],
  });
  const aiCacheHits = new Counter({
    name: 'ibc_ai_cache_hits_total',
    help: 'AI requests answered from the response cache, by task.',
    labelNames: ['task'] as const,
    registers: [registry],
  });
  const aiTokens = new Counter({
    name: 'ibc_ai_tokens_total',
    help: 'Tokens billed by the AI provider, by model and direction (input or output).',
    labelNames: ['model', 'direction'] as const,
    registers: [registry],
  });
  const aiCost = new Counter({
    name: 'ibc_ai_cost_usd_total',
    help: 'AI provider cost in US dollars, by model.',
    labelNames: ['model'] as const,
    registers: [registry],
  });
  const quotaRejections = new Counter({
    name: 'ibc_ai_quota_rejections_total',
    help: 'AI requests refused because the user had used the daily quota.',
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: 'ibc_job_runs_total',
    help: 'Background job runs, by job and outcome (success or failure).',
    labelNames: ['job', 'outcome'] as const,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'ibc_job_duration_seconds',
    help: 'Background job run duration, by job.',
    labelNames: ['job'] as const,
    buckets: JOB_BUCKETS,
    registers: [registry],
  });
  const jobLastSuccess = new Gauge({
    name: 'ibc_job_last_success_timestamp_seconds',
    help: 'When a job last succeeded on this instance (Unix time).',
    labelNames: ['job'] as const,
    registers: [registry],
  });
  const slowQueries = new Counter({
    name: 'ibc_db_slow_queries_total',
    help: 'Database queries slower than SLOW_QUERY_MS.',
    registers: [registry],
  });
  new Gauge({
    name: 'ibc_db_pool_connections',
    help: 'Database connections: open (total), idle and maximum, queries waiting for one, and statements in flight on the pipelined lanes.',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      if (!database) return;
      const stats = database.poolStats();
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
      this.set({ state: 'pipelined' }, stats.pipelined);
      this.set({ state: 'max' }, stats.max);
    },
  });
  return {
    registry,

    /** Reports this database's pool on every scrape. */
    observeDatabase(observed: Pick<Database, 'poolStats'>): void {
      database = observed;
    },

    /**
     * Reads the last successful backup's time on every scrape. It comes from the database, so every
     * instance reports the same age whichever one ran the backup, and a restart does not reset it.
     */
    observeBackups(lastSuccessfulBackupAt: () => Promise<Date | null>): void {
      registry.removeSingleMetric(BACKUP_METRIC);
      new Gauge({
        name: BACKUP_METRIC,
        help: 'When the last successful backup finished (Unix time); 0 when there has been none.',
        registers: [registry],
        async collect() {
          try {
            const at = await lastSuccessfulBackupAt();
            this.set(at ? at.getTime() / 1000 : 0);
          } catch {
            // Database unreachable: keep the last value; the scrape must still work during an outage.
          }
        },
      });
    },

    observeHttp(route: string, method: string, statusCode: number, seconds: number): void {
      httpDuration.record(
        route,
        KNOWN_METHODS.has(method) ? method : 'OTHER',
        Math.floor(statusCode / 100),
        seconds,
      );
    },

    recordAiCall(call: AiCallObservation): void {
      aiCalls.inc({ task: call.task, provider: call.provider, outcome: call.outcome });
      if (call.cacheHit) aiCacheHits.inc({ task: call.task });
      if (call.inputTokens > 0) aiTokens.inc({ model: call.model, direction: 'input' }, call.inputTokens);
      if (call.outputTokens > 0) aiTokens.inc({ model: call.model, direction: 'output' }, call.outputTokens);
      if (call.costMicros > 0) aiCost.inc({ model: call.model }, call.costMicros / MICROS_PER_USD);
    },

    recordQuotaRejection(): void {
      quotaRejections.inc();
    },

    /** For the job scheduler: one call per finished run. */
    recordJobRun(name: string, outcome: JobOutcome, seconds: number): void {
      jobRuns.inc({ job: name, outcome });
      jobDuration.observe({ job: name }, seconds);
      if (outcome === 'success') jobLastSuccess.set({ job: name }, Date.now() / 1000);
    },

    recordSlowQuery(): void {
      slowQueries.inc();
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
/** The part the AI service needs; tests and tools may build the service without metrics. */
export type AiMetrics = Pick<Metrics, 'recordAiCall' | 'recordQuotaRejection'>;

/** The route pattern, never the raw URL: `/api/ai/chat/sessions/:id`, or `unmatched` for a 404. */
function routeLabel(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

/** Times every response; registered on the root instance so it sees every route. */
export function registerHttpMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', (request, reply, done) => {
    metrics.observeHttp(routeLabel(request), request.method, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time: both sides are hashed to equal length first, so neither length nor content leaks. */
export function bearerTokenMatches(header: string | undefined, expected: string): boolean {
  const match = /^Bearer (.+)$/i.exec(header ?? '');
  const presented = match?.[1]?.trim() ?? '';
  return timingSafeEqual(digest(presented), digest(expected)) && presented.length > 0;
}

export function registerMetricsRoute(app: FastifyInstance, metrics: Metrics, token: string | null): void {
  app.get(
    '/metrics',
    // A scrape during overload is exactly when the numbers matter, so it is never shed.
    { config: { pressureHandler: () => undefined }, schema: { hide: true } },
    async (request, reply) => {
      if (!token) return sendError(reply, 404, 'NOT_FOUND', 'There is nothing here.');
      if (!bearerTokenMatches(request.headers.authorization, token)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        return sendError(reply, 401, 'UNAUTHENTICATED', 'A valid metrics bearer token is required.');
      }
      const body = await metrics.registry.metrics();
      return reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(body);
    },
  );
}

/** When the newest successful backup finished, from the `backup_runs` history; null if none. */
export async function lastSuccessfulBackupAt(database: Pick<Database, 'db'>): Promise<Date | null> {
  const [row] = await database.db
    .select({ at: max(backupRuns.finishedAt) })
    .from(backupRuns)
    .where(eq(backupRuns.outcome, 'success'));
  return row?.at ?? null;
}
