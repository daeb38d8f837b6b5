import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import {
  checkPasswordRules,
  PASSWORD_MIN_STRENGTH_SCORE,
  type PasswordRuleResult,
} from './password-rules.ts';

const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordAssessment {
  acceptable: boolean;
  score: StrengthScore;
  rules: PasswordRuleResult[];
  /** Human advice from the estimator, e.g. "Add another word or two." */
  suggestions: string[];
  warning: string | null;
}

/**
 * The whole password policy: length, character classes and an estimated strength score. `userInputs`
 * (name, email) count as guessable words, so "Jane2024!" is weak for Jane.
 */
export function assessPassword(password: string, userInputs: string[] = []): PasswordAssessment {
  const rules = checkPasswordRules(password);
  const inputs = userInputs.flatMap((value) => value.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
  // The estimator's cost grows with length; the policy caps length anyway.
  const result = estimator.check(password.slice(0, 128), inputs);
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
}
