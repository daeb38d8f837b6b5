import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client.ts';
import { coachErrorMessage, providerLabel } from './coach-messages.ts';

describe('coach messages', () => {
  it('explains an exhausted daily quota with when it resets', () => {
    const error = new ApiError({
      code: 'QUOTA_EXCEEDED',
      status: 429,
      message: 'Daily AI limit reached.',
      retryAfterSeconds: 7200,
    });
    expect(coachErrorMessage(error)).toBe(
      'You have used all of today’s coach requests. They reset in about 2 hours. Your work is saved; you can keep writing without the coach.',
    );
    const noHeader = new ApiError({ code: 'QUOTA_EXCEEDED', status: 429, message: 'x' });
    expect(coachErrorMessage(noHeader)).toContain('They reset at midnight UTC.');
  });

  it('says what the quota blocks and what is kept, for pages that are not about writing', () => {
    const error = new ApiError({
      code: 'QUOTA_EXCEEDED',
      status: 429,
      message: 'x',
      retryAfterSeconds: 3000,
    });
    expect(
      coachErrorMessage(error, {
        blocked: 'so the reviews can’t be analysed now',
        saved: 'Your reviews are saved.',
      }),
    ).toBe(
      'You have used all of today’s coach requests, so the reviews can’t be analysed now. They reset in about 1 hour. Your reviews are saved.',
    );
  });

  it('passes other errors through as their message', () => {
    expect(coachErrorMessage(new ApiError({ code: 'NOT_FOUND', status: 404, message: 'Gone.' }))).toBe(
      'Gone.',
    );
  });

  it('names the offline coach as such', () => {
    expect(providerLabel({ provider: 'offline', cached: false })).toBe('Offline coach');
    expect(providerLabel({ provider: 'openai-compatible', cached: true })).toBe('AI coach (saved answer)');
  });
});
