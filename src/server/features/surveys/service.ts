/**
 * Surveys: the owner's builder (a brand's surveys, their questions in order, publish and close), the
 * public link anyone answers without an account, and the results and CSV export.
 *
 * - Ownership: a survey belongs to a live brand of its owner; anyone else's survey id, or one under
 *   another brand's path, is a 404 like one that does not exist.
 * - Questions change only while the survey is a draft: answers are stored against them, so once it
 *   is published the title, introduction, close date and cap may change but the questions may not.
 * - Answering: one answer per browser (a random token in an HttpOnly cookie; only its hash with the
 *   survey id is stored), a solved proof of work, per-IP limits on the database throttle, and the
 *   close date and cap checked again in the transaction that stores the answer, so concurrent
 *   answers can never pass the cap. Nothing is stored unless every check passed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, notExists, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { checkAnswers, type StoredAnswers } from '../../../core/surveys/answers.ts';
import type {
  createSurveyBodySchema,
  PublicSurvey,
  SubmitSurveyResponseBody,
  Survey,
  SurveyQuestion,
  SurveyResults,
  updateSurveyBodySchema,
} from '../../../core/surveys/contracts.ts';
import {
  SURVEY_CLOSED_MESSAGES,
  SURVEY_LIMITS,
  type SurveyClosedReason,
  surveyClosedReason,
} from '../../../core/surveys/limits.ts';
import { surveyTemplate } from '../../../core/surveys/templates.ts';
import { CSV_BOM, csvLine } from '../../../core/text/csv-export.ts';
import type { AppConfig } from '../../config.ts';
import type { Database, Db } from '../../db/client.ts';
import {
  accountDeletions,
  brands,
  knowledgeChunks,
  surveyDigestOptOuts,
  surveyResponses,
  surveys,
} from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ExportDocumentSource } from '../../platform/data-lifecycle/registry.ts';
import { AppError } from '../../platform/errors.ts';
import type { KnowledgeIndex } from '../../platform/knowledge/index.ts';
import { surveyAnswerKnowledgeSource } from '../../platform/knowledge/sources.ts';
import { fileSlug } from '../../platform/pdf.ts';
import type { ProofOfWork } from '../../platform/proof-of-work.ts';
import type { Throttle } from '../../platform/throttle.ts';
import type { WorkspaceStore } from '../../platform/workspace-store.ts';

type SurveyRow = typeof surveys.$inferSelect;

const HOUR = 60 * 60;
const DAY = 24 * HOUR;
/** Responses read at a time for results and exports, so neither holds every answer at once. */
const BATCH = 500;
const PG_UNIQUE_VIOLATION = '23505';
/** The hard ceiling on answers, written into the SQL as a literal (it is a constant, never input). */
const RESPONSES_MAX = sql.raw(String(SURVEY_LIMITS.responsesMax));

const notFound = () => new AppError(404, 'NOT_FOUND', 'No survey with this id belongs to you.');
const noPublicSurvey = () =>
  new AppError(404, 'NOT_FOUND', 'This survey link does not exist or is no longer available.');
const alreadyAnswered = () =>
  new AppError(409, 'CONFLICT', 'You have already answered this survey from this browser. Thank you!');

function isUniqueViolation(error: unknown): boolean {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: unknown }).code === PG_UNIQUE_VIOLATION) return true;
  }
  return false;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** 16 characters of base32 from 80 random bits (matches SURVEY_SLUG_PATTERN). */
export function newSurveySlug(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let slug = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      slug += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return slug;
}

/** A browser's respondent token: 32 random bytes, base64url (43 characters). */
export function newRespondentToken(): string {
  return randomBytes(32).toString('base64url');
}

function respondentHash(surveyId: string, token: string): string {
  return createHash('sha256').update(`${surveyId}:${token}`).digest('hex');
}

function toSurvey(row: SurveyRow): Survey {
  return {
    id: row.id,
    brandId: row.brandId,
    title: row.title,
    intro: row.intro,
    questions: row.questions,
    status: row.status,
    slug: row.slug,
    closesAt: row.closesAt?.toISOString() ?? null,
    responseCap: row.responseCap,
    responseCount: row.responseCount,
    version: row.version,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function closedReasonOf(row: SurveyRow, now: Date): SurveyClosedReason | null {
  return surveyClosedReason(
    {
      status: row.status,
      closesAt: row.closesAt?.toISOString() ?? null,
      responseCap: row.responseCap,
      responseCount: row.responseCount,
    },
    now,
  );
}

/** JSON with every object's keys sorted: jsonb hands stored objects back in its own key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function sameQuestions(a: readonly SurveyQuestion[], b: readonly SurveyQuestion[]): boolean {
  return canonical(a) === canonical(b);
}

/** What an answer looks like in the export: option texts joined, numbers as numbers. */
function exportValue(value: StoredAnswers[string] | undefined): string | number | null {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.join('; ');
  return value;
}

/** `<title>-responses-<date>.csv`, ASCII only, so every browser saves it as named. */
function exportFileName(title: string, now: Date): string {
  return `${fileSlug(title, 'survey')}-responses-${now.toISOString().slice(0, 10)}.csv`;
}

export interface Respondent {
  ip: string;
  /** The browser's respondent token from its cookie, when it has one. */
  token: string | null;
}

export interface SurveyServiceDeps {
  database: Database;
  brands: Pick<WorkspaceStore, 'requireBrand'>;
  throttle: Throttle;
  proofOfWork: ProofOfWork;
  clock: Clock;
  config: Pick<AppConfig, 'surveys'>;
  /** Text answers become brand knowledge passages, in the transaction that stores them. */
  knowledge: Pick<KnowledgeIndex, 'replaceSource'>;
}

export function createSurveyService(deps: SurveyServiceDeps) {
  const { db } = deps.database;
  const { clock, throttle, proofOfWork } = deps;
  const limits = deps.config.surveys;

  /** The survey if the user owns it, it sits under `brandId` and neither it nor its brand is deleted. */
  async function ownedRow(tx: Db, userId: string, brandId: string, surveyId: string): Promise<SurveyRow> {
    const [row] = await tx
      .select({ survey: surveys })
      .from(surveys)
      .innerJoin(brands, and(eq(brands.id, surveys.brandId), isNull(brands.deletedAt)))
      .where(
        and(
          eq(surveys.id, surveyId),
          eq(surveys.userId, userId),
          eq(surveys.brandId, brandId),
          isNull(surveys.deletedAt),
        ),
      );
    if (!row) throw notFound();
    return row.survey;
  }

  /**
   * A survey its link can show: published or closed, not deleted, its brand not deleted, and its
   * owner's account not pending deletion (such an account is unusable at once, its links included).
   */
  async function publicRow(slug: string): Promise<{ survey: SurveyRow; brandName: string }> {
    const [row] = await db
      .select({ survey: surveys, brandName: brands.name })
      .from(surveys)
      .innerJoin(brands, and(eq(brands.id, surveys.brandId), isNull(brands.deletedAt)))
      .where(
        and(
          eq(surveys.slug, slug),
          isNull(surveys.deletedAt),
          sql`${surveys.status} <> 'draft'`,
          notExists(
            db
              .select({ one: sql`1` })
              .from(accountDeletions)
              .where(eq(accountDeletions.userId, surveys.userId)),
          ),
        ),
      );
    if (!row) throw noPublicSurvey();
    return row;
  }

  async function hasAnswered(surveyId: string, token: string | null): Promise<boolean> {
    if (!token) return false;
    const [found] = await db
      .select({ id: surveyResponses.id })
      .from(surveyResponses)
      .where(
        and(
          eq(surveyResponses.surveyId, surveyId),
          eq(surveyResponses.respondentHash, respondentHash(surveyId, token)),
        ),
      );
    return Boolean(found);
  }

  function requireFutureCloseDate(closesAt: Date | null): void {
    if (closesAt && closesAt.getTime() <= clock.now().getTime()) {
      throw new AppError(400, 'VALIDATION_FAILED', 'The close date must be in the future.', {
        details: [{ path: 'body.closesAt', message: 'Choose a date and time in the future' }],
      });
    }
  }

  /**
   * Responses of a survey, newest first, a batch at a time. The cursor keeps the database's own text
   * of `created_at`: a JavaScript Date holds milliseconds, the column microseconds, and a rounded
   * cursor would skip or repeat answers stored within the same millisecond.
   */
  async function* responsesOf(surveyId: string) {
    let cursor: { at: string; id: string } | null = null as { at: string; id: string } | null;
    for (;;) {
      const rows = await db
        .select({
          id: surveyResponses.id,
          answers: surveyResponses.answers,
          createdAt: surveyResponses.createdAt,
          at: sql<string>`${surveyResponses.createdAt}::text`,
        })
        .from(surveyResponses)
        .where(
          and(
            eq(surveyResponses.surveyId, surveyId),
            cursor
              ? sql`(${surveyResponses.createdAt}, ${surveyResponses.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
              : undefined,
          ),
        )
        .orderBy(desc(surveyResponses.createdAt), desc(surveyResponses.id))
        .limit(BATCH);
      yield* rows;
      const last = rows.at(-1);
      if (rows.length < BATCH || !last) return;
      cursor = { at: last.at, id: last.id };
    }
  }

  /** A survey's answers as CSV lines: a byte order mark and the header, then a line per answer. */
  async function* csvLinesOf(survey: SurveyRow) {
    yield CSV_BOM + csvLine(['Submitted at (UTC)', ...survey.questions.map((question) => question.prompt)]);
    for await (const response of responsesOf(survey.id)) {
      yield csvLine([
        response.createdAt.toISOString().replace('T', ' ').slice(0, 19),
        ...survey.questions.map((question) => exportValue(response.answers[question.id])),
      ]);
    }
  }

  return {
    async list(userId: string, brandId: string): Promise<Survey[]> {
      await deps.brands.requireBrand(userId, brandId);
      const rows = await db
        .select()
        .from(surveys)
        .where(and(eq(surveys.userId, userId), eq(surveys.brandId, brandId), isNull(surveys.deletedAt)))
        .orderBy(desc(surveys.createdAt), asc(surveys.id));
      return rows.map(toSurvey);
    },

    async create(
      userId: string,
      brandId: string,
      body: z.output<typeof createSurveyBodySchema>,
    ): Promise<Survey> {
      const brand = await deps.brands.requireBrand(userId, brandId);
      const template = body.template ? surveyTemplate(body.template, brand.name) : null;
      const title = body.title || template?.title;
      if (!title) {
        throw new AppError(400, 'VALIDATION_FAILED', 'Give the survey a title, or start from a template.', {
          details: [{ path: 'body.title', message: 'Write the title' }],
        });
      }
      const closesAt = body.closesAt ? new Date(body.closesAt) : null;
      requireFutureCloseDate(closesAt);
      return db.transaction(async (tx) => {
        // Two creates for one brand at once queue here, so the per-brand limit cannot be raced past.
        await tx.select({ id: brands.id }).from(brands).where(eq(brands.id, brandId)).for('update');
        const [counted] = await tx
          .select({ count: sql<number>`count(*)::int` })
          .from(surveys)
          .where(and(eq(surveys.brandId, brandId), isNull(surveys.deletedAt)));
        if ((counted?.count ?? 0) >= SURVEY_LIMITS.surveysPerBrand) {
          throw new AppError(
            409,
            'CONFLICT',
            `A brand holds up to ${SURVEY_LIMITS.surveysPerBrand} surveys. Delete old ones before creating another.`,
          );
        }
        const [row] = await tx
          .insert(surveys)
          .values({
            userId,
            brandId,
            title,
            intro: body.intro ?? template?.intro ?? '',
            questions: body.questions ?? template?.questions ?? [],
            slug: newSurveySlug(),
            closesAt,
            responseCap: body.responseCap ?? null,
          })
          .returning();
        if (!row) throw new Error('survey insert returned no row');
        return toSurvey(row);
      });
    },

    async get(userId: string, brandId: string, surveyId: string): Promise<Survey> {
      return toSurvey(await ownedRow(db, userId, brandId, surveyId));
    },

    async update(
      userId: string,
      brandId: string,
      surveyId: string,
      body: z.output<typeof updateSurveyBodySchema>,
    ): Promise<Survey> {
      return db.transaction(async (tx) => {
        const current = await ownedRow(tx, userId, brandId, surveyId);
        if (current.version !== body.baseVersion) {
          throw new AppError(
            409,
            'CONFLICT',
            'This survey was changed elsewhere since you opened it. Reload it to see the latest version.',
            { current: toSurvey(current) },
          );
        }
        if (
          body.questions &&
          current.status !== 'draft' &&
          !sameQuestions(body.questions, current.questions)
        ) {
          throw new AppError(
            409,
            'CONFLICT',
            'Questions cannot change once a survey is published, because its answers were given to them. Create a new survey to ask something different.',
          );
        }
        const closesAt =
          body.closesAt === undefined ? undefined : body.closesAt ? new Date(body.closesAt) : null;
        if (closesAt && closesAt.getTime() !== current.closesAt?.getTime()) requireFutureCloseDate(closesAt);
        const [row] = await tx
          .update(surveys)
          .set({
            ...(body.title !== undefined ? { title: body.title } : {}),
            ...(body.intro !== undefined ? { intro: body.intro } : {}),
            ...(body.questions !== undefined && current.status === 'draft'
              ? { questions: body.questions }
              : {}),
            ...(closesAt !== undefined ? { closesAt } : {}),
            ...(body.responseCap !== undefined ? { responseCap: body.responseCap } : {}),
            version: sql`${surveys.version} + 1`,
          })
          .where(and(eq(surveys.id, surveyId), eq(surveys.version, body.baseVersion)))
          .returning();
        if (!row) throw new Error('survey update matched no row inside its transaction');
        return toSurvey(row);
      });
    },

    /** Soft delete; its answers stop being brand knowledge at once (search and the coach). */
    async remove(userId: string, brandId: string, surveyId: string): Promise<void> {
      await ownedRow(db, userId, brandId, surveyId);
      await db.transaction(async (tx) => {
        await tx
          .update(surveys)
          .set({ deletedAt: clock.now() })
          .where(and(eq(surveys.id, surveyId), isNull(surveys.deletedAt)));
        await tx
          .delete(knowledgeChunks)
          .where(
            and(
              eq(knowledgeChunks.sourceType, 'survey'),
              inArray(
                knowledgeChunks.sourceId,
                tx
                  .select({ id: surveyResponses.id })
                  .from(surveyResponses)
                  .where(eq(surveyResponses.surveyId, surveyId)),
              ),
            ),
          );
      });
    },

    /** Opens the public link (a draft, or a closed survey again). */
    async publish(userId: string, brandId: string, surveyId: string): Promise<Survey> {
      return db.transaction(async (tx) => {
        const current = await ownedRow(tx, userId, brandId, surveyId);
        if (current.status === 'published') return toSurvey(current);
        if (current.questions.length === 0) {
          throw new AppError(409, 'CONFLICT', 'Add at least one question before publishing the survey.');
        }
        const now = clock.now();
        if (current.closesAt && current.closesAt <= now) {
          throw new AppError(
            409,
            'CONFLICT',
            'The close date has passed. Choose a later one before publishing.',
          );
        }
        const cap = Math.min(current.responseCap ?? SURVEY_LIMITS.responsesMax, SURVEY_LIMITS.responsesMax);
        if (current.responseCount >= cap) {
          throw new AppError(
            409,
            'CONFLICT',
            'The survey already has as many answers as its cap allows. Raise the cap before publishing.',
          );
        }
        const [row] = await tx
          .update(surveys)
          .set({
            status: 'published',
            publishedAt: current.publishedAt ?? now,
            closedAt: null,
            version: sql`${surveys.version} + 1`,
          })
          .where(eq(surveys.id, surveyId))
          .returning();
        if (!row) throw new Error('survey publish matched no row');
        return toSurvey(row);
      });
    },

    /** Stops taking answers; the link then says the survey is closed. */
    async close(userId: string, brandId: string, surveyId: string): Promise<Survey> {
      return db.transaction(async (tx) => {
        const current = await ownedRow(tx, userId, brandId, surveyId);
        if (current.status === 'closed') return toSurvey(current);
        if (current.status === 'draft') {
          throw new AppError(409, 'CONFLICT', 'A draft takes no answers yet, so there is nothing to close.');
        }
        const [row] = await tx
          .update(surveys)
          .set({ status: 'closed', closedAt: clock.now(), version: sql`${surveys.version} + 1` })
          .where(eq(surveys.id, surveyId))
          .returning();
        if (!row) throw new Error('survey close matched no row');
        return toSurvey(row);
      });
    },

    async results(userId: string, brandId: string, surveyId: string): Promise<SurveyResults> {
      const row = await ownedRow(db, userId, brandId, surveyId);
      // Loaded on first use: reading the text answers brings in the NLP library (~10 MB of heap), which
      // a process that never shows survey results should not hold.
      const { createResultsAccumulator } = await import('../../../core/surveys/results.ts');
      const accumulator = createResultsAccumulator(row.questions);
      for await (const response of responsesOf(row.id)) {
        accumulator.add({ answers: response.answers, submittedAt: response.createdAt });
      }
      return { survey: toSurvey(row), ...accumulator.finish() };
    },

    /** Every answer as CSV, newest first, formula-like cells neutralised; produced a batch at a time. */
    async exportCsv(
      userId: string,
      brandId: string,
      surveyId: string,
    ): Promise<{ fileName: string; lines: AsyncIterable<string> }> {
      const row = await ownedRow(db, userId, brandId, surveyId);
      return { fileName: exportFileName(row.title, clock.now()), lines: csvLinesOf(row) };
    },

    /** Each live survey's answers as a CSV file in the account export, beside the raw tables. */
    exportDocuments(): ExportDocumentSource {
      return {
        name: 'survey-responses',
        description: 'the answers to each of your surveys, as a CSV file a spreadsheet opens',
        async list(userId) {
          const rows = await db
            .select({ survey: surveys })
            .from(surveys)
            .innerJoin(brands, and(eq(brands.id, surveys.brandId), isNull(brands.deletedAt)))
            .where(and(eq(surveys.userId, userId), isNull(surveys.deletedAt)))
            .orderBy(asc(surveys.createdAt), asc(surveys.id));
          return rows.map(({ survey }) => ({
            // Titles repeat; the slug keeps the names apart.
            fileName: `${fileSlug(survey.title, 'survey')}-${survey.slug}.csv`,
            compressed: false,
            async content() {
              let text = '';
              for await (const line of csvLinesOf(survey)) text += line;
              return new TextEncoder().encode(text);
            },
          }));
        },
      };
    },

    /** Whether the owner gets the daily email about new answers (on unless turned off in Settings). */
    async digestEnabled(userId: string): Promise<boolean> {
      const [row] = await db
        .select({ userId: surveyDigestOptOuts.userId })
        .from(surveyDigestOptOuts)
        .where(eq(surveyDigestOptOuts.userId, userId));
      return !row;
    },

    async setDigestEnabled(userId: string, enabled: boolean): Promise<boolean> {
      if (enabled) await db.delete(surveyDigestOptOuts).where(eq(surveyDigestOptOuts.userId, userId));
      else await db.insert(surveyDigestOptOuts).values({ userId }).onConflictDoNothing();
      return enabled;
    },

    /** The survey as its link shows it: questions and the brand's name, nothing else of the owner's. */
    async publicSurvey(slug: string, token: string | null): Promise<PublicSurvey> {
      const { survey, brandName } = await publicRow(slug);
      const reason = closedReasonOf(survey, clock.now());
      return {
        slug: survey.slug,
        brandName,
        title: survey.title,
        intro: survey.intro,
        questions: survey.questions,
        closesAt: survey.closesAt?.toISOString() ?? null,
        closedMessage: reason ? SURVEY_CLOSED_MESSAGES[reason] : null,
        answered: await hasAnswered(survey.id, token),
      };
    },

    /** A proof-of-work challenge for answering an open survey. */
    async createChallenge(slug: string) {
      const { survey } = await publicRow(slug);
      const reason = closedReasonOf(survey, clock.now());
      if (reason) throw new AppError(409, 'CONFLICT', SURVEY_CLOSED_MESSAGES[reason]);
      return proofOfWork.createChallenge();
    },

    /**
     * Stores one browser's answers. Returns the token to set as the browser's cookie when it had
     * none. Checks in order of cost, so refusals spend nothing: the link, open, not answered yet,
     * valid answers, the per-IP limits, the proof of work, and then the cap again while storing.
     */
    async submit(
      slug: string,
      body: SubmitSurveyResponseBody,
      respondent: Respondent,
    ): Promise<{ issuedToken: string | null }> {
      const { survey } = await publicRow(slug);
      const reason = closedReasonOf(survey, clock.now());
      if (reason) throw new AppError(409, 'CONFLICT', SURVEY_CLOSED_MESSAGES[reason]);
      if (await hasAnswered(survey.id, respondent.token)) throw alreadyAnswered();
      const checked = checkAnswers(survey.questions, body.answers);
      if (!checked.ok) {
        throw new AppError(400, 'VALIDATION_FAILED', 'Some answers need another look.', {
          details: checked.problems.map((problem) => ({ ...problem, path: `body.${problem.path}` })),
        });
      }
      await throttle.enforce(
        { name: 'survey:answer:ip', max: limits.responsesMaxPerIpPerHour, windowSeconds: HOUR },
        respondent.ip,
        'Many answers came from your network in the last hour. Please try again later.',
      );
      await throttle.enforce(
        { name: 'survey:answer:ip-survey', max: limits.responsesMaxPerIpPerSurveyPerDay, windowSeconds: DAY },
        `${survey.id}:${respondent.ip}`,
        'This survey has had many answers from your network today. Please try again tomorrow.',
      );
      if (!(await proofOfWork.verifyAndSpend(body.altcha))) {
        throw new AppError(
          400,
          'CAPTCHA_FAILED',
          'The verification did not pass or was already used. Please tick the check box again.',
        );
      }
      const issuedToken = respondent.token ? null : newRespondentToken();
      const token = respondent.token ?? (issuedToken as string);
      const now = clock.now();
      try {
        await db.transaction(async (tx) => {
          // Counting up under the row's lock: concurrent answers queue here, and the cap, the close
          // date and the status are checked against the count every earlier answer left.
          const [counted] = await tx
            .update(surveys)
            .set({ responseCount: sql`${surveys.responseCount} + 1` })
            .where(
              and(
                eq(surveys.id, survey.id),
                eq(surveys.status, 'published'),
                isNull(surveys.deletedAt),
                or(isNull(surveys.closesAt), sql`${surveys.closesAt} > ${now.toISOString()}`),
                sql`${surveys.responseCount} < least(coalesce(${surveys.responseCap}, ${RESPONSES_MAX}), ${RESPONSES_MAX})`,
              ),
            )
            .returning({ id: surveys.id });
          if (!counted) {
            const [latest] = await tx.select().from(surveys).where(eq(surveys.id, survey.id));
            const latestReason = latest ? (closedReasonOf(latest, now) ?? 'closed') : 'closed';
            throw new AppError(409, 'CONFLICT', SURVEY_CLOSED_MESSAGES[latestReason]);
          }
          const [stored] = await tx
            .insert(surveyResponses)
            .values({
              surveyId: survey.id,
              answers: checked.answers,
              respondentHash: respondentHash(survey.id, token),
            })
            .returning({ id: surveyResponses.id });
          if (!stored) throw new Error('survey response insert returned no row');
          const texts = survey.questions.flatMap((question) => {
            const value = checked.answers[question.id];
            const isText = question.type === 'short-text' || question.type === 'long-text';
            return isText && typeof value === 'string' && value
              ? [{ questionId: question.id, prompt: question.prompt, text: value }]
              : [];
          });
          if (texts.length > 0) {
            await deps.knowledge.replaceSource(
              tx,
              surveyAnswerKnowledgeSource({ id: stored.id, survey, answers: texts }),
            );
          }
        });
      } catch (error) {
        // The same browser answering twice at once: the second insert hits the unique index.
        if (isUniqueViolation(error)) throw alreadyAnswered();
        throw error;
      }
      return { issuedToken };
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
