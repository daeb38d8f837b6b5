/**
 * The nine canvas fields as the page, the PDF and the import name them. The AI contracts spell the
 * fields in kebab-case (`value-proposition`), the stored data in camelCase (`valueProposition`); this
 * table is the one place that maps between them.
 */
import type { CanvasField } from '../ai/contracts.ts';
import type { CanvasData } from './canvas.ts';
import { CANVAS_TAGLINE_MAX } from './limits.ts';

export type CanvasKey = keyof CanvasData;
export type CanvasTagKey = 'values' | 'personality';
export type CanvasTextKey = Exclude<CanvasKey, CanvasTagKey>;

export interface CanvasFieldInfo {
  key: CanvasKey;
  /** The name the `canvas-suggestion` task knows the field by. */
  aiField: CanvasField;
  label: string;
  /** One line telling the user what belongs in the field. */
  hint: string;
  kind: 'text' | 'tags';
  /** The longest text the field stores (for a tag list, each tag's). */
  maxLength: number;
  /** Left out of the canvas's completion: a brand can be complete without it. */
  optional?: true;
}

/** Canvas limits, mirrored from the stored schema, for inputs that enforce them while typing. */
export const CANVAS_TEXT_MAX = 1000;
export const CANVAS_MAX_TAGS = 12;
export const CANVAS_TAG_MAX = 60;

export const CANVAS_FIELD_INFO: readonly CanvasFieldInfo[] = [
  {
    key: 'purpose',
    aiField: 'purpose',
    label: 'Purpose',
    hint: 'Why the brand exists beyond making money.',
    kind: 'text',
    maxLength: CANVAS_TEXT_MAX,
  },
  {
    key: 'vision',
    aiField: 'vision',
    label: 'Vision',
    hint: 'The future you are working towards, in one or two sentences.',
    kind: 'text',
    maxLength: CANVAS_TEXT_MAX,
  },
  {
    key: 'mission',
    aiField: 'mission',
    label: 'Mission',
    hint: 'What you do, for whom, and how — today.',
    kind: 'text',
    maxLength: CANVAS_TEXT_MAX,
  },
  {
    key: 'values',
    aiField: 'values',
    label: 'Values',
    hint: 'Principles you act on, each one provable by something you do.',
    kind: 'tags',
    maxLength: CANVAS_TAG_MAX,
  },
  {
    key: 'positioning',
    aiField: 'positioning',
    label: 'Positioning statement',
    hint: 'For whom you are the best choice, and why — against the alternatives.',
    kind: 'text',
    maxLength: CANVAS_TEXT_MAX,
  },
  {
    key: 'valueProposition',
    aiField: 'value-proposition',
    label: 'Value proposition',
    hint: 'The outcome customers get and the feeling that comes with it.',
    kind: 'text',
    maxLength: CANVAS_TEXT_MAX,
  },
  {
    key: 'tagline',
    aiField: 'tagline',
    label: 'Tagline',
    hint: 'Optional: one short line people remember you by, under 80 characters.',
    kind: 'text',
    maxLength: CANVAS_TAGLINE_MAX,
    optional: true,
  },
  {
    key: 'personality',
    aiField: 'personality',
    label: 'Personality',
    hint: 'The traits people would use to describe the brand as a person.',
    kind: 'tags',
    maxLength: CANVAS_TAG_MAX,
  },
  {
    key: 'voice',
    aiField: 'voice',
    label: 'Voice',
    hint: 'How the brand sounds: words it uses, words it avoids.',
    kind: 'text',
    maxLength: CANVAS_TEXT_MAX,
  },
];

export const CANVAS_KEYS: readonly CanvasKey[] = CANVAS_FIELD_INFO.map((field) => field.key);

/** The eight fields a complete canvas has filled (the tagline is optional). */
export const CANVAS_COMPLETION_KEYS: readonly CanvasKey[] = CANVAS_FIELD_INFO.filter(
  (field) => !field.optional,
).map((field) => field.key);

export function canvasFieldInfo(key: CanvasKey): CanvasFieldInfo {
  const info = CANVAS_FIELD_INFO.find((field) => field.key === key);
  if (!info) throw new Error(`unknown canvas field ${key}`);
  return info;
}

export function isCanvasTagKey(key: CanvasKey): key is CanvasTagKey {
  return key === 'values' || key === 'personality';
}
