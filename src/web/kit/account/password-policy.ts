import { checkPasswordRules } from '../../../core/auth/password-rules.ts';
import { loadPasswordEstimator } from './password-strength.ts';

export const WEAK_PASSWORD_MESSAGE = 'Choose a stronger password: it needs to meet every rule listed below.';

/**
 * Applies the server's policy before sending, so a weak password is explained at once. Returns true
 * when the password would be refused. If the estimator cannot load, the server has the final word.
 */
export async function findPasswordProblem(password: string, userInputs: string[]): Promise<boolean> {
  if (!checkPasswordRules(password, userInputs).every((rule) => rule.met)) return true;
  try {
    const assess = await loadPasswordEstimator();
    return !assess(password, userInputs).acceptable;
  } catch {
    return false;
  }
}
