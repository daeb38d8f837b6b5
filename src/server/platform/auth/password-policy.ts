import { assessPassword } from '../../../core/auth/password-strength.ts';
import { AppError } from '../errors.ts';

/**
 * The password policy every route that sets a password enforces (sign-up, reset, change): a 400
 * WEAK_PASSWORD naming the unmet rules and zxcvbn's advice, on the given field.
 */
export function assertStrongPassword(password: string, userInputs: string[], field: string): void {
  const assessment = assessPassword(password, userInputs);
  if (assessment.acceptable) return;
  const unmet = assessment.rules.filter((rule) => !rule.met).map((rule) => rule.label);
  const advice = [assessment.warning, ...assessment.suggestions].filter(Boolean).join(' ');
  throw new AppError(400, 'WEAK_PASSWORD', 'Choose a stronger password.', {
    details: [{ path: field, message: [`Missing: ${unmet.join('; ')}.`, advice].filter(Boolean).join(' ') }],
  });
}
