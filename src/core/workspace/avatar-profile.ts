/**
 * Everything pages, the PDF and the coach need to show or describe an avatar — option lists, labels,
 * suggestions, the one-paragraph summary — without the schema library, so a page importing it does
 * not pull zod into its initial JavaScript. The stored shape itself is in avatar.ts.
 */
import type { BUYER_INTENTS, EmotionalTrigger, SHOPPER_TYPES } from '../ai/contracts.ts';
import { MAX_REVIEW_CHARACTERS, MAX_REVIEWS } from '../ai/review-limits.ts';

export const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export const INCOME_BANDS = ['low', 'lower-middle', 'middle', 'upper-middle', 'high'] as const;
export const LOCATION_TYPES = ['urban', 'suburban', 'rural'] as const;
export const PRICE_SENSITIVITY = ['low', 'medium', 'high'] as const;

/** How each trigger shows in a customer (labels and order are TRIGGER_LABELS / TRIGGERS in trigger-assessment.ts). */
export const AVATAR_TRIGGER_DESCRIPTIONS: Record<EmotionalTrigger, string> = {
  hope: 'Believes things can get better with the right help.',
  belonging: 'Wants to be part of a group of people like them.',
  validation: 'Wants to be seen making a good choice.',
  trust: 'Needs proof that the promise will be kept.',
  relief: 'Wants a worry or hassle taken away.',
  aspiration: 'Buys towards the person they want to become.',
  empowerment: 'Wants to feel capable and in control.',
};

/** Limits of the tag lists, as avatar.ts enforces them. */
export const AVATAR_TAG_LIMITS = { values: 15, fears: 15, desires: 15, decisionFactors: 15 } as const;
/** A decision factor is a phrase ("free returns within 30 days"), longer than the other tags. */
export const AVATAR_DECISION_FACTOR_MAX_LENGTH = 120;
export const AVATAR_TEXT_LIMITS = { name: 80, occupation: 120, lifestyle: 1000 } as const;
/** The stored reviews: one analysis's worth plus the blank lines between them. */
export const AVATAR_REVIEWS_MAX_CHARACTERS = MAX_REVIEW_CHARACTERS + 2 * MAX_REVIEWS;

export const AGE_BAND_LABELS: Record<(typeof AGE_BANDS)[number], string> = {
  '18-24': '18–24',
  '25-34': '25–34',
  '35-44': '35–44',
  '45-54': '45–54',
  '55-64': '55–64',
  '65+': '65 and over',
};
export const INCOME_BAND_LABELS: Record<(typeof INCOME_BANDS)[number], string> = {
  low: 'Low',
  'lower-middle': 'Lower middle',
  middle: 'Middle',
  'upper-middle': 'Upper middle',
  high: 'High',
};
export const LOCATION_TYPE_LABELS: Record<(typeof LOCATION_TYPES)[number], string> = {
  urban: 'Urban',
  suburban: 'Suburban',
  rural: 'Rural',
};
export const PRICE_SENSITIVITY_LABELS: Record<(typeof PRICE_SENSITIVITY)[number], string> = {
  low: 'Low — pays for what they want',
  medium: 'Medium — compares before buying',
  high: 'High — buys on price',
};
export const SHOPPER_TYPE_LABELS: Record<(typeof SHOPPER_TYPES)[number], string> = {
  'cost-sensitive': 'Cost-sensitive',
  'quality-focused': 'Quality-focused',
  conscious: 'Conscious (ethics and sustainability)',
  connected: 'Connected (follows peers and social proof)',
};
export const BUYER_INTENT_LABELS: Record<(typeof BUYER_INTENTS)[number], string> = {
  informational: 'Informational — researching the problem',
  commercial: 'Commercial — comparing options',
  transactional: 'Transactional — ready to buy',
  navigational: 'Navigational — looking for a brand',
};

/** Starting points offered as chips beside each tag list; the analysis of reviews adds its own. */
export const TAG_SUGGESTIONS = {
  values: ['Quality', 'Convenience', 'Sustainability', 'Value for money', 'Family', 'Independence', 'Health'],
  fears: [
    'Wasting money',
    'Poor quality',
    'Being misled',
    'Slow delivery',
    'Looking foolish',
    'Hidden costs',
    'Hard returns',
  ],
  desires: [
    'Save time',
    'Feel confident',
    'Look good',
    'Peace of mind',
    'Be part of a community',
    'Do the right thing',
    'Treat themselves',
  ],
  decisionFactors: [
    'Price',
    'Reviews',
    'Delivery speed',
    'Brand reputation',
    'Returns policy',
    'Ingredients',
  ],
} as const;
