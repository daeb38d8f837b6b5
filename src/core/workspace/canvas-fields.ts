/**
 * The eight canvas fields as the page, the PDF and the import name them. The AI contracts spell the
 * fields in kebab-case (`value-proposition`), the stored data in camelCase (`valueProposition`); this
 * table is the one place that maps between them.
 */
import type { CanvasField } from '../ai/contracts.ts';
import type { CanvasData } from './canvas.ts';

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
}

export const CANVAS_FIELD_INFO: readonly CanvasFieldInfo[] = [
  {
    key: 'purpose',
    aiField: 'purpose',
    label: 'Purpose',
    hint: 'Why the brand exists beyond making money.',
    kind: 'text',
  },
  {
    key: 'vision',
    aiField: 'vision',
    label: 'Vision',
    hint: 'The future you are working towards, in one or two sentences.',
    kind: 'text',
  },
  {
    key: 'mission',
    aiField: 'mission',
    label: 'Mission',
    hint: 'What you do, for whom, and how — today.',
    kind: 'text',
  },
  {
    key: 'values',
    aiField: 'values',
    label: 'Values',
    hint: 'Principles you act on, each one provable by something you do.',
    kind: 'tags',
  },
  {
    key: 'positioning',
    aiField: 'positioning',
    label: 'Positioning statement',
    hint: 'For whom you are the best choice, and why — against the alternatives.',
    kind: 'text',
  },
  {
    key: 'valueProposition',
    aiField: 'value-proposition',
    label: 'Value proposition',
    hint: 'The outcome customers get and the feeling that comes with it.',
    kind: 'text',
  },
  {
    key: 'personality',
    aiField: 'personality',
    label: 'Personality',
    hint: 'The traits people would use to describe the brand as a person.',
    kind: 'tags',
  },
  {
    key: 'voice',
    aiField: 'voice',
    label: 'Voice',
    hint: 'How the brand sounds: words it uses, words it avoids.',
    kind: 'text',
  },
];

export const CANVAS_KEYS: readonly CanvasKey[] = CANVAS_FIELD_INFO.map((field) => field.key);

export function canvasFieldInfo(key: CanvasKey): CanvasFieldInfo {
  const info = CANVAS_FIELD_INFO.find((field) => field.key === key);
  if (!info) throw new Error(`unknown canvas field ${key}`);
  return info;
}

export function isCanvasTagKey(key: CanvasKey): key is CanvasTagKey {
  return key === 'values' || key === 'personality';
}

/** Canvas limits, mirrored from the stored schema, for inputs that enforce them while typing. */
export const CANVAS_TEXT_MAX = 1000;
export const CANVAS_MAX_TAGS = 12;
export const CANVAS_TAG_MAX = 60;
