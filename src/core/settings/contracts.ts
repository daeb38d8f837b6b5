/**
 * The Settings API (`/api/settings/*`): profile, password and the account's signed-in devices.
 * Shared by the server (validation, serialisation) and the web app's Settings page.
 */
import { z } from 'zod';
import { emailSchema, nameSchema, passwordInputSchema } from '../auth/contracts.ts';
import { PASSWORD_MAX_LENGTH } from '../auth/password-rules.ts';
import { idParam } from '../http/params.ts';

/** `PATCH /api/settings/profile` → `200 { user }` (the session user with the new name). */
export const updateProfileBodySchema = z.strictObject({ name: nameSchema });
export type UpdateProfileBody = z.input<typeof updateProfileBodySchema>;

export const SAME_PASSWORD_MESSAGE = 'Choose a password that is different from your current one';

/**
 * `POST /api/settings/password` → `200 { ok, otherSessionsRevoked }`. The new password must meet the
 * sign-up policy (`400 WEAK_PASSWORD` with the unmet rules in `details`); a wrong current password
 * is `403 INVALID_CREDENTIALS` (not 401, which the app reads as "signed out") with a `currentPassword`
 * detail. With `signOutOtherDevices`, every other session ends and this device gets a fresh one.
 */
export const changePasswordBodySchema = z
  .strictObject({
    // Any stored length is accepted here; only the new password is held to the policy.
    currentPassword: z.string().min(1, 'Enter your current password').max(PASSWORD_MAX_LENGTH),
    newPassword: passwordInputSchema,
    signOutOtherDevices: z.boolean().default(false),
  })
  .refine((body) => body.newPassword !== body.currentPassword, {
    path: ['newPassword'],
    message: SAME_PASSWORD_MESSAGE,
  });
export type ChangePasswordBody = z.input<typeof changePasswordBodySchema>;

export const changePasswordResponseSchema = z.object({
  ok: z.literal(true),
  /** How many other devices were signed out (0 unless `signOutOtherDevices`). */
  otherSessionsRevoked: z.number().int().min(0),
});
export type ChangePasswordResponse = z.infer<typeof changePasswordResponseSchema>;

/**
 * `POST /api/settings/email`: a link goes to the new address, and the account moves to it only when
 * that link is opened; the old address is told afterwards. The current password is required (403
 * `INVALID_CREDENTIALS` when wrong), an address that belongs to another account is `409 EMAIL_TAKEN`.
 */
export const changeEmailBodySchema = z.strictObject({
  newEmail: emailSchema,
  currentPassword: z.string().min(1, 'Enter your current password').max(PASSWORD_MAX_LENGTH),
});
export type ChangeEmailBody = z.input<typeof changeEmailBodySchema>;

export const changeEmailResponseSchema = z.object({
  ok: z.literal(true),
  /** Where the confirmation link went; the account's address is unchanged until it is opened. */
  pendingEmail: z.string(),
});
export type ChangeEmailResponse = z.infer<typeof changeEmailResponseSchema>;

export const deviceKindSchema = z.enum(['desktop', 'mobile', 'tablet', 'unknown']);

/**
 * One signed-in device. The session token never leaves the server: devices are named by the
 * session's id. The user agent is summarised and the IP address masked (see devices.ts).
 */
export const activeSessionSchema = z.object({
  id: z.string(),
  /** The session this request was made with ("this device"). */
  current: z.boolean(),
  device: z.string(),
  deviceKind: deviceKindSchema,
  /** `203.0.113.x` / `2001:db8:85a3:…`, or null when unknown. */
  network: z.string().nullable(),
  signedInAt: z.iso.datetime(),
  /**
   * When the session was last used, to within a day: sessions are refreshed (and this moves) at
   * most once a day, so the database is not written on every request.
   */
  lastActiveAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type ActiveSession = z.infer<typeof activeSessionSchema>;

/** `GET /api/settings/sessions`: this device first, then the most recently active. */
export const activeSessionListSchema = z.object({ sessions: z.array(activeSessionSchema) });
export type ActiveSessionList = z.infer<typeof activeSessionListSchema>;

/** `DELETE /api/settings/sessions/:id`: another user's (or an unknown) session is `404`. */
export const sessionIdParamsSchema = z.strictObject({ id: idParam('The session id must be a UUID') });

/**
 * Answer of `DELETE /api/settings/sessions/:id` and `POST /api/settings/sessions/revoke-others`.
 * `signedOut` is true when the session revoked was this device's own (its cookie is cleared).
 */
export const revokeSessionsResponseSchema = z.object({
  revoked: z.number().int().min(0),
  signedOut: z.boolean(),
});
export type RevokeSessionsResponse = z.infer<typeof revokeSessionsResponseSchema>;
