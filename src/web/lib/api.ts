import type { z } from 'zod';
import type {
  RequestPasswordResetBody,
  ResetPasswordBody,
  SessionResponse,
  SignInBody,
  SignUpBody,
  UserResponse,
  VerifyEmailBody,
} from '../../core/auth/contracts.ts';
import type {
  DiagnosticHistoryResponse,
  LeadCaptureBody,
  SubmitDiagnosticBody,
} from '../../core/diagnostic/contracts.ts';
import type { ErrorCode, ErrorDetail } from '../../core/http/envelope.ts';
import { type Contracts, loadContracts } from './contracts.ts';

/** Codes the server sends, plus the two failures only the client can observe. */
export type ApiErrorCode = ErrorCode | 'NETWORK_ERROR' | 'BAD_RESPONSE';

export interface ApiErrorInit {
  code: ApiErrorCode;
  message: string;
  status: number;
  requestId?: string | null;
  details?: ErrorDetail[];
  retryAfterSeconds?: number | null;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly requestId: string | null;
  readonly details: ErrorDetail[];
  readonly retryAfterSeconds: number | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId ?? null;
    this.details = init.details ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const fallbackMessages: Record<number, { code: ApiErrorCode; message: string }> = {
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'That request was too large.' },
  429: { code: 'RATE_LIMITED', message: 'Too many attempts. Please wait a moment and try again.' },
  503: { code: 'OVERLOADED', message: 'The service is busy right now. Please try again in a moment.' },
};

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorFromResponse(contracts: Contracts, response: Response, body: unknown): ApiError {
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  const envelope = contracts.errorEnvelopeSchema.safeParse(body);
  if (envelope.success) {
    const { code, message, requestId, details } = envelope.data.error;
    return new ApiError({ code, message, requestId, details, status: response.status, retryAfterSeconds });
  }
  // A proxy or crashed upstream answered instead of our server: keep the status, explain plainly.
  const fallback = fallbackMessages[response.status] ?? {
    code: response.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST',
    message:
      response.status >= 500
        ? 'Something went wrong on our side. Please try again.'
        : 'The request could not be completed.',
  };
  return new ApiError({
    ...fallback,
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    retryAfterSeconds,
  });
}

type Method = 'GET' | 'POST';

/** Names of the response schemas in the contracts chunk. */
type ResponseSchema =
  | 'sessionResponseSchema'
  | 'userResponseSchema'
  | 'okSchema'
  | 'diagnosticResultResponseSchema'
  | 'diagnosticHistoryResponseSchema';

async function request<K extends ResponseSchema>(
  method: Method,
  path: string,
  schema: K,
  body?: object,
): Promise<z.output<Contracts[K]>> {
  // Fetched alongside the request rather than after it, so checking the answer adds no round trip.
  const contractsReady = loadContracts();
  // A failed download surfaces below, once there is a response to check; this just avoids an
  // "unhandled rejection" in the meantime.
  contractsReady.catch(() => undefined);

  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError({
      code: 'NETWORK_ERROR',
      status: 0,
      message: 'We couldn’t reach the server. Check your connection and try again.',
    });
  }
  let contracts: Contracts;
  try {
    contracts = await contractsReady;
  } catch {
    throw new ApiError({
      code: 'NETWORK_ERROR',
      status: response.status,
      message: 'Part of the app couldn’t be downloaded. Check your connection and reload the page.',
    });
  }

  const json = await readJson(response);
  if (!response.ok) throw errorFromResponse(contracts, response, json);

  const parsed = contracts[schema].safeParse(json);
  if (!parsed.success) {
    throw new ApiError({
      code: 'BAD_RESPONSE',
      status: response.status,
      requestId: response.headers.get('x-request-id'),
      message: 'The server sent an answer we didn’t understand. Please reload the page.',
    });
  }
  return parsed.data as z.output<Contracts[K]>;
}

export type Ok = z.output<Contracts['okSchema']>;
export type DiagnosticResultResponse = z.output<Contracts['diagnosticResultResponseSchema']>;

/** Result ids are UUIDs; anything else is not worth a round trip. */
export function isResultId(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

function resultPath(id: string): string {
  return `/api/diagnostic/results/${encodeURIComponent(id)}`;
}

/** Where the PDF report of a result downloads from (same owner rules as the result itself). */
export function diagnosticReportUrl(id: string): string {
  return `${resultPath(id)}/report.pdf`;
}

/** The ALTCHA widget fetches its proof-of-work challenge from here. */
export const ALTCHA_CHALLENGE_URL = '/api/diagnostic/altcha-challenge';

/** Every call the web app makes to the API goes through here. */
export const api = {
  getSession: (): Promise<SessionResponse> => request('GET', '/api/session', 'sessionResponseSchema'),
  signUp: (body: SignUpBody): Promise<UserResponse> =>
    request('POST', '/api/auth/sign-up', 'userResponseSchema', body),
  signIn: (body: SignInBody): Promise<UserResponse> =>
    request('POST', '/api/auth/sign-in', 'userResponseSchema', body),
  signOut: (): Promise<Ok> => request('POST', '/api/auth/sign-out', 'okSchema'),
  verifyEmail: (body: VerifyEmailBody): Promise<Ok> =>
    request('POST', '/api/auth/verify-email', 'okSchema', body),
  sendVerificationEmail: (): Promise<Ok> => request('POST', '/api/auth/send-verification-email', 'okSchema'),
  requestPasswordReset: (body: RequestPasswordResetBody): Promise<Ok> =>
    request('POST', '/api/auth/request-password-reset', 'okSchema', body),
  resetPassword: (body: ResetPasswordBody): Promise<Ok> =>
    request('POST', '/api/auth/reset-password', 'okSchema', body),
  submitDiagnostic: (body: SubmitDiagnosticBody): Promise<DiagnosticResultResponse> =>
    request('POST', '/api/diagnostic/results', 'diagnosticResultResponseSchema', body),
  getDiagnosticResult: (id: string): Promise<DiagnosticResultResponse> =>
    request('GET', resultPath(id), 'diagnosticResultResponseSchema'),
  listDiagnosticResults: (): Promise<DiagnosticHistoryResponse> =>
    request('GET', '/api/diagnostic/results', 'diagnosticHistoryResponseSchema'),
  emailDiagnosticReport: (id: string, body: LeadCaptureBody): Promise<Ok> =>
    request('POST', `${resultPath(id)}/lead`, 'okSchema', body),
};

/** A sentence for people, for any error a call can throw. */
export function describeError(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Please try again.';
  if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds) {
    const wait = error.retryAfterSeconds;
    const when = wait < 60 ? `${wait} second${wait === 1 ? '' : 's'}` : `${Math.ceil(wait / 60)} minutes`;
    return `Too many attempts. Please try again in ${when}.`;
  }
  return error.message;
}
