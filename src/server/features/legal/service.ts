/**
 * The facts behind /privacy, /terms and /contact (`GET /api/legal`), computed once from what this
 * installation actually is: the schema's tables and their retention (data-lifecycle discovery plus
 * the retention settings), the outside services it is configured to use, and the operator details it
 * was given. Nothing here is a claim the code does not make true (ADR 0046).
 */
import type { AiTask } from '../../../core/ai/contracts.ts';
import type { LegalFacts, Processor, StoredData } from '../../../core/legal/contracts.ts';
import { EMBEDDING_CACHE_UNUSED_DAYS } from '../../ai/embeddings.ts';
import { type ContextSourceName, TASKS } from '../../ai/tasks.ts';
import type { AppConfig } from '../../config.ts';
import { ownedTables, schemaTables, type TableInfo } from '../../platform/data-lifecycle/tables.ts';
import {
  isImpersonal,
  type RetentionFacts,
  TABLE_DESCRIPTIONS,
  type TableDescription,
} from './stored-data.ts';

const DAY_SECONDS = 24 * 60 * 60;

/** "7 days", "1 day", "12 hours": a lifetime given in seconds, in the largest whole unit. */
export function describeDuration(seconds: number): string {
  const [amount, unit] =
    seconds % DAY_SECONDS === 0
      ? [seconds / DAY_SECONDS, 'day']
      : seconds % 3600 === 0
        ? [seconds / 3600, 'hour']
        : [Math.ceil(seconds / 60), 'minute'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/** Retention periods fixed in other features' code rather than configured (wired in by app.ts). */
export interface FixedRetention {
  /** The admin System page's recorded errors (features/system). */
  serverErrorDays: number;
}

export function retentionFacts(config: AppConfig, fixed: FixedRetention): RetentionFacts {
  return {
    softDeletedDays: config.retention.softDeletedDays,
    anonymousDiagnosticDays: config.retention.anonymousDiagnosticDays,
    accountDeletionGraceDays: config.retention.accountDeletionGraceDays,
    outboxDays: config.retention.outboxDays,
    jobHistoryDays: config.retention.jobHistoryDays,
    serverErrorDays: fixed.serverErrorDays,
    sessionDays: Math.ceil(config.auth.sessionTtlSeconds / DAY_SECONDS),
    unusedEmbeddingDays: EMBEDDING_CACHE_UNUSED_DAYS,
    answerCacheLifetime: describeDuration(config.ai.cacheTtlSeconds),
  };
}

/**
 * One entry per table holding anything about a person. The `kept` sentence joins the table's own
 * rule with what its shape implies: rows with `deleted_at` are purged a set time after deletion, rows
 * owned by an account (directly or through a parent) go when the account is purged.
 */
export function describeStoredData(
  tables: readonly TableInfo[],
  descriptions: Readonly<Record<string, TableDescription>>,
  facts: RetentionFacts,
): StoredData[] {
  const owned = new Map(ownedTables(tables).map((entry) => [entry.table.name, entry]));
  const stored: StoredData[] = [];
  for (const table of tables) {
    // A table nobody described yet is still listed, plainly (stored-data.test.ts fails until it is).
    const description: TableDescription = descriptions[table.name] ?? {
      group: 'service',
      what: `Rows of the ${table.name} table, which this page does not describe in words.`,
    };
    if (isImpersonal(description)) continue;
    const ownership = owned.get(table.name);
    const parent = ownership && !ownership.direct ? parentOf(table, owned) : null;
    const kept = [
      description.rule?.(facts),
      table.hasDeletedAt
        ? `Once deleted, it is kept ${facts.softDeletedDays} more days, so a mistake can be undone, then purged.`
        : null,
      parent ? `Deleted with the ${parent} entry it belongs to.` : null,
      ownership && table.name !== 'account_deletions'
        ? `Purged with the account it belongs to, ${facts.accountDeletionGraceDays} days after the account is deleted.`
        : null,
    ].filter((sentence): sentence is string => Boolean(sentence));
    stored.push({
      table: table.name,
      group: description.group,
      what: description.what,
      kept: kept.join(' '),
    });
  }
  // In the order the descriptions are written (the account first), not the schema's file order.
  const order = Object.keys(descriptions);
  const rank = (table: string) => (order.includes(table) ? order.indexOf(table) : order.length);
  return stored.sort((a, b) => rank(a.table) - rank(b.table));
}

function parentOf(table: TableInfo, owned: ReadonlyMap<string, unknown>): string | null {
  const link = table.parents.find((parent) => parent.cascades && owned.has(parent.parentTable));
  return link ? link.parentTable : null;
}

/** What each AI feature sends of its own (the saved data it reads is added from the task registry). */
const TASK_REQUESTS: Record<AiTask, string> = {
  chat: 'Coach chat: your message and the conversation so far',
  'insight-guidance':
    'Insight guidance: the dimension and field you ask about, and what you have written so far',
  'canvas-suggestion':
    'Canvas suggestions: the canvas field, its current text, and the brand name and audience you entered',
  'contextual-help': 'Help on a page: the page, the field and your question',
  'buyer-intent':
    'Buyer-intent research: your search terms, industry, and your and your competitors’ brand names',
  'review-analysis': 'Review analysis: the reviews you analyse',
  'avatar-voice': 'Avatar voice of the customer: the avatar and its reviews',
  'value-lens-copy':
    'Value Lens copy: your brief (product, features, audience) and your brand and avatar details',
  'diagnostic-reading': 'Diagnostic reading: your diagnostic scores',
};

const SOURCE_WORDS: Record<ContextSourceName, string> = {
  diagnostic: 'your latest diagnostic',
  workspace: 'the brand’s saved workspace',
  memory: 'the brand memory',
  knowledge: 'passages of your documents and workspace that match the request',
};

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function aiTaskDisclosures(): string[] {
  return (Object.keys(TASK_REQUESTS) as AiTask[]).map((task) => {
    const sources = TASKS[task].sources.map((source) => SOURCE_WORDS[source]);
    return sources.length > 0
      ? `${TASK_REQUESTS[task]}, with ${listInWords(sources)}.`
      : `${TASK_REQUESTS[task]}; nothing else you saved.`;
  });
}

/** The host a URL points at, without credentials, port or path (an SMTP URL carries a password). */
function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

export function configuredProcessors(config: AppConfig): Processor[] {
  const processors: Processor[] = [];
  const { provider, providerName, embedding } = config.ai;
  if (provider && providerName) {
    processors.push({
      kind: 'ai',
      name: providerName,
      purpose: `Writes the coach’s answers with the model ${provider.model}. Without it, a built-in offline coach answers and no text leaves the server.`,
      receives: [
        ...aiTaskDisclosures(),
        ...(embedding
          ? [
              `Search by meaning (model ${embedding.model}): passages of your documents and workspace, and the questions they are searched with.`,
            ]
          : []),
      ],
    });
  }
  const smtpHost = config.mail.smtpUrl ? hostOf(config.mail.smtpUrl) : null;
  if (smtpHost) {
    processors.push({
      kind: 'email',
      name: smtpHost,
      purpose: 'Delivers the emails the app sends.',
      receives: [
        'The recipient’s email address and the message: address confirmations, password resets, account notices, reports you ask to have emailed, survey digests and, for administrators, spending alerts.',
      ],
    });
  }
  const errorHosts = [
    config.observability.sentry ? hostOf(config.observability.sentry.dsn) : null,
    config.observability.browserReportingOrigin ? hostOf(config.observability.browserReportingOrigin) : null,
  ].filter((host): host is string => Boolean(host));
  if (errorHosts.length > 0) {
    processors.push({
      kind: 'error-tracking',
      name: [...new Set(errorHosts)].join(', '),
      purpose: 'Collects reports of unexpected errors so they can be fixed.',
      receives: [
        'The error, where in the code it happened, the request’s id and route, and your account id when you are signed in — never your email address, IP address, cookies or anything you wrote.',
      ],
    });
  }
  return processors;
}

export function createLegalService(config: AppConfig, fixed: FixedRetention) {
  const facts = retentionFacts(config, fixed);
  // Everything below is fixed for the life of the process, so it is worked out once.
  const legal: LegalFacts = {
    operator: { ...config.operator },
    retention: {
      softDeletedDays: facts.softDeletedDays,
      anonymousDiagnosticDays: facts.anonymousDiagnosticDays,
      accountDeletionGraceDays: facts.accountDeletionGraceDays,
      outboxDays: facts.outboxDays,
      jobHistoryDays: facts.jobHistoryDays,
      serverErrorDays: facts.serverErrorDays,
      sessionDays: facts.sessionDays,
      backups: { ...config.backup.keep },
    },
    stored: describeStoredData(schemaTables(), TABLE_DESCRIPTIONS, facts),
    processors: configuredProcessors(config),
    limits: {
      aiRequestsPerDay: config.ai.dailyQuota,
      documentUploadsPerDay: config.documents.uploadsPerDay,
      documentsMegabytesPerBrand: Math.floor(config.documents.brandLimitBytes / (1024 * 1024)),
    },
  };
  return { facts: (): LegalFacts => legal };
}

export type LegalService = ReturnType<typeof createLegalService>;
