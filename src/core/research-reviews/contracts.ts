/**
 * The review analyser's API: a run from pasted reviews, an uploaded CSV (with its column mapping) or
 * an avatar's saved reviews; the stored run with themes, pros and cons quoted verbatim, sentiment per
 * review and per month, rating and text that disagree, triggers and key phrases; the paged list of
 * runs; and findings proposed for an avatar's fears and desires or a canvas field.
 */
import { z } from 'zod';
import { EMOTIONAL_TRIGGERS } from '../ai/contracts.ts';
import { idParam, int4, integerParam } from '../http/params.ts';
import { CANVAS_FIELD_INFO, type CanvasTextKey } from '../workspace/canvas-fields.ts';
import { REVIEW_COLUMN_ROLES } from './columns.ts';
import { formatCount, REVIEW_RUN_LIMITS as LIMITS } from './limits.ts';

const runName = z.string().trim().max(LIMITS.runName, `Keep the name under ${LIMITS.runName} characters`);

export const pastedReviewsRunSchema = z.strictObject({
  source: z.literal('paste'),
  /** One review per blank-line-separated block, or one per line when there are no blank lines. */
  text: z
    .string()
    .max(LIMITS.pasteCharacters, `Paste at most ${formatCount(LIMITS.pasteCharacters)} characters`),
  name: runName.optional(),
});

export const avatarReviewsRunSchema = z.strictObject({
  source: z.literal('avatar'),
  /** An avatar of this brand; its saved customer reviews are analysed. */
  avatarId: idParam(),
  name: runName.optional(),
});

export const reviewRunRequestSchema = z.discriminatedUnion('source', [
  pastedReviewsRunSchema,
  avatarReviewsRunSchema,
]);
export type ReviewRunRequest = z.input<typeof reviewRunRequestSchema>;
export type ReviewRunRequestBody = z.output<typeof reviewRunRequestSchema>;

const columnName = z.string().trim().min(1).max(LIMITS.columnName);

/** The column mapping of an upload, in the query string; a role left out is detected from the header. */
export const reviewUploadQuerySchema = z.strictObject({
  text: columnName.optional(),
  rating: columnName.optional(),
  date: columnName.optional(),
  source: columnName.optional(),
  name: runName.optional(),
});
export type ReviewUploadQuery = z.output<typeof reviewUploadQuerySchema>;

export const reviewUploadFormSchema = z.object({
  file: z
    .file()
    .describe(
      `Reviews as CSV (UTF-8 or UTF-16; comma, semicolon or tab; at most ${formatCount(LIMITS.reviews)} rows and ${LIMITS.csvBytes / (1024 * 1024)} MB): a column of review text, optionally rating, date and source.`,
    ),
});

const mappingSchema = z.object(
  Object.fromEntries(REVIEW_COLUMN_ROLES.map((role) => [role, z.string().nullable()])) as Record<
    (typeof REVIEW_COLUMN_ROLES)[number],
    z.ZodNullable<z.ZodString>
  >,
);

export const reviewCsvPreviewSchema = z.object({
  fileName: z.string(),
  columns: z.array(z.string()),
  /** The columns detected for each role (null when none was recognised). */
  mapping: mappingSchema,
  /** Data rows in the file (after the header). */
  rowCount: z.number().int().min(0),
  /** The first rows, cells cut to 200 characters, to check the mapping against. */
  sample: z.array(z.array(z.string())),
});
export type ReviewCsvPreview = z.infer<typeof reviewCsvPreviewSchema>;
export const reviewCsvPreviewResponseSchema = z.object({ preview: reviewCsvPreviewSchema });

export const REVIEW_LABELS = ['positive', 'negative', 'mixed', 'neutral'] as const;
export type ReviewLabel = (typeof REVIEW_LABELS)[number];
const POLARITIES = ['positive', 'negative', 'neutral'] as const;

const countsSchema = z.object({
  positive: z.number().int().min(0),
  negative: z.number().int().min(0),
  mixed: z.number().int().min(0),
  neutral: z.number().int().min(0),
});

const quoteSchema = z.object({
  /** The review's position in the run (0-based), to find it in the list of reviews. */
  review: z.number().int().min(0),
  text: z.string(),
});
export type ReviewQuote = z.infer<typeof quoteSchema>;

export const reviewThemeSchema = z.object({
  /** A theme id (`price`, `packaging`…) or `phrase:<head lemma>` for a subject outside them. */
  key: z.string(),
  label: z.string(),
  kind: z.enum(['theme', 'phrase']),
  mentions: z.number().int().min(0),
  positive: z.number().int().min(0),
  negative: z.number().int().min(0),
  neutral: z.number().int().min(0),
  pros: z.array(quoteSchema),
  cons: z.array(quoteSchema),
  terms: z.array(z.string()),
});
export type ReviewTheme = z.infer<typeof reviewThemeSchema>;

export const MISMATCH_KINDS = ['high-rating-negative-text', 'low-rating-positive-text'] as const;
export type MismatchKind = (typeof MISMATCH_KINDS)[number];

export const reviewMismatchSchema = z.object({
  review: z.number().int().min(0),
  kind: z.enum(MISMATCH_KINDS),
  rating: z.number(),
  label: z.enum(REVIEW_LABELS),
  text: z.string(),
});
export type ReviewMismatch = z.infer<typeof reviewMismatchSchema>;

export const reviewRunResultSchema = z.object({
  counts: countsSchema,
  themes: z.array(reviewThemeSchema),
  keyPhrases: z.array(
    z.object({
      phrase: z.string(),
      count: z.number().int().min(0),
      polarity: z.enum(POLARITIES),
    }),
  ),
  triggers: z.array(
    z.object({
      trigger: z.enum(EMOTIONAL_TRIGGERS),
      mentions: z.number().int().min(0),
      quotes: z.array(quoteSchema),
    }),
  ),
  trend: z.array(
    z.object({
      month: z.string(),
      count: z.number().int().min(0),
      positive: z.number().int().min(0),
      negative: z.number().int().min(0),
      mixed: z.number().int().min(0),
      neutral: z.number().int().min(0),
      averageScore: z.number(),
    }),
  ),
  /** Reviews without a readable date (left out of the trend). */
  undated: z.number().int().min(0),
  mismatches: z.array(reviewMismatchSchema),
  /** All mismatches; `mismatches` lists the first 50. */
  mismatchCount: z.number().int().min(0),
  rated: z.number().int().min(0),
  averageRating: z.number().nullable(),
});
export type ReviewRunResult = z.infer<typeof reviewRunResultSchema>;

export const REVIEW_RUN_SOURCES = ['paste', 'csv', 'avatar'] as const;

export const reviewRunSummarySchema = z.object({
  id: z.uuid(),
  brandId: z.uuid(),
  name: z.string(),
  source: z.enum(REVIEW_RUN_SOURCES),
  fileName: z.string().nullable(),
  avatarId: z.uuid().nullable(),
  /** The columns an upload was read with. */
  mapping: mappingSchema.nullable(),
  reviewCount: z.number().int().min(0),
  counts: countsSchema,
  createdAt: z.iso.datetime(),
});
export type ReviewRunSummary = z.infer<typeof reviewRunSummarySchema>;

export const reviewRunSchema = reviewRunSummarySchema.extend({
  result: reviewRunResultSchema,
  /** What the reader should know about how the run was made (rows skipped, reviews cut). */
  notes: z.array(z.string()),
});
export type ReviewRun = z.infer<typeof reviewRunSchema>;
export const reviewRunResponseSchema = z.object({ run: reviewRunSchema });

export const reviewRunListQuerySchema = z.strictObject({
  limit: integerParam({ max: LIMITS.pageSizeMax }).default(20),
  cursor: z
    .string()
    .regex(/^\d{13}_[0-9a-f-]{36}$/i, 'Not a valid cursor')
    .optional(),
});
export const reviewRunListResponseSchema = z.object({
  runs: z.array(reviewRunSummarySchema),
  nextCursor: z.string().nullable(),
});
export type ReviewRunList = z.infer<typeof reviewRunListResponseSchema>;

export const reviewRunParamsSchema = z.strictObject({ brandId: idParam(), runId: idParam() });

/** One review of a run as stored and exported. */
export const analysedReviewSchema = z.object({
  index: z.number().int().min(0),
  text: z.string(),
  rating: z.number().nullable(),
  date: z.string().nullable(),
  source: z.string().nullable(),
  label: z.enum(REVIEW_LABELS),
  score: z.number(),
  themes: z.array(z.string()),
});
export type AnalysedReviewRow = z.infer<typeof analysedReviewSchema>;

export const reviewRowsQuerySchema = z.strictObject({
  offset: integerParam({ min: 0, max: LIMITS.reviews }).default(0),
  limit: integerParam({ max: LIMITS.reviewsPageMax }).default(50),
  label: z.enum(REVIEW_LABELS).optional(),
});
export const reviewRowsResponseSchema = z.object({
  reviews: z.array(analysedReviewSchema),
  /** Reviews matching the filter. */
  total: z.number().int().min(0),
});
export type ReviewRows = z.infer<typeof reviewRowsResponseSchema>;

/** Canvas fields that hold text (the tag lists take tags, not findings). */
export const CANVAS_TEXT_FIELDS = CANVAS_FIELD_INFO.filter((field) => field.kind === 'text').map(
  (field) => field.key as CanvasTextKey,
) as [CanvasTextKey, ...CanvasTextKey[]];

export const AVATAR_FINDING_LISTS = ['fears', 'desires'] as const;

export const findingTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('avatar'), itemId: idParam(), list: z.enum(AVATAR_FINDING_LISTS) }),
  z.strictObject({ kind: z.literal('canvas'), field: z.enum(CANVAS_TEXT_FIELDS) }),
]);
export type FindingTarget = z.infer<typeof findingTargetSchema>;

export const findingProposalsQuerySchema = z.union([
  z.strictObject({ target: z.literal('avatar'), avatarId: idParam() }),
  z.strictObject({ target: z.literal('canvas'), field: z.enum(CANVAS_TEXT_FIELDS) }),
]);

export const findingProposalSchema = z.object({
  /** Stable within a run and target: `<con|pro>:<theme key>`. */
  id: z.string(),
  finding: z.object({
    kind: z.enum(['con', 'pro']),
    themeKey: z.string(),
    themeLabel: z.string(),
    /** Reviews complaining about (con) or praising (pro) the theme. */
    reviews: z.number().int().min(0),
    quote: z.string(),
  }),
  target: findingTargetSchema,
  /** Where it goes, as the owner knows it ("Avatar Maya: fears", "Canvas: value proposition"). */
  label: z.string(),
  /** What the field holds now (an avatar list as its entries). */
  current: z.union([z.string(), z.array(z.string())]),
  /** For an avatar list: the entry to add; for a canvas field: its whole new text. */
  proposed: z.string(),
  /** The item's version the proposal was made from; accepting with it refuses if it changed. */
  baseVersion: z.number().int().min(0),
  /** The longest the proposed text may be. */
  maxLength: z.number().int().min(1),
});
export type FindingProposal = z.infer<typeof findingProposalSchema>;
export const findingProposalsResponseSchema = z.object({ proposals: z.array(findingProposalSchema) });

export const acceptFindingSchema = z.strictObject({
  target: findingTargetSchema,
  text: z.string().trim().min(1, 'Write what to add'),
  baseVersion: int4({ min: 0 }),
});
export type AcceptFindingBody = z.output<typeof acceptFindingSchema>;
export const acceptFindingResponseSchema = z.object({
  itemId: z.uuid(),
  version: z.number().int().min(1),
  label: z.string(),
});
export type AcceptFindingResponse = z.infer<typeof acceptFindingResponseSchema>;
