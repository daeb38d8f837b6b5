/**
 * The password policy's assessment on top of a strength estimator (zxcvbn-ts): length, character
 * classes, no name or email inside, and an estimated score. The estimator is passed in because the
 * browser and the server load it differently (password-strength.ts here; the server's
 * platform/auth/password-estimator.ts, which can release its ~27 MB of dictionaries when idle).
 */
import type { OptionsType } from '@zxcvbn-ts/core';
import type * as LanguageCommon from '@zxcvbn-ts/language-common';
import type * as LanguageEnglish from '@zxcvbn-ts/language-en';
import {
  checkPasswordRules,
  PASSWORD_MIN_STRENGTH_SCORE,
  type PasswordRuleResult,
  personalWordsOf,
} from './password-rules.ts';

/** The part of zxcvbn-ts's `ZxcvbnFactory` the policy uses. */
export interface StrengthEstimator {
  check(
    password: string,
    userInputs?: (string | number)[],
  ): { score: number; feedback: { warning: string | null; suggestions: string[] } };
}

/** What the estimator is built from: the common and the English language packs of zxcvbn-ts. */
export interface EstimatorLanguagePacks {
  common: Pick<typeof LanguageCommon, 'dictionary' | 'adjacencyGraphs'>;
  english: Pick<typeof LanguageEnglish, 'dictionary' | 'translations'>;
}

/** The estimator's options, the same wherever it is built. */
export function estimatorOptions({ common, english }: EstimatorLanguagePacks): OptionsType {
  return {
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  };
}

/** How much of a password the strength estimator reads. */
export const ESTIMATED_LENGTH = 64;

/**
 * What the estimator scores. Its repeat matcher is slow on repetitive input (a 128-character
 * "aB3!aB3!…" took ~0.5 s of event loop), so a run of a repeated unit is scored as one copy —
 * repetition adds almost no strength, so this is at worst a little stricter — and only the first 64 characters
 * are read, which decide the score of any real password.
 */
export function estimatorInput(password: string): string {
  return password.replace(/(.{1,16}?)\1{2,}/gs, '$1').slice(0, ESTIMATED_LENGTH);
}

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordAssessment {
  acceptable: boolean;
  score: StrengthScore;
  rules: PasswordRuleResult[];
  /** Human advice from the estimator, e.g. "Add another word or two." */
  suggestions: string[];
  warning: string | null;
}

export type AssessPassword = (password: string, userInputs?: readonly string[]) => PasswordAssessment;

/**
 * The whole password policy: length, character classes, not containing the user's name or email, and
 * an estimated strength score. `userInputs` (name, email) also count as guessable words for the
 * estimator — whole, the email's local part, and their pieces — so "Jane2024!" is weak for Jane.
 */
export function createPasswordAssessor(estimator: StrengthEstimator): AssessPassword {
  return (password, userInputs = []) => {
    const rules = checkPasswordRules(password, userInputs);
    const result = estimator.check(estimatorInput(password), personalWordsOf(userInputs).guessable);
    const score = result.score as StrengthScore;
    const strengthMet = score >= PASSWORD_MIN_STRENGTH_SCORE;
    const allRules: PasswordRuleResult[] = [
      ...rules,
      { id: 'strength', label: 'Hard to guess (strength “strong” or better)', met: strengthMet },
    ];
    return {
      acceptable: allRules.every((rule) => rule.met),
      score,
      rules: allRules,
      suggestions: result.feedback.suggestions,
      warning: result.feedback.warning,
    };
  };
}
