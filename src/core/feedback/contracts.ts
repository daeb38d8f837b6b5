/**
 * Feedback (docs/decisions/0051-feedback-and-ratings.md): the control on every page. Small on purpose:
 * the public pages' contracts chunk carries it. Ratings and the admin inbox are in admin-contracts.ts.
 */
import { z } from 'zod';
import { altchaPayloadSchema } from '../http/proof-of-work.ts';
import { FEEDBACK_KINDS, FEEDBACK_LIMITS } from './limits.ts';

export * from './limits.ts';

const messageSchema = z
  .string()
  .trim()
  .min(FEEDBACK_LIMITS.messageMin, 'Please write a few words.')
  .max(FEEDBACK_LIMITS.messageMax, `Please keep it under ${FEEDBACK_LIMITS.messageMax} characters.`);

/** An app path, as `location.pathname` gives it: no origin, query string or fragment. */
export const feedbackPageSchema = z
  .string()
  .max(FEEDBACK_LIMITS.pageMax)
  .regex(/^\/[A-Za-z0-9\-._~/%]*$/, 'The page must be an app path such as /dashboard.');

export const submitFeedbackBodySchema = z.strictObject({
  kind: z.enum(FEEDBACK_KINDS, 'Please choose idea, problem or praise.'),
  message: messageSchema,
  page: feedbackPageSchema,
  /** Anonymous senders only: where to answer them, if they want an answer. */
  contactEmail: z.email('Please enter a valid email address.').max(254).optional(),
  /** Required without a session (anonymous feedback); ignored when signed in. */
  altcha: altchaPayloadSchema.optional(),
});
export type SubmitFeedbackBody = z.infer<typeof submitFeedbackBodySchema>;

export const submitFeedbackResponseSchema = z.object({ ok: z.literal(true), message: z.string() });
