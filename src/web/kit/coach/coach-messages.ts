import type { AiMeta } from '../../../core/ai/contracts.ts';
import { countOf } from '../../../core/text/plural.ts';
import { describeError, isApiError } from '../../lib/api-client.ts';

/**
 * A sentence for a failed coach request; over the daily quota says when it resets. `situation`
 * replaces the default ending for a page where "keep writing" is not what the user does next.
 */
export function coachErrorMessage(
  error: unknown,
  situation: { blocked: string; saved: string } = {
    blocked: '',
    saved: 'Your work is saved; you can keep writing without the coach.',
  },
): string {
  if (isApiError(error) && error.code === 'QUOTA_EXCEEDED') {
    const hours = error.retryAfterSeconds ? Math.ceil(error.retryAfterSeconds / 3600) : null;
    const blocked = situation.blocked ? `, ${situation.blocked}` : '';
    const resets = hours ? `in about ${countOf(hours, 'hour')}` : 'at midnight UTC';
    return `You have used all of today’s coach requests${blocked}. They reset ${resets}. ${situation.saved}`;
  }
  return describeError(error);
}

/** Who answered: the built-in offline coach is always named as such. */
export function providerLabel(meta: Pick<AiMeta, 'provider' | 'cached'>): string {
  if (meta.provider === 'offline') return 'Offline coach';
  return meta.cached ? 'AI coach (saved answer)' : 'AI coach';
}
