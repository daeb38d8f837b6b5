// Only imported through ./contracts.ts. What every page load checks — the session, and the error
// envelope any answer can be — so a public page's start-up builds these few schemas only; the
// public forms' and the signed-in app's come when a request or a form first needs them.

// Must run before any schema below is built, so it comes first (modules evaluate in import order).
import './zod-jitless.ts';

export {
  sessionResponseSchema,
  userResponseSchema,
} from '../../core/auth/session-contracts.ts';
export { errorEnvelopeSchema, okSchema } from '../../core/http/envelope.ts';
