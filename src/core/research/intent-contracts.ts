/**
 * Buyer-intent research's API: a run from pasted terms (or an uploaded search-term report), the
 * stored run with its terms grouped by theme, the per-brand list of brand names, and the paged list
 * of runs.
 */
import { z } from 'zod';
import { aiMetaSchema, BUYER_INTENTS } from '../ai/contracts.ts';
import { idParam, integerParam } from '../http/params.ts';
import { INTENT_RESEARCH_LIMITS as LIMITS } from './intent-limits.ts';

const optionalText = (max: number) => z.string().trim().max(max).optional();

const brandName = z
  .string()
  .trim()
  .min(LIMITS.nameMin, `A name needs at least ${LIMITS.nameMin} characters`)
  .max(LIMITS.nameMax, `A name has at most ${LIMITS.nameMax} characters`);

export const brandNamesSchema = z.strictObject({
  /** The brand's own names: the brand, its shop, its product lines. */
  own: z.array(brandName).max(LIMITS.ownNames, `At most ${LIMITS.ownNames} of your own names`),
  /** Competitors (and retailers) whose names should count as navigational. */
  competitors: z
    .array(brandName)
    .max(LIMITS.competitorNames, `At most ${LIMITS.competitorNames} competitor names`),
});
export type BrandNamesBody = z.output<typeof brandNamesSchema>;

export const brandNamesResponseSchema = z.object({
  brandNames: z.object({ own: z.array(z.string()), competitors: z.array(z.string()) }),
  /** Null until the list is first saved. */
  updatedAt: z.iso.datetime().nullable(),
});
export type BrandNamesResponse = z.infer<typeof brandNamesResponseSchema>;

/** Pasted terms: one per line; the server trims, drops empty lines and repeats, and checks the limits. */
export const pastedTermsRunSchema = z.strictObject({
  text: z
    .string()
    .max(LIMITS.pasteLength, `Paste at most ${LIMITS.pasteLength.toLocaleString('en-GB')} characters`),
  industry: optionalText(LIMITS.industry),
  /** What to call the run in the list; a name is made from the first terms when absent. */
  name: optionalText(LIMITS.runName),
});
export type PastedTermsRun = z.input<typeof pastedTermsRunSchema>;
export type PastedTermsRunBody = z.output<typeof pastedTermsRunSchema>;

export const intentUploadFormSchema = z.object({
  file: z
    .file()
    .describe(
      'A search-term report as CSV (UTF-8 or UTF-16; comma, semicolon or tab): a column named like “Search term”, “Query” or “Keyword”, optionally “Impressions”, “Clicks”, “Volume” or “Searches”.',
    ),
});

const intentCountsSchema = z.object({
  informational: z.number().int().min(0),
  commercial: z.number().int().min(0),
  transactional: z.number().int().min(0),
  navigational: z.number().int().min(0),
});
export type IntentCounts = z.infer<typeof intentCountsSchema>;

export const BRAND_NAME_KINDS = ['own', 'competitor', 'retailer'] as const;

export const intentTermSchema = z.object({
  term: z.string(),
  intent: z.enum(BUYER_INTENTS),
  confidence: z.number().min(0).max(1),
  reason: z.string(),
  /** From the report's volume column (searches, or impressions when that is all it has). */
  volume: z.number().int().min(0).nullable(),
  clicks: z.number().int().min(0).nullable(),
  /** The brand name the term contains, which made it navigational (or commercial when comparing). */
  brand: z.object({ name: z.string(), kind: z.enum(BRAND_NAME_KINDS) }).nullable(),
});
export type IntentTerm = z.infer<typeof intentTermSchema>;

export const intentGroupSchema = z.object({
  /** The theme's head lemma, or `brand:<name>` for terms that are only a brand name. */
  key: z.string(),
  label: z.string(),
  /** The class most of its terms are in. */
  intent: z.enum(BUYER_INTENTS),
  counts: intentCountsSchema,
  volume: z.number().int().min(0).nullable(),
  clicks: z.number().int().min(0).nullable(),
  /** What content or copy fits these terms. */
  suggestion: z.string(),
  terms: z.array(intentTermSchema),
});
export type IntentGroup = z.infer<typeof intentGroupSchema>;

export const INTENT_RUN_SOURCES = ['paste', 'csv'] as const;

export const intentRunSummarySchema = z.object({
  id: z.uuid(),
  brandId: z.uuid(),
  name: z.string(),
  source: z.enum(INTENT_RUN_SOURCES),
  fileName: z.string().nullable(),
  industry: z.string().nullable(),
  /** Terms analysed. */
  termCount: z.number().int().min(0),
  /** Distinct terms the paste or file held (more than `termCount` when a report was cut to the limit). */
  totalTerms: z.number().int().min(0),
  counts: intentCountsSchema,
  /** The report column the volumes came from (e.g. "Impressions"), or null without volumes. */
  volumeLabel: z.string().nullable(),
  hasClicks: z.boolean(),
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
export type IntentRunSummary = z.infer<typeof intentRunSummarySchema>;

export const intentRunSchema = intentRunSummarySchema.extend({
  groups: z.array(intentGroupSchema),
  /** The strategy for the whole mix. */
  strategy: z.array(z.string()),
  /** What the reader should know about how the run was made (terms cut, terms the rules filled in). */
  notes: z.array(z.string()),
  /** The brand names the run was classified with. */
  brandNames: z.object({ own: z.array(z.string()), competitors: z.array(z.string()) }),
});
export type IntentRun = z.infer<typeof intentRunSchema>;

export const intentRunResponseSchema = z.object({ run: intentRunSchema });

export const intentRunListQuerySchema = z.strictObject({
  limit: integerParam({ max: LIMITS.pageSizeMax }).default(20),
  /** The `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^\d{13}_[0-9a-f-]{36}$/i, 'Not a valid cursor')
    .optional(),
});

export const intentRunListResponseSchema = z.object({
  runs: z.array(intentRunSummarySchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type IntentRunList = z.infer<typeof intentRunListResponseSchema>;

export const intentRunParamsSchema = z.strictObject({ brandId: idParam(), runId: idParam() });
