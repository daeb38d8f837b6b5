/**
 * The four IDEA module worksheets, the learning-step progress and the emotional-trigger
 * assessment answers, as stored. Only what the user typed or chose is stored; derived results
 * (trigger ranking, completion) are computed by pure functions so they can never drift.
 */
import { z } from 'zod';
import { EMOTIONAL_TRIGGERS, SHOPPER_TYPES } from '../ai/contracts.ts';
import { DIMENSIONS } from '../diagnostic/questionnaire.ts';
import { requiredText, rowList, tagList, textField } from './fields.ts';
import { AUTHENTIC_LIMITS, DISTINCTIVE_LIMITS, EMPATHETIC_LIMITS, INSIGHT_LIMITS } from './limits.ts';
import { ASSESSMENT_QUESTION_IDS, TRIGGER_ASSESSMENT_QUESTIONS } from './trigger-assessment.ts';

const trigger = z.enum(EMOTIONAL_TRIGGERS, { message: 'Unknown emotional trigger' });

export const insightDataSchema = z.strictObject({
  buyerIntent: textField(INSIGHT_LIMITS.buyerIntent),
  buyerMotivation: textField(INSIGHT_LIMITS.buyerMotivation),
  emotionalTriggers: z
    .array(trigger)
    .max(EMOTIONAL_TRIGGERS.length)
    .default([])
    .refine((list) => new Set(list).size === list.length, 'Each trigger may appear only once'),
  triggerNotes: textField(INSIGHT_LIMITS.triggerNotes),
  shopperType: z.enum(SHOPPER_TYPES, { message: 'Unknown shopper type' }).nullable().default(null),
  shopperNotes: textField(INSIGHT_LIMITS.shopperNotes),
  demographics: textField(INSIGHT_LIMITS.demographics),
});

export const DISTINCTIVE_ASSET_TYPES = [
  'colour',
  'shape',
  'logo',
  'character',
  'sound',
  'phrase',
  'typography',
  'packaging',
  'other',
] as const;
export const ASSET_CONSISTENCY = ['always', 'mostly', 'sometimes', 'rarely'] as const;

export const distinctiveDataSchema = z.strictObject({
  assets: rowList(
    z.strictObject({
      type: z.enum(DISTINCTIVE_ASSET_TYPES, { message: 'Unknown asset type' }),
      description: requiredText(DISTINCTIVE_LIMITS.assetDescription),
      consistency: z.enum(ASSET_CONSISTENCY, { message: 'Unknown consistency level' }),
    }),
    DISTINCTIVE_LIMITS.assets,
  ),
  differentiators: rowList(
    z.strictObject({
      competitor: requiredText(DISTINCTIVE_LIMITS.competitor),
      difference: textField(DISTINCTIVE_LIMITS.difference),
    }),
    DISTINCTIVE_LIMITS.differentiators,
  ),
  positioning: textField(DISTINCTIVE_LIMITS.positioning),
});

export const empatheticDataSchema = z.strictObject({
  feelingBefore: textField(EMPATHETIC_LIMITS.feeling),
  feelingDuring: textField(EMPATHETIC_LIMITS.feeling),
  feelingAfter: textField(EMPATHETIC_LIMITS.feeling),
  needs: tagList(EMPATHETIC_LIMITS.tags, EMPATHETIC_LIMITS.tag),
  fears: tagList(EMPATHETIC_LIMITS.tags, EMPATHETIC_LIMITS.tag),
  /** The seven triggers, most important for this brand first (a subset while unfinished). */
  triggerRanking: z
    .array(trigger)
    .max(EMOTIONAL_TRIGGERS.length)
    .default([])
    .refine((list) => new Set(list).size === list.length, 'Each trigger may appear only once'),
  listeningChannels: tagList(EMPATHETIC_LIMITS.tags, EMPATHETIC_LIMITS.tag),
});

export const authenticDataSchema = z.strictObject({
  values: rowList(
    z.strictObject({ value: requiredText(AUTHENTIC_LIMITS.value), proof: textField(AUTHENTIC_LIMITS.proof) }),
    AUTHENTIC_LIMITS.values,
  ),
  story: z
    .strictObject({
      origin: textField(AUTHENTIC_LIMITS.story),
      struggle: textField(AUTHENTIC_LIMITS.story),
      mission: textField(AUTHENTIC_LIMITS.story),
    })
    .default({ origin: '', struggle: '', mission: '' }),
  promise: textField(AUTHENTIC_LIMITS.promise),
  consistency: rowList(
    z.strictObject({
      touchpoint: requiredText(AUTHENTIC_LIMITS.touchpoint),
      consistent: z.boolean(),
      note: textField(AUTHENTIC_LIMITS.note),
    }),
    AUTHENTIC_LIMITS.touchpoints,
  ),
});

/**
 * Completed learning steps per module (step ids from src/core/workspace/learning.ts). Ids are not
 * checked against today's steps: a retired step's id must not make the whole item unsavable.
 */
export const learningDataSchema = z.strictObject({
  completed: z
    .record(
      z.enum(DIMENSIONS),
      z
        .array(z.string().min(1).max(64))
        .max(20)
        .refine((ids) => new Set(ids).size === ids.length, 'Each step may appear only once'),
    )
    .default({ insight: [], distinctive: [], empathetic: [], authentic: [] }),
});

/** The assessment answers: the chosen option's index per question id (unanswered ones absent). */
export const triggerAssessmentDataSchema = z.strictObject({
  answers: z
    .partialRecord(
      z.enum(ASSESSMENT_QUESTION_IDS, { message: 'Unknown assessment question' }),
      z.number().int().min(0).max(9),
    )
    .default({})
    .superRefine((answers, context) => {
      for (const question of TRIGGER_ASSESSMENT_QUESTIONS) {
        const index = answers[question.id];
        if (index !== undefined && index >= question.options.length) {
          context.addIssue({ code: 'custom', path: [question.id], message: 'Unknown answer option' });
        }
      }
    }),
});
