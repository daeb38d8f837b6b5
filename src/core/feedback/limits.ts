/**
 * Feedback's kinds, statuses and limits, without zod, so the pages that show the feedback control
 * and the thumbs load no schema code to draw them (ADR 0051).
 */
export const FEEDBACK_KINDS = ['idea', 'problem', 'praise'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = {
  idea: 'Idea',
  problem: 'Problem',
  praise: 'Praise',
};

export const FEEDBACK_STATUSES = ['new', 'triaged', 'done'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_LIMITS = {
  messageMin: 3,
  messageMax: 4000,
  pageMax: 300,
  reasonMax: 500,
  replyMax: 5000,
  /** Anonymous feedback per IP address: per hour and per day (each also needs a solved proof of work). */
  anonymousPerIpPerHour: 5,
  anonymousPerIpPerDay: 20,
  /** Feedback per account per hour. */
  signedInPerUserPerHour: 10,
  /** Thumbs per account per hour (changing a rating counts too). */
  ratingsPerUserPerHour: 120,
} as const;

/** Inbox messages per page. */
export const FEEDBACK_PAGE_SIZE = 50;

export const AI_RATINGS = ['up', 'down'] as const;
export type AiRatingValue = (typeof AI_RATINGS)[number];
