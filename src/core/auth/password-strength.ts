/**
 * The password policy with its estimator built from the ES modules of zxcvbn-ts: what the browser's
 * live strength meter loads (on first use, as its own chunk). The server builds its own estimator
 * (platform/auth/password-estimator.ts) so it can let go of the dictionaries.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { createPasswordAssessor, estimatorOptions } from './password-assessment.ts';

export {
  type AssessPassword,
  ESTIMATED_LENGTH,
  estimatorInput,
  type PasswordAssessment,
  type StrengthScore,
} from './password-assessment.ts';

export const assessPassword = createPasswordAssessor(
  new ZxcvbnFactory(estimatorOptions({ common, english })),
);
