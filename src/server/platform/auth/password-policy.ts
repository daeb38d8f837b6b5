import { assessPassword } from '../../../core/auth/password-strength.ts';
import { AppError } from '../errors.ts';

/**
 * The password policy every route that sets a password enforces (sign-up, reset, change): a 400
 * WEAK_PASSWORD naming the unmet rules and zxcvbn's advice, on the given field. `userInputs` are the
 * user's name and email: the password may not contain them, and the estimator counts them as guessable.
 */
export function assertStrongPassword(password: string, userInputs: readonly string[], field: string): void {
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
