/**
 * The auth mail that depends on whether an account exists, sent from the job queue instead of the
 * request (ADR 0028): a "forgot password" request, or a sign-up with an address already taken, only
 * validates, throttles and queues one of these jobs, whatever the address. The request therefore takes
 * the same time for a known and an unknown address, and the slow part (looking the account up, a
 * remote SMTP round trip) happens here, where nobody is timing it.
 */
import { z } from 'zod';
import type { AppConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { pendingDeletionByEmail } from '../../platform/auth/account-lock.ts';
import type { Auth } from '../../platform/auth/better-auth.ts';
import { scheduledDeletionNoticeEmail } from '../../platform/auth/emails.ts';
import { MINUTE_MS, SECOND_MS } from '../../platform/clock.ts';
import type { Mailer } from '../../platform/mailer.ts';

/** Sends the reset link, or, for an account pending deletion, a notice saying how to get it back. */
export const PASSWORD_RESET_JOB = 'auth.password-reset';
/** Tells the owner of an account pending deletion that someone tried to sign up with its address. */
export const SIGN_UP_TAKEN_JOB = 'auth.sign-up-taken';

const payloadSchema = z.object({ email: z.string().min(3).max(254) });

export interface AuthMailJobDeps {
  auth: Auth;
  database: Database;
  mailer: Mailer;
  config: AppConfig;
}

export function registerAuthMailJobs(
  queue: JobQueue,
  { auth, database, mailer, config }: AuthMailJobDeps,
): void {
  async function userByEmail(email: string): Promise<{ name: string; email: string } | undefined> {
    const [user] = await database.query<{ name: string; email: string }>(
      'select name, email from users where lower(email) = lower($1) limit 1',
      [email],
    );
    return user;
  }

  /** True when the account is pending deletion (and its owner has been told); false otherwise. */
  async function noticeIfPendingDeletion(
    email: string,
    occasion: 'password-reset' | 'sign-up',
  ): Promise<boolean> {
    const deletion = await pendingDeletionByEmail(database, email);
    if (!deletion) return false;
    const user = await userByEmail(email);
    if (user) {
      await mailer.send(
        scheduledDeletionNoticeEmail(user, occasion, {
          purgeAfter: deletion.purgeAfter,
          contactEmail: config.contactEmail,
        }),
      );
    }
    return true;
  }

  // A run may repeat (the queue delivers at least once): at worst the user gets a second link or notice.
  const common = {
    maxAttempts: 5,
    backoff: { baseMs: 30 * SECOND_MS, maxMs: 30 * MINUTE_MS },
    leaseMs: 2 * MINUTE_MS,
  };

  queue.register({
    name: PASSWORD_RESET_JOB,
    ...common,
    handler: async (payload) => {
      const { email } = payloadSchema.parse(payload);
      if (await noticeIfPendingDeletion(email, 'password-reset')) return;
      // better-auth looks the account up (nothing happens for an unknown address), stores the token
      // and calls `sendResetPassword`, whose mail failures fail this run so that it is retried.
      await auth.api.requestPasswordReset({ body: { email } });
    },
  });

  queue.register({
    name: SIGN_UP_TAKEN_JOB,
    ...common,
    handler: async (payload) => {
      const { email } = payloadSchema.parse(payload);
      // An ordinary taken address needs no mail: the sign-up form already said "sign in or reset".
      await noticeIfPendingDeletion(email, 'sign-up');
    },
  });
}
