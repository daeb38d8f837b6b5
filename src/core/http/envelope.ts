import { z } from 'zod';

/**
 * Every failure the API returns has this one shape, so the web client (and anyone scripting the API)
 * handles errors in a single place.
 */
export const errorCodeSchema = z.enum([
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'EMAIL_TAKEN',
  'WEAK_PASSWORD',
  'INVALID_CREDENTIALS',
  'INVALID_TOKEN',
  'ACCOUNT_PENDING_DELETION',
  'CAPTCHA_FAILED',
  'RATE_LIMITED',
  'QUOTA_EXCEEDED',
  /** The request is valid, but the brief and saved work hold too little to write from (422). */
  'NOT_ENOUGH_INPUT',
  'AI_INVALID_RESPONSE',
  'OVERLOADED',
  'UNAVAILABLE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorDetailSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    requestId: z.string(),
    details: z.array(errorDetailSchema).optional(),
    /** On 409 CONFLICT for a versioned resource: the server's current copy, to offer beside the client's. */
    current: z.unknown().optional(),
    /** On 409 CONFLICT for a workspace item: each field changed both in the request and in `current`. */
    conflicts: z.array(z.object({ path: z.string(), yours: z.unknown(), theirs: z.unknown() })).optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

export const okSchema = z.object({ ok: z.literal(true) });
