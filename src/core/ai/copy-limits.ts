/**
 * Each Value Lens copy format's length limit and how over-long copy is shortened. Shared by the
 * offline coach, the server (which enforces the limits on every provider's answer) and the web app
 * (which shows the count against the limit), so the three can never disagree. No zod here: the page
 * imports it directly.
 */
import type { COPY_TONES, CopyFormat } from './contracts.ts';

export type CopyTone = (typeof COPY_TONES)[number];

/** Each format's length limit in characters (per variant or bullet), matching the platforms'. */
export const COPY_LIMITS: Record<CopyFormat, number> = {
  'amazon-bullets': 500,
  'product-description': 2000,
  'ad-headline': 30,
  'social-caption': 280,
  'email-subject': 60,
  'video-hook': 100,
  'landing-hero': 160,
};

export const COPY_FORMAT_LABELS: Record<CopyFormat, string> = {
  'amazon-bullets': 'Amazon bullets',
  'product-description': 'Product description',
  'ad-headline': 'Ad headline',
  'social-caption': 'Social caption',
  'email-subject': 'Email subject line',
  'video-hook': 'Short-video hook',
  'landing-hero': 'Landing-page hero',
};

export const COPY_TONE_LABELS: Record<CopyTone, string> = {
  warm: 'Warm',
  confident: 'Confident',
  playful: 'Playful',
  premium: 'Premium',
  plain: 'Plain',
};

/** Length as people count it: user-perceived characters, so an emoji or accented letter counts once. */
export function copyLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/**
 * Shortens text to at most `limit` characters, on a word boundary where one is reasonably near,
 * ending with an ellipsis. Text within the limit is returned unchanged.
 */
export function clipCopy(text: string, limit: number): string {
  const chars = Array.from(text);
  if (chars.length <= limit) return text;
  const cut = chars.slice(0, limit - 1).join('');
  // The cut ends on a whole word when the next character is a space; otherwise drop the partial word.
  const endsOnWord = /\s/.test(chars[limit - 1] ?? '');
  const lastSpace = cut.lastIndexOf(' ');
  const base = endsOnWord ? cut : lastSpace > cut.length / 2 ? cut.slice(0, lastSpace) : cut;
  return `${base.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}
