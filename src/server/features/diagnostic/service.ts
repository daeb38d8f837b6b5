/**
 * Taking the diagnostic, reading results (owner only), each brand's history, claiming anonymous
 * results into an account's brand, the PDF report, and emailing it to a consenting lead.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, getTableColumns, gte, isNull, sql } from 'drizzle-orm';
import {
  type DiagnosticResult,
  LEAD_CONSENT_TEXT,
  type SubmitDiagnosticBody,
} from '../../../core/diagnostic/contracts.ts';
import { type Dimension, QUESTIONNAIRES } from '../../../core/diagnostic/questionnaire.ts';
import {
  BAND_LABELS,
  bandFor,
  type DiagnosticScores,
  scoreAnswers,
  scoresFrom,
} from '../../../core/diagnostic/scoring.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import type { AppConfig } from '../../config.ts';
import { compiledStatement, type Database, placeholder, tableRows } from '../../db/client.ts';
import { brands as brandsTable, diagnosticResults, leads } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { type KnowledgeIndex, passageReplacement } from '../../platform/knowledge/index.ts';
import { diagnosticKnowledgeSource, diagnosticResultSections } from '../../platform/knowledge/sources.ts';
import { type Mailer, renderActionEmail } from '../../platform/mailer.ts';
import type { ProofOfWork } from '../../platform/proof-of-work.ts';
import type { Throttle } from '../../platform/throttle.ts';
import type { WorkspaceStore } from '../../platform/workspace-store.ts';
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
    brandId: row.brandId,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface DiagnosticServiceDeps {
  database: Database;
  throttle: Throttle;
  mailer: Mailer;
  proofOfWork: ProofOfWork;
  config: AppConfig;
  /** The user's brands: every owned result belongs to one of them. */
  brands: Pick<WorkspaceStore, 'requireBrand' | 'listBrands'>;
  /** Owned results are indexed as brand knowledge, in the transaction that makes them owned. */
  knowledge: Pick<KnowledgeIndex, 'replaceSource' | 'passageRows' | 'passagesAdded'>;
  /** Records the tips consent a lead gives with the report (the email-consent feature, ADR 0047). */
  leadConsent: {
    recordLeadConsent(input: {
      email: string;
      leadId: string;
      scores: Record<Dimension, number>;
    }): Promise<boolean>;
  };
}

/**
 * A signed-in result, its brand and its passages in one statement (ADR 0054, 0055): the brand is the
 * one named if it is the user's and live, else the user's first live brand; no such brand, no row.
 */
const insertOwned = compiledStatement(() => {
  const columns = getTableColumns(diagnosticResults);
  const stored = sql.join(
    Object.values(columns).map((column) => sql.identifier(column.name)),
    sql`, `,
  );
  const inserted = sql`exists (select 1 from inserted)`;
  return sql`
    with target as (
      select ${brandsTable.id} from ${brandsTable}
      where ${brandsTable.userId} = ${placeholder('userId')}::uuid and ${brandsTable.deletedAt} is null
        and (${placeholder('brandId')}::uuid is null or ${brandsTable.id} = ${placeholder('brandId')}::uuid)
      order by ${brandsTable.createdAt}, ${brandsTable.id}
      limit 1),
    inserted as (
      insert into ${diagnosticResults} (id, user_id, brand_id, questionnaire_version, answers,
        overall_score, insight_score, distinctive_score, empathetic_score, authentic_score, created_at)
      select ${placeholder('id')}::uuid, ${placeholder('userId')}::uuid, target.id, ${placeholder('questionnaireVersion')}::int,
        ${placeholder('answers')}::jsonb, ${placeholder('overallScore')}::int, ${placeholder('insightScore')}::int,
        ${placeholder('distinctiveScore')}::int, ${placeholder('empatheticScore')}::int, ${placeholder('authenticScore')}::int,
        ${placeholder('createdAt')}::timestamptz
      from target
      returning ${stored}),
    ${passageReplacement({
      userId: placeholder('userId'),
      brandId: sql`(select brand_id from inserted)`,
      sourceType: sql`'diagnostic'`,
      sourceId: placeholder('id'),
      rows: placeholder('passages'),
      guard: inserted,
    })}
    select ${stored} from inserted`;
});

export function createDiagnosticService({
  database,
  throttle,
  mailer,
  proofOfWork,
  config,
  brands,
  knowledge,
  leadConsent,
}: DiagnosticServiceDeps) {
  const { db } = database;
  const limits = config.diagnostic;

  /** The user's first live brand: the one the web app shows when none is chosen. */
  async function firstBrandId(userId: string): Promise<string> {
    const [first] = await brands.listBrands(userId);
    if (!first) throw new Error('listBrands returned no brand');
    return first.id;
  }

  const ownedByBrand = (userId: string, brandId: string) =>
    and(
      eq(diagnosticResults.userId, userId),
      eq(diagnosticResults.brandId, brandId),
      isNull(diagnosticResults.deletedAt),
    );

  // Read by every dashboard and every coach answer: prepared once (named statement, SQL built once).
  const latestOfBrand = db
    .select()
    .from(diagnosticResults)
    .where(
      and(
        eq(diagnosticResults.userId, sql.placeholder('userId')),
        eq(diagnosticResults.brandId, sql.placeholder('brandId')),
        isNull(diagnosticResults.deletedAt),
      ),
    )
    .orderBy(desc(diagnosticResults.createdAt), desc(diagnosticResults.id))
    .limit(1)
    .prepare('diagnostic_latest_of_brand');

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
     * Scores and stores a submission. Signed-in takes go to the named brand of the account (its first
     * brand when none is named; another user's brand is a 404); anonymous ones are keyed by the
     * browser's token, which the caller must set as a cookie when `issuedToken` is returned, and get
     * their brand when claimed. A `brandId` sent without a session is ignored: the result stays the
     * browser's until sign-in claims it into the brand active then.
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
      const values = {
        id: randomUUID(),
        userId: requester.userId,
        brandId: null,
        anonymousTokenHash: requester.userId || !anonymousToken ? null : hashToken(anonymousToken),
        questionnaireVersion: questionnaire.version,
        answers: body.answers,
        overallScore: scores.overall,
        insightScore: scores.dimensions.insight.score,
        distinctiveScore: scores.dimensions.distinctive.score,
        empatheticScore: scores.dimensions.empathetic.score,
        authenticScore: scores.dimensions.authentic.score,
        createdAt: new Date(),
      };
      // An owned result is brand knowledge from the moment it exists; an anonymous one only once
      // claimed.
      if (requester.userId) {
        const userId = requester.userId;
        const passages = knowledge.passageRows(diagnosticResultSections(values));
        // Twice at most: a miss without a named brand is an account from before brands, which gets
        // its default brand and then the write.
        for (let attempt = 0; attempt < 2; attempt += 1) {
          const [row] = tableRows(
            diagnosticResults,
            await insertOwned(database, {
              ...values,
              userId,
              answers: JSON.stringify(values.answers),
              createdAt: values.createdAt.toISOString(),
              brandId: body.brandId ?? null,
              passages: passages.rows,
            }),
          );
          if (row) {
            if (passages.count > 0) knowledge.passagesAdded();
            return { result: toDto(row), issuedToken };
          }
          // Not the user's or deleted: the same 404 as every other foreign brand id.
          if (body.brandId !== undefined) await brands.requireBrand(userId, body.brandId);
          else await firstBrandId(userId);
        }
        throw new Error('the diagnostic result was not stored');
      }
      const [row] = await db.insert(diagnosticResults).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return { result: toDto(row), issuedToken };
    },

    /** A stored result row as the API shows it (for a read made elsewhere, such as the coach's). */
    fromRow: (row: ResultRow): DiagnosticResult => toDto(row),

    async get(id: string, requester: Requester): Promise<DiagnosticResult> {
      return toDto(await findOwned(id, requester));
    },

    /**
     * A brand's newest result, or null: one row, for the dashboard and the coach's context. The
     * caller has checked the brand is the user's (the dashboard and the AI engine both do).
     */
    async latest(userId: string, brandId: string): Promise<DiagnosticResult | null> {
      const [row] = await latestOfBrand.execute({ userId, brandId });
      return row ? toDto(row) : null;
    },

    /** One brand's results, newest first; another user's or a deleted brand is a 404. */
    async history(userId: string, brandId: string): Promise<DiagnosticResult[]> {
      await brands.requireBrand(userId, brandId);
      const rows = await db
        .select()
        .from(diagnosticResults)
        .where(ownedByBrand(userId, brandId))
        .orderBy(desc(diagnosticResults.createdAt), desc(diagnosticResults.id))
        .limit(200);
      return rows.map(toDto);
    },

    /**
     * Moves this browser's anonymous results into the account, into the brand that is active in the
     * browser (`preferredBrandId`, when it is one of the user's live brands) or else the user's first
     * brand — at sign-up, the new default one. Matching is by the browser's own token, never by
     * email; repeating it changes nothing, so there are never duplicates.
     */
    async claim(userId: string, anonymousToken: string, preferredBrandId: string | null): Promise<number> {
      let brandId: string | null = null;
      if (preferredBrandId) {
        // A brand id remembered by this browser may be another account's or deleted: fall back.
        brandId = await brands.requireBrand(userId, preferredBrandId).then(
          (brand) => brand.id,
          (error: unknown) => {
            if (error instanceof AppError && error.statusCode === 404) return null;
            throw error;
          },
        );
      }
      const targetBrandId = brandId ?? (await firstBrandId(userId));
      return db.transaction(async (tx) => {
        const claimed = await tx
          .update(diagnosticResults)
          .set({ userId, brandId: targetBrandId, anonymousTokenHash: null, claimedAt: new Date() })
          .where(
            and(
              eq(diagnosticResults.anonymousTokenHash, hashToken(anonymousToken)),
              isNull(diagnosticResults.userId),
              isNull(diagnosticResults.deletedAt),
            ),
          )
          .returning();
        // Now owned: the brand's search and the coach can find what these results answered.
        for (const row of claimed) {
          const source = diagnosticKnowledgeSource(row);
          if (source) await knowledge.replaceSource(tx, source);
        }
        return claimed.length;
      });
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
      if (lead) {
        await db.update(leads).set({ reportSentAt: new Date() }).where(eq(leads.id, lead.id));
        // The consent covers the report and the tips that follow it; the tips start now.
        await leadConsent.recordLeadConsent({
          email: input.email,
          leadId: lead.id,
          scores: {
            insight: row.insightScore,
            distinctive: row.distinctiveScore,
            empathetic: row.empatheticScore,
            authentic: row.authenticScore,
          },
        });
      }
      return { sent: true };
    },
  };
}

export type DiagnosticService = ReturnType<typeof createDiagnosticService>;
