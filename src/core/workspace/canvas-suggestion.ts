/**
 * The bridge between the canvas and the `canvas-suggestion` coach task: what the page sends for a
 * field, and how an accepted rewrite lands in it. The critique is never part of either: it is shown
 * beside the field only.
 */
import type { AiTaskInput } from '../ai/contracts.ts';
import { CANVAS_SUGGESTION_LIMITS } from '../ai/input-limits.ts';
import type { CanvasData } from './canvas.ts';
import { hasPlaceholder } from './canvas-completion.ts';
import { type CanvasKey, canvasFieldInfo, isCanvasTagKey } from './canvas-fields.ts';
import { cleanTags } from './canvas-import.ts';

/** The field as one text: tag lists joined, so the coach can critique them too. */
export function canvasFieldText(data: CanvasData, key: CanvasKey): string {
  const value = data[key];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * What the page sends for a field of `brandId`'s canvas: the server reads that brand's saved work
 * (and only that brand's) for context.
 */
export function suggestionRequest(
  data: CanvasData,
  key: CanvasKey,
  context: { brandId: string; brandName?: string | null; audience?: string | null },
): AiTaskInput<'canvas-suggestion'> {
  const request: AiTaskInput<'canvas-suggestion'> = {
    brandId: context.brandId,
    field: canvasFieldInfo(key).aiField,
    currentText: canvasFieldText(data, key).trim().slice(0, CANVAS_SUGGESTION_LIMITS.currentText),
  };
  const brandName = context.brandName?.trim();
  if (brandName) request.brandName = brandName.slice(0, CANVAS_SUGGESTION_LIMITS.brandName);
  const audience = context.audience?.trim();
  if (audience) request.audience = audience.slice(0, CANVAS_SUGGESTION_LIMITS.audience);
  return request;
}

/**
 * A rewrite as tags: one per line, bullet, comma or semicolon; "Value: proof" keeps the value;
 * entries still holding a `[placeholder]` are left out (they are a template, not a tag).
 */
export function rewriteToTags(text: string): string[] {
  const pieces = text
    .split(/\n|;|,|•|·/)
    .map(
      (piece) =>
        piece
          .replace(/^\s*(?:[-*–—]|\d+[.)])\s*/, '')
          .split(':')[0]
          ?.replace(/[.!]+\s*$/, '')
          .trim() ?? '',
    )
    .filter((piece) => piece && !hasPlaceholder(piece) && !/[[\]]/.test(piece));
  return cleanTags(pieces);
}

/** What accepting `text` for the field stores: text clipped to the field's limit, or tags. */
export function acceptedValue(key: CanvasKey, text: string): string | string[] {
  if (isCanvasTagKey(key)) return rewriteToTags(text);
  const trimmed = text.trim();
  const max = canvasFieldInfo(key).maxLength;
  return trimmed.length <= max ? trimmed : trimmed.slice(0, max).trimEnd();
}
