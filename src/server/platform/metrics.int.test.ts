import { afterAll, expect, it } from 'vitest';
import { startFakeOpenAi } from '../testing/fake-openai.ts';
import { describeOnEachDatabase, type ErrorBody, signUp, uniqueEmail } from '../testing/harness.ts';

const TOKEN = 'metrics-token-0123456789abcdef0123456789';
const INTENT_ANSWER = {
  results: [{ term: 'linen', intent: 'commercial', confidence: 0.8, signals: ['model'] }],
  counts: { informational: 0, commercial: 1, transactional: 0, navigational: 0 },
  strategy: ['Publish a comparison page.'],
};

const fake = await startFakeOpenAi(INTENT_ANSWER);
afterAll(() => fake.close());

/** The value of the sample `name{labels…}` in Prometheus text, or undefined when there is none. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = match[2] ?? '';
    if (Object.entries(labels).every(([key, value]) => present.includes(`${key}="${value}"`))) {
      return Number(match[3]);
    }
  }
  return undefined;
}

describeOnEachDatabase(
  'metrics',
  (getApp, kind) => {
    const scrape = (authorization?: string) =>
      getApp()
        .client()
        .get<string>('/metrics', authorization ? { authorization } : {});

    it('requires the bearer token', async () => {
      for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, 'Bearer ']) {
        const response = await getApp()
          .client()
          .get<ErrorBody>('/metrics', authorization ? { authorization } : {});
        expect(response.status, String(authorization)).toBe(401);
        expect(response.body.error.code).toBe('UNAUTHENTICATED');
        expect(response.body.error.requestId).toBe(response.headers.get('x-request-id'));
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      }
      const ok = await scrape(`Bearer ${TOKEN}`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(ok.text).toContain('process_cpu_user_seconds_total');
      expect(ok.text).toContain('nodejs_eventloop_lag_seconds');
    });

    it('times requests per route pattern, method and status class — never per raw URL', async () => {
      const client = getApp().client();
      await client.get('/healthz');
      const missingId = '00000000-0000-4000-8000-000000000000';
      const missing = await client.get(`/api/diagnostic/results/${missingId}`);
      expect(missing.status).toBe(404);
      await client.get('/api/definitely-not-a-route');
      const { text } = await scrape(`Bearer ${TOKEN}`);
      const count = 'ibc_http_request_duration_seconds_count';
      expect(sample(text, count, { route: '/healthz', method: 'GET', status_class: '2xx' })).toBeGreaterThan(
        0,
      );
      expect(
        sample(text, count, { route: '/api/diagnostic/results/:id', method: 'GET', status_class: '4xx' }),
      ).toBeGreaterThan(0);
      expect(sample(text, count, { route: 'unmatched', status_class: '4xx' })).toBeGreaterThan(0);
      expect(
        sample(text, 'ibc_http_request_duration_seconds_bucket', { route: '/healthz', le: '0.005' }),
      ).toBeDefined();
      expect(text).not.toContain(missingId);
      expect(text).not.toContain('definitely-not-a-route');
    });

    it('counts AI calls, tokens, cost, cache hits and quota rejections', async () => {
      fake.queue.length = 0;
      const client = getApp().client();
      await signUp(client);
      const input = { terms: ['linen vs cotton shirts'] };
      expect((await client.post('/api/ai/buyer-intent', input)).status).toBe(200);
      expect((await client.post('/api/ai/buyer-intent', input)).status).toBe(200);
      expect((await client.post('/api/ai/buyer-intent', { terms: ['wool'] })).status).toBe(200);
      const refused = await client.post<ErrorBody>('/api/ai/buyer-intent', { terms: ['silk'] });
      expect(refused.status).toBe(429);

      const { text } = await scrape(`Bearer ${TOKEN}`);
      expect(
        sample(text, 'ibc_ai_calls_total', {
          task: 'buyer-intent',
          provider: 'openai-compatible',
          outcome: 'ok',
        }),
      ).toBe(3);
      expect(sample(text, 'ibc_ai_cache_hits_total', { task: 'buyer-intent' })).toBe(1);
      // Two provider calls at the fake's 120 input and 80 output tokens each.
      expect(sample(text, 'ibc_ai_tokens_total', { model: 'test-model', direction: 'input' })).toBe(240);
      expect(sample(text, 'ibc_ai_tokens_total', { model: 'test-model', direction: 'output' })).toBe(160);
      // 240 × $0.50 + 160 × $1.50 per million tokens.
      expect(sample(text, 'ibc_ai_cost_usd_total', { model: 'test-model' })).toBeCloseTo(0.00036, 8);
      expect(sample(text, 'ibc_ai_quota_rejections_total')).toBe(1);
    });

    it('reports the database pool and the job runs the scheduler records', async () => {
      const metrics = getApp().app.services.metrics;
      metrics.recordJobRun('retention-purge', 'success', 1.5);
      metrics.recordJobRun('retention-purge', 'failure', 0.2);
      const { text } = await scrape(`Bearer ${TOKEN}`);
      expect(sample(text, 'ibc_job_runs_total', { job: 'retention-purge', outcome: 'success' })).toBe(1);
      expect(sample(text, 'ibc_job_runs_total', { job: 'retention-purge', outcome: 'failure' })).toBe(1);
      expect(sample(text, 'ibc_job_duration_seconds_count', { job: 'retention-purge' })).toBe(2);
      expect(sample(text, 'ibc_job_last_success_timestamp_seconds', { job: 'retention-purge' })).toBeCloseTo(
        Date.now() / 1000,
        -1,
      );
      expect(sample(text, 'ibc_db_pool_connections', { state: 'max' })).toBe(kind === 'postgres' ? 4 : 1);
      expect(sample(text, 'ibc_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'ibc_db_pool_connections', { state: 'waiting' })).toBe(0);
      // The scrape's own backup-age read may be on a lane at that moment.
      expect(sample(text, 'ibc_db_pool_connections', { state: 'pipelined' })).toBeGreaterThanOrEqual(0);
    });

    it('reports when the last successful backup finished, from the database', async () => {
      const before = await scrape(`Bearer ${TOKEN}`);
      expect(sample(before.text, 'ibc_backup_last_success_timestamp_seconds')).toBe(0);
      const insert = `insert into backup_runs (started_at, finished_at, duration_ms, outcome, trigger, database_kind)
        values ($1, $2, 1000, $3, 'job', $4)`;
      await getApp().database.query(insert, [
        '2026-01-02T03:00:00Z',
        '2026-01-02T03:00:01Z',
        'success',
        kind,
      ]);
      await getApp().database.query(insert, [
        '2026-01-03T03:00:00Z',
        '2026-01-03T03:00:01Z',
        'failure',
        kind,
      ]);
      const after = await scrape(`Bearer ${TOKEN}`);
      expect(sample(after.text, 'ibc_backup_last_success_timestamp_seconds')).toBe(
        Date.parse('2026-01-02T03:00:01Z') / 1000,
      );
    });

    it('logs slow queries by name and duration, never their parameters', async () => {
      const email = uniqueEmail('slow.query.secret');
      const client = getApp().client();
      await signUp(client, { email });
      await client.post('/api/auth/sign-in', { email, password: 'Wrong-Password-99' });
      const slowLines = getApp()
        .logs.flatMap((line) => line.split('\n'))
        .filter((line) => line.includes('"msg":"slow query"'));
      expect(slowLines.length).toBeGreaterThan(5);
      for (const line of slowLines) {
        expect(line).not.toContain(email);
        expect(line).not.toContain('slow.query.secret');
        const entry = JSON.parse(line) as {
          level: number;
          query: string;
          queryHash: string;
          durationMs: number;
        };
        expect(entry.level).toBe(40);
        expect(entry.query.length).toBeLessThanOrEqual(160);
        expect(entry.queryHash).toMatch(/^[0-9a-f]{12}$/);
        expect(entry.durationMs).toBeGreaterThanOrEqual(0);
      }
      // The lookup by email is there, with its placeholder instead of the address.
      const queries = slowLines.map((line) => (JSON.parse(line) as { query: string }).query);
      expect(queries).toContain('select … from "users" where "users"."email" = $1');
      const { text } = await scrape(`Bearer ${TOKEN}`);
      expect(sample(text, 'ibc_db_slow_queries_total')).toBeGreaterThan(5);
    });
  },
  {
    env: {
      METRICS_TOKEN: TOKEN,
      SLOW_QUERY_MS: '0',
      AI_BASE_URL: fake.baseUrl,
      AI_API_KEY: 'test-key',
      AI_MODEL: 'test-model',
      AI_PRICES: JSON.stringify({ 'test-model': { inputPerMTok: 0.5, outputPerMTok: 1.5 } }),
      AI_DAILY_QUOTA: '3',
    },
  },
);

describeOnEachDatabase('metrics without METRICS_TOKEN', (getApp) => {
  it('has no endpoint: 404, whatever the token', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: `Bearer ${TOKEN}` }];
    for (const headers of attempts) {
      const response = await getApp().client().get<ErrorBody>('/metrics', headers);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
  });
});
