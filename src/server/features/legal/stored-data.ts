/**
 * What each database table holds, in words, for the /privacy page. Only the words are written by
 * hand: which tables exist, which belong to an account, which are soft-deleted and what is purged
 * when come from the schema and the retention settings (see `describeStoredData`). Every table must
 * appear here — `stored-data.test.ts` fails for a new table nobody described — and a table holding
 * anything about a person (an account link, an email or IP address) can never be marked impersonal.
 */
import type { StoredDataGroup } from '../../../core/legal/contracts.ts';
import { AUDIT_LOG_RETENTION_DAYS } from '../../platform/audit-log.ts';

/** This installation's retention numbers, as the `kept` sentences state them. */
export interface RetentionFacts {
  softDeletedDays: number;
  anonymousDiagnosticDays: number;
  accountDeletionGraceDays: number;
  outboxDays: number;
  jobHistoryDays: number;
  serverErrorDays: number;
  sessionDays: number;
  unusedEmbeddingDays: number;
  /** How long a cached AI answer lasts, in words ("7 days"). */
  answerCacheLifetime: string;
}

export interface PersonalTable {
  group: StoredDataGroup;
  what: string;
  /**
   * The table's own rule, when it has one besides what the schema implies (purged with the account
   * when it has `user_id`; deleted rows purged after the soft-delete period when it has `deleted_at`).
   */
  rule?: (facts: RetentionFacts) => string;
}

/** A table that holds nothing about anyone, with the reason it is left off the page. */
export interface ImpersonalTable {
  impersonal: string;
}

export type TableDescription = PersonalTable | ImpersonalTable;

export function isImpersonal(description: TableDescription): description is ImpersonalTable {
  return 'impersonal' in description;
}

const untilDeleted = 'Kept until you delete it.';

export const TABLE_DESCRIPTIONS: Record<string, TableDescription> = {
  // The account.
  users: {
    group: 'account',
    what: 'Your account: name, email address, whether the address is confirmed, and your role.',
    rule: (facts) =>
      `Kept while you have an account. When you delete it, the account is locked at once, and it and everything it owns are purged ${facts.accountDeletionGraceDays} days later.`,
  },
  accounts: {
    group: 'account',
    what: 'Your sign-in method: your password, stored only as a one-way hash.',
  },
  sessions: {
    group: 'account',
    what: 'Your signed-in devices: a session token, the IP address and browser it signed in from, and when it was last used.',
    rule: (facts) =>
      `Deleted when you sign out or revoke it in Settings; an unused session expires after ${facts.sessionDays} days and is deleted the next day.`,
  },
  verifications: {
    group: 'account',
    what: 'The one-time codes behind the links we email you (confirm your address, reset your password).',
    rule: () => 'Deleted within a day of the link expiring.',
  },
  account_deletions: {
    group: 'account',
    what: 'That you asked to delete your account, and when the purge is due.',
    rule: (facts) =>
      `Kept for the ${facts.accountDeletionGraceDays}-day grace period, then purged with the account.`,
  },
  survey_digest_opt_outs: {
    group: 'account',
    what: 'That you turned off the daily email about new survey answers.',
    rule: () => 'Kept until you turn the email back on.',
  },
  beta_memberships: {
    group: 'account',
    what: 'That you joined the beta programme: the words you agreed to and their version, when and where you joined, and when you left.',
    rule: () =>
      'Kept as the record of your agreement, also after you leave the programme; purged with your account.',
  },
  beta_step_feedback: {
    group: 'account',
    what: 'Your answers to the beta journey’s short question under each step: how it went, and what you wrote.',
  },
  ai_daily_usage: {
    group: 'account',
    what: 'How many AI requests you made each day, for the daily quota.',
  },
  ai_spend: {
    group: 'account',
    what: 'What your AI requests cost each month, for the spending caps (and one total for everyone).',
  },
  // What account holders write and make.
  brands: { group: 'brand-work', what: 'Your brands and their names.', rule: () => untilDeleted },
  workspace_items: {
    group: 'brand-work',
    what: 'What you write in the workspace: worksheets, avatars and the reviews you add to them, the brand canvas.',
    rule: () => untilDeleted,
  },
  workspace_item_revisions: {
    group: 'brand-work',
    what: 'Earlier versions of each workspace item, so you can see and restore what changed.',
  },
  insight_snapshots: {
    group: 'brand-work',
    what: 'Copies of your Insight worksheet taken when you submit the module (for its PDF and email).',
    rule: () => untilDeleted,
  },
  brand_memories: {
    group: 'brand-work',
    what: 'Facts about your brand that you confirmed for the coach to remember.',
    rule: () => untilDeleted,
  },
  chat_sessions: {
    group: 'brand-work',
    what: 'Your coach conversations and their titles.',
    rule: () => untilDeleted,
  },
  chat_messages: {
    group: 'brand-work',
    what: 'Every message in a coach conversation: yours and the coach’s answers, with their sources.',
  },
  chat_proposals: {
    group: 'brand-work',
    what: 'Edits the coach proposed to your work, and whether you accepted them.',
  },
  documents: {
    group: 'brand-work',
    what: 'The documents you upload: name, format, size and processing status.',
    rule: () => untilDeleted,
  },
  document_files: {
    group: 'brand-work',
    what: 'Each uploaded file as you uploaded it, and the text read from it.',
  },
  knowledge_chunks: {
    group: 'brand-work',
    what: 'The search index over your documents and workspace: passages of their text.',
    rule: () => 'Rebuilt whenever its source changes, and removed when the source is deleted.',
  },
  value_lens_generations: {
    group: 'brand-work',
    what: 'Each Value Lens brief you wrote and the copy written for it.',
    rule: () => untilDeleted,
  },
  research_intent_runs: {
    group: 'brand-work',
    what: 'Your buyer-intent research: the search terms you pasted or uploaded and how each was classified.',
    rule: () => untilDeleted,
  },
  research_brand_names: {
    group: 'brand-work',
    what: 'Your brand names and your competitors’, used to recognise searches for a brand.',
  },
  review_runs: {
    group: 'brand-work',
    what: 'Your review analyses: the reviews you pasted or uploaded and what was found in them.',
    rule: () => untilDeleted,
  },
  surveys: {
    group: 'brand-work',
    what: 'The surveys you build: questions, settings and their public link.',
    rule: () => untilDeleted,
  },
  diagnostic_results: {
    group: 'visitors',
    what: 'Diagnostic answers and scores. Taken without an account, a result is tied only to a random token in that browser’s cookie; signing in moves it to the account.',
    rule: (facts) =>
      `A result never moved to an account is deleted ${facts.anonymousDiagnosticDays} days after it was taken.`,
  },
  // From people without an account.
  leads: {
    group: 'visitors',
    what: 'Email addresses of people who asked for their diagnostic report by email, with the consent they gave and when.',
    rule: () => 'Not deleted automatically: ask the operator (see the contact page) to remove your address.',
  },
  survey_responses: {
    group: 'visitors',
    what: 'Answers to a survey’s public link. No account, name or IP address is kept with an answer: only a one-way hash of a random token in the answering browser, so each browser answers once.',
  },
  email_consents: {
    group: 'visitors',
    what: 'Consent to receive tips by email: the address, the words agreed to, when and where, how many tips were sent, and when and how the consent was withdrawn.',
    rule: () =>
      'Kept as the record of the consent, also after it is withdrawn (withdrawing stops the emails at once).',
  },
  feedback: {
    group: 'visitors',
    what: 'Feedback sent with the feedback button: its kind, the message, the page it was sent from and the app version, with your account when you were signed in, or the email address you gave for an answer when not. No IP address is kept with it.',
    rule: () =>
      'Feedback from an account is deleted with the account; anonymous feedback is not deleted automatically (ask the operator, see the contact page).',
  },
  feedback_replies: {
    group: 'visitors',
    what: 'The answers an administrator emailed to a feedback message, and the address each went to.',
    rule: () => 'Deleted with the feedback it answers.',
  },
  ai_ratings: {
    group: 'account',
    what: 'Your thumbs up or down on coach answers and AI results, with the reason you gave and which AI task, prompt version and provider produced the answer.',
  },
  // Running the service.
  rate_limits: {
    group: 'service',
    what: 'Short-lived counters that limit how often an IP address, email address or account can do costly or sensitive things (sign-in attempts, PDFs, uploads, new brands), and how many requests an account or IP address sends per minute.',
    rule: () => 'Deleted once the counter’s time window has passed.',
  },
  outbox_emails: {
    group: 'service',
    what: 'When no mail server is configured, the emails the app would have sent (recipient and content), kept for the operator to read instead.',
    rule: (facts) => `Deleted after ${facts.outboxDays} days.`,
  },
  jobs: {
    group: 'service',
    what: 'Background work, such as an email waiting to be sent (with its recipient and content) or an account purge.',
    rule: (facts) => `Finished work is deleted ${facts.jobHistoryDays} days after it finished.`,
  },
  ai_calls: {
    group: 'service',
    what: 'A record of each AI request: which account and feature, the model, token counts, cost and timing — not the text.',
  },
  ai_cache: {
    group: 'service',
    what: 'AI answers kept to answer the same request again without a new call (never for chat), filed under a hash of the request.',
    rule: (facts) => `Each answer is deleted ${facts.answerCacheLifetime} after it was stored.`,
  },
  ai_embeddings: {
    group: 'service',
    what: 'Number vectors of passages of text, used for search by meaning, filed under a hash of the text.',
    rule: (facts) => `Deleted after ${facts.unusedEmbeddingDays} days without use.`,
  },
  ai_prompts: {
    group: 'service',
    what: 'Versions of the instructions the AI is given, with which administrator wrote each.',
    rule: () =>
      'Kept as the prompt history; when an administrator’s account is purged, the link to them is removed.',
  },
  server_errors: {
    group: 'service',
    what: 'Unexpected server failures: the request’s id, method and route, and a message with email addresses removed.',
    rule: (facts) => `Deleted after ${facts.serverErrorDays} days.`,
  },
  admin_audit_log: {
    group: 'service',
    what: 'What administrators did in the admin console: which administrator, the action, the account or record it was about (by id), and the state before and after — which can include an email address a reply was sent to.',
    rule: () => `Never changed; deleted after ${AUDIT_LOG_RETENTION_DAYS} days.`,
  },
  sign_in_blocks: {
    group: 'account',
    what: 'That an administrator disabled sign-in to your account, and when.',
    rule: () => 'Deleted when sign-in is enabled again.',
  },
  spent_challenges: {
    impersonal: 'the proof-of-work puzzles already solved, so each solution works once',
  },
  database_identity: { impersonal: 'one random id naming this database in its backups' },
  backup_runs: { impersonal: 'when each backup ran, its file name, size and outcome' },
  ai_spend_alerts: { impersonal: 'the monthly spending alerts already sent to administrators' },
};
