/**
 * The password policy's deterministic rules. Shared by the server (enforcement) and the sign-up form
 * (live checklist). The strength estimate lives in password-strength.ts because its dictionaries are
 * large and the web app loads them lazily.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CHARACTER_CLASSES = 3;
export const PASSWORD_MIN_STRENGTH_SCORE = 3;

export type CharacterClass = 'lower' | 'upper' | 'digit' | 'symbol';

export function characterClassesOf(password: string): Set<CharacterClass> {
  const classes = new Set<CharacterClass>();
  for (const char of password) {
    if (/\p{Ll}/u.test(char)) classes.add('lower');
    else if (/\p{Lu}/u.test(char)) classes.add('upper');
    else if (/\p{Nd}/u.test(char)) classes.add('digit');
    else classes.add('symbol');
  }
  return classes;
}

export type PasswordRuleId = 'length' | 'classes' | 'strength';

export interface PasswordRuleResult {
  id: PasswordRuleId;
  label: string;
  met: boolean;
}

/** Length and character-class rules; the strength rule is added by `assessPassword`. */
export function checkPasswordRules(password: string): PasswordRuleResult[] {
  const length = [...password].length;
  return [
    {
      id: 'length',
      label: `At least ${PASSWORD_MIN_LENGTH} characters`,
      met: length >= PASSWORD_MIN_LENGTH && length <= PASSWORD_MAX_LENGTH,
    },
    {
      id: 'classes',
      label: 'At least 3 of: lowercase, uppercase, digit, symbol',
      met: characterClassesOf(password).size >= PASSWORD_MIN_CHARACTER_CLASSES,
    },
  ];
}
