/**
 * Taking the diagnostic, reading results (owner only), history, claiming anonymous results into an
 * account, the PDF report, and emailing it to a consenting lead.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import {
  type DiagnosticResult,
  LEAD_CONSENT_TEXT,
  type SubmitDiagnosticBody,
} from '../../../core/diagnostic/contracts.ts';
import { QUESTIONNAIRES } from '../../../core/diagnostic/questionnaire.ts';
import {
  BAND_LABELS,
  bandFor,
  type DiagnosticScores,
  scoreAnswers,
  scoresFrom,
} from '../../../core/diagnostic/scoring.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import type { AppConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { diagnosticResults, leads } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { type Mailer, renderActionEmail } from '../../platform/mailer.ts';
import type { Throttle } from '../../platform/throttle.ts';
import type { ProofOfWork } from './altcha.ts';
import { DIAGNOSTIC_REPORT_FILE_NAME, renderDiagnosticReport } from './report-pdf.ts';

/** Who is asking: a signed-in user, and/or the browser's anonymous token (raw, from its cookie). */
export interface Requester {
  userId: string | null;
  anonymousToken: string | null;
  ip: string;
}

type ResultRow = typeof diagnosticResults.$inferSelect;

const HOUR = 60 * 60;
const DAY = 24 * HOUR;

export function newAnonymousToken(): string {
  return randomBytes(32).toString('base64url');
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function scoresOf(row: ResultRow): DiagnosticScores {
  return scoresFrom(row.overallScore, {
    insight: row.insightScore,
    distinctive: row.distinctiveScore,
    empathetic: row.empatheticScore,
    authentic: row.authenticScore,
  });
}

function toDto(row: ResultRow): DiagnosticResult {
  const scores = scoresOf(row);
  return {
    id: row.id,
    questionnaireVersion: row.questionnaireVersion,
    answers: row.answers,
    scores: {
      overall: scores.overall,
      overallBand: scores.overallBand,
      dimensions: Object.fromEntries(
        Object.entries(scores.dimensions).map(([name, entry]) => [
          name,
          { score: entry.score, band: entry.band },
        ]),
      ) as DiagnosticResult['scores']['dimensions'],
    },
    saved: row.userId !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface DiagnosticServiceDeps {
  database: Database;
  throttle: Throttle;
  mailer: Mailer;
  proofOfWork: ProofOfWork;
  config: AppConfig;
}

export function createDiagnosticService({
  database,
  throttle,
  mailer,
  proofOfWork,
  config,
}: DiagnosticServiceDeps) {
  const { db } = database;
  const limits = config.diagnostic;

  async function findOwned(id: string, requester: Requester): Promise<ResultRow> {
    const [row] = await db
      .select()
      .from(diagnosticResults)
      .where(and(eq(diagnosticResults.id, id), isNull(diagnosticResults.deletedAt)))
      .limit(1);
    const ownsByAccount = row?.userId !== null && row?.userId === requester.userId;
    const ownsByBrowser =
      row?.userId === null &&
      requester.anonymousToken !== null &&
      row.anonymousTokenHash === hashToken(requester.anonymousToken);
    // Someone else's result and a result that does not exist look the same.
    if (!row || !(ownsByAccount || ownsByBrowser)) {
      throw new AppError(404, 'NOT_FOUND', 'No diagnostic result with this id belongs to you.');
    }
    return row;
  }

  return {
    /**
     * Scores and stores a submission. Signed-in takes go to the account; anonymous ones are keyed by
     * the browser's token, which the caller must set as a cookie when `issuedToken` is returned.
     */
    async submit(
      body: { questionnaireVersion: number; answers: Record<string, number> } & SubmitDiagnosticBody,
      requester: Requester,
    ): Promise<{ result: DiagnosticResult; issuedToken: string | null }> {
      if (!requester.userId) {
        await throttle.enforce(
          { name: 'diagnostic:submit:ip', max: limits.submitMaxPerIp, windowSeconds: HOUR },
          requester.ip,
          'You have taken the diagnostic many times in the last hour. Please try again later.',
        );
      }
      const questionnaire = QUESTIONNAIRES[body.questionnaireVersion];
      if (!questionnaire) throw new AppError(400, 'VALIDATION_FAILED', 'Unknown questionnaire version.');
      const scores = scoreAnswers(questionnaire, body.answers);
      const issuedToken = requester.userId || requester.anonymousToken ? null : newAnonymousToken();
      const anonymousToken = requester.anonymousToken ?? issuedToken;
      const [row] = await db
        .insert(diagnosticResults)
        .values({
          userId: requester.userId,
          anonymousTokenHash: requester.userId || !anonymousToken ? null : hashToken(anonymousToken),
          questionnaireVersion: questionnaire.version,
          answers: body.answers,
          overallScore: scores.overall,
          insightScore: scores.dimensions.insight.score,
          distinctiveScore: scores.dimensions.distinctive.score,
          empatheticScore: scores.dimensions.empathetic.score,
          authenticScore: scores.dimensions.authentic.score,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      return { result: toDto(row), issuedToken };
    },

    async get(id: string, requester: Requester): Promise<DiagnosticResult> {
      return toDto(await findOwned(id, requester));
    },

    /** The user's newest result, or null: one row, for the dashboard and the coach's context. */
    async latest(userId: string): Promise<DiagnosticResult | null> {
      const [row] = await db
        .select()
        .from(diagnosticResults)
        .where(and(eq(diagnosticResults.userId, userId), isNull(diagnosticResults.deletedAt)))
        .orderBy(desc(diagnosticResults.createdAt))
        .limit(1);
      return row ? toDto(row) : null;
    },

    async history(userId: string): Promise<DiagnosticResult[]> {
      const rows = await db
        .select()
        .from(diagnosticResults)
        .where(and(eq(diagnosticResults.userId, userId), isNull(diagnosticResults.deletedAt)))
        .orderBy(desc(diagnosticResults.createdAt))
        .limit(200);
      return rows.map(toDto);
    },

    /**
     * Moves this browser's anonymous results into the account. Matching is by the browser's own
     * token, never by email; repeating it changes nothing, so there are never duplicates.
     */
    async claim(userId: string, anonymousToken: string): Promise<number> {
      const claimed = await db
        .update(diagnosticResults)
        .set({ userId, anonymousTokenHash: null, claimedAt: new Date() })
        .where(
          and(
            eq(diagnosticResults.anonymousTokenHash, hashToken(anonymousToken)),
            isNull(diagnosticResults.userId),
            isNull(diagnosticResults.deletedAt),
          ),
        )
        .returning({ id: diagnosticResults.id });
      return claimed.length;
    },

    async reportPdf(id: string, requester: Requester): Promise<Buffer> {
      const row = await findOwned(id, requester);
      return renderDiagnosticReport({
        scores: scoresOf(row),
        questionnaireVersion: row.questionnaireVersion,
        takenAt: row.createdAt,
      });
    },

    createChallenge: () => proofOfWork.createChallenge(),

    /**
     * Emails the report to a consenting address. Only the address comes from the request: the email
     * is our template and the PDF, nothing else. A repeat for the same result within a day is
     * acknowledged without sending again.
     */
    async captureLead(
      id: string,
      input: { email: string; consent: true; altcha: string; website?: string | undefined },
      requester: Requester,
    ): Promise<{ sent: boolean }> {
      const row = await findOwned(id, requester);
      // Bots fill the hidden field; they get the same answer as people and nothing happens.
      if (input.website && input.website.trim() !== '') return { sent: false };
      await throttle.enforce(
        { name: 'lead:ip', max: limits.leadMaxPerIp, windowSeconds: HOUR },
        requester.ip,
      );
      if (!(await proofOfWork.verifyAndSpend(input.altcha))) {
        throw new AppError(
          400,
          'CAPTCHA_FAILED',
          'The verification did not pass or was already used. Please verify again.',
        );
      }
      const [recent] = await db
        .select({ id: leads.id })
        .from(leads)
        .where(
          and(
            eq(leads.email, input.email),
            eq(leads.sourceResultId, row.id),
            gte(leads.reportSentAt, sql`now() - interval '1 day'`),
          ),
        )
        .limit(1);
      if (recent) return { sent: false };
      await throttle.enforce(
        { name: 'lead:email', max: limits.leadMaxPerEmail, windowSeconds: DAY },
        input.email,
        'We have already sent several reports to this address today. Please try again tomorrow.',
      );
      const [lead] = await db
        .insert(leads)
        .values({
          email: input.email,
          consentText: LEAD_CONSENT_TEXT,
          consentedAt: new Date(),
          sourceResultId: row.id,
        })
        .returning({ id: leads.id });
      const pdf = await renderDiagnosticReport({
        scores: scoresOf(row),
        questionnaireVersion: row.questionnaireVersion,
        takenAt: row.createdAt,
      });
      const signUpUrl = new URL(PAGE_PATHS.signUp, config.publicUrl).toString();
      await mailer.send({
        ...renderActionEmail({
          to: input.email,
          subject: 'Your IDEA Brand Diagnostic report',
          greetingName: 'there',
          intro: `Your brand diagnostic report is attached. Your overall score is ${row.overallScore} out of 100 (${BAND_LABELS[bandFor(row.overallScore)]}), with a breakdown and next steps for each of the four IDEA dimensions.`,
          actionLabel: 'Save your results and track your progress',
          actionUrl: signUpUrl,
          outro: 'You receive this email because you asked for your report on IDEA Brand Coach.',
        }),
        attachments: [
          { filename: DIAGNOSTIC_REPORT_FILE_NAME, content: pdf, contentType: 'application/pdf' },
        ],
      });
      if (lead) await db.update(leads).set({ reportSentAt: new Date() }).where(eq(leads.id, lead.id));
      return { sent: true };
    },
  };
}

export type DiagnosticService = ReturnType<typeof createDiagnosticService>;
