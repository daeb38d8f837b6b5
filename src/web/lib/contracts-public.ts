// Only imported through ./contracts.ts. The contracts the public pages need (session, sign-in and
// sign-up, emailed links, the operator contact and legal facts, the diagnostic, a survey's public
// link, the unsubscribe link, the error envelope), small enough that a visitor's first request does
// not download and build every schema of the signed-in app.

// Must run before any schema below is built, so it comes first (modules evaluate in import order).
import './zod-jitless.ts';

export { contactResponseSchema } from '../../core/account/lifecycle-contracts.ts';
export {
  linkStatusResponseSchema,
  requestPasswordResetBodySchema,
  resetPasswordBodySchema,
  sessionResponseSchema,
  signInBodySchema,
  signUpBodySchema,
  tokenSchema,
  userResponseSchema,
  verifyEmailBodySchema,
} from '../../core/auth/contracts.ts';
export {
  diagnosticHistoryResponseSchema,
  diagnosticResultResponseSchema,
  leadCaptureBodySchema,
} from '../../core/diagnostic/contracts.ts';
export { unsubscribeResponseSchema } from '../../core/email-consent/contracts.ts';
export { submitFeedbackResponseSchema } from '../../core/feedback/contracts.ts';
export { errorEnvelopeSchema, okSchema } from '../../core/http/envelope.ts';
export { legalFactsSchema } from '../../core/legal/contracts.ts';
export { publicSurveySchema, submitSurveyResponseSchema } from '../../core/surveys/contracts.ts';
