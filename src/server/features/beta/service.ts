/**
 * The beta programme (ADR 0053): joining with consent (recorded like an email consent: the words'
 * version and text, when and where), leaving at any time (recorded; the account is not touched), the
 * journey derived from the tester's real work, the short feedback per step, and the admin's cohort,
 * funnel and CSV export (the export is audited: it hands personal data to whoever downloads it).
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { AdminBeta, BetaStatus, StepFeedbackBody } from '../../../core/beta/contracts.ts';
import {
  BETA_STEP_INFO,
  type BetaStep,
  betaFunnel,
  CURRENT_BETA_CONSENT,
  type StepRating,
} from '../../../core/beta/journey.ts';
import { CSV_BOM, csvLine } from '../../../core/text/csv-export.ts';
import type { Database } from '../../db/client.ts';
import { betaMemberships, betaStepFeedback, users } from '../../db/schema.ts';
import type { AuditLog } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { JourneyReader } from './journey.ts';

/** How many written step comments the admin page shows. */
const ADMIN_COMMENTS_SHOWN = 50;

export interface BetaServiceDeps {
  database: Database;
  journey: JourneyReader;
  audit: AuditLog;
  clock: Clock;
}

export function createBetaService({ database, journey, audit, clock }: BetaServiceDeps) {
  const { db } = database;

  async function liveMembership(userId: string) {
    const [row] = await db
      .select()
      .from(betaMemberships)
      .where(and(eq(betaMemberships.userId, userId), isNull(betaMemberships.leftAt)))
      .limit(1);
    return row;
  }

  async function status(userId: string): Promise<BetaStatus> {
    const membership = await liveMembership(userId);
    if (!membership) return { membership: null, journey: [] };
    const [completed, feedbackRows] = await Promise.all([
      journey.completedSteps([userId]),
      db.select().from(betaStepFeedback).where(eq(betaStepFeedback.userId, userId)),
    ]);
    const done = new Set(completed.get(userId) ?? []);
    const feedback = new Map(feedbackRows.map((row) => [row.step, row]));
    return {
      membership: {
        joinedAt: membership.joinedAt.toISOString(),
        consentText: membership.consentText,
        textVersion: membership.textVersion,
      },
      journey: journey.steps().map((step) => {
        const answer = feedback.get(step);
        return {
          step,
          done: done.has(step),
          feedback: answer
            ? { rating: answer.rating, comment: answer.comment, updatedAt: answer.updatedAt.toISOString() }
            : null,
        };
      }),
    };
  }

  /** Every membership, newest first, with the steps of those still in the programme. */
  async function cohort() {
    const rows = await db
      .select({
        membershipId: betaMemberships.id,
        userId: betaMemberships.userId,
        name: users.name,
        email: users.email,
        joinedAt: betaMemberships.joinedAt,
        leftAt: betaMemberships.leftAt,
      })
      .from(betaMemberships)
      .innerJoin(users, eq(users.id, betaMemberships.userId))
      .orderBy(desc(betaMemberships.joinedAt), desc(betaMemberships.id));
    const activeIds = rows.filter((row) => row.leftAt === null).map((row) => row.userId);
    const completed = await journey.completedSteps(activeIds);
    return rows.map((row) => ({
      ...row,
      // A tester who left is listed, but what they did is no longer looked at.
      completed: row.leftAt === null ? (completed.get(row.userId) ?? []) : [],
    }));
  }

  return {
    status,

    /**
     * Joins the programme in the words the page shows now. A page showing older words is told to
     * reload rather than recording agreement to words it never showed; joining twice changes nothing.
     */
    async join(userId: string, textVersion: string): Promise<BetaStatus> {
      if (textVersion !== CURRENT_BETA_CONSENT.version) {
        throw new AppError(
          409,
          'CONFLICT',
          'The beta programme’s terms have changed since this page was loaded. Reload the page to read them.',
        );
      }
      await db
        .insert(betaMemberships)
        .values({
          userId,
          textVersion: CURRENT_BETA_CONSENT.version,
          consentText: CURRENT_BETA_CONSENT.text,
          joinedAt: clock.now(),
          joinedVia: 'beta-page',
        })
        .onConflictDoNothing();
      return status(userId);
    },

    /** Leaves the programme: the membership is kept with the time of leaving; nothing else changes. */
    async leave(userId: string): Promise<BetaStatus> {
      await db
        .update(betaMemberships)
        .set({ leftAt: clock.now(), leftVia: 'beta-page' })
        .where(and(eq(betaMemberships.userId, userId), isNull(betaMemberships.leftAt)));
      return status(userId);
    },

    /** The tester's answer to a step's short prompt; a second answer replaces the first. */
    async saveStepFeedback(userId: string, step: BetaStep, body: StepFeedbackBody): Promise<BetaStatus> {
      if (!(await liveMembership(userId))) {
        throw new AppError(409, 'CONFLICT', 'Join the beta programme to give feedback on its steps.');
      }
      if (!journey.steps().includes(step)) {
        throw new AppError(404, 'NOT_FOUND', 'That step is not part of the journey.');
      }
      const rating = body.rating;
      const comment = (body.comment ?? '').trim();
      await db
        .insert(betaStepFeedback)
        .values({ userId, step, rating, comment })
        .onConflictDoUpdate({
          target: [betaStepFeedback.userId, betaStepFeedback.step],
          set: { rating, comment, updatedAt: clock.now() },
        });
      return status(userId);
    },

    /** The admin page: the cohort, the funnel over current testers, and recent step comments. */
    async adminOverview(): Promise<AdminBeta> {
      const members = await cohort();
      const active = members.filter((member) => member.leftAt === null);
      const activeIds = active.map((member) => member.userId);
      const steps = journey.steps();
      const feedbackRows =
        activeIds.length === 0
          ? []
          : await db
              .select({
                id: betaStepFeedback.id,
                step: betaStepFeedback.step,
                rating: betaStepFeedback.rating,
                comment: betaStepFeedback.comment,
                email: users.email,
                updatedAt: betaStepFeedback.updatedAt,
              })
              .from(betaStepFeedback)
              .innerJoin(users, eq(users.id, betaStepFeedback.userId))
              .where(inArray(betaStepFeedback.userId, activeIds))
              .orderBy(desc(betaStepFeedback.updatedAt), desc(betaStepFeedback.id));
      const ratingsOf = (step: BetaStep) => {
        const counts: Record<StepRating, number> = { easy: 0, okay: 0, hard: 0 };
        for (const row of feedbackRows) if (row.step === step) counts[row.rating] += 1;
        return counts;
      };
      return {
        activeCount: active.length,
        leftCount: members.length - active.length,
        funnel: betaFunnel(active, steps).map((stage) => ({ ...stage, ratings: ratingsOf(stage.step) })),
        cohort: members.map((member) => ({
          ...member,
          joinedAt: member.joinedAt.toISOString(),
          leftAt: member.leftAt?.toISOString() ?? null,
        })),
        comments: feedbackRows
          .filter((row) => row.comment !== '')
          .slice(0, ADMIN_COMMENTS_SHOWN)
          .map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() })),
      };
    },

    /**
     * The cohort as CSV, one row per membership with a yes/no column per step. Recorded in the audit
     * log before it is handed over, since the file carries names and addresses.
     */
    async exportCsv(actorId: string): Promise<{ fileName: string; text: string }> {
      const members = await cohort();
      const steps = journey.steps();
      await audit.record({
        actorId,
        action: 'beta.export-csv',
        targetType: 'beta-cohort',
        targetId: 'all',
        after: { rows: members.length },
      });
      let text = CSV_BOM;
      text += csvLine([
        'Name',
        'Email',
        'Joined at (UTC)',
        'Left at (UTC)',
        'Steps completed',
        ...steps.map((step) => BETA_STEP_INFO[step].label),
      ]);
      for (const member of members) {
        const done = new Set(member.completed);
        text += csvLine([
          member.name,
          member.email,
          member.joinedAt.toISOString(),
          member.leftAt?.toISOString() ?? '',
          member.leftAt === null ? member.completed.length : '',
          ...steps.map((step) => (member.leftAt !== null ? '' : done.has(step) ? 'yes' : 'no')),
        ]);
      }
      return { fileName: `beta-cohort-${clock.now().toISOString().slice(0, 10)}.csv`, text };
    },
  };
}

export type BetaService = ReturnType<typeof createBetaService>;
