/**
 * Limits of buyer-intent research, without zod, so the page can show them (and clip its input)
 * without loading the contracts chunk. The contracts and the server's parsers use the same numbers.
 */
export const INTENT_RESEARCH_LIMITS = {
  /** Distinct terms analysed in one run. */
  termsPerRun: 2000,
  /** Characters in one search term. */
  termLength: 200,
  /** Characters of pasted text (2,000 terms of 200 characters, their line breaks and some blank lines). */
  pasteLength: 450_000,
  /** Data rows of an uploaded search-term report. */
  csvRows: 100_000,
  /** Bytes of an uploaded search-term report. */
  csvBytes: 20 * 1024 * 1024,
  /** Names in a brand's list of its own names (brand, product lines, shop name). */
  ownNames: 10,
  /** Names in a brand's list of competitors and retailers it wants recognised. */
  competitorNames: 50,
  /** Characters in one brand name; a single character would match too much. */
  nameMin: 2,
  nameMax: 60,
  /** Characters of the optional industry. */
  industry: 120,
  /** Characters of a run's name. */
  runName: 120,
  /** Runs listed per page. */
  pageSizeMax: 50,
} as const;

/** Terms the `buyer-intent` task takes in one request (its input contract). */
export const BUYER_INTENT_TERMS_MAX = 100;

/**
 * Terms a research run sends per `buyer-intent` request. A model answers each term with its class,
 * signals and reason (about 55 tokens), so 50 terms stay well inside the task's 4,000-token answer;
 * 100 would not.
 */
export const INTENT_TERMS_PER_REQUEST = 50;

/** The multipart field an uploaded search-term report goes in. */
export const INTENT_UPLOAD_FIELD = 'file';
