import type { PasswordAssessment } from '../../../core/auth/password-strength.ts';
import { AppError } from '../errors.ts';
import { createWorkerThread } from '../worker-thread.ts';
import type { PasswordReply, PasswordRequest } from './password-worker.ts';

/**
 * How long the estimator's thread is kept after its last answer: long enough for a person to retry
 * a refused password without waiting for it again. Its dictionaries are about 30 MB of heap (the
 * thread about 80 MB of RSS) and a check takes about 7 ms of CPU, for the few requests that set a
 * password (sign-up, reset, change); in a thread of their own they live while those come and are
 * gone when they stop, and the event loop never waits on them (ADR 0057). Starting it takes about
 * 0.3 s.
 */
export const ESTIMATOR_IDLE_MS = 10_000;

/** The estimator's thread, started on demand and ended after `idleMs` without a check. */
export function createPasswordEstimator(idleMs = ESTIMATOR_IDLE_MS) {
  const thread = createWorkerThread<PasswordRequest, PasswordReply, PasswordAssessment>({
    url: new URL('./password-worker.ts', import.meta.url),
    name: 'password estimator',
    settle: (reply) => ({ result: reply.assessment }),
    idleMs,
  });
  return {
    estimate: (password: string, userInputs: readonly string[]) => thread.request({ password, userInputs }),
    /** Whether the thread (and its dictionaries) is alive. */
    running: thread.running,
  };
}

const estimator = createPasswordEstimator();

/**
 * The password policy every route that sets a password enforces (sign-up, reset, change): a 400
 * WEAK_PASSWORD naming the unmet rules and zxcvbn's advice, on the given field. `userInputs` are the
 * user's name and email: the password may not contain them, and the estimator counts them as guessable.
 */
export async function assertStrongPassword(
  password: string,
  userInputs: readonly string[],
  field: string,
): Promise<void> {
  const assessment = await estimator.estimate(password, userInputs);
  if (assessment.acceptable) return;
  const unmet = assessment.rules.filter((rule) => !rule.met);
  const advice = [assessment.warning, ...assessment.suggestions].filter(Boolean).join(' ');
  const personal = unmet.some((rule) => rule.id === 'personal');
  throw new AppError(
    400,
    'WEAK_PASSWORD',
    personal
      ? 'Choose a password that doesn’t contain your name or email address.'
      : 'Choose a stronger password.',
    {
      details: [
        {
          path: field,
          message: [`Not met: ${unmet.map((rule) => rule.label).join('; ')}.`, advice]
            .filter(Boolean)
            .join(' '),
        },
      ],
    },
  );
}
