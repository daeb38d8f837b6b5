/**
 * The choices the Value Lens form offers. Kept free of zod (the contracts chunk loads on demand), and
 * typed against the contracts so a new trigger, tone or format cannot be forgotten here.
 */
import type { CopyFormat, EmotionalTrigger } from '../../../core/ai/contracts.ts';
import {
  COPY_FORMAT_LABELS,
  COPY_LIMITS,
  COPY_TONE_LABELS,
  type CopyTone,
} from '../../../core/ai/copy-limits.ts';

export const PAYOFF_LABELS: Record<EmotionalTrigger, string> = {
  hope: 'Hope — things can get better',
  belonging: 'Belonging — being part of something',
  validation: 'Validation — feeling recognised',
  trust: 'Trust — feeling safe to rely on you',
  relief: 'Relief — a worry taken away',
  aspiration: 'Aspiration — becoming who they want to be',
  empowerment: 'Empowerment — feeling capable',
};

export const PAYOFFS = Object.keys(PAYOFF_LABELS) as EmotionalTrigger[];
export const TONES = Object.keys(COPY_TONE_LABELS) as CopyTone[];
export const FORMATS = Object.keys(COPY_FORMAT_LABELS) as CopyFormat[];

export function formatDescription(format: CopyFormat): string {
  const limit = COPY_LIMITS[format];
  return format === 'amazon-bullets'
    ? `up to ${limit} characters per bullet`
    : `up to ${limit.toLocaleString('en')} characters`;
}
