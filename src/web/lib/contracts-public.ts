// Only imported through ./contracts.ts. The contracts the public pages' forms and requests need
// (sign-in and sign-up, emailed links, the operator contact and legal facts, the diagnostic, a
// survey's public link, the unsubscribe link) and the session chunk's, small enough that a visitor
// never downloads and builds every schema of the signed-in app.

// Must run before any schema below is built, so it comes first (modules evaluate in import order).
import './zod-jitless.ts';

export { contactResponseSchema } from '../../core/account/lifecycle-contracts.ts';
export {
  linkStatusResponseSchema,
  requestPasswordResetBodySchema,
  resetPasswordBodySchema,
  signInBodySchema,
  signUpBodySchema,
  tokenSchema,
  verifyEmailBodySchema,
} from '../../core/auth/contracts.ts';
export {
  diagnosticHistoryResponseSchema,
  diagnosticResultResponseSchema,
  leadCaptureBodySchema,
} from '../../core/diagnostic/contracts.ts';
export { unsubscribeResponseSchema } from '../../core/email-consent/contracts.ts';
export { submitFeedbackResponseSchema } from '../../core/feedback/contracts.ts';
export { legalFactsSchema } from '../../core/legal/contracts.ts';
export { publicSurveySchema, submitSurveyResponseSchema } from '../../core/surveys/contracts.ts';
export * from './contracts-session.ts';
