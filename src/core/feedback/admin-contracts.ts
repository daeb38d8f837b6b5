/**
 * Thumbs up / down on coach answers and AI task results, and the admin's feedback inbox and rating
 * comparison (docs/decisions/0051-feedback-and-ratings.md). Signed-in contracts only.
 */
import { z } from 'zod';
import { AI_RATINGS, FEEDBACK_KINDS, FEEDBACK_LIMITS, FEEDBACK_STATUSES } from './limits.ts';

export { AI_RATINGS, type AiRatingValue, FEEDBACK_PAGE_SIZE } from './limits.ts';

// ------------------------------------------------------------------------------------- ratings

const ratingFields = {
  rating: z.enum(AI_RATINGS),
  reason: z
    .string()
    .trim()
    .max(FEEDBACK_LIMITS.reasonMax, `Please keep the reason under ${FEEDBACK_LIMITS.reasonMax} characters.`)
    .optional(),
};

/** A coach answer is rated by its message; a task result by the AI call that produced it (`meta.callId`). */
export const rateAnswerBodySchema = z.discriminatedUnion('subject', [
  z.strictObject({ subject: z.literal('coach-answer'), messageId: z.uuid(), ...ratingFields }),
  z.strictObject({ subject: z.literal('task-result'), callId: z.uuid(), ...ratingFields }),
]);
export type RateAnswerBody = z.infer<typeof rateAnswerBodySchema>;

export const aiRatingSchema = z.object({
  rating: z.enum(AI_RATINGS),
  reason: z.string().nullable(),
  task: z.string(),
  promptVersion: z.number().int().nullable(),
});
export type AiRating = z.infer<typeof aiRatingSchema>;
export const aiRatingResponseSchema = z.object({ rating: aiRatingSchema });

/** The signed-in user's own ratings of some coach answers, so the thumbs show them again. */
export const messageRatingsQuerySchema = z.strictObject({
  messageIds: z
    .string()
    .max(37 * 100)
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(z.uuid()).max(100)),
});
export const messageRatingsSchema = z.object({
  ratings: z.array(
    z.object({ messageId: z.uuid(), rating: z.enum(AI_RATINGS), reason: z.string().nullable() }),
  ),
});
export type MessageRatings = z.infer<typeof messageRatingsSchema>;

// ------------------------------------------------------------------------------------- admin

export const feedbackListQuerySchema = z.strictObject({
  status: z.enum(FEEDBACK_STATUSES).optional(),
  kind: z.enum(FEEDBACK_KINDS).optional(),
  /** Words in the message, the page or the sender's address. */
  q: z.string().trim().max(200).optional(),
  /** The `nextCursor` of the previous page. */
  cursor: z
    .string()
    .max(100)
    .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z_[0-9a-f-]{36}$/, 'Not a page cursor.')
    .optional(),
});
export type FeedbackListQuery = z.infer<typeof feedbackListQuerySchema>;

export const feedbackReplySchema = z.object({
  id: z.uuid(),
  message: z.string(),
  sentTo: z.string(),
  authorEmail: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const feedbackItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(FEEDBACK_KINDS),
  message: z.string(),
  page: z.string(),
  appVersion: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  /** The account that sent it; null for anonymous feedback. */
  sender: z.object({ id: z.uuid(), email: z.string(), name: z.string() }).nullable(),
  contactEmail: z.string().nullable(),
  /** Where a reply would go (the account's address, else the contact address); null: no reply possible. */
  replyTo: z.string().nullable(),
  replies: z.array(feedbackReplySchema),
  createdAt: z.iso.datetime(),
});
export type FeedbackItem = z.infer<typeof feedbackItemSchema>;

export const feedbackListSchema = z.object({
  items: z.array(feedbackItemSchema),
  nextCursor: z.string().nullable(),
  /** How many messages are in each status, whatever the filters. */
  counts: z.object({ new: z.number().int(), triaged: z.number().int(), done: z.number().int() }),
});
export type FeedbackList = z.infer<typeof feedbackListSchema>;

export const feedbackParamsSchema = z.strictObject({ feedbackId: z.uuid() });

export const updateFeedbackStatusBodySchema = z.strictObject({ status: z.enum(FEEDBACK_STATUSES) });

export const replyToFeedbackBodySchema = z.strictObject({
  message: z
    .string()
    .trim()
    .min(1, 'Please write a reply.')
    .max(FEEDBACK_LIMITS.replyMax, `Please keep the reply under ${FEEDBACK_LIMITS.replyMax} characters.`),
});

export const feedbackItemResponseSchema = z.object({ item: feedbackItemSchema });

export const ratingCountsSchema = z.object({ up: z.number().int(), down: z.number().int() });

export const ratingSummarySchema = z.object({
  byTask: z.array(ratingCountsSchema.extend({ task: z.string() })),
  /** One row per task × prompt × version × provider, newest version first. */
  byPromptVersion: z.array(
    ratingCountsSchema.extend({
      task: z.string(),
      promptId: z.string(),
      promptVersion: z.number().int().nullable(),
      provider: z.string().nullable(),
    }),
  ),
  /** The newest ratings that gave a reason. */
  recentReasons: z.array(
    z.object({
      task: z.string(),
      promptVersion: z.number().int().nullable(),
      provider: z.string().nullable(),
      rating: z.enum(AI_RATINGS),
      reason: z.string(),
      createdAt: z.iso.datetime(),
    }),
  ),
});
export type RatingSummary = z.infer<typeof ratingSummarySchema>;

export const ratingSummaryQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(365).default(30),
});
