import type {
  LinkStatusResponse,
  RequestPasswordResetBody,
  ResetPasswordBody,
  SignInBody,
  SignUpBody,
  UserResponse,
  VerifyEmailBody,
} from '../../../core/auth/contracts.ts';
import { rememberedBrandId } from '../../kit/workspace/brand.ts';
import { type Ok, request } from '../../lib/api-client.ts';

/** Signing up and in, and the emailed links; the session itself is lib/session.ts's. */
export const authApi = {
  signUp: (body: SignUpBody): Promise<UserResponse> =>
    request('POST', '/api/auth/sign-up', 'userResponseSchema', body),
  // Diagnostic results taken here before signing in join the brand this browser worked in last.
  signIn: (body: SignInBody): Promise<UserResponse> => {
    const brandId = body.brandId ?? rememberedBrandId();
    return request('POST', '/api/auth/sign-in', 'userResponseSchema', brandId ? { ...body, brandId } : body);
  },
  verifyEmail: (body: VerifyEmailBody): Promise<Ok> =>
    request('POST', '/api/auth/verify-email', 'okSchema', body),
  requestPasswordReset: (body: RequestPasswordResetBody): Promise<Ok> =>
    request('POST', '/api/auth/request-password-reset', 'okSchema', body),
  resetPassword: (body: ResetPasswordBody): Promise<Ok> =>
    request('POST', '/api/auth/reset-password', 'okSchema', body),
  /** Whether an emailed link still works, asked before its page shows anything to fill in. */
  linkStatus: (kind: 'reset-password' | 'verify-email', token: string): Promise<LinkStatusResponse> =>
    request('GET', `/api/auth/${kind}/status?${new URLSearchParams({ token })}`, 'linkStatusResponseSchema'),
};
