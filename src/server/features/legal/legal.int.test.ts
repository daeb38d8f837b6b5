import { expect, it } from 'vitest';
import { type LegalFacts, legalFactsSchema } from '../../../core/legal/contracts.ts';
import { describeOnEachDatabase } from '../../testing/harness.ts';
import { TABLE_DESCRIPTIONS } from './stored-data.ts';

describeOnEachDatabase('legal facts, nothing configured', (getApp) => {
  it('answers without a session, naming no outside service and no operator detail', async () => {
    const response = await getApp().client().get<LegalFacts>('/api/legal');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const facts = legalFactsSchema.parse(response.body);
    expect(facts.processors).toEqual([]);
    expect(facts.operator).toEqual({
      name: null,
      contactEmail: null,
      postalAddress: null,
      governingLaw: null,
    });
    expect(facts.retention.accountDeletionGraceDays).toBe(getApp().config.retention.accountDeletionGraceDays);
  });

  it('describes every table the migrations actually created', async () => {
    const { database } = getApp();
    const rows = await database.query<{ name: string }>(
      `select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like '\\_\\_%'`,
    );
    // Everything but drizzle's own bookkeeping (`__drizzle_migrations`), which the filter leaves out.
    expect(rows.length).toBeGreaterThan(30);
    for (const { name } of rows) expect(TABLE_DESCRIPTIONS[name], name).toBeDefined();
  });
});

describeOnEachDatabase(
  'legal facts, services and operator configured',
  (getApp) => {
    it('lists each configured service by host and the operator as configured', async () => {
      const response = await getApp().client().get<LegalFacts>('/api/legal');
      expect(response.status).toBe(200);
      const facts = legalFactsSchema.parse(response.body);
      expect(facts.processors.map((processor) => [processor.kind, processor.name])).toEqual([
        ['ai', 'Example AI'],
        ['email', '127.0.0.1'],
        ['error-tracking', '127.0.0.2'],
      ]);
      expect(JSON.stringify(facts)).not.toContain('smtp-password');
      expect(facts.operator).toEqual({
        name: 'Example Brands Ltd',
        contactEmail: 'help@example.com',
        postalAddress: '1 Example Street, Example Town',
        governingLaw: 'the laws of Ireland',
      });
      expect(facts.retention.softDeletedDays).toBe(12);
      expect(facts.limits.aiRequestsPerDay).toBe(7);
    });
  },
  {
    env: {
      AI_BASE_URL: 'http://127.0.0.1:9/v1',
      AI_MODEL: 'gpt-4o-mini',
      AI_PROVIDER_NAME: 'Example AI',
      AI_DAILY_QUOTA: '7',
      SMTP_URL: 'smtp://mailer:smtp-password@127.0.0.1:9',
      SENTRY_DSN: 'http://publickey@127.0.0.2:9/1',
      OPERATOR_NAME: 'Example Brands Ltd',
      CONTACT_EMAIL: 'help@example.com',
      OPERATOR_POSTAL_ADDRESS: '1 Example Street, Example Town',
      TERMS_GOVERNING_LAW: 'the laws of Ireland',
      RETENTION_DAYS: '12',
    },
  },
);
