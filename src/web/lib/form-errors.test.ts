import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client.ts';
import { withNext } from './auth-paths.ts';
import { mapErrorDetails } from './form-errors.ts';

describe('mapErrorDetails', () => {
  const error = new ApiError({
    code: 'VALIDATION_FAILED',
    message: 'Check the highlighted fields.',
    status: 400,
    details: [
      { path: 'body.email', message: 'Enter a valid email address' },
      { path: '/password', message: 'Use at least 8 characters' },
      { path: 'captcha', message: 'Solve the puzzle' },
    ],
  });

  it('maps detail paths onto form fields and keeps the rest', () => {
    expect(mapErrorDetails(error, ['email', 'password'])).toEqual({
      fieldErrors: { email: 'Enter a valid email address', password: 'Use at least 8 characters' },
      unmatched: [{ path: 'captcha', message: 'Solve the puzzle' }],
    });
  });

  it('follows aliases for fields the form names differently', () => {
    expect(mapErrorDetails(error, ['newPassword'], { password: 'newPassword' }).fieldErrors).toEqual({
      newPassword: 'Use at least 8 characters',
    });
  });

  it('ignores errors that are not from the API', () => {
    expect(mapErrorDetails(new Error('boom'), ['email'])).toEqual({ fieldErrors: {}, unmatched: [] });
  });
});

describe('withNext', () => {
  it('keeps slashes readable and encodes what would break the parameter', () => {
    expect(withNext('/auth/sign-in', '/app')).toBe('/auth/sign-in?next=/app');
    expect(withNext('/auth/sign-in', '/app/x?tab=a&b=c#h')).toBe(
      '/auth/sign-in?next=/app/x%3Ftab%3Da%26b%3Dc%23h',
    );
    expect(new URLSearchParams('next=/app/x%3Ftab%3Da%26b%3Dc%23h').get('next')).toBe('/app/x?tab=a&b=c#h');
    expect(withNext('/auth/sign-in', null)).toBe('/auth/sign-in');
  });
});
