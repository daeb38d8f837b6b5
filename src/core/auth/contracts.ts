import { z } from 'zod';
import { NAME_MAX_LENGTH } from './limits.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules.ts';

/** Emails are compared case-insensitively everywhere; we store them trimmed and lower-cased. */
export const emailSchema = z
  .string()
  .trim()
  .max(254, 'Email is too long')
  .pipe(z.email('Enter a valid email address'))
  .transform((email) => email.toLowerCase());

export const passwordInputSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);

export const nameSchema = z
  .string()
  .trim()
  .min(1, 'Enter your name')
  .max(NAME_MAX_LENGTH, 'Name is too long');

export const signUpBodySchema = z.strictObject({
  name: nameSchema,
  email: emailSchema,
  password: passwordInputSchema,
});
export type SignUpBody = z.input<typeof signUpBodySchema>;

export const signInBodySchema = z.strictObject({
  email: emailSchema,
  // Sign-in accepts any stored password length; the policy applies when a password is set.
  password: z.string().min(1, 'Enter your password').max(PASSWORD_MAX_LENGTH),
  /**
   * The brand this browser last worked in, if any: this browser's anonymous diagnostic results are
   * claimed into it when it is one of the account's live brands (else into the first brand).
   */
  brandId: z.uuid().optional(),
});
export type SignInBody = z.input<typeof signInBodySchema>;

export const requestPasswordResetBodySchema = z.strictObject({ email: emailSchema });
export type RequestPasswordResetBody = z.input<typeof requestPasswordResetBodySchema>;

export const tokenSchema = z
  .string()
  .min(10)
  .max(512)
  .regex(/^[A-Za-z0-9._~-]+$/, 'Malformed token');

export const resetPasswordBodySchema = z.strictObject({
  token: tokenSchema,
  newPassword: passwordInputSchema,
});
export type ResetPasswordBody = z.input<typeof resetPasswordBodySchema>;

export const verifyEmailBodySchema = z.strictObject({ token: tokenSchema });
export type VerifyEmailBody = z.input<typeof verifyEmailBodySchema>;

/**
 * What an emailed link (password reset, email verification) is worth before its page shows a form:
 * `used` — it already did its job; `expired` — too old; `revoked` — a reset link cancelled because the
 * password changed after it was sent (another link was used, or the password was changed in
 * Settings); `invalid` — not a link we issued, cut short, or so old it is forgotten.
 */
export const linkStatusSchema = z.enum(['valid', 'used', 'expired', 'revoked', 'invalid']);
export type LinkStatus = z.infer<typeof linkStatusSchema>;

/** `GET /api/auth/reset-password/status?token=` and `GET /api/auth/verify-email/status?token=`. */
export const linkStatusQuerySchema = z.strictObject({ token: tokenSchema });
export const linkStatusResponseSchema = z.object({ status: linkStatusSchema });
export type LinkStatusResponse = z.infer<typeof linkStatusResponseSchema>;

export {
  type Role,
  roleSchema,
  type SessionResponse,
  type SessionUser,
  sessionResponseSchema,
  sessionUserSchema,
  type UserResponse,
  userResponseSchema,
} from './session-contracts.ts';
