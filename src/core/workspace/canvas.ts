/** The brand canvas as stored; `CANVAS_FIELDS` (src/core/ai/contracts.ts) names its nine fields. */
import { z } from 'zod';
import { tagList, textField } from './fields.ts';
import { CANVAS_TAGLINE_MAX } from './limits.ts';

export const canvasDataSchema = z.strictObject({
  purpose: textField(1000),
  vision: textField(1000),
  mission: textField(1000),
  values: tagList(12, 60),
  positioning: textField(1000),
  valueProposition: textField(1000),
  tagline: textField(CANVAS_TAGLINE_MAX),
  personality: tagList(12, 60),
  voice: textField(1000),
});
export type CanvasData = z.output<typeof canvasDataSchema>;
