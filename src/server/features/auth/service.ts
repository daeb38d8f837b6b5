/**
 * Sign-up, sign-in, sessions, email verification and password reset: our policy (password rules,
 * throttling, error vocabulary, single-use links, no account enumeration) around better-auth's
 * primitives.
 */
import { isAPIError } from 'better-auth/api';
import { eq, sql } from 'drizzle-orm';
import type { LinkStatus, LinkStatusResponse, SessionUser } from '../../../core/auth/contracts.ts';
import { scheduledDeletionMessage } from '../../../core/auth/scheduled-deletion.ts';
import type { AppConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import {
  type PendingDeletion,
  pendingDeletionByEmail,
  signInDisabledByEmail,
} from '../../platform/auth/account-lock.ts';
import { grantAdminRole, promoteListedAdmin } from '../../platform/auth/admin-bootstrap.ts';
import type { Auth } from '../../platform/auth/better-auth.ts';
import { verifyCredentialPassword } from '../../platform/auth/credentials.ts';
import {
  markResetLinkUsed,
  markVerificationLinkUsed,
  resetLinkState,
  verificationLinkState,
} from '../../platform/auth/email-links.ts';
import { assertStrongPassword } from '../../platform/auth/password-policy.ts';
import {
  type AuthOutcome,
  type AuthRequest,
  betterAuthHeaders,
  toSessionUser,
} from '../../platform/auth/sessions.ts';
import { type Clock, HOUR_MS } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { Throttle, ThrottleRule } from '../../platform/throttle.ts';
import { PASSWORD_RESET_JOB, SIGN_UP_TAKEN_JOB } from './mail-jobs.ts';

const INVALID_CREDENTIALS_MESSAGE = 'Email or password is incorrect.';
const INVALID_TOKEN_MESSAGE = 'This link is invalid or has expired. Please ask for a new one.';

const DEAD_LINK_MESSAGES: Record<Exclude<LinkStatus, 'valid'>, string> = {
  used: 'This link was already used. Please ask for a new one if you still need it.',
  expired: 'This link has expired. Please ask for a new one.',
  revoked:
    'This link no longer works: the password was changed after it was sent. Please ask for a new one if you still need it.',
  invalid: INVALID_TOKEN_MESSAGE,
};

function deadLinkError(status: Exclude<LinkStatus, 'valid'>): AppError {
  return new AppError(400, 'INVALID_TOKEN', DEAD_LINK_MESSAGES[status]);
}

function emailTakenError(): AppError {
  return new AppError(
    409,
    'EMAIL_TAKEN',
    'An account with this email already exists. Sign in or reset your password.',
    { details: [{ path: 'email', message: 'An account with this email already exists' }] },
  );
}

function authErrorCode(error: unknown): string | null {
  if (!isAPIError(error)) return null;
  return (error.body as { code?: string } | undefined)?.code ?? '';
}

function translateAuthError(error: unknown): never {
  if (!isAPIError(error)) throw error;
  const code = authErrorCode(error) ?? '';
  if (code.startsWith('USER_ALREADY_EXISTS')) throw emailTakenError();
  if (
    code === 'INVALID_EMAIL_OR_PASSWORD' ||
    code === 'CREDENTIAL_ACCOUNT_NOT_FOUND' ||
    code === 'INVALID_PASSWORD'
  ) {
    throw new AppError(401, 'INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
  }
  if (
    code === 'INVALID_TOKEN' ||
    code === 'TOKEN_EXPIRED' ||
    code === 'USER_NOT_FOUND' ||
    code.startsWith('INVALID_TOKEN')
  ) {
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

/** An account's sign-in address moved to a new one, proven by the link sent there. */
export interface EmailChange {
  userId: string;
  name: string;
  oldEmail: string;
  newEmail: string;
}

export interface AuthServiceDeps {
  /**
   * What else follows a change of address (the app wires it: consent records move, the old address
   * gets a security notice). Runs after the change has been saved.
   */
  onEmailChanged: (change: EmailChange) => Promise<void>;
  auth: Auth;
  database: Database;
  throttle: Throttle;
  config: AppConfig;
  /** Where the mail that depends on whether an account exists is queued (mail-jobs.ts). */
  jobs: Pick<JobQueue, 'enqueue'>;
  clock: Clock;
}

export function createAuthService({
  auth,
  database,
  throttle,
  config,
  jobs,
  clock,
  onEmailChanged,
}: AuthServiceDeps) {
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

  /**
   * The answer for an account pending deletion. Only someone who knows its password learns that it
   * exists and when it goes (ADR 0029); anyone else gets the wrong-password answer, after the same
   * password check a real sign-in makes.
   */
  async function refuseScheduledDeletion(deletion: PendingDeletion, password: string): Promise<never> {
    if (await verifyCredentialPassword(auth, database, deletion.userId, password)) {
      throw new AppError(
        403,
        'ACCOUNT_PENDING_DELETION',
        scheduledDeletionMessage(deletion.purgeAfter, config.contactEmail),
      );
    }
    throw new AppError(401, 'INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
  }

  /**
   * The answer for an account whose sign-in an admin disabled: like a pending deletion, only someone
   * who knows the password learns why; anyone else gets the wrong-password answer.
   */
  async function refuseDisabledSignIn(userId: string, password: string): Promise<never> {
    if (await verifyCredentialPassword(auth, database, userId, password)) {
      throw new AppError(
        403,
        'FORBIDDEN',
        `Sign-in to this account has been disabled by an administrator. To ask why, write to ${config.contactEmail}.`,
      );
    }
    throw new AppError(401, 'INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
  }

  /**
   * After better-auth moved the account to its new address: opening the link proved that address, so
   * it counts as verified (through better-auth, so cached sessions forget the old one), then the rest
   * of the app hears about the change.
   */
  async function completeEmailChange(oldEmail: string, newEmail: string): Promise<void> {
    const [user] = await database.db
      .select({ id: users.id, name: users.name, emailVerified: users.emailVerified })
      .from(users)
      .where(eq(sql`lower(${users.email})`, newEmail));
    if (!user) return;
    if (!user.emailVerified) {
      const context = await auth.$context;
      await context.internalAdapter.updateUser(user.id, { emailVerified: true });
    }
    await onEmailChanged({ userId: user.id, name: user.name, oldEmail, newEmail });
  }

  /**
   * A sign-up with a taken address gets the usual answer; the job mails the owner if the account is
   * pending deletion. Queued for every taken address so that both cases cost the request the same, at
   * most once an hour per address so that nobody can flood a mailbox with notices.
   */
  async function answerTakenAddress(email: string): Promise<never> {
    const hour = Math.floor(clock.now().getTime() / HOUR_MS);
    await jobs.enqueue(SIGN_UP_TAKEN_JOB, { email }, { runKey: `${email}:${hour}` });
    throw emailTakenError();
  }

  return {
    async signUp(
      input: { name: string; email: string; password: string },
      context: AuthRequest,
    ): Promise<AuthOutcome<{ user: SessionUser }>> {
      await throttleAttempt(context, input.email);
      await assertStrongPassword(input.password, [input.name, input.email], 'password');
      try {
        const { headers, response } = await auth.api.signUpEmail({
          body: input,
          headers: betterAuthHeaders(context),
          returnHeaders: true,
        });
        return { body: { user: toSessionUser(response.user) }, cookies: headers.getSetCookie() };
      } catch (error) {
        const code = authErrorCode(error) ?? '';
        // Two simultaneous sign-ups with one email: the loser hits the unique index.
        const lostRace = code === 'FAILED_TO_CREATE_USER' && (await emailIsTaken(input.email));
        if (code.startsWith('USER_ALREADY_EXISTS') || lostRace) await answerTakenAddress(input.email);
        translateAuthError(error);
      }
    },

    async signIn(
      input: { email: string; password: string },
      context: AuthRequest,
    ): Promise<AuthOutcome<{ user: SessionUser }>> {
      await throttleAttempt(context, input.email);
      const deletion = await pendingDeletionByEmail(database, input.email);
      if (deletion) await refuseScheduledDeletion(deletion, input.password);
      const disabledUserId = await signInDisabledByEmail(database, input.email);
      if (disabledUserId) await refuseDisabledSignIn(disabledUserId, input.password);
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
        const lateDeletion = await pendingDeletionByEmail(database, input.email);
        if (lateDeletion) await refuseScheduledDeletion(lateDeletion, input.password);
        const lateBlock = await signInDisabledByEmail(database, input.email);
        if (lateBlock) await refuseDisabledSignIn(lateBlock, input.password);
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

    /** Whether a verification link can still be used, before the page acts on it. */
    async verificationLinkStatus(token: string, context: AuthRequest): Promise<LinkStatusResponse> {
      await throttleAttempt(context);
      return { status: (await verificationLinkState(database, config.auth.secret, token)).status };
    },

    /** Verifies the address; each link works once (better-auth's signed tokens would work until expiry). */
    async verifyEmail(token: string, context: AuthRequest): Promise<AuthOutcome<{ ok: true }>> {
      await throttleAttempt(context);
      const { status, link } = await verificationLinkState(database, config.auth.secret, token);
      if (status !== 'valid' || !link) throw deadLinkError(status === 'valid' ? 'invalid' : status);
      // A change of address whose new address was taken since the link was sent cannot complete.
      if (link.updateTo && (await emailIsTaken(link.updateTo))) throw emailTakenError();
      let cookies: string[];
      try {
        const { headers } = await auth.api.verifyEmail({
          query: { token },
          headers: betterAuthHeaders(context),
          returnHeaders: true,
        });
        cookies = headers.getSetCookie();
      } catch (error) {
        translateAuthError(error);
      }
      await markVerificationLinkUsed(database, token, link);
      if (link.updateTo) await completeEmailChange(link.email, link.updateTo);
      return { body: { ok: true }, cookies };
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

    /**
     * Answers the same way, in the same time, whether or not the account exists: the request only
     * validates, throttles and queues the job that looks the account up and sends the mail.
     */
    async requestPasswordReset(email: string, context: AuthRequest): Promise<{ ok: true }> {
      await throttleAttempt(context, email);
      await jobs.enqueue(PASSWORD_RESET_JOB, { email });
      return { ok: true };
    },

    /** Whether a reset link can still be used, so the page can say so before showing the form. */
    async resetLinkStatus(token: string, context: AuthRequest): Promise<LinkStatusResponse> {
      await throttleAttempt(context);
      return { status: (await resetLinkState(database, token)).status };
    },

    /**
     * Sets the new password, held to the policy with the link's owner's name and email. Afterwards
     * this link reads "used" and every other outstanding link of the user is revoked (better-auth's
     * `onPasswordReset` hook).
     */
    async resetPassword(
      input: { token: string; newPassword: string },
      context: AuthRequest,
    ): Promise<{ ok: true }> {
      await throttleAttempt(context);
      const { status, link } = await resetLinkState(database, input.token);
      if (status !== 'valid' || !link) throw deadLinkError(status === 'valid' ? 'invalid' : status);
      const [owner] = await database.db
        .select({ name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, link.userId))
        .limit(1);
      if (!owner) throw deadLinkError('invalid');
      await assertStrongPassword(input.newPassword, [owner.name, owner.email], 'newPassword');
      try {
        await auth.api.resetPassword({ body: input, headers: betterAuthHeaders(context) });
      } catch (error) {
        translateAuthError(error);
      }
      await markResetLinkUsed(database, input.token, link.expiresAt);
      return { ok: true };
    },

    grantAdmin: (email: string) => grantAdminRole(database, email),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
