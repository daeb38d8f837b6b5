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

export type PasswordRuleId = 'length' | 'classes' | 'personal' | 'strength';

export interface PasswordRuleResult {
  id: PasswordRuleId;
  label: string;
  met: boolean;
}

/** The shortest name or email fragment the personal rule looks for: shorter ones are everyday syllables. */
export const PERSONAL_FRAGMENT_MIN_LETTERS = 3;
/**
 * The shortest word handed to the estimator: it guesses shorter strings by brute force anyway, and
 * one- or two-letter "words" match everywhere, which only slows it down.
 */
const GUESSABLE_MIN_LENGTH = 3;

/** Lower-cased, accents removed ("José" → "jose"), so "JOSE" and "José" count as the same word. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function lettersAndDigits(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

function piecesOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Splits the user's own details into what a password must not be built from. An input with an `@` is
 * an email address: its local part counts whole and in pieces ("ada.lovelace" → "adalovelace", "ada",
 * "lovelace"), its domain only as guessable words. Anything else is a name, whole and in pieces.
 */
export function personalWordsOf(userInputs: readonly string[]): { fragments: string[]; guessable: string[] } {
  const fragments = new Set<string>();
  const guessable = new Set<string>();
  for (const input of userInputs) {
    const value = fold(input.trim());
    if (!value) continue;
    const at = value.lastIndexOf('@');
    const own = at > 0 ? value.slice(0, at) : value;
    const domain = at > 0 ? value.slice(at + 1) : '';
    for (const word of [own, lettersAndDigits(own), ...piecesOf(own)]) {
      if (word.length < GUESSABLE_MIN_LENGTH) continue;
      guessable.add(word);
      const compact = lettersAndDigits(word);
      if ((compact.match(/\p{L}/gu)?.length ?? 0) >= PERSONAL_FRAGMENT_MIN_LETTERS) fragments.add(compact);
    }
    if (at > 0) guessable.add(value);
    for (const word of piecesOf(domain)) if (word.length >= GUESSABLE_MIN_LENGTH) guessable.add(word);
  }
  return { fragments: [...fragments], guessable: [...guessable] };
}

/**
 * The name or email fragment the password contains, if any: case, accents and separators are ignored,
 * so "Ada-Lovelace-1815" contains "lovelace" (and "adalovelace").
 */
export function personalFragmentIn(password: string, userInputs: readonly string[]): string | null {
  const { fragments } = personalWordsOf(userInputs);
  if (fragments.length === 0) return null;
  const folded = fold(password);
  const compact = lettersAndDigits(folded);
  return fragments.find((fragment) => folded.includes(fragment) || compact.includes(fragment)) ?? null;
}

export const PERSONAL_RULE_LABEL = 'Doesn’t contain your name or email address';

/**
 * The deterministic rules: length, character classes and, once the user's name or email is known
 * (`userInputs`), not containing them. The strength rule is added by `assessPassword`.
 */
export function checkPasswordRules(
  password: string,
  userInputs: readonly string[] = [],
): PasswordRuleResult[] {
  const length = [...password].length;
  const rules: PasswordRuleResult[] = [
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
  if (personalWordsOf(userInputs).fragments.length > 0) {
    rules.push({
      id: 'personal',
      label: PERSONAL_RULE_LABEL,
      met: password.length > 0 && personalFragmentIn(password, userInputs) === null,
    });
  }
  return rules;
}
