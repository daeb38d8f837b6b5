import { z } from 'zod';
import { emailSchema } from '../auth/contracts.ts';
import { idParam } from '../http/params.ts';
import { altchaPayloadSchema } from '../http/proof-of-work.ts';
import { ANSWER_MAX, ANSWER_MIN, DIMENSIONS, QUESTIONNAIRES } from './questionnaire.ts';
import { BANDS } from './scoring.ts';

export { ANSWER_MAX, ANSWER_MIN };

/** A brand of the signed-in user (another user's or a deleted brand is a 404). */
const brandIdSchema = idParam('Choose one of your brands');

/**
 * A submission is checked against the questionnaire version it names: every question answered once,
 * no unknown question ids, each answer an integer 1–5. A signed-in taker names the brand the result
 * is for (without one, their first brand — the one the app shows when none is chosen); an anonymous
 * result has no brand until it is claimed.
 */
export const submitDiagnosticBodySchema = z
  .strictObject({
    questionnaireVersion: z.number().int().positive(),
    answers: z.record(z.string().min(1).max(64), z.unknown()),
    brandId: brandIdSchema.optional(),
  })
  .superRefine((body, context) => {
    const questionnaire = QUESTIONNAIRES[body.questionnaireVersion];
    if (!questionnaire) {
      context.addIssue({
        code: 'custom',
        path: ['questionnaireVersion'],
        message: `Unknown questionnaire version ${body.questionnaireVersion}`,
      });
      return;
    }
    const known = new Set(questionnaire.questions.map((question) => question.id));
    for (const id of Object.keys(body.answers)) {
      if (!known.has(id))
        context.addIssue({ code: 'custom', path: ['answers', id], message: 'Unknown question' });
    }
    for (const question of questionnaire.questions) {
      const value = body.answers[question.id];
      if (value === undefined) {
        context.addIssue({ code: 'custom', path: ['answers', question.id], message: 'Answer this question' });
      } else if (
        typeof value !== 'number' ||
        !Number.isInteger(value) ||
        value < ANSWER_MIN ||
        value > ANSWER_MAX
      ) {
        context.addIssue({
          code: 'custom',
          path: ['answers', question.id],
          message: `Choose a whole number from ${ANSWER_MIN} to ${ANSWER_MAX}`,
        });
      }
    }
  })
  .transform((body) => ({
    questionnaireVersion: body.questionnaireVersion,
    answers: body.answers as Record<string, number>,
    brandId: body.brandId,
  }));
export type SubmitDiagnosticBody = z.input<typeof submitDiagnosticBodySchema>;

/** Whose history: one brand's results only. */
export const diagnosticHistoryQuerySchema = z.strictObject({ brandId: brandIdSchema });

export const resultIdParamsSchema = z.strictObject({ id: idParam('The result id must be a UUID') });

const bandSchema = z.enum(BANDS);
const dimensionScoreSchema = z.object({ score: z.number().int().min(0).max(100), band: bandSchema });

export const diagnosticScoresSchema = z.object({
  overall: z.number().int().min(0).max(100),
  overallBand: bandSchema,
  dimensions: z.object(
    Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, dimensionScoreSchema])) as Record<
      (typeof DIMENSIONS)[number],
      typeof dimensionScoreSchema
    >,
  ),
});
export type DiagnosticScoresDto = z.infer<typeof diagnosticScoresSchema>;

export const diagnosticResultSchema = z.object({
  id: z.uuid(),
  questionnaireVersion: z.number().int(),
  answers: z.record(z.string(), z.number().int()),
  scores: diagnosticScoresSchema,
  /** True once the result belongs to an account (taken signed in, or claimed after sign-up). */
  saved: z.boolean(),
  /** The brand it was taken for; null while it is anonymous. */
  brandId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type DiagnosticResult = z.infer<typeof diagnosticResultSchema>;

export const diagnosticResultResponseSchema = z.object({ result: diagnosticResultSchema });
export const diagnosticHistoryResponseSchema = z.object({ results: z.array(diagnosticResultSchema) });
export type DiagnosticHistoryResponse = z.infer<typeof diagnosticHistoryResponseSchema>;

// Kept in a zod-free module so the web form can show it without loading the schemas.
export { LEAD_CONSENT_TEXT } from './lead-consent.ts';

export const leadCaptureBodySchema = z.strictObject({
  email: emailSchema,
  consent: z.literal(true, { error: 'Please tick the box to agree to receive the report by email' }),
  /** The ALTCHA widget's base64 payload (proof of work). */
  altcha: altchaPayloadSchema,
  /** Honeypot: people never see this field; bots fill it in. */
  website: z.string().max(500).optional(),
});
export type LeadCaptureBody = z.input<typeof leadCaptureBodySchema>;

// The proof-of-work challenge is shared with other public forms (survey answers).
export { type AltchaChallenge, altchaChallengeSchema } from '../http/proof-of-work.ts';
