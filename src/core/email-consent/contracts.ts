/**
 * The API's contracts for email consent: the signed unsubscribe link every marketing email carries,
 * and the signed-in user's email preferences (ADR 0047).
 */
import { z } from 'zod';
import { CONSENT_PURPOSES, CONSENT_SOURCES } from './consent-texts.ts';
import { UNSUBSCRIBE_TOKEN_PATTERN } from './unsubscribe-token.ts';

export const unsubscribeQuerySchema = z.object({
  token: z.string().max(200).regex(UNSUBSCRIBE_TOKEN_PATTERN, 'This unsubscribe link is not valid'),
});

/**
 * The one-click body mail providers POST (RFC 8058: `List-Unsubscribe=One-Click`, form-encoded), or
 * an empty JSON object from the unsubscribe page.
 */
export const unsubscribeBodySchema = z
  .object({ 'List-Unsubscribe': z.literal('One-Click').optional() })
  .optional();

export const unsubscribeResponseSchema = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  /** True when this link had already been used (or the consent withdrawn another way). */
  alreadyUnsubscribed: z.boolean(),
});
export type UnsubscribeResponse = z.infer<typeof unsubscribeResponseSchema>;

export const emailPreferencesSchema = z.object({
  productTips: z.object({
    subscribed: z.boolean(),
    /** The live consent, when subscribed: where and when it was given, and its exact words. */
    consent: z
      .object({
        source: z.enum(CONSENT_SOURCES),
        consentedAt: z.iso.datetime(),
        text: z.string(),
      })
      .nullable(),
  }),
});
export type EmailPreferences = z.infer<typeof emailPreferencesSchema>;

export const updateEmailPreferencesBodySchema = z.strictObject({ productTips: z.boolean() });
export type UpdateEmailPreferencesBody = z.infer<typeof updateEmailPreferencesBodySchema>;
