import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_AUTH_SECRET, DEV_CONTACT_EMAIL, loadConfig } from './config.ts';

const SAFE_PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_SECRET: 'a'.repeat(64),
  PUBLIC_URL: 'https://coach.example.com',
  SMTP_URL: 'smtp://mail.example.com:587',
  CONTACT_EMAIL: 'help@coach.example.com',
  CORS_ORIGINS: 'https://partner.example.com',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('loadConfig', () => {
  it('reads the embedding model: off by default, priced like any call, only on the provider', () => {
    expect(loadConfig({}).ai.embedding).toBeNull();
    const provider = { AI_BASE_URL: 'https://api.example.com/v1', AI_MODEL: 'gpt-4o-mini' };
    expect(loadConfig({ ...provider, AI_EMBEDDING_MODEL: 'text-embedding-3-small' }).ai.embedding).toEqual({
      model: 'text-embedding-3-small',
      dimensions: null,
      price: { inputPerMTok: 0.02, outputPerMTok: 0 },
      minSimilarity: 0.3,
    });
    // AI_EMBEDDING_PRICE_PER_MTOK wins over AI_PRICES' input price, which wins over the built-in table.
    const priced = loadConfig({
      ...provider,
      AI_PRICES: JSON.stringify({
        'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
        'local-embed': { inputPerMTok: 0.05, outputPerMTok: 0 },
      }),
      AI_EMBEDDING_MODEL: 'local-embed',
      AI_EMBEDDING_DIMENSIONS: '512',
      AI_EMBEDDING_MIN_SIMILARITY: '0.5',
    }).ai.embedding;
    expect(priced).toMatchObject({ dimensions: 512, price: { inputPerMTok: 0.05 }, minSimilarity: 0.5 });
    expect(
      loadConfig({ ...provider, AI_EMBEDDING_MODEL: 'local-embed', AI_EMBEDDING_PRICE_PER_MTOK: '0.01' }).ai
        .embedding?.price,
    ).toEqual({ inputPerMTok: 0.01, outputPerMTok: 0 });

    expect(problemsOf({ AI_EMBEDDING_MODEL: 'text-embedding-3-small' })).toEqual([
      'AI_EMBEDDING_MODEL needs AI_BASE_URL: embeddings come from the OpenAI-compatible provider.',
    ]);
    expect(problemsOf({ ...provider, AI_EMBEDDING_MODEL: 'mystery-embed' })).toEqual([
      'No price for AI_EMBEDDING_MODEL "mystery-embed": set AI_EMBEDDING_PRICE_PER_MTOK or add it to AI_PRICES.',
    ]);
    expect(problemsOf({ ...provider, AI_EMBEDDING_MODEL: 'x', AI_EMBEDDING_DIMENSIONS: '20000' })).toEqual([
      expect.stringMatching(/^AI_EMBEDDING_DIMENSIONS:/),
    ]);
    expect(problemsOf({ ...provider, AI_EMBEDDING_MODEL: 'x', AI_EMBEDDING_MIN_SIMILARITY: '1.5' })).toEqual([
      expect.stringMatching(/^AI_EMBEDDING_MIN_SIMILARITY:/),
    ]);
  });

  it('has working defaults for local development', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.port).toBe(8080);
    expect(config.publicUrl.toString()).toBe('http://localhost:8080/');
    expect(config.database.kind).toBe('pglite');
    expect(config.auth.secret).toBe(DEV_AUTH_SECRET);
    expect(config.auth.secureCookies).toBe(false);
    expect(config.corsOrigins).toEqual([]);
    expect(config.mail.smtpUrl).toBeUndefined();
  });

  it('derives the public URL from the port and uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({
      PORT: '9000',
      DATABASE_URL: 'postgres://u@db:5432/app',
      CORS_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(config.publicUrl.origin).toBe('http://localhost:9000');
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db:5432/app',
      poolMax: 10,
      connectTimeoutMs: 10_000,
    });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('limits PDFs to 30 per user and 60 per IP in ten minutes unless configured', () => {
    expect(loadConfig({}).pdf).toEqual({ windowSeconds: 600, maxPerUser: 30, maxPerIp: 60 });
    expect(loadConfig({ PDF_WINDOW_SECONDS: '60', PDF_MAX_PER_USER: '5', PDF_MAX_PER_IP: '8' }).pdf).toEqual({
      windowSeconds: 60,
      maxPerUser: 5,
      maxPerIp: 8,
    });
    expect(problemsOf({ PDF_MAX_PER_USER: '0' }).join('\n')).toContain('PDF_MAX_PER_USER');
  });

  it('sets route-tier limits no honest user reaches unless configured', () => {
    expect(loadConfig({}).limits).toEqual({
      readsPerUserPerMinute: 1200,
      writesPerUserPerMinute: 300,
      publicRequestsPerIpPerMinute: 600,
      brandsPerUserPerDay: 50,
      syncIntervalMs: 1000,
    });
    expect(
      loadConfig({
        READS_PER_USER_PER_MINUTE: '10',
        WRITES_PER_USER_PER_MINUTE: '5',
        PUBLIC_REQUESTS_PER_IP_PER_MINUTE: '7',
        BRANDS_PER_USER_PER_DAY: '2',
        RATE_LIMIT_SYNC_MS: '250',
      }).limits,
    ).toEqual({
      readsPerUserPerMinute: 10,
      writesPerUserPerMinute: 5,
      publicRequestsPerIpPerMinute: 7,
      brandsPerUserPerDay: 2,
      syncIntervalMs: 250,
    });
    expect(problemsOf({ WRITES_PER_USER_PER_MINUTE: '0' }).join('\n')).toContain(
      'WRITES_PER_USER_PER_MINUTE',
    );
    expect(problemsOf({ RATE_LIMIT_SYNC_MS: 'soon' }).join('\n')).toContain('RATE_LIMIT_SYNC_MS');
  });

  it('reads ADMIN_EMAILS as a lower-cased list of addresses and rejects anything else', () => {
    expect(loadConfig({}).auth.adminEmails).toEqual([]);
    expect(loadConfig({ ADMIN_EMAILS: ' Owner@Example.com, ops@example.com ,' }).auth.adminEmails).toEqual([
      'owner@example.com',
      'ops@example.com',
    ]);
    expect(problemsOf({ ADMIN_EMAILS: 'owner@example.com, not-an-address' }).join('\n')).toContain(
      'ADMIN_EMAILS',
    );
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', SMTP_URL: '' }).database.kind).toBe('pglite');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'prod' }, 'NODE_ENV'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('rejects invalid values with the variable named: %j', (env, name) => {
    expect(problemsOf(env).join('\n')).toContain(name);
  });

  it('accepts a safe production configuration', () => {
    const config = loadConfig(SAFE_PRODUCTION);
    expect(config.env).toBe('production');
    expect(config.auth.secureCookies).toBe(true);
  });

  it.each([
    [{ AUTH_SECRET: '' }, 'AUTH_SECRET'],
    [{ AUTH_SECRET: DEV_AUTH_SECRET }, 'AUTH_SECRET'],
    [{ AUTH_SECRET: 'short-secret' }, 'AUTH_SECRET'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://ok.example,https://*.example' }, 'CORS_ORIGINS'],
    [{ PUBLIC_URL: 'http://coach.example.com' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: '' }, 'PUBLIC_URL'],
    [{ SMTP_URL: '' }, 'SMTP_URL'],
    [{ CONTACT_EMAIL: '' }, 'CONTACT_EMAIL'],
    [{ METRICS_TOKEN: 'guessable' }, 'METRICS_TOKEN'],
  ])('refuses unsafe production settings: %j', (override, name) => {
    const problems = problemsOf({ ...SAFE_PRODUCTION, ...override });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
  });

  it('reads observability settings: off unless configured', () => {
    expect(loadConfig({}).observability).toEqual({
      sentry: null,
      browserReportingOrigin: null,
      metricsToken: null,
      slowQueryMs: 200,
    });
    const configured = loadConfig({
      NODE_ENV: 'staging',
      SENTRY_DSN: 'https://key@o1.ingest.example.com/7',
      SENTRY_SAMPLE_RATE: '0.5',
      VITE_SENTRY_DSN: 'https://key@o1.ingest.example.com/8',
      METRICS_TOKEN: 'm'.repeat(40),
      SLOW_QUERY_MS: '0',
    }).observability;
    expect(configured).toEqual({
      sentry: {
        dsn: 'https://key@o1.ingest.example.com/7',
        environment: 'staging',
        release: undefined,
        sampleRate: 0.5,
      },
      browserReportingOrigin: 'https://o1.ingest.example.com',
      metricsToken: 'm'.repeat(40),
      slowQueryMs: 0,
    });
    expect(problemsOf({ SENTRY_SAMPLE_RATE: '1.5' }).join('\n')).toContain('SENTRY_SAMPLE_RATE');
    expect(problemsOf({ SENTRY_DSN: 'not a dsn' }).join('\n')).toContain('SENTRY_DSN');
  });

  it('lists every production problem at once', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toHaveLength(4);
    expect(problemsOf({ NODE_ENV: 'production', CORS_ORIGINS: '*' })).toHaveLength(5);
  });

  it('reads the operator’s contact address: lower-cased, with a development default, checked', () => {
    expect(loadConfig({}).contactEmail).toBe(DEV_CONTACT_EMAIL);
    expect(loadConfig({ CONTACT_EMAIL: 'Help@Coach.Example.com' }).contactEmail).toBe(
      'help@coach.example.com',
    );
    expect(() => loadConfig({ CONTACT_EMAIL: 'not an address' })).toThrow(/CONTACT_EMAIL/);
  });
});
