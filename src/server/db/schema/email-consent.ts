/**
 * Consent to marketing email, one record per consent given (ADR 0047): who agreed (the address, and
 * the account when given in Settings), to what purpose, in which words (text version and the text
 * itself), when and where, and when and how it was withdrawn. Withdrawing keeps the record; agreeing
 * again makes a new one. The tips sequence the consent allows is tracked on the record.
 */
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Dimension } from '../../../core/diagnostic/questionnaire.ts';
import type {
  ConsentPurpose,
  ConsentSource,
  WithdrawalChannel,
} from '../../../core/email-consent/consent-texts.ts';
import { timestamps } from '../columns.ts';
import { users } from './auth.ts';
import { leads } from './diagnostic.ts';

export const emailConsents = pgTable(
  'email_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Lower-cased. */
    email: text('email').notNull(),
    purpose: text('purpose').$type<ConsentPurpose>().notNull(),
    /** Set when the consent was given signed in (Settings); the account's deletion removes it. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The report request it came with, for a consent given on the diagnostic's email form. */
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'set null' }),
    source: text('source').$type<ConsentSource>().notNull(),
    textVersion: text('text_version').notNull(),
    consentText: text('consent_text').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    /** The dimension the tips are about: the weakest one when consent was given. */
    tipsDimension: text('tips_dimension').$type<Dimension>().notNull(),
    /** How many tips of the sequence have gone out. */
    tipsSent: integer('tips_sent').notNull().default(0),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnVia: text('withdrawn_via').$type<WithdrawalChannel>(),
    ...timestamps,
  },
  (table) => [
    index('email_consents_email_purpose_idx').on(table.email, table.purpose),
    index('email_consents_user_id_idx').on(table.userId),
    index('email_consents_lead_id_idx').on(table.leadId),
    // At most one live consent per address and purpose, so one address never gets two sequences.
    uniqueIndex('email_consents_one_live_per_purpose')
      .on(table.email, table.purpose)
      .where(sql`${table.withdrawnAt} is null`),
  ],
);
