/**
 * How complete a brand canvas is. A text field counts once it has real words in it and no
 * bracketed placeholder left to fill in (text the owner pasted from a template elsewhere is not
 * finished; the coach itself never proposes one); a tag field counts once it has at least one tag.
 * The optional tagline is not counted, but a placeholder left in it is still reported.
 */
import type { CanvasData } from './canvas.ts';
import { CANVAS_COMPLETION_KEYS, CANVAS_KEYS, type CanvasKey, isCanvasTagKey } from './canvas-fields.ts';

export interface CanvasCompletion {
  filled: number;
  total: number;
  /** 0–100, rounded down so 100 means every field is done. */
  percent: number;
  /** Fields still to do, in canvas order. */
  missing: CanvasKey[];
  /** Text fields that still hold a `[placeholder]`. */
  placeholders: CanvasKey[];
}

const PLACEHOLDER = /\[[^\]\n]{1,80}\]/;

export function hasPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

export function isCanvasFieldComplete(data: CanvasData, key: CanvasKey): boolean {
  if (isCanvasTagKey(key)) return data[key].length > 0;
  const text = data[key].trim();
  return /[\p{L}\p{N}]/u.test(text) && !hasPlaceholder(text);
}

export function canvasCompletion(data: CanvasData): CanvasCompletion {
  const missing = CANVAS_COMPLETION_KEYS.filter((key) => !isCanvasFieldComplete(data, key));
  const placeholders = CANVAS_KEYS.filter(
    (key) => !isCanvasTagKey(key) && hasPlaceholder(data[key] as string),
  );
  const total = CANVAS_COMPLETION_KEYS.length;
  const filled = total - missing.length;
  return { filled, total, percent: Math.floor((filled / total) * 100), missing, placeholders };
}
