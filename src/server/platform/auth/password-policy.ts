import { AppError } from '../errors.ts';
import { createPasswordEstimator } from './password-estimator.ts';

/** One per process: built on the first password set, dropped when none has been set for a while. */
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
  const assessment = estimator.assess(password, userInputs);
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
