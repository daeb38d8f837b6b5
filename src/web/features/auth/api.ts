import type {
  RequestPasswordResetBody,
  ResetPasswordBody,
  SignInBody,
  SignUpBody,
  UserResponse,
  VerifyEmailBody,
} from '../../../core/auth/contracts.ts';
import { type Ok, request } from '../../lib/api-client.ts';

/** Signing up and in, and the emailed links; the session itself is lib/session.ts's. */
export const authApi = {
  signUp: (body: SignUpBody): Promise<UserResponse> =>
    request('POST', '/api/auth/sign-up', 'userResponseSchema', body),
  signIn: (body: SignInBody): Promise<UserResponse> =>
    request('POST', '/api/auth/sign-in', 'userResponseSchema', body),
  verifyEmail: (body: VerifyEmailBody): Promise<Ok> =>
    request('POST', '/api/auth/verify-email', 'okSchema', body),
  requestPasswordReset: (body: RequestPasswordResetBody): Promise<Ok> =>
    request('POST', '/api/auth/request-password-reset', 'okSchema', body),
  resetPassword: (body: ResetPasswordBody): Promise<Ok> =>
    request('POST', '/api/auth/reset-password', 'okSchema', body),
};
