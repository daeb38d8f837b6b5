// Only imported through loadContracts() in ./contracts.ts, which keeps zod out of every page's initial code.

// Must run before any schema below is built, so it comes first (modules evaluate in import order).
import './zod-jitless.ts';

export {
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
export { errorEnvelopeSchema, okSchema } from '../../core/http/envelope.ts';
