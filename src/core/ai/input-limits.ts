/**
 * Length limits of what the web app sends the coach, without zod, so a page can clip its input (or
 * show the limit) without loading the contracts chunk. contracts.ts and admin-contracts.ts build
 * their schemas from the same numbers.
 */

/** `contextual-help`: the question about a page or field. */
export const CONTEXTUAL_HELP_QUESTION_MAX = 1000;

/** `insight-guidance`: what the user has written so far. */
export const INSIGHT_GUIDANCE_NOTES_MAX = 4000;

/** `canvas-suggestion`: the field's current text and the context sent with it. */
export const CANVAS_SUGGESTION_LIMITS = { currentText: 2000, brandName: 120, audience: 300 } as const;

/** `value-lens-copy`: the copy brief (`features` is how many; `feature` how long each one is). */
export const VALUE_LENS_BRIEF_LIMITS = {
  product: 120,
  category: 80,
  feature: 200,
  features: 10,
  audience: 200,
} as const;

/** A prompt an admin writes in the prompt editor. */
export const PROMPT_BODY_LIMITS = { min: 20, max: 20_000 } as const;
