/**
 * Survey limits, question kinds and the open/closed rule without zod, so pages (the builder's
 * counters, the public page) can use them without loading the contracts chunk; contracts.ts builds
 * its schemas from the same numbers.
 */

export const SURVEY_QUESTION_TYPES = [
  'single-choice',
  'multiple-choice',
  'scale',
  'nps',
  'short-text',
  'long-text',
] as const;
export type SurveyQuestionType = (typeof SURVEY_QUESTION_TYPES)[number];

export const SURVEY_QUESTION_TYPE_LABELS: Record<SurveyQuestionType, string> = {
  'single-choice': 'Single choice',
  'multiple-choice': 'Multiple choice',
  scale: 'Scale 1–5',
  nps: 'Likelihood to recommend (0–10)',
  'short-text': 'Short text',
  'long-text': 'Long text',
};

/** The ready-made surveys an owner can start from (templates.ts holds their questions). */
export const SURVEY_TEMPLATE_IDS = ['idea-customer-insight', 'post-purchase', 'brand-perception'] as const;
export type SurveyTemplateId = (typeof SURVEY_TEMPLATE_IDS)[number];

export const SURVEY_STATUSES = ['draft', 'published', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const SURVEY_LIMITS = {
  titleMax: 120,
  introMax: 1000,
  questionsMax: 30,
  promptMax: 300,
  helpMax: 300,
  optionsMin: 2,
  optionsMax: 12,
  optionMax: 120,
  scaleLabelMax: 40,
  shortTextMax: 200,
  longTextMax: 2000,
  /** The most answers one survey takes, cap or not: results and exports stay bounded. */
  responsesMax: 10_000,
  /** Text answers a results page lists per question (newest first); the CSV export has them all. */
  textAnswersListed: 200,
  /**
   * Text answers read by the review engine per question (the newest): sentiment and themes. Reading
   * is CPU work on the request, so it is bounded like the list.
   */
  textAnswersAnalysed: 100,
  /** Surveys per brand, live ones. */
  surveysPerBrand: 100,
} as const;

/** Question ids are written by the builder and key the answers: short and URL-safe. */
export const QUESTION_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * Public links: 16 characters of lower-case base32 (80 random bits), made by the server. Nobody can
 * guess or list them; the pattern lets a route refuse anything else before touching the database.
 */
export const SURVEY_SLUG_PATTERN = /^[a-z2-7]{16}$/;

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const NPS_MIN = 0;
export const NPS_MAX = 10;

/** How the review engine labels one text answer. */
export const TEXT_SENTIMENTS = ['positive', 'negative', 'mixed', 'neutral'] as const;
export type TextSentiment = (typeof TEXT_SENTIMENTS)[number];

/** Why a survey takes no answers right now, or null when it does. */
export type SurveyClosedReason = 'draft' | 'closed' | 'past-close-date' | 'cap-reached';

export interface SurveyAvailabilityInput {
  status: SurveyStatus;
  /** ISO date-time or null. */
  closesAt: string | null;
  responseCap: number | null;
  responseCount: number;
}

/** Whether a survey takes answers at `now`, and if not, why. */
export function surveyClosedReason(survey: SurveyAvailabilityInput, now: Date): SurveyClosedReason | null {
  if (survey.status === 'draft') return 'draft';
  if (survey.status === 'closed') return 'closed';
  if (survey.closesAt && Date.parse(survey.closesAt) <= now.getTime()) return 'past-close-date';
  const cap = Math.min(survey.responseCap ?? SURVEY_LIMITS.responsesMax, SURVEY_LIMITS.responsesMax);
  if (survey.responseCount >= cap) return 'cap-reached';
  return null;
}

/** What a respondent (and the owner) reads for each reason. */
export const SURVEY_CLOSED_MESSAGES: Record<SurveyClosedReason, string> = {
  draft: 'This survey is not published yet.',
  closed: 'This survey is closed and no longer takes answers. Thank you for your interest.',
  'past-close-date': 'This survey has passed its closing date and no longer takes answers.',
  'cap-reached': 'This survey has all the answers it needs and no longer takes new ones. Thank you!',
};

/** Net Promoter Score from counts: % promoters (9–10) minus % detractors (0–6), rounded; null with no answers. */
export function npsScore(counts: { promoters: number; passives: number; detractors: number }): number | null {
  const total = counts.promoters + counts.passives + counts.detractors;
  if (total === 0) return null;
  return Math.round(((counts.promoters - counts.detractors) / total) * 100);
}
