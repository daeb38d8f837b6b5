/**
 * The better-auth instance. It is called only through `auth.api.*` from our own routes (see
 * routes.ts): we expose exactly the endpoints the product uses, validated by our schemas and wrapped
 * in our error envelope, rather than mounting better-auth's whole catch-all router.
 */
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { FastifyBaseLogger } from 'fastify';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import type { AppConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { accounts, sessions, users, verifications } from '../../db/schema.ts';
import type { Mailer } from '../mailer.ts';
import { isPendingDeletion, isSignInDisabled } from './account-lock.ts';
import { promoteListedAdmin } from './admin-bootstrap.ts';
import { revokeResetLinks } from './email-links.ts';
import { changeEmailVerificationEmail, passwordResetEmail, verificationEmail } from './emails.ts';
import { createPasswordHashing } from './password-hashing.ts';
import type { SessionCache } from './session-cache.ts';

/** We set this header ourselves from Fastify's `request.ip`, so a client cannot spoof its address. */
export const CLIENT_IP_HEADER = 'x-ibc-client-ip';

export interface AuthDeps {
  config: AppConfig;
  database: Database;
  mailer: Mailer;
  log: FastifyBaseLogger;
  /** Told about every session better-auth ends and every user it changes (ADR 0044). */
  sessionCache: SessionCache;
}

/** How old a session gets before a request slides its expiry forward (better-auth's `updateAge`). */
export function sessionUpdateAgeSeconds(sessionTtlSeconds: number): number {
  return Math.min(60 * 60 * 24, Math.floor(sessionTtlSeconds / 2));
}

export function createAuth({ config, database, mailer, log, sessionCache }: AuthDeps) {
  const origin = config.publicUrl.origin;
  const passwordHashing = createPasswordHashing({
    concurrency: config.auth.hashConcurrency,
    maxWaitMs: config.http.maxQueueWaitMs,
  });

  async function deliver(kind: string, send: () => Promise<void>): Promise<void> {
    // A mail outage must not fail sign-up; the user can ask for the link again.
    try {
      await send();
    } catch (error) {
      log.error({ err: error, kind }, 'failed to send auth email');
    }
  }

  return betterAuth({
    appName: 'IDEA Brand Coach',
    baseURL: origin,
    basePath: '/api/auth',
    secret: config.auth.secret,
    trustedOrigins: [origin, ...config.corsOrigins],
    database: drizzleAdapter(database.db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    user: {
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'user', input: false },
      },
      // Settings → Email address: the link goes to the new address, and the account moves to it only
      // when that link is opened (features/settings; the old address is told afterwards).
      changeEmail: { enabled: true },
    },
    session: {
      expiresIn: config.auth.sessionTtlSeconds,
      updateAge: sessionUpdateAgeSeconds(config.auth.sessionTtlSeconds),
    },
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      requireEmailVerification: false,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      // better-auth's own scrypt, a bounded number at a time (ADR 0066).
      password: { hash: passwordHashing.hash, verify: passwordHashing.verify },
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      // Runs in the password-reset job (features/auth/mail-jobs.ts), never in a request, so a failure
      // to send (or to queue the retry) fails the job, which the queue retries.
      sendResetPassword: async ({ user, token }) => {
        // A locked account (deletion pending) gets no reset link; the job sends it a notice instead.
        if (await isPendingDeletion(database, user.id)) return;
        const url = new URL(PAGE_PATHS.resetPassword, origin);
        url.searchParams.set('token', token);
        await mailer.send(passwordResetEmail(user, url.toString()));
      },
      // Using one link kills every other outstanding link of the user (ADR 0028).
      onPasswordReset: async ({ user }) => {
        await revokeResetLinks(database, user.id);
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: false,
      expiresIn: 60 * 60 * 24,
      sendVerificationEmail: async ({ user, token }) => {
        const url = new URL(PAGE_PATHS.verifyEmail, origin);
        url.searchParams.set('token', token);
        // A change of address arrives with the new address in `user.email`; the account still has the old.
        const [stored] = await database.query<{ email: string }>(
          'select email from users where id::text = $1',
          [user.id],
        );
        const changing = stored !== undefined && stored.email.toLowerCase() !== user.email.toLowerCase();
        await deliver(changing ? 'change-email' : 'verify-email', () =>
          mailer.send(
            changing
              ? changeEmailVerificationEmail(user, url.toString())
              : verificationEmail(user, url.toString()),
          ),
        );
      },
      // A listed admin address becomes an admin the moment it is proven to be theirs.
      afterEmailVerification: async (user) => {
        await promoteListedAdmin(database, config.auth.adminEmails, { ...user, emailVerified: true });
        sessionCache.forgetUser(user.id);
      },
    },
    databaseHooks: {
      session: {
        create: {
          // A locked account (deletion pending, or sign-in disabled by an admin): no path (sign-in,
          // verification, a password reset) may open a session.
          before: async (session) =>
            (await isPendingDeletion(database, session.userId)) ||
            (await isSignInDisabled(database, session.userId))
              ? false
              : undefined,
        },
        // Sign-out, revoking a device, a password change or reset: this instance stops answering
        // from memory at once; the others within the cache's time to live.
        delete: {
          after: async (session) => sessionCache.forgetSession(session.token),
        },
      },
      user: {
        // A new name, a verified address: the next request reads them rather than a cached copy.
        update: {
          after: async (user) => sessionCache.forgetUser(user.id),
        },
      },
    },
    // Throttling is ours (database-backed, per IP and per email); better-auth's is in-memory.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: 'ibc',
      useSecureCookies: config.auth.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: config.auth.secureCookies },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // A session and its user in one query (relations in db/schema/auth.ts), not two.
      database: { generateId: 'uuid', joins: true },
    },
    logger: { disabled: config.env === 'test' },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
