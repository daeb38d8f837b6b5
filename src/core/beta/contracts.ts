/**
 * The API's contracts for the beta programme (ADR 0053): a tester's membership and journey, joining
 * with consent, leaving, the short feedback per step; and the admin's cohort and funnel.
 */
import { z } from 'zod';
import { BETA_STEPS, STEP_COMMENT_MAX, STEP_RATINGS } from './journey.ts';

export const betaStepParamsSchema = z.object({
  step: z.enum(BETA_STEPS, { message: 'Unknown journey step' }),
});

export const stepFeedbackSchema = z.object({
  rating: z.enum(STEP_RATINGS),
  comment: z.string(),
  updatedAt: z.iso.datetime(),
});
export type StepFeedback = z.infer<typeof stepFeedbackSchema>;

export const betaJourneyStepSchema = z.object({
  step: z.enum(BETA_STEPS),
  done: z.boolean(),
  /** The tester's own answer to the step's short prompt, if given. */
  feedback: stepFeedbackSchema.nullable(),
});
export type BetaJourneyStep = z.infer<typeof betaJourneyStepSchema>;

export const betaStatusSchema = z.object({
  /** The live membership, or null when the user is not (or no longer) in the programme. */
  membership: z
    .object({
      joinedAt: z.iso.datetime(),
      consentText: z.string(),
      textVersion: z.string(),
    })
    .nullable(),
  /** The journey, derived from the user's real work; empty when not a member. */
  journey: z.array(betaJourneyStepSchema),
});
export type BetaStatus = z.infer<typeof betaStatusSchema>;

/** Joining needs the consent box ticked; the server stores its own copy of the words shown. */
export const joinBetaBodySchema = z.strictObject({
  consent: z.literal(true, { error: 'Tick the box to agree to the beta programme' }),
  textVersion: z.string().max(40),
});
export type JoinBetaBody = z.infer<typeof joinBetaBodySchema>;

export const stepFeedbackBodySchema = z.strictObject({
  rating: z.enum(STEP_RATINGS, { message: 'Choose how the step went' }),
  comment: z.string().trim().max(STEP_COMMENT_MAX, `At most ${STEP_COMMENT_MAX} characters`).default(''),
});
export type StepFeedbackBody = z.input<typeof stepFeedbackBodySchema>;

// Admin.

export const ADMIN_BETA_CSV_PATH = '/api/admin/beta.csv';

export const betaCohortMemberSchema = z.object({
  membershipId: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  joinedAt: z.iso.datetime(),
  /** Set when the tester left; a left tester's steps are not shown or counted. */
  leftAt: z.iso.datetime().nullable(),
  completed: z.array(z.enum(BETA_STEPS)),
});
export type BetaCohortMember = z.infer<typeof betaCohortMemberSchema>;

export const betaFunnelStageSchema = z.object({
  step: z.enum(BETA_STEPS),
  completed: z.number().int(),
  reached: z.number().int(),
  dropOff: z.number().int(),
  ratings: z.object({ easy: z.number().int(), okay: z.number().int(), hard: z.number().int() }),
});

export const adminBetaSchema = z.object({
  /** Testers in the programme now: the funnel's base. */
  activeCount: z.number().int(),
  leftCount: z.number().int(),
  funnel: z.array(betaFunnelStageSchema),
  /** Every membership, newest first: current testers and those who left. */
  cohort: z.array(betaCohortMemberSchema),
  /** The latest written step feedback from current testers, newest first. */
  comments: z.array(
    z.object({
      id: z.uuid(),
      step: z.enum(BETA_STEPS),
      rating: z.enum(STEP_RATINGS),
      comment: z.string(),
      email: z.string(),
      updatedAt: z.iso.datetime(),
    }),
  ),
});
export type AdminBeta = z.infer<typeof adminBetaSchema>;
