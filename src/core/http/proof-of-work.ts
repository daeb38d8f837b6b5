/**
 * The proof-of-work challenge (self-hosted ALTCHA, protocol v2) that public forms ask a browser to
 * solve before they store anything: the diagnostic's report-by-email form and survey answers.
 */
import { z } from 'zod';

/** A challenge as the widget fetches it. */
export const altchaChallengeSchema = z.object({
  parameters: z.record(z.string(), z.unknown()),
  signature: z.string().optional(),
});
export type AltchaChallenge = z.infer<typeof altchaChallengeSchema>;

/** The widget's base64 payload: the challenge and its solution. */
export const altchaPayloadSchema = z.string().min(1, 'Please complete the verification').max(4096);
