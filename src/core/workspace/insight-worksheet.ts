/**
 * The five steps of the Insight worksheet, as both the page and the snapshot PDF present them, so a
 * downloaded snapshot reads exactly like the page it came from.
 */
import type { SHOPPER_TYPES } from '../ai/contracts.ts';

export type ShopperType = (typeof SHOPPER_TYPES)[number];

export const SHOPPER_TYPE_LABELS: Record<ShopperType, string> = {
  'cost-sensitive': 'Cost-sensitive',
  'quality-focused': 'Quality-focused',
  conscious: 'Conscious (values-driven)',
  connected: 'Connected (social and status)',
};

/** The four shopper types in canonical order (the order of SHOPPER_TYPES; unit-tested). */
export const SHOPPER_TYPE_ORDER = Object.keys(SHOPPER_TYPE_LABELS) as ShopperType[];

export const SHOPPER_TYPE_DESCRIPTIONS: Record<ShopperType, string> = {
  'cost-sensitive': 'Wants good value and reassurance that they are not overpaying.',
  'quality-focused': 'Wants proof of craft, durability and expertise.',
  conscious: 'Wants to know what you stand for and how you make things.',
  connected: 'Cares what their peers buy, share and recommend.',
};

export const INSIGHT_STEPS = [
  {
    id: 'buyer-intent',
    title: 'Buyer intent',
    prompt:
      'Where are your customers in their search when they find you, and what are they trying to get done?',
  },
  {
    id: 'buyer-motivation',
    title: 'Buyer motivation',
    prompt: 'What is really driving the purchase: the outcome they want and the feeling they want with it?',
  },
  {
    id: 'emotional-triggers',
    title: 'Emotional triggers',
    prompt:
      'Which of the seven triggers move your customers most? Take the assessment to check your instinct.',
  },
  {
    id: 'shopper-type',
    title: 'Shopper type',
    prompt: 'Which kind of shopper are your best customers?',
  },
  {
    id: 'demographics',
    title: 'Demographics',
    prompt:
      'Who are they: age, life stage, location, work, income, and anything else that shapes how they buy?',
  },
] as const;
export type InsightStepId = (typeof INSIGHT_STEPS)[number]['id'];
