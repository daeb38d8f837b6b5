/**
 * The one error envelope. Services throw `AppError`; Fastify's own errors (bad JSON, body too large,
 * schema violations) and anything unexpected are translated here, so every failure a client sees has
 * the shape `{ error: { code, message, requestId, details? } }`.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, ErrorDetail, ErrorEnvelope } from '../../core/http/envelope.ts';
import type { ErrorReporter } from './error-reporting.ts';

export class AppError extends Error {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  readonly headers: Record<string, string>;
  readonly current: unknown;

  constructor(
    statusCode: number,
    code: ErrorCode,
    message: string,
    options: { details?: ErrorDetail[]; headers?: Record<string, string>; current?: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.statusCode = statusCode;
    this.code = code;
    this.details = options.details;
    this.headers = options.headers ?? {};
    this.current = options.current;
  }
}

export function envelope(
  request: FastifyRequest,
  code: ErrorCode,
  message: string,
  details?: ErrorDetail[],
): ErrorEnvelope {
  return { error: { code, message, requestId: String(request.id), ...(details ? { details } : {}) } };
}

export function sendError(
  reply: FastifyReply,
  statusCode: number,
  code: ErrorCode,
  message: string,
  details?: ErrorDetail[],
): FastifyReply {
  return reply
    .status(statusCode)
    .type('application/json; charset=utf-8')
    .send(envelope(reply.request, code, message, details));
}

const fastifyCodeMap: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'INVALID_JSON',
    message: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'INVALID_JSON',
    message: 'The request body is empty; send a JSON object.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is too large.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send the request body as application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'BAD_REQUEST',
    message: 'The Content-Length header does not match the body.',
  },
};

const DATABASE_RETRY_AFTER_SECONDS = 5;
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection ended unexpectedly',
];

/**
 * True for errors that mean "the database cannot be reached right now": socket errors, the pool's
 * connect timeout, and PostgreSQL's connection-exception (08…) and shutdown (57P0…) classes. Query
 * errors (bad SQL, constraint violations) are bugs and stay 500s. Wrapped errors are unwrapped
 * through `cause` (the ORM wraps driver errors).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause && depth < 6; depth += 1) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08') || /^57P0[1-3]$/.test(code)) return true;
    }
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((text) => message.includes(text)))
      return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

function statusToCode(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'OVERLOADED';
    default:
      return 'BAD_REQUEST';
  }
}

function validationDetails(error: FastifyError): ErrorDetail[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  return error.validation.map((issue) => {
    const where = error.validationContext ?? 'body';
    const fieldPath = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const unknownKeys = (issue.params as { keys?: unknown }).keys;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(unknownKeys)) {
      return {
        path: [where, fieldPath, ...unknownKeys.map(String)].filter(Boolean).join('.'),
        message: 'Unknown field',
      };
    }
    return { path: [where, fieldPath].filter(Boolean).join('.'), message: issue.message ?? 'Invalid value' };
  });
}

/** Keeps a redacted record of each unexpected failure (the System page's "Recent errors"). */
export interface UnexpectedErrorLog {
  /** Must not throw or wait. */
  record(error: unknown, request: FastifyRequest): void;
}

export function registerErrorHandling(
  app: FastifyInstance,
  reporter?: ErrorReporter,
  errorLog?: UnexpectedErrorLog,
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      if (error.current !== undefined) {
        const body = envelope(request, error.code, error.message, error.details);
        return reply
          .status(error.statusCode)
          .type('application/json; charset=utf-8')
          .send({ error: { ...body.error, current: error.current } });
      }
      return sendError(reply, error.statusCode, error.code, error.message, error.details);
    }
    if (isDatabaseUnavailable(error)) {
      // The database is down or unreachable: a temporary condition the client should retry,
      // not a bug — 503 with Retry-After, and the app recovers by itself when it is back.
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      return sendError(
        reply,
        503,
        'UNAVAILABLE',
        'The service is temporarily unavailable. Please retry in a few seconds.',
      );
    }
    if (error.validation) {
      const details = validationDetails(error);
      return sendError(reply, 400, 'VALIDATION_FAILED', 'Some fields are missing or invalid.', details);
    }
    const known = error.code ? fastifyCodeMap[error.code] : undefined;
    if (known) return sendError(reply, known.status, known.code, known.message);
    const status = error.statusCode ?? 500;
    if (status === 503) {
      // Load shedding: the caller should retry after the Retry-After the shedder already set.
      return sendError(
        reply,
        503,
        'OVERLOADED',
        'The service is busy right now. Please retry in a few seconds.',
      );
    }
    if (status >= 400 && status < 500) {
      // Client errors raised by Fastify or plugins carry safe, specific messages.
      return sendError(
        reply,
        status,
        statusToCode(status),
        error.message || 'The request could not be processed.',
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    reporter?.captureRequestError(error, request);
    errorLog?.record(error, request);
    return sendError(reply, 500, 'INTERNAL', 'Something went wrong on our side. Please try again.');
  });
}
