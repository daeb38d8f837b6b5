/**
 * Sign-up, sign-in, sessions, email verification and password reset: our policy (password rules,
 * throttling, error vocabulary) around better-auth's primitives.
 */
import { isAPIError } from 'better-auth/api';
import { eq, sql } from 'drizzle-orm';
import type { SessionUser } from '../../../core/auth/contracts.ts';
import type { AppConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { isEmailPendingDeletion } from '../../platform/auth/account-lock.ts';
import { grantAdminRole, promoteListedAdmin } from '../../platform/auth/admin-bootstrap.ts';
import type { Auth } from '../../platform/auth/better-auth.ts';
import { assertStrongPassword } from '../../platform/auth/password-policy.ts';
import {
  type AuthOutcome,
  type AuthRequest,
  betterAuthHeaders,
  toSessionUser,
} from '../../platform/auth/sessions.ts';
import { AppError } from '../../platform/errors.ts';
import type { Throttle, ThrottleRule } from '../../platform/throttle.ts';

const INVALID_CREDENTIALS_MESSAGE = 'Email or password is incorrect.';
const INVALID_TOKEN_MESSAGE = 'This link is invalid or has expired. Please ask for a new one.';

function translateAuthError(error: unknown): never {
  if (!isAPIError(error)) throw error;
  const code = (error.body as { code?: string } | undefined)?.code ?? '';
  if (code.startsWith('USER_ALREADY_EXISTS')) {
    throw new AppError(
      409,
      'EMAIL_TAKEN',
      'An account with this email already exists. Sign in or reset your password.',
      {
        details: [{ path: 'email', message: 'An account with this email already exists' }],
      },
    );
  }
  if (
    code === 'INVALID_EMAIL_OR_PASSWORD' ||
    code === 'CREDENTIAL_ACCOUNT_NOT_FOUND' ||
    code === 'INVALID_PASSWORD'
  ) {
    throw new AppError(401, 'INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
  }
  if (code === 'INVALID_TOKEN' || code === 'TOKEN_EXPIRED' || code.startsWith('INVALID_TOKEN')) {
    throw new AppError(400, 'INVALID_TOKEN', INVALID_TOKEN_MESSAGE);
  }
  if (code === 'PASSWORD_TOO_SHORT' || code === 'PASSWORD_TOO_LONG') {
    throw new AppError(400, 'WEAK_PASSWORD', 'Choose a password between 8 and 128 characters.');
  }
  if (error.statusCode === 401) throw new AppError(401, 'UNAUTHENTICATED', 'Please sign in to continue.');
  if (error.statusCode >= 400 && error.statusCode < 500) {
    throw new AppError(400, 'BAD_REQUEST', error.message || 'The request could not be processed.');
  }
  throw error;
}

export interface AuthServiceDeps {
  auth: Auth;
  database: Database;
  throttle: Throttle;
  config: AppConfig;
}

export function createAuthService({ auth, database, throttle, config }: AuthServiceDeps) {
  const { windowSeconds, maxPerIp, maxPerEmail } = config.auth.throttle;
  const perIp: ThrottleRule = { name: 'auth:ip', max: maxPerIp, windowSeconds };
  const perEmail: ThrottleRule = { name: 'auth:email', max: maxPerEmail, windowSeconds };

  async function throttleAttempt(context: AuthRequest, email?: string): Promise<void> {
    await throttle.enforce(perIp, context.ip);
    if (email) await throttle.enforce(perEmail, email);
  }

  async function emailIsTaken(email: string): Promise<boolean> {
    const [row] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
      .limit(1);
    return Boolean(row);
  }

  return {
    async signUp(
      input: { name: string; email: string; password: string },
      context: AuthRequest,
    ): Promise<AuthOutcome<{ user: SessionUser }>> {
      await throttleAttempt(context, input.email);
      assertStrongPassword(input.password, [input.name, input.email], 'password');
      try {
        const { headers, response } = await auth.api.signUpEmail({
          body: input,
          headers: betterAuthHeaders(context),
          returnHeaders: true,
        });
        return { body: { user: toSessionUser(response.user) }, cookies: headers.getSetCookie() };
      } catch (error) {
        // Two simultaneous sign-ups with one email: the loser hits the unique index.
        if (isAPIError(error) && (error.body as { code?: string })?.code === 'FAILED_TO_CREATE_USER') {
          if (await emailIsTaken(input.email))
            translateAuthError({ ...error, body: { code: 'USER_ALREADY_EXISTS' } });
        }
        translateAuthError(error);
      }
    },

    async signIn(
      input: { email: string; password: string },
      context: AuthRequest,
    ): Promise<AuthOutcome<{ user: SessionUser }>> {
      await throttleAttempt(context, input.email);
      // A locked account (deletion pending) gets the same answer as a wrong password.
      if (await isEmailPendingDeletion(database, input.email)) {
        throw new AppError(401, 'INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
      }
      try {
        const { headers, response } = await auth.api.signInEmail({
          body: input,
          headers: betterAuthHeaders(context),
          returnHeaders: true,
        });
        // Also covers addresses verified before they were listed in ADMIN_EMAILS.
        const promoted = await promoteListedAdmin(database, config.auth.adminEmails, response.user);
        const user = promoted ? { ...response.user, role: 'admin' } : response.user;
        return { body: { user: toSessionUser(user) }, cookies: headers.getSetCookie() };
      } catch (error) {
        // The deletion landed between the check above and the session: the session hook refused it.
        if (await isEmailPendingDeletion(database, input.email)) {
          throw new AppError(401, 'INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
        }
        translateAuthError(error);
      }
    },

    async signOut(context: AuthRequest): Promise<AuthOutcome<{ ok: true }>> {
      try {
        const { headers } = await auth.api.signOut({
          headers: betterAuthHeaders(context),
          returnHeaders: true,
        });
        return { body: { ok: true }, cookies: headers.getSetCookie() };
      } catch (error) {
        translateAuthError(error);
      }
    },

    async verifyEmail(token: string, context: AuthRequest): Promise<AuthOutcome<{ ok: true }>> {
      await throttleAttempt(context);
      try {
        const { headers } = await auth.api.verifyEmail({
          query: { token },
          headers: betterAuthHeaders(context),
          returnHeaders: true,
        });
        return { body: { ok: true }, cookies: headers.getSetCookie() };
      } catch (error) {
        translateAuthError(error);
      }
    },

    async resendVerificationEmail(user: SessionUser, context: AuthRequest): Promise<{ ok: true }> {
      await throttleAttempt(context, user.email);
      if (user.emailVerified) return { ok: true };
      try {
        await auth.api.sendVerificationEmail({
          body: { email: user.email },
          headers: betterAuthHeaders(context),
        });
        return { ok: true };
      } catch (error) {
        translateAuthError(error);
      }
    },

    /** Always answers the same way, so it never reveals whether an account exists. */
    async requestPasswordReset(email: string, context: AuthRequest): Promise<{ ok: true }> {
      await throttleAttempt(context, email);
      try {
        await auth.api.requestPasswordReset({ body: { email }, headers: betterAuthHeaders(context) });
      } catch (error) {
        if (!isAPIError(error)) throw error;
      }
      return { ok: true };
    },

    async resetPassword(
      input: { token: string; newPassword: string },
      context: AuthRequest,
    ): Promise<{ ok: true }> {
      await throttleAttempt(context);
      assertStrongPassword(input.newPassword, [], 'newPassword');
      try {
        await auth.api.resetPassword({ body: input, headers: betterAuthHeaders(context) });
        return { ok: true };
      } catch (error) {
        translateAuthError(error);
      }
    },

    grantAdmin: (email: string) => grantAdminRole(database, email),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
