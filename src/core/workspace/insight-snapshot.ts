/**
 * Insight snapshots: a frozen copy of a brand's Insight worksheet and trigger-assessment result,
 * taken when the user submits the module. The worksheet keeps changing; a snapshot never does, so
 * it can be downloaded as a PDF or emailed later exactly as it was.
 */
import { z } from 'zod';
import { EMOTIONAL_TRIGGERS } from '../ai/contracts.ts';
import { idParam } from '../http/params.ts';
import { insightDataSchema, triggerAssessmentDataSchema } from './modules.ts';

export const snapshotTriggerSchema = z.object({
  trigger: z.enum(EMOTIONAL_TRIGGERS),
  points: z.number().int().min(0),
  share: z.number().min(0).max(1),
});

/** What a snapshot holds. Stored as JSON; the ranking is computed once, when it is taken. */
export const insightSnapshotDataSchema = z.object({
  brandName: z.string(),
  insight: insightDataSchema,
  assessment: z.object({
    answers: triggerAssessmentDataSchema.shape.answers,
    answered: z.number().int().min(0),
    ranking: z.array(snapshotTriggerSchema),
  }),
});
export type InsightSnapshotData = z.output<typeof insightSnapshotDataSchema>;

export const insightSnapshotSchema = z.object({
  id: z.uuid(),
  brandId: z.uuid(),
  createdAt: z.iso.datetime(),
  data: insightSnapshotDataSchema,
});
export type InsightSnapshot = z.infer<typeof insightSnapshotSchema>;

/** Nothing to send: the server copies the brand's saved worksheet and assessment itself. */
export const createInsightSnapshotBodySchema = z.strictObject({});
export const insightSnapshotIdParamsSchema = z.strictObject({ snapshotId: idParam() });

export const insightSnapshotResponseSchema = z.object({ snapshot: insightSnapshotSchema });
export const insightSnapshotListResponseSchema = z.object({ snapshots: z.array(insightSnapshotSchema) });

/** The answer to "email me a copy": where it went, so the page can say so. */
export const insightSnapshotEmailResponseSchema = z.object({ sentTo: z.string() });

/** How many snapshots the list returns (newest first). */
export const SNAPSHOTS_LISTED = 50;
