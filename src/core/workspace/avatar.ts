/** A customer avatar (persona) as stored. Several per brand. */
import { z } from 'zod';
import {
  AI_PROVIDERS,
  avatarVoiceOutputSchema,
  BUYER_INTENTS,
  EMOTIONAL_TRIGGERS,
  SHOPPER_TYPES,
} from '../ai/contracts.ts';
import {
  AGE_BANDS,
  AVATAR_DECISION_FACTOR_MAX_LENGTH,
  AVATAR_REVIEWS_MAX_CHARACTERS,
  AVATAR_TAG_LIMITS,
  AVATAR_TEXT_LIMITS,
  INCOME_BANDS,
  LOCATION_TYPES,
  PRICE_SENSITIVITY,
} from './avatar-profile.ts';
import { tagList, textField } from './fields.ts';

export { AGE_BANDS, INCOME_BANDS, LOCATION_TYPES, PRICE_SENSITIVITY };

export const avatarDataSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Give the avatar a name')
    .max(AVATAR_TEXT_LIMITS.name, `Keep the name under ${AVATAR_TEXT_LIMITS.name} characters`)
    .default('New avatar'),
  demographics: z
    .strictObject({
      ageBand: z.enum(AGE_BANDS, { message: 'Unknown age band' }).nullable().default(null),
      incomeBand: z.enum(INCOME_BANDS, { message: 'Unknown income band' }).nullable().default(null),
      locationType: z.enum(LOCATION_TYPES, { message: 'Unknown location type' }).nullable().default(null),
      occupation: textField(AVATAR_TEXT_LIMITS.occupation),
      lifestyle: textField(AVATAR_TEXT_LIMITS.lifestyle),
    })
    .default({ ageBand: null, incomeBand: null, locationType: null, occupation: '', lifestyle: '' }),
  psychology: z
    .strictObject({
      values: tagList(AVATAR_TAG_LIMITS.values),
      fears: tagList(AVATAR_TAG_LIMITS.fears),
      desires: tagList(AVATAR_TAG_LIMITS.desires),
      triggers: z
        .array(z.enum(EMOTIONAL_TRIGGERS, { message: 'Unknown emotional trigger' }))
        .max(EMOTIONAL_TRIGGERS.length)
        .default([])
        .refine((list) => new Set(list).size === list.length, 'Each trigger may appear only once'),
    })
    .default({ values: [], fears: [], desires: [], triggers: [] }),
  buying: z
    .strictObject({
      intentType: z.enum(BUYER_INTENTS, { message: 'Unknown intent type' }).nullable().default(null),
      shoppingStyle: z.enum(SHOPPER_TYPES, { message: 'Unknown shopping style' }).nullable().default(null),
      priceSensitivity: z
        .enum(PRICE_SENSITIVITY, { message: 'Unknown price sensitivity' })
        .nullable()
        .default(null),
      decisionFactors: tagList(AVATAR_TAG_LIMITS.decisionFactors, AVATAR_DECISION_FACTOR_MAX_LENGTH),
    })
    .default({ intentType: null, shoppingStyle: null, priceSensitivity: null, decisionFactors: [] }),
  /**
   * The pasted or imported customer reviews (blank-line separated) and the last analysis of them, as
   * the coach's `avatar-voice` task answered it; `analysedBy` keeps whether the offline coach wrote it.
   */
  voice: z
    .strictObject({
      reviews: textField(AVATAR_REVIEWS_MAX_CHARACTERS),
      analysis: avatarVoiceOutputSchema.nullable().default(null),
      analysedAt: z.iso.datetime().nullable().default(null),
      analysedBy: z.enum(AI_PROVIDERS).nullable().default(null),
    })
    .default({ reviews: '', analysis: null, analysedAt: null, analysedBy: null }),
});
export type AvatarData = z.output<typeof avatarDataSchema>;
export type AvatarVoiceAnalysis = NonNullable<AvatarData['voice']['analysis']>;

/** A new avatar's data: every field at its default. */
export function emptyAvatarData(): AvatarData {
  return avatarDataSchema.parse({});
}
