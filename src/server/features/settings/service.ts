/**
 * Settings: rename, change password, and list or end the account's sessions. Changes go through
 * better-auth's `auth.api` (as the auth feature does, ADR 0006) with our rules around them: the
 * sign-up password policy, throttled password checks, owner-only session ids, one error vocabulary.
 */
import { isAPIError } from 'better-auth/api';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { SessionUser } from '../../../core/auth/contracts.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import type {
  ActiveSession,
  ChangeEmailResponse,
  ChangePasswordResponse,
  RevokeSessionsResponse,
} from '../../../core/settings/contracts.ts';
import { maskIpAddress, summariseUserAgent } from '../../../core/settings/devices.ts';
import type { AppConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { sessions, users } from '../../db/schema.ts';
import type { Auth } from '../../platform/auth/better-auth.ts';
import { verifyCredentialPassword } from '../../platform/auth/credentials.ts';
import { revokeResetLinks } from '../../platform/auth/email-links.ts';
import { assertStrongPassword } from '../../platform/auth/password-policy.ts';
import { type AuthOutcome, type AuthRequest, betterAuthHeaders } from '../../platform/auth/sessions.ts';
import { AppError } from '../../platform/errors.ts';
import type { Mailer } from '../../platform/mailer.ts';
import type { Throttle, ThrottleRule } from '../../platform/throttle.ts';
import { emailChangedEmail, passwordChangedEmail } from './emails.ts';

function errorCodeOf(error: unknown): string | null {
  if (!isAPIError(error)) return null;
  return (error.body as { code?: string } | undefined)?.code ?? '';
}

const WRONG_PASSWORD_MESSAGE = 'Your current password is incorrect.';

function translateAuthError(error: unknown): never {
  const code = errorCodeOf(error);
  if (code === null || !isAPIError(error)) throw error;
  // 403, not 401: the session is fine, only the re-entered password is wrong (401 means signed out).
  if (code === 'INVALID_PASSWORD') {
    throw new AppError(403, 'INVALID_CREDENTIALS', WRONG_PASSWORD_MESSAGE, {
      details: [{ path: 'currentPassword', message: WRONG_PASSWORD_MESSAGE }],
    });
  }
  if (code === 'CREDENTIAL_ACCOUNT_NOT_FOUND') {
    throw new AppError(400, 'BAD_REQUEST', 'This account has no password to change.');
  }
  if (code === 'PASSWORD_TOO_SHORT' || code === 'PASSWORD_TOO_LONG') {
    throw new AppError(400, 'WEAK_PASSWORD', 'Choose a password between 8 and 128 characters.', {
      details: [{ path: 'newPassword', message: 'Use between 8 and 128 characters' }],
    });
  }
  if (error.statusCode === 401) throw new AppError(401, 'UNAUTHENTICATED', 'Please sign in to continue.');
  if (error.statusCode >= 400 && error.statusCode < 500) {
    throw new AppError(400, 'BAD_REQUEST', error.message || 'The request could not be processed.');
  }
  throw error;
}

interface SessionRow {
  id: string;
  token: string;
  userAgent: string | null;
  ipAddress: string | null;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
}

function toActiveSession(row: SessionRow, currentId: string): ActiveSession {
  const device = summariseUserAgent(row.userAgent);
  return {
    id: row.id,
    current: row.id === currentId,
    device: device.label,
    deviceKind: device.kind,
    network: maskIpAddress(row.ipAddress),
    signedInAt: row.createdAt.toISOString(),
    lastActiveAt: row.updatedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

export interface SettingsServiceDeps {
  auth: Auth;
  database: Database;
  throttle: Throttle;
  mailer: Mailer;
  config: AppConfig;
  log: FastifyBaseLogger;
}

export function createSettingsService({
  auth,
  database,
  throttle,
  mailer,
  config,
  log,
}: SettingsServiceDeps) {
  const { windowSeconds, maxPerIp, maxPerEmail } = config.auth.throttle;
  // Re-entering the password is a guess someone holding a stolen session could repeat; it counts
  // like a sign-in attempt, per client IP and per account.
  const perIp: ThrottleRule = { name: 'settings-password:ip', max: maxPerIp, windowSeconds };
  const perUser: ThrottleRule = { name: 'settings-password:user', max: maxPerEmail, windowSeconds };

  /** The session this request was made with (the guard has already proved there is one). */
  async function currentSession(request: AuthRequest): Promise<{ id: string; token: string }> {
    const session = await auth.api.getSession({
      headers: betterAuthHeaders(request),
      query: { disableRefresh: true },
    });
    if (!session) throw new AppError(401, 'UNAUTHENTICATED', 'Please sign in to continue.');
    return { id: session.session.id, token: session.session.token };
  }

  async function activeRows(userId: string): Promise<SessionRow[]> {
    return database.db
      .select({
        id: sessions.id,
        token: sessions.token,
        userAgent: sessions.userAgent,
        ipAddress: sessions.ipAddress,
        createdAt: sessions.createdAt,
        updatedAt: sessions.updatedAt,
        expiresAt: sessions.expiresAt,
      })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
      .orderBy(desc(sessions.updatedAt), desc(sessions.createdAt));
  }

  return {
    /**
     * Asks to move the account to a new address: the current password again (a session alone is not
     * enough), then better-auth sends the link to the new address; nothing changes until it is opened
     * (the auth feature completes the change, then `emailChanged` runs).
     */
    async requestEmailChange(
      user: SessionUser,
      input: { newEmail: string; currentPassword: string },
      request: AuthRequest,
    ): Promise<ChangeEmailResponse> {
      await throttle.enforce(perIp, request.ip);
      await throttle.enforce(perUser, user.id);
      if (!(await verifyCredentialPassword(auth, database, user.id, input.currentPassword))) {
        throw new AppError(403, 'INVALID_CREDENTIALS', WRONG_PASSWORD_MESSAGE, {
          details: [{ path: 'currentPassword', message: WRONG_PASSWORD_MESSAGE }],
        });
      }
      if (input.newEmail === user.email.toLowerCase()) {
        throw new AppError(400, 'BAD_REQUEST', 'That is already your email address.', {
          details: [{ path: 'newEmail', message: 'That is already your email address' }],
        });
      }
      const [taken] = await database.db
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, input.newEmail))
        .limit(1);
      if (taken) {
        throw new AppError(409, 'EMAIL_TAKEN', 'Another account already uses this email address.', {
          details: [{ path: 'newEmail', message: 'Another account already uses this email address' }],
        });
      }
      try {
        await auth.api.changeEmail({
          body: { newEmail: input.newEmail },
          headers: betterAuthHeaders(request),
        });
      } catch (error) {
        translateAuthError(error);
      }
      log.info({ userId: user.id }, 'email change requested; confirmation link sent to the new address');
      return { ok: true, pendingEmail: input.newEmail };
    },

    /** After the change: the address the account left gets a security notice. */
    async emailChanged(change: { name: string; oldEmail: string; newEmail: string }): Promise<void> {
      try {
        await mailer.send(
          emailChangedEmail(
            { name: change.name, email: change.oldEmail },
            {
              newEmail: change.newEmail,
              contactEmail: config.contactEmail,
              contactUrl: new URL(PAGE_PATHS.contact, config.publicUrl),
            },
          ),
        );
      } catch (error) {
        // The change itself stands; the notice is logged for the operator to follow up.
        log.error({ err: error }, 'failed to send the email-changed notice to the old address');
      }
    },

    async updateProfile(
      user: SessionUser,
      input: { name: string },
      request: AuthRequest,
    ): Promise<AuthOutcome<{ user: SessionUser }>> {
      try {
        const { headers } = await auth.api.updateUser({
          body: { name: input.name },
          headers: betterAuthHeaders(request),
          returnHeaders: true,
        });
        return { body: { user: { ...user, name: input.name } }, cookies: headers.getSetCookie() };
      } catch (error) {
        translateAuthError(error);
      }
    },

    async changePassword(
      user: SessionUser,
      input: { currentPassword: string; newPassword: string; signOutOtherDevices: boolean },
      request: AuthRequest,
    ): Promise<AuthOutcome<ChangePasswordResponse>> {
      await throttle.enforce(perIp, request.ip);
      await throttle.enforce(perUser, user.id);
      // The sign-up policy, with the user's name and email counted as guessable.
      await assertStrongPassword(input.newPassword, [user.name, user.email], 'newPassword');
      // Counted first: better-auth replaces every session (this one too) and reports no number.
      const othersBefore = input.signOutOtherDevices ? (await activeRows(user.id)).length - 1 : 0;
      let cookies: string[];
      try {
        const { headers } = await auth.api.changePassword({
          body: {
            currentPassword: input.currentPassword,
            newPassword: input.newPassword,
            revokeOtherSessions: input.signOutOtherDevices,
          },
          headers: betterAuthHeaders(request),
          returnHeaders: true,
        });
        cookies = headers.getSetCookie();
      } catch (error) {
        translateAuthError(error);
      }
      // A reset link still sitting in a mailbox (perhaps a compromised one) must not outlive this fix.
      await revokeResetLinks(database, user.id);
      // The owner hears about it, so a change they did not make does not go unnoticed.
      try {
        await mailer.send(passwordChangedEmail(user, new URL(PAGE_PATHS.forgotPassword, config.publicUrl)));
      } catch (error) {
        log.error({ err: error }, 'failed to send password-changed email');
      }
      return { body: { ok: true, otherSessionsRevoked: Math.max(0, othersBefore) }, cookies };
    },

    async listSessions(user: SessionUser, request: AuthRequest): Promise<ActiveSession[]> {
      const [current, rows] = await Promise.all([currentSession(request), activeRows(user.id)]);
      return rows
        .map((row) => toActiveSession(row, current.id))
        .sort((a, b) => Number(b.current) - Number(a.current));
    },

    async revokeSession(
      user: SessionUser,
      sessionId: string,
      request: AuthRequest,
    ): Promise<AuthOutcome<RevokeSessionsResponse>> {
      // Looked up by id *and* owner: someone else's session id is indistinguishable from an unknown one.
      const [target] = await database.db
        .select({ token: sessions.token })
        .from(sessions)
        .where(
          and(eq(sessions.id, sessionId), eq(sessions.userId, user.id), gt(sessions.expiresAt, new Date())),
        )
        .limit(1);
      if (!target) throw new AppError(404, 'NOT_FOUND', 'That session has already ended or does not exist.');
      const current = await currentSession(request);
      try {
        const { headers } = await auth.api.revokeSession({
          body: { token: target.token },
          headers: betterAuthHeaders(request),
          returnHeaders: true,
        });
        return {
          body: { revoked: 1, signedOut: target.token === current.token },
          cookies: headers.getSetCookie(),
        };
      } catch (error) {
        translateAuthError(error);
      }
    },

    async revokeOtherSessions(
      user: SessionUser,
      request: AuthRequest,
    ): Promise<AuthOutcome<RevokeSessionsResponse>> {
      const current = await currentSession(request);
      const others = (await activeRows(user.id)).filter((row) => row.id !== current.id).length;
      try {
        const { headers } = await auth.api.revokeOtherSessions({
          headers: betterAuthHeaders(request),
          returnHeaders: true,
        });
        return { body: { revoked: others, signedOut: false }, cookies: headers.getSetCookie() };
      } catch (error) {
        translateAuthError(error);
      }
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
