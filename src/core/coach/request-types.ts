/**
 * The vocabulary of the coach's request classifier: the kinds of request, the copy formats an owner
 * asks for, and the languages it tells apart. Kept apart from the classifier so the labelled set and
 * the answers that switch on a request type can name them without loading the rules.
 */
import type { Dimension } from '../diagnostic/questionnaire.ts';

export const REQUEST_TYPES = [
  'write-copy',
  'diagnose',
  'next-step',
  'customer-insight',
  'explain',
  'compare-competitors',
  'feedback',
  'off-topic',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  'write-copy': 'Write or rewrite copy',
  diagnose: 'Diagnose a problem',
  'next-step': 'Decide what to do next',
  'customer-insight': 'What customers think, want or worry about',
  explain: 'Explain a concept',
  'compare-competitors': 'Compare with competitors',
  feedback: 'Feedback on something the owner wrote or made',
  'off-topic': 'Not about the brand or its marketing',
};

export const COPY_REQUEST_FORMATS = [
  'tagline',
  'headline',
  'hero',
  'bullets',
  'email-subject',
  'email',
  'bio',
  'product-description',
  'social-caption',
  'ad',
  'video-hook',
  'about',
  'value-proposition',
  'statement',
  'name',
  'copy',
] as const;
export type CopyRequestFormat = (typeof COPY_REQUEST_FORMATS)[number];

export const COPY_REQUEST_FORMAT_LABELS: Record<CopyRequestFormat, string> = {
  tagline: 'Tagline',
  headline: 'Headline',
  hero: 'Landing-page hero',
  bullets: 'Bullet points',
  'email-subject': 'Email subject line',
  email: 'Email',
  bio: 'Profile bio',
  'product-description': 'Product description',
  'social-caption': 'Social post or caption',
  ad: 'Ad',
  'video-hook': 'Short-video hook',
  about: 'About us / brand story',
  'value-proposition': 'Value proposition or pitch',
  statement: 'Mission, vision or purpose statement',
  name: 'Name ideas',
  copy: 'Copy',
};

/** Languages told apart by their function words; `other` is any other (non-Latin) script. */
export const LANGUAGES = ['en', 'fr', 'es', 'de', 'pt', 'it', 'nl', 'other'] as const;
export type LanguageCode = (typeof LANGUAGES)[number];

export const LANGUAGE_LABELS: Record<LanguageCode, string> = {
  en: 'English',
  fr: 'French',
  es: 'Spanish',
  de: 'German',
  pt: 'Portuguese',
  it: 'Italian',
  nl: 'Dutch',
  other: 'a language other than English',
};

/** A message with what a reader would say it asks; see intent-set.ts. */
export interface LabelledRequest {
  message: string;
  type: RequestType;
  /** Labelled only where the message alone makes the IDEA dimension clear. */
  dimension?: Dimension;
  /** For copy requests and feedback on copy; `count` is null when the owner did not say. */
  copy?: { format: CopyRequestFormat; count: number | null };
}
