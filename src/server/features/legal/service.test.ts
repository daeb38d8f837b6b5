import { describe, expect, it } from 'vitest';
import { AI_TASKS } from '../../../core/ai/contracts.ts';
import { legalFactsSchema } from '../../../core/legal/contracts.ts';
import { loadConfig } from '../../config.ts';
import { ownedTables, schemaTables, type TableInfo } from '../../platform/data-lifecycle/tables.ts';
import { createLegalService, describeDuration, describeStoredData, retentionFacts } from './service.ts';
import { isImpersonal, TABLE_DESCRIPTIONS, type TableDescription } from './stored-data.ts';

/** Columns that say something about a person: a table with one can never be left off /privacy. */
const PERSONAL_COLUMNS = [
  'user_id',
  'created_by',
  'email',
  'to_address',
  'ip_address',
  'user_agent',
  'anonymous_token_hash',
  'respondent_hash',
];

const FIXED = { serverErrorDays: 17 };

const RETENTION_ENV = {
  RETENTION_DAYS: '11',
  ANONYMOUS_DIAGNOSTIC_RETENTION_DAYS: '45',
  ACCOUNT_DELETION_GRACE_DAYS: '14',
  OUTBOX_RETENTION_DAYS: '9',
  JOB_HISTORY_RETENTION_DAYS: '21',
  SESSION_TTL_SECONDS: String(3 * 24 * 60 * 60),
  BACKUP_KEEP_DAILY: '5',
  BACKUP_KEEP_WEEKLY: '2',
  BACKUP_KEEP_MONTHLY: '6',
};

describe('what /privacy says is stored', () => {
  const tables = schemaTables();
  const facts = createLegalService(loadConfig(RETENTION_ENV), FIXED).facts();
  const stored = new Map(facts.stored.map((entry) => [entry.table, entry]));

  it('describes every table of the schema, and no table that is gone', () => {
    const names = tables.map((table) => table.name).sort();
    expect(Object.keys(TABLE_DESCRIPTIONS).sort()).toEqual(names);
  });

  it('lists every table holding personal data: everything an account owns and every personal column', () => {
    const owned = ownedTables(tables).map((entry) => entry.table.name);
    const withPersonalColumns = tables
      .filter((table) => table.columns.some((column) => PERSONAL_COLUMNS.includes(column)))
      .map((table) => table.name);
    for (const name of new Set([...owned, ...withPersonalColumns, 'users'])) {
      expect(stored.has(name), `${name} is on the privacy page`).toBe(true);
    }
    const leftOff = Object.entries(TABLE_DESCRIPTIONS)
      .filter(([, description]) => isImpersonal(description))
      .map(([name]) => name);
    expect(leftOff.every((name) => !stored.has(name))).toBe(true);
  });

  it('says how long each kind is kept, with this installation’s numbers', () => {
    for (const entry of facts.stored) expect(entry.kept, entry.table).not.toBe('');
    for (const owned of ownedTables(tables)) {
      if (owned.table.name === 'account_deletions') continue;
      expect(stored.get(owned.table.name)?.kept).toContain(
        'Purged with the account it belongs to, 14 days after',
      );
    }
    for (const table of tables.filter((candidate) => candidate.hasDeletedAt)) {
      expect(stored.get(table.name)?.kept).toContain('Once deleted, it is kept 11 more days');
    }
    expect(stored.get('diagnostic_results')?.kept).toContain('deleted 45 days after it was taken');
    expect(stored.get('outbox_emails')?.kept).toBe('Deleted after 9 days.');
    expect(stored.get('server_errors')?.kept).toBe('Deleted after 17 days.');
    expect(stored.get('jobs')?.kept).toContain('21 days after it finished');
    expect(stored.get('sessions')?.kept).toContain('after 3 days');
    expect(stored.get('chat_messages')?.kept).toContain('Deleted with the chat_sessions entry');
  });

  it('reports the retention settings as configured', () => {
    expect(legalFactsSchema.parse(facts).retention).toEqual({
      softDeletedDays: 11,
      anonymousDiagnosticDays: 45,
      accountDeletionGraceDays: 14,
      outboxDays: 9,
      jobHistoryDays: 21,
      serverErrorDays: 17,
      sessionDays: 3,
      backups: { daily: 5, weekly: 2, monthly: 6 },
    });
  });
});

describe('outside services on /privacy', () => {
  it('names none when none is configured, and no operator detail that was not given', () => {
    const facts = createLegalService(loadConfig({}), FIXED).facts();
    expect(facts.processors).toEqual([]);
    expect(facts.operator).toEqual({
      name: null,
      contactEmail: null,
      postalAddress: null,
      governingLaw: null,
    });
  });

  it('names each configured one by host (never its credentials), and which text the AI provider receives', () => {
    const facts = createLegalService(
      loadConfig({
        AI_BASE_URL: 'https://api.provider.example/v1',
        AI_MODEL: 'gpt-4o-mini',
        AI_API_KEY: 'sk-secret-key',
        AI_EMBEDDING_MODEL: 'text-embedding-3-small',
        SMTP_URL: 'smtps://mailer:hunter2-password@smtp.mail.example:465',
        SENTRY_DSN: 'https://publickey@o1.ingest.errors.example/42',
        OPERATOR_NAME: 'Example Brands Ltd',
        CONTACT_EMAIL: 'Help@Example.com',
      }),
      FIXED,
    ).facts();
    expect(facts.processors.map((processor) => [processor.kind, processor.name])).toEqual([
      ['ai', 'api.provider.example'],
      ['email', 'smtp.mail.example'],
      ['error-tracking', 'o1.ingest.errors.example'],
    ]);
    const serialised = JSON.stringify(facts);
    for (const secret of ['hunter2-password', 'mailer:', 'sk-secret-key', 'publickey']) {
      expect(serialised).not.toContain(secret);
    }
    const ai = facts.processors[0];
    expect(ai?.purpose).toContain('gpt-4o-mini');
    // One line per AI feature, plus search by meaning since an embedding model is set.
    expect(ai?.receives).toHaveLength(AI_TASKS.length + 1);
    expect(ai?.receives[0]).toBe(
      'Coach chat: your message and the conversation so far, with your latest diagnostic, the brand’s saved workspace, the brand memory and passages of your documents and workspace that match the request.',
    );
    expect(ai?.receives.at(-1)).toContain('text-embedding-3-small');
    expect(facts.operator).toEqual({
      name: 'Example Brands Ltd',
      contactEmail: 'help@example.com',
      postalAddress: null,
      governingLaw: null,
    });
  });

  it('uses the provider name the operator gave', () => {
    const config = loadConfig({
      AI_BASE_URL: 'http://10.0.0.5:11434/v1',
      AI_MODEL: 'gpt-4o-mini',
      AI_PROVIDER_NAME: 'Our own model server',
    });
    expect(createLegalService(config, FIXED).facts().processors[0]?.name).toBe('Our own model server');
  });
});

describe('describeDuration', () => {
  it('uses the largest whole unit', () => {
    expect(describeDuration(7 * 24 * 60 * 60)).toBe('7 days');
    expect(describeDuration(24 * 60 * 60)).toBe('1 day');
    expect(describeDuration(12 * 60 * 60)).toBe('12 hours');
    expect(describeDuration(90)).toBe('2 minutes');
  });
});

describe('describeStoredData', () => {
  it('still lists a table nobody described, plainly, and keeps the written order', () => {
    const tables = schemaTables().filter((table) => ['users', 'sessions'].includes(table.name));
    const undescribed: TableInfo = {
      name: 'new_things',
      columns: ['id', 'note'],
      hasUserId: false,
      hasDeletedAt: false,
      parents: [],
    };
    const descriptions: Record<string, TableDescription> = Object.fromEntries(
      Object.entries(TABLE_DESCRIPTIONS).filter(([name]) => name === 'users' || name === 'sessions'),
    );
    const stored = describeStoredData(
      [undescribed, ...tables],
      descriptions,
      retentionFacts(loadConfig({}), FIXED),
    );
    expect(stored.map((entry) => entry.table)).toEqual(['users', 'sessions', 'new_things']);
    expect(stored[2]?.what).toBe('Rows of the new_things table, which this page does not describe in words.');
  });
});
