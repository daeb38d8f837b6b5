/**
 * How many customer reviews one analysis (`review-analysis`, `avatar-voice`) takes. Kept free of the
 * schema library so pages can show the limits without loading it.
 */
export const MAX_REVIEWS = 200;
export const MAX_REVIEW_CHARACTERS = 60_000;
/** Longest single review; longer ones are cut at a word boundary on import. */
export const MAX_REVIEW_LENGTH = 5000;
