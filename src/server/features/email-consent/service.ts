/**
 * Consent to marketing email and the tips it allows (ADR 0047): recording a consent (from the
 * diagnostic's report form or Settings), the tips sequence the job queue sends, and withdrawing
 * consent through the signed unsubscribe link, the one-click POST or Settings. Transactional mail
 * (verification, reset, security notices) never passes through here.
 */
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Dimension } from '../../../core/diagnostic/questionnaire.ts';
import {
  type ConsentPurpose,
  type ConsentSource,
  CURRENT_CONSENT_TEXTS,
  type WithdrawalChannel,
} from '../../../core/email-consent/consent-texts.ts';
import type { EmailPreferences, UnsubscribeResponse } from '../../../core/email-consent/contracts.ts';
import { TIPS_PER_SEQUENCE, tipSendTimes, weakestDimension } from '../../../core/email-consent/tips.ts';
import type { AppConfig } from '../../config.ts';
import type { Database, Db } from '../../db/client.ts';
import { diagnosticResults, emailConsents, users } from '../../db/schema.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { Mailer } from '../../platform/mailer.ts';
import { tipMessage } from './emails.ts';
import type { UnsubscribeTokens } from './tokens.ts';

export const TIP_JOB = 'email.tip';
const TIPS: ConsentPurpose = 'product-tips';

type ConsentRow = typeof emailConsents.$inferSelect;

export interface EmailConsentServiceDeps {
  database: Database;
  jobs: JobQueue;
  mailer: Mailer;
  clock: Clock;
  tokens: UnsubscribeTokens;
  config: Pick<AppConfig, 'publicUrl' | 'emailTips'>;
}

export function createEmailConsentService({
  database,
  jobs,
  mailer,
  clock,
  tokens,
  config,
}: EmailConsentServiceDeps) {
  const { db } = database;

  /**
   * Records a consent in the words its form shows now and queues its tips, in one transaction. An
   * address that already has a live consent for the purpose keeps that one (and its sequence), so a
   * second report request never starts a second series; returns whether a new consent was recorded.
   */
  async function grant(input: {
    email: string;
    source: ConsentSource;
    dimension: Dimension;
    userId?: string;
    leadId?: string;
  }): Promise<boolean> {
    const wording = CURRENT_CONSENT_TEXTS[input.source];
    const consentedAt = clock.now();
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(emailConsents)
        .values({
          email: input.email.toLowerCase(),
          purpose: wording.purpose,
          userId: input.userId ?? null,
          leadId: input.leadId ?? null,
          source: input.source,
          textVersion: wording.version,
          consentText: wording.text,
          consentedAt,
          tipsDimension: input.dimension,
        })
        .onConflictDoNothing()
        .returning({ id: emailConsents.id });
      if (!row) return false;
      const sendTimes = tipSendTimes(consentedAt, config.emailTips.offsetsMs);
      for (const [index, runAfter] of sendTimes.entries()) {
        const step = index + 1;
        await jobs.enqueueIn(
          tx,
          TIP_JOB,
          { consentId: row.id, step },
          { runKey: `${row.id}:${step}`, runAfter },
        );
      }
      return true;
    });
  }

  /** The address's live consent for a purpose, if any. */
  async function liveConsent(email: string, purpose: ConsentPurpose): Promise<ConsentRow | undefined> {
    const [row] = await db
      .select()
      .from(emailConsents)
      .where(
        and(
          eq(emailConsents.email, email.toLowerCase()),
          eq(emailConsents.purpose, purpose),
          isNull(emailConsents.withdrawnAt),
        ),
      )
      .limit(1);
    return row;
  }

  /** Withdraws every live consent of the address for the purpose; returns how many there were. */
  async function withdraw(
    tx: Db,
    email: string,
    purpose: ConsentPurpose,
    via: WithdrawalChannel,
  ): Promise<number> {
    const withdrawn = await tx
      .update(emailConsents)
      .set({ withdrawnAt: clock.now(), withdrawnVia: via })
      .where(
        and(
          eq(emailConsents.email, email.toLowerCase()),
          eq(emailConsents.purpose, purpose),
          isNull(emailConsents.withdrawnAt),
        ),
      )
      .returning({ id: emailConsents.id });
    return withdrawn.length;
  }

  async function accountExists(email: string): Promise<boolean> {
    const [row] = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
      .limit(1);
    return row !== undefined;
  }

  /** The weakest dimension of the user's newest diagnostic result; Insight (IDEA's first) without one. */
  async function weakestOfUser(userId: string): Promise<Dimension> {
    const [latest] = await db
      .select()
      .from(diagnosticResults)
      .where(and(eq(diagnosticResults.userId, userId), isNull(diagnosticResults.deletedAt)))
      .orderBy(desc(diagnosticResults.createdAt))
      .limit(1);
    if (!latest) return 'insight';
    return weakestDimension({
      insight: latest.insightScore,
      distinctive: latest.distinctiveScore,
      empathetic: latest.empatheticScore,
      authentic: latest.authenticScore,
    });
  }

  /** The user's email preferences: whether their address has a live tips consent, and which. */
  async function preferences(user: { id: string; email: string }): Promise<EmailPreferences> {
    const live = await liveConsent(user.email, TIPS);
    return {
      productTips: {
        subscribed: live !== undefined,
        consent: live
          ? { source: live.source, consentedAt: live.consentedAt.toISOString(), text: live.consentText }
          : null,
      },
    };
  }

  /**
   * Sends step `step` of a consent's tips, if it is still due: the consent is live, this step has not
   * gone out (nor a later one), and — for a lead — no account has been made with the address since
   * (the product itself takes over then). Checked when the job runs, not when it was queued.
   */
  async function sendTip(consentId: string, step: number): Promise<void> {
    const [consent] = await db.select().from(emailConsents).where(eq(emailConsents.id, consentId)).limit(1);
    if (!consent || consent.withdrawnAt || consent.tipsSent >= step) return;
    if (consent.source === 'diagnostic-lead' && (await accountExists(consent.email))) return;
    // Claim the step first, so a retried or duplicated run never sends it twice.
    const [claimed] = await db
      .update(emailConsents)
      .set({ tipsSent: step })
      .where(
        and(
          eq(emailConsents.id, consentId),
          isNull(emailConsents.withdrawnAt),
          lt(emailConsents.tipsSent, step),
        ),
      )
      .returning({ id: emailConsents.id });
    if (!claimed) return;
    let greetingName = 'there';
    if (consent.userId) {
      const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, consent.userId));
      if (user) greetingName = user.name;
    }
    const message = tipMessage({
      to: consent.email,
      greetingName,
      dimension: consent.tipsDimension,
      step,
      audience: consent.source === 'diagnostic-lead' ? 'lead' : 'member',
      publicUrl: config.publicUrl,
      token: tokens.sign(consent.id),
    });
    try {
      await mailer.send(message);
    } catch (error) {
      // Neither sent nor queued for retry: give the step back so the job's retry sends it.
      await db
        .update(emailConsents)
        .set({ tipsSent: step - 1 })
        .where(and(eq(emailConsents.id, consentId), eq(emailConsents.tipsSent, step)));
      throw error;
    }
  }

  return {
    /**
     * The account's address changed (verified by a link sent to the new one): every consent record of
     * the old address moves to the new one, so tips follow the person, never the abandoned mailbox,
     * and withdrawing from the new address finds them. Where the new address already holds a live
     * consent for the same purpose, that one stays live and the old one moves as withdrawn (through
     * Settings, where the change was made): one live consent per address and purpose.
     */
    async moveToAddress(change: { oldEmail: string; newEmail: string }): Promise<number> {
      const oldEmail = change.oldEmail.toLowerCase();
      const newEmail = change.newEmail.toLowerCase();
      if (oldEmail === newEmail) return 0;
      return db.transaction(async (tx) => {
        const alreadyLive = await tx
          .select({ purpose: emailConsents.purpose })
          .from(emailConsents)
          .where(and(eq(emailConsents.email, newEmail), isNull(emailConsents.withdrawnAt)));
        for (const { purpose } of alreadyLive) await withdraw(tx, oldEmail, purpose, 'settings');
        const moved = await tx
          .update(emailConsents)
          .set({ email: newEmail })
          .where(eq(emailConsents.email, oldEmail))
          .returning({ id: emailConsents.id });
        return moved.length;
      });
    },

    /**
     * A lead ticked the consent box on the diagnostic's email form: record it with that form's
     * words, for tips about the result's weakest dimension.
     */
    recordLeadConsent(input: {
      email: string;
      leadId: string;
      scores: Record<Dimension, number>;
    }): Promise<boolean> {
      return grant({
        email: input.email,
        source: 'diagnostic-lead',
        dimension: weakestDimension(input.scores),
        leadId: input.leadId,
      });
    },

    /**
     * Withdraws consent through a signed unsubscribe link: from the unsubscribe page or a mail
     * provider's one-click POST, no session needed. A forged or altered token is a 400 and changes
     * nothing; a genuine one used again answers `alreadyUnsubscribed`. Every live consent of the
     * token's address for its purpose ends, so no older link leaves a newer series running.
     */
    async unsubscribe(token: string, via: WithdrawalChannel): Promise<UnsubscribeResponse> {
      const consentId = tokens.verify(token);
      if (!consentId) {
        throw new AppError(400, 'VALIDATION_FAILED', 'This unsubscribe link is not valid.');
      }
      const [consent] = await db
        .select({ email: emailConsents.email, purpose: emailConsents.purpose })
        .from(emailConsents)
        .where(eq(emailConsents.id, consentId))
        .limit(1);
      // Signed by us but gone (its account was deleted): there is nothing left to send to it.
      if (!consent) return { purpose: TIPS, alreadyUnsubscribed: true };
      const withdrawn = await db.transaction((tx) => withdraw(tx, consent.email, consent.purpose, via));
      return { purpose: consent.purpose, alreadyUnsubscribed: withdrawn === 0 };
    },

    preferences,

    /**
     * Settings → Email preferences. On records a consent in the Settings words (where: `settings`)
     * and starts a series about the user's weakest dimension; off withdraws the live consent.
     * Repeating either changes nothing.
     */
    async setProductTips(
      user: { id: string; email: string },
      subscribed: boolean,
    ): Promise<EmailPreferences> {
      if (subscribed) {
        if (!(await liveConsent(user.email, TIPS))) {
          await grant({
            email: user.email,
            source: 'settings',
            dimension: await weakestOfUser(user.id),
            userId: user.id,
          });
        }
      } else {
        await db.transaction((tx) => withdraw(tx, user.email, TIPS, 'settings'));
      }
      return preferences(user);
    },

    sendTip,
  };
}

export type EmailConsentService = ReturnType<typeof createEmailConsentService>;

/** The tips job: one run per step of each consent's series, due at the step's time. */
export function registerTipJob(jobs: JobQueue, service: Pick<EmailConsentService, 'sendTip'>): void {
  jobs.register<{ consentId: string; step: number }>({
    name: TIP_JOB,
    maxAttempts: 5,
    handler: async (payload) => {
      if (!Number.isInteger(payload.step) || payload.step < 1 || payload.step > TIPS_PER_SEQUENCE) {
        throw new Error(`tip step out of range: ${payload.step}`);
      }
      await service.sendTip(payload.consentId, payload.step);
    },
  });
}
