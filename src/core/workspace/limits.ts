/**
 * Workspace field limits without zod, so pages can show them (maxLength, counters, a disabled "Add"
 * button) without loading the contracts chunk. The item schemas (fields.ts, items.ts, modules.ts) are
 * built from the same numbers. The canvas's and the avatar's are in canvas-fields.ts and
 * avatar-profile.ts.
 */

export const BRAND_NAME_MAX = 80;

/** The name of the brand every account starts with; the coach never writes it into a sentence. */
export const DEFAULT_BRAND_NAME = 'My brand';

/** A tagline is one short line: longer text is a statement and belongs in another canvas field. */
export const CANVAS_TAGLINE_MAX = 80;

/** A tag's length unless its list says otherwise. */
export const TAG_MAX_LENGTH = 60;

export const INSIGHT_LIMITS = {
  buyerIntent: 2000,
  buyerMotivation: 2000,
  triggerNotes: 2000,
  shopperNotes: 1000,
  demographics: 2000,
} as const;

export const DISTINCTIVE_LIMITS = {
  /** How many assets, and each one's description. */
  assets: 30,
  assetDescription: 300,
  /** How many competitors, each one's name and how the brand differs from it. */
  differentiators: 20,
  competitor: 120,
  difference: 1000,
  positioning: 2000,
} as const;

export const EMPATHETIC_LIMITS = {
  /** Each of the before, during and after feelings. */
  feeling: 1000,
  /** Tags per list (needs, fears, listening channels) and each tag's length. */
  tags: 20,
  tag: 120,
} as const;

export const AUTHENTIC_LIMITS = {
  /** How many values, each one's name and its proof. */
  values: 10,
  value: 80,
  proof: 1000,
  /** Each part of the story (origin, struggle, mission). */
  story: 2000,
  promise: 1000,
  /** How many touchpoints, each one's name and its note. */
  touchpoints: 30,
  touchpoint: 120,
  note: 500,
} as const;
