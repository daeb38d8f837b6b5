import type { ReviewLabel } from '../../../core/research-reviews/contracts.ts';

export const LABEL_NAMES: Record<ReviewLabel, string> = {
  positive: 'Positive',
  mixed: 'Mixed',
  negative: 'Negative',
  neutral: 'Neutral',
};

export const LABEL_ORDER: readonly ReviewLabel[] = ['positive', 'mixed', 'negative', 'neutral'];
