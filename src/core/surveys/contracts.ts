/**
 * Surveys: an owner builds a questionnaire for one of their brands, publishes it to a public link
 * (`/s/:slug`) that anyone can answer without an account, and reads the results. These schemas are
 * the API's contracts for the builder (owner routes), the public page and the results.
 */
import { z } from 'zod';
import { idParam, int4 } from '../http/params.ts';
import { altchaPayloadSchema } from '../http/proof-of-work.ts';
import {
  NPS_MAX,
  NPS_MIN,
  QUESTION_ID_PATTERN,
  SCALE_MAX,
  SCALE_MIN,
  SURVEY_LIMITS,
  SURVEY_QUESTION_TYPES,
  SURVEY_SLUG_PATTERN,
  SURVEY_STATUSES,
  SURVEY_TEMPLATE_IDS,
  TEXT_SENTIMENTS,
} from './limits.ts';

const L = SURVEY_LIMITS;

/** Trimmed, inner runs of spaces and tabs kept as typed (line breaks matter in an intro). */
const trimmed = (max: number, what: string) =>
  z.string().trim().max(max, `Keep the ${what} under ${max} characters`);

const required = (max: number, what: string) => trimmed(max, what).min(1, `Write the ${what}`);

const questionId = z.string().regex(QUESTION_ID_PATTERN, 'Question ids are 1–40 letters, digits, - or _');

const questionBase = {
  id: questionId,
  prompt: required(L.promptMax, 'question'),
  /** A line under the question, e.g. "Think of your last order". */
  help: trimmed(L.helpMax, 'help text').default(''),
  required: z.boolean().default(false),
};

const options = z
  .array(required(L.optionMax, 'option'), { error: 'List the options' })
  .min(L.optionsMin, `Give at least ${L.optionsMin} options`)
  .max(L.optionsMax, `Keep it to ${L.optionsMax} options`)
  .refine(
    (list) => new Set(list.map((option) => option.toLowerCase())).size === list.length,
    'Each option must be different',
  );

export const surveyQuestionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ ...questionBase, type: z.literal('single-choice'), options }),
    z.strictObject({ ...questionBase, type: z.literal('multiple-choice'), options }),
    z.strictObject({
      ...questionBase,
      type: z.literal('scale'),
      /** What 1 and 5 mean, e.g. "Not at all" and "Completely". */
      lowLabel: trimmed(L.scaleLabelMax, 'label').default(''),
      highLabel: trimmed(L.scaleLabelMax, 'label').default(''),
    }),
    z.strictObject({ ...questionBase, type: z.literal('nps') }),
    z.strictObject({ ...questionBase, type: z.literal('short-text') }),
    z.strictObject({ ...questionBase, type: z.literal('long-text') }),
  ],
  { error: `A question's type is one of: ${SURVEY_QUESTION_TYPES.join(', ')}` },
);
export type SurveyQuestion = z.output<typeof surveyQuestionSchema>;
export type SurveyQuestionInput = z.input<typeof surveyQuestionSchema>;

export const surveyQuestionsSchema = z
  .array(surveyQuestionSchema)
  .max(L.questionsMax, `A survey holds up to ${L.questionsMax} questions`)
  .refine(
    (questions) => new Set(questions.map((question) => question.id)).size === questions.length,
    'Each question needs its own id',
  );

const closesAt = z.iso
  .datetime({ offset: true, message: 'Give the close date as an ISO date-time' })
  .nullable();
const responseCap = int4({ min: 1, max: L.responsesMax }).nullable();

export const surveySchema = z.object({
  id: z.uuid(),
  brandId: z.uuid(),
  title: z.string(),
  intro: z.string(),
  questions: z.array(surveyQuestionSchema),
  status: z.enum(SURVEY_STATUSES),
  slug: z.string(),
  closesAt: z.string().nullable(),
  responseCap: z.number().int().nullable(),
  responseCount: z.number().int(),
  /** Increases with every change; a save names the version it started from. */
  version: z.number().int(),
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Survey = z.infer<typeof surveySchema>;

export const surveyResponseSchema = z.object({ survey: surveySchema });
export const surveyListSchema = z.object({ surveys: z.array(surveySchema) });
export type SurveyList = z.infer<typeof surveyListSchema>;

export const createSurveyBodySchema = z.strictObject({
  /** Start from a template (its questions, with the brand's name put in); fields below override it. */
  template: z.enum(SURVEY_TEMPLATE_IDS, { error: 'Unknown template' }).optional(),
  title: trimmed(L.titleMax, 'title').optional(),
  intro: trimmed(L.introMax, 'introduction').optional(),
  questions: surveyQuestionsSchema.optional(),
  closesAt: closesAt.optional(),
  responseCap: responseCap.optional(),
});
export type CreateSurveyBody = z.input<typeof createSurveyBodySchema>;

export const updateSurveyBodySchema = z.strictObject({
  /** The version this edit started from; another save since then is a 409 with the current survey. */
  baseVersion: int4({ min: 1 }),
  title: required(L.titleMax, 'title').optional(),
  intro: trimmed(L.introMax, 'introduction').optional(),
  /** The whole list in its new order: adding, removing and moving questions are one save. */
  questions: surveyQuestionsSchema.optional(),
  closesAt: closesAt.optional(),
  responseCap: responseCap.optional(),
});
export type UpdateSurveyBody = z.input<typeof updateSurveyBodySchema>;

export const surveyParamsSchema = z.strictObject({ brandId: idParam(), surveyId: idParam() });

export const publicSurveyParamsSchema = z.strictObject({
  slug: z.string().regex(SURVEY_SLUG_PATTERN, 'Not a survey link'),
});

/** What a respondent sees: the questions, and nothing about the owner but the brand's name. */
export const publicSurveySchema = z.object({
  survey: z.object({
    slug: z.string(),
    brandName: z.string(),
    title: z.string(),
    intro: z.string(),
    questions: z.array(surveyQuestionSchema),
    closesAt: z.string().nullable(),
    /** Null while it takes answers; otherwise the sentence to show instead of the form. */
    closedMessage: z.string().nullable(),
    /** True when this browser has already answered it. */
    answered: z.boolean(),
  }),
});
export type PublicSurvey = z.infer<typeof publicSurveySchema>['survey'];

const answerValue = z.union([
  z.string().max(L.longTextMax, `Keep an answer under ${L.longTextMax} characters`),
  z.array(z.string().max(L.optionMax)).max(L.optionsMax),
  z.number(),
]);
export type SurveyAnswerValue = z.infer<typeof answerValue>;

export const surveyAnswersSchema = z
  .record(questionId, answerValue)
  .refine((answers) => Object.keys(answers).length <= L.questionsMax, 'Too many answers');
export type SurveyAnswers = z.infer<typeof surveyAnswersSchema>;

export const submitSurveyResponseBodySchema = z.strictObject({
  /** Keyed by question id; a question left out is unanswered. */
  answers: surveyAnswersSchema,
  /** The ALTCHA widget's payload (proof of work). */
  altcha: altchaPayloadSchema,
});
export type SubmitSurveyResponseBody = z.input<typeof submitSurveyResponseBodySchema>;

export const submitSurveyResponseSchema = z.object({ ok: z.literal(true), message: z.string() });

const countEntry = z.object({ label: z.string(), count: z.number().int() });

export const surveyQuestionResultSchema = z.discriminatedUnion('type', [
  z.object({
    questionId: z.string(),
    type: z.enum(['single-choice', 'multiple-choice']),
    answered: z.number().int(),
    counts: z.array(countEntry),
  }),
  z.object({
    questionId: z.string(),
    type: z.literal('scale'),
    answered: z.number().int(),
    counts: z.array(countEntry),
    average: z.number().nullable(),
  }),
  z.object({
    questionId: z.string(),
    type: z.literal('nps'),
    answered: z.number().int(),
    counts: z.array(countEntry),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
    score: z.number().int().nullable(),
  }),
  z.object({
    questionId: z.string(),
    type: z.enum(['short-text', 'long-text']),
    answered: z.number().int(),
    /** Newest first, at most SURVEY_LIMITS.textAnswersListed; the newest ones read for sentiment. */
    answers: z.array(
      z.object({ text: z.string(), submittedAt: z.string(), sentiment: z.enum(TEXT_SENTIMENTS).nullable() }),
    ),
    /** What the review engine read in the newest answers (at most SURVEY_LIMITS.textAnswersAnalysed). */
    sentiment: z.object({
      analysed: z.number().int(),
      positive: z.number().int(),
      negative: z.number().int(),
      mixed: z.number().int(),
      neutral: z.number().int(),
    }),
    /** The subjects people wrote about most (price, scent, delivery…), with praise and complaints. */
    themes: z.array(
      z.object({
        label: z.string(),
        mentions: z.number().int(),
        positive: z.number().int(),
        negative: z.number().int(),
      }),
    ),
  }),
]);
export type SurveyQuestionResult = z.infer<typeof surveyQuestionResultSchema>;

export const surveyResultsSchema = z.object({
  survey: surveySchema,
  responses: z.number().int(),
  firstResponseAt: z.string().nullable(),
  lastResponseAt: z.string().nullable(),
  questions: z.array(surveyQuestionResultSchema),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

/** The daily email about new answers (Settings). */
export const surveyDigestPreferenceSchema = z.object({ enabled: z.boolean() });
export const updateSurveyDigestPreferenceSchema = z.strictObject({
  enabled: z.boolean({ error: 'Say whether the email is on (true) or off (false)' }),
});

export { NPS_MAX, NPS_MIN, SCALE_MAX, SCALE_MIN };
