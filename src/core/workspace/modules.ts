/**
 * The four IDEA module worksheets, the learning-step progress and the emotional-trigger
 * assessment answers, as stored. Only what the user typed or chose is stored; derived results
 * (trigger ranking, completion) are computed by pure functions so they can never drift.
 */
import { z } from 'zod';
import { EMOTIONAL_TRIGGERS, SHOPPER_TYPES } from '../ai/contracts.ts';
import { DIMENSIONS } from '../diagnostic/questionnaire.ts';
import { requiredText, rowList, tagList, textField } from './fields.ts';
import { ASSESSMENT_QUESTION_IDS, TRIGGER_ASSESSMENT_QUESTIONS } from './trigger-assessment.ts';

const trigger = z.enum(EMOTIONAL_TRIGGERS, { message: 'Unknown emotional trigger' });

export const insightDataSchema = z.strictObject({
  buyerIntent: textField(2000),
  buyerMotivation: textField(2000),
  emotionalTriggers: z
    .array(trigger)
    .max(EMOTIONAL_TRIGGERS.length)
    .default([])
    .refine((list) => new Set(list).size === list.length, 'Each trigger may appear only once'),
  triggerNotes: textField(2000),
  shopperType: z.enum(SHOPPER_TYPES, { message: 'Unknown shopper type' }).nullable().default(null),
  shopperNotes: textField(1000),
  demographics: textField(2000),
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
      description: requiredText(300),
      consistency: z.enum(ASSET_CONSISTENCY, { message: 'Unknown consistency level' }),
    }),
    30,
  ),
  differentiators: rowList(
    z.strictObject({ competitor: requiredText(120), difference: textField(1000) }),
    20,
  ),
  positioning: textField(2000),
});

export const empatheticDataSchema = z.strictObject({
  feelingBefore: textField(1000),
  feelingDuring: textField(1000),
  feelingAfter: textField(1000),
  needs: tagList(20, 120),
  fears: tagList(20, 120),
  /** The seven triggers, most important for this brand first (a subset while unfinished). */
  triggerRanking: z
    .array(trigger)
    .max(EMOTIONAL_TRIGGERS.length)
    .default([])
    .refine((list) => new Set(list).size === list.length, 'Each trigger may appear only once'),
  listeningChannels: tagList(20, 120),
});

export const authenticDataSchema = z.strictObject({
  values: rowList(z.strictObject({ value: requiredText(80), proof: textField(1000) }), 10),
  story: z
    .strictObject({ origin: textField(2000), struggle: textField(2000), mission: textField(2000) })
    .default({ origin: '', struggle: '', mission: '' }),
  promise: textField(1000),
  consistency: rowList(
    z.strictObject({ touchpoint: requiredText(120), consistent: z.boolean(), note: textField(500) }),
    30,
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
