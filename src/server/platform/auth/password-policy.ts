import type { assessPassword as AssessPassword } from '../../../core/auth/password-strength.ts';
import { AppError } from '../errors.ts';

let estimator: Promise<typeof AssessPassword> | undefined;

/**
 * The strength estimator, loaded on the first password set rather than at start: its dictionaries
 * are about 30 MB of heap that a process would otherwise hold from boot for the few requests
 * (sign-up, reset, change) that need them.
 */
function loadEstimator(): Promise<typeof AssessPassword> {
  estimator ??= import('../../../core/auth/password-strength.ts').then(
    (module) => module.assessPassword,
    (error: unknown) => {
      // A failed load is tried again by the next request rather than remembered.
      estimator = undefined;
      throw error;
    },
  );
  return estimator;
}

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
  const assessPassword = await loadEstimator();
  const assessment = assessPassword(password, userInputs);
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
