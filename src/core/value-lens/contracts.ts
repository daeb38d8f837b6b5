/**
 * The Value Lens copy generator's API: a generation request (the form, an optional avatar and
 * whether to use the brand canvas), a stored generation, and the paged history.
 */
import { z } from 'zod';
import { aiMetaSchema, COPY_FORMATS, valueLensCopyInputSchema } from '../ai/contracts.ts';
import { idParam, integerParam } from '../http/params.ts';

/** What the form sends: the copy brief, plus which saved work to use as context. */
export const valueLensBriefSchema = valueLensCopyInputSchema.omit({ context: true });
export type ValueLensBrief = z.output<typeof valueLensBriefSchema>;

export const valueLensRequestSchema = valueLensBriefSchema.extend({
  /** An avatar of this brand to write for; null or absent for none. */
  avatarId: idParam().nullable().default(null),
  /** Use the brand canvas (positioning, value proposition, values, personality, voice) as context. */
  useCanvas: z.boolean().default(true),
});
export type ValueLensRequest = z.input<typeof valueLensRequestSchema>;

export const valueLensGenerationSchema = z.object({
  id: z.uuid(),
  brandId: z.uuid(),
  avatarId: z.uuid().nullable(),
  /** The avatar's name when the copy was written, so history reads well after a rename or delete. */
  avatarName: z.string().nullable(),
  usedCanvas: z.boolean(),
  brief: valueLensBriefSchema,
  format: z.enum(COPY_FORMATS),
  variants: z.array(z.string()),
  notes: z.array(z.string()),
  /** The format's character limit every variant was held to. */
  limit: z.number().int().positive(),
  meta: aiMetaSchema.pick({
    provider: true,
    model: true,
    promptVersion: true,
    cached: true,
    notice: true,
    callId: true,
  }),
  createdAt: z.iso.datetime(),
});
export type ValueLensGeneration = z.infer<typeof valueLensGenerationSchema>;

export const valueLensGenerationResponseSchema = z.object({ generation: valueLensGenerationSchema });

export const VALUE_LENS_PAGE_SIZE_MAX = 50;

export const valueLensHistoryQuerySchema = z.strictObject({
  limit: integerParam({ max: VALUE_LENS_PAGE_SIZE_MAX }).default(10),
  /** The `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^\d{13}_[0-9a-f-]{36}$/i, 'Not a valid cursor')
    .optional(),
});

export const valueLensHistoryResponseSchema = z.object({
  generations: z.array(valueLensGenerationSchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ValueLensHistory = z.infer<typeof valueLensHistoryResponseSchema>;

export const valueLensIdParamsSchema = z.strictObject({ id: idParam() });
