/**
 * The one error envelope. Services throw `AppError`; Fastify's own errors (bad JSON, body too large,
 * schema violations) and anything unexpected are translated here, so every failure a client sees has
 * the shape `{ error: { code, message, requestId, details? } }`.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, ErrorDetail, ErrorEnvelope } from '../../core/http/envelope.ts';
import type { ErrorReporter } from './error-reporting.ts';

/** What every 503 OVERLOADED says: shed load, a full admission queue, a full password-hashing queue. */
export const OVERLOADED_MESSAGE = 'The service is busy right now. Please retry in a few seconds.';

export class AppError extends Error {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  readonly headers: Record<string, string>;
  readonly current: unknown;
  readonly conflicts: ErrorEnvelope['error']['conflicts'];

  constructor(
    statusCode: number,
    code: ErrorCode,
    message: string,
    options: {
      details?: ErrorDetail[];
      headers?: Record<string, string>;
      current?: unknown;
      conflicts?: ErrorEnvelope['error']['conflicts'];
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.statusCode = statusCode;
    this.code = code;
    this.details = options.details;
    this.headers = options.headers ?? {};
    this.current = options.current;
    this.conflicts = options.conflicts;
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
/** Socket-level failures: the server is down (refused), restarting (reset) or unreachable. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/**
 * PostgreSQL's operator-intervention codes that mean "not now": 57P01 admin_shutdown (a fast or
 * smart shutdown, or `pg_terminate_backend`, ends the connection), 57P02 crash_shutdown, 57P03
 * cannot_connect_now ("the database system is starting up" / "… is shutting down"). Not 57014
 * (query_canceled, a statement timeout) — that one is about the query, not the server.
 */
const SERVER_UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03']);
/** node-postgres and pg-pool raise these as plain errors, without a code. */
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection ended unexpectedly',
];

/**
 * True for errors that mean "the database cannot be reached right now": socket errors, the pool's
 * connect timeout, node-postgres's "Connection terminated unexpectedly", and PostgreSQL's
 * connection-exception class (08…, e.g. 08006 connection_failure, 08001 unable to connect) and
 * shutdown/startup codes (57P01–57P03). Query errors (bad SQL, constraint violations) are bugs and
 * stay 500s. Wrapped errors are unwrapped through `cause` (the ORM and the auth library wrap driver
 * errors) and through an AggregateError's `errors` (Node's connect tries every address of a host).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 6) return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    if (
      CONNECTION_ERROR_CODES.has(code) ||
      SERVER_UNAVAILABLE_CODES.has(code) ||
      /^08[0-9A-Z]{3}$/.test(code)
    )
      return true;
  }
  if (typeof message === 'string' && CONNECTION_MESSAGES.some((text) => message.includes(text))) return true;
  if (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((inner) => isDatabaseUnavailable(inner, depth + 1))
  )
    return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

/**
 * The PostgreSQL SQLSTATE of a data exception (class 22: 22P02 invalid text representation, 22003
 * numeric value out of range, 22021 character not in repertoire / NUL, 22P05 untranslatable
 * character, 22001 string too long, 22007 bad datetime, …), or null for any other error. Both drivers
 * put the SQLSTATE in `code`; the ORM and the auth library wrap it (`cause`). Such an error means a
 * value from the request passed its contract and the database refused it: a 400, not a 500.
 */
export function dataExceptionCode(error: unknown, depth = 0): string | null {
  if (!error || typeof error !== 'object' || depth > 6) return null;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return code;
  return dataExceptionCode(cause, depth + 1);
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

/**
 * During an outage every request fails the same way; one warning per window (with how many were
 * folded into it) says everything, where one per request would flood the logs. Each 503 is still
 * visible in the request log and the metrics.
 */
export function createOutageLogThrottle(windowMs: number, now: () => number = Date.now) {
  let windowStart = Number.NEGATIVE_INFINITY;
  let folded = 0;
  return {
    /** Returns how many were folded since the last warning when this one should be logged, else null. */
    next(): number | null {
      const time = now();
      if (time - windowStart < windowMs) {
        folded += 1;
        return null;
      }
      const previouslyFolded = folded;
      windowStart = time;
      folded = 0;
      return previouslyFolded;
    },
  };
}

const OUTAGE_LOG_WINDOW_MS = 10_000;

export function registerErrorHandling(
  app: FastifyInstance,
  reporter?: ErrorReporter,
  errorLog?: UnexpectedErrorLog,
): void {
  const outageLog = createOutageLogThrottle(OUTAGE_LOG_WINDOW_MS);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      if (error.current !== undefined) {
        const body = envelope(request, error.code, error.message, error.details);
        return reply
          .status(error.statusCode)
          .type('application/json; charset=utf-8')
          .send({
            error: {
              ...body.error,
              current: error.current,
              ...(error.conflicts ? { conflicts: error.conflicts } : {}),
            },
          });
      }
      return sendError(reply, error.statusCode, error.code, error.message, error.details);
    }
    if (isDatabaseUnavailable(error)) {
      // The database is down or unreachable: a temporary condition the client should retry,
      // not a bug — 503 with Retry-After, and the app recovers by itself when it is back.
      const foldedSinceLast = outageLog.next();
      if (foldedSinceLast !== null) request.log.warn({ err: error, foldedSinceLast }, 'database unavailable');
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      return sendError(
        reply,
        503,
        'UNAVAILABLE',
        'The service is temporarily unavailable. Please retry in a few seconds.',
      );
    }
    const dataException = dataExceptionCode(error);
    if (dataException) {
      // The last line of defence (ADR 0030): the input guard and the contracts should have refused
      // this value; the warning says which contract misses a bound.
      request.log.warn({ err: error, sqlstate: dataException }, 'database refused a value from the request');
      return sendError(
        reply,
        400,
        'VALIDATION_FAILED',
        'A value in the request cannot be stored (a number out of range, or text with characters that are not allowed).',
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
      return sendError(reply, 503, 'OVERLOADED', OVERLOADED_MESSAGE);
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
