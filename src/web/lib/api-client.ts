/**
 * The one way the web app talks to the API: `request` for JSON, `uploadFile` to send a file with
 * progress, `downloadFile` for files and `postEventStream` for server-sent events. Each feature writes its own endpoints on top of these
 * (`features/<name>/api.ts`, or `kit/<topic>/api.ts` when several features share them). Every answer
 * is checked against the shared zod contracts, and every failure becomes an `ApiError` carrying the
 * envelope's code, message, request id, field details and `Retry-After`.
 */
import type { z } from 'zod';
import type { ErrorCode, ErrorDetail } from '../../core/http/envelope.ts';
import { countOf } from '../../core/text/plural.ts';
import { type Contracts, loadContractsWith } from './contracts.ts';
import { createSseParser, type SseMessage } from './sse.ts';

/** Codes the server sends, plus the two failures only the client can observe. */
export type ApiErrorCode = ErrorCode | 'NETWORK_ERROR' | 'BAD_RESPONSE';

export interface ApiErrorInit {
  code: ApiErrorCode;
  message: string;
  status: number;
  requestId?: string | null;
  details?: ErrorDetail[];
  retryAfterSeconds?: number | null;
  current?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly requestId: string | null;
  readonly details: ErrorDetail[];
  readonly retryAfterSeconds: number | null;
  /** On 409 CONFLICT: the server's current copy of the resource. */
  readonly current: unknown;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId ?? null;
    this.details = init.details ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.current = init.current;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * The request id to quote to support, for errors nobody expected: a server fault (5xx), a lost
 * connection or an answer that made no sense. An expected answer (a wrong password, a field to fix,
 * a limit) needs no reference, and showing one would make it look like a fault.
 */
export function supportReference(error: unknown): string | null {
  if (!isApiError(error) || !error.requestId) return null;
  const unexpected = error.status === 0 || error.status >= 500 || error.code === 'BAD_RESPONSE';
  return unexpected ? error.requestId : null;
}

/** A sentence for people, for any error a call can throw. */
export function describeError(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Please try again.';
  if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds) {
    const wait = error.retryAfterSeconds;
    const when = wait < 60 ? countOf(wait, 'second') : countOf(Math.ceil(wait / 60), 'minute');
    return `Too many attempts. Please try again in ${when}.`;
  }
  return error.message;
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
    const { code, message, requestId, details, current } = envelope.data.error;
    return new ApiError({
      code,
      message,
      requestId,
      details,
      current,
      status: response.status,
      retryAfterSeconds,
    });
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

function unreachable(): ApiError {
  return new ApiError({
    code: 'NETWORK_ERROR',
    status: 0,
    message: 'We couldn’t reach the server. Check your connection and try again.',
  });
}

function badResponse(status: number, requestId: string | null): ApiError {
  return new ApiError({
    code: 'BAD_RESPONSE',
    status,
    requestId,
    message: 'The server sent an answer we didn’t understand. Please reload the page.',
  });
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The contracts that are schemas: what an answer (or an event) can be checked against. */
export type ResponseSchema = {
  [K in keyof Contracts]: Contracts[K] extends z.ZodType ? K : never;
}[keyof Contracts];

/** What `request(…, schema)` resolves to: the schema's parsed output. */
export type ResponseOf<K extends ResponseSchema> = z.output<Extract<Contracts[K], z.ZodType>>;

export type Ok = ResponseOf<'okSchema'>;

/**
 * Starts loading the response contracts alongside a request rather than after it, so checking the
 * answer adds no round trip. A failed download surfaces in `contractsFor`, once there is a response
 * to check; until then it must not count as an unhandled rejection.
 */
function startLoadingContracts(key: keyof Contracts = 'errorEnvelopeSchema'): Promise<Contracts> {
  const ready = loadContractsWith(key);
  ready.catch(() => undefined);
  return ready;
}

/** The loaded contracts, or the error to show when that part of the app could not be downloaded. */
async function contractsFor(ready: Promise<Contracts>, status: number): Promise<Contracts> {
  try {
    return await ready;
  } catch {
    throw new ApiError({
      code: 'NETWORK_ERROR',
      status,
      message: 'Part of the app couldn’t be downloaded. Check your connection and reload the page.',
    });
  }
}

/**
 * Sends a JSON request and checks the answer against `schema`, a contract's name. The public pages'
 * contracts are a small chunk of their own, so naming one of them never downloads the signed-in
 * app's schemas.
 */
export async function request<K extends ResponseSchema>(
  method: Method,
  path: string,
  schema: K,
  body?: object,
): Promise<ResponseOf<K>> {
  const contractsReady = startLoadingContracts(schema);

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
    throw unreachable();
  }
  return checkedAnswer(contractsReady, response, schema);
}

/** The answer checked against `schema`, or the ApiError the response stands for. */
async function checkedAnswer<K extends ResponseSchema>(
  contractsReady: Promise<Contracts>,
  response: Response,
  schema: K,
): Promise<ResponseOf<K>> {
  const contracts = await contractsFor(contractsReady, response.status);

  const json = await readJson(response);
  if (!response.ok) throw errorFromResponse(contracts, response, json);
  // "Done, nothing to say" (e.g. a delete): the caller asked for an ok answer and this is one.
  if (response.status === 204 && schema === 'okSchema') return { ok: true } as ResponseOf<K>;

  const parsed = (contracts[schema] as z.ZodType).safeParse(json);
  if (!parsed.success) throw badResponse(response.status, response.headers.get('x-request-id'));
  return parsed.data as ResponseOf<K>;
}

export interface UploadProgress {
  /** Bytes of the request body sent so far, and in all. */
  loaded: number;
  total: number;
  /** 0–100, rounded down: 100 only once every byte is sent. */
  percent: number;
}

export interface UploadOptions {
  /** The multipart field the file goes in. */
  field?: string;
  /** Called as the body goes out; the answer may take a moment more after 100 %. */
  onProgress?(progress: UploadProgress): void;
  /** Aborting cancels the upload and rejects with an AbortError. */
  signal?: AbortSignal;
}

/** A fetch-style Response for an XMLHttpRequest's answer, so it is read like every other one. */
function responseOf(xhr: XMLHttpRequest): Response {
  const headers = new Headers();
  for (const line of xhr
    .getAllResponseHeaders()
    .trim()
    .split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  const empty = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
  return new Response(empty ? null : xhr.responseText, { status: xhr.status, headers });
}

/**
 * Sends one file as multipart/form-data and checks the answer against `schema`, like `request`.
 * XMLHttpRequest rather than fetch: it is the browser API that reports upload progress. Failures are
 * the usual ApiError (the envelope's code, message, request id and `Retry-After`); a connection that
 * drops mid-upload is a NETWORK_ERROR.
 */
export async function uploadFile<K extends ResponseSchema>(
  method: 'POST' | 'PUT',
  path: string,
  schema: K,
  file: File,
  { field = 'file', onProgress, signal }: UploadOptions = {},
): Promise<ResponseOf<K>> {
  const contractsReady = startLoadingContracts(schema);
  signal?.throwIfAborted();
  const response = await new Promise<Response>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const onAbortSignal = () => xhr.abort();
    const settle = () => signal?.removeEventListener('abort', onAbortSignal);
    xhr.open(method, path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      if (!event.lengthComputable || event.total === 0) return;
      const percent = Math.min(100, Math.floor((event.loaded / event.total) * 100));
      onProgress?.({ loaded: event.loaded, total: event.total, percent });
    });
    xhr.addEventListener('load', () => {
      settle();
      resolve(responseOf(xhr));
    });
    xhr.addEventListener('error', () => {
      settle();
      reject(unreachable());
    });
    xhr.addEventListener('abort', () => {
      settle();
      reject(signal?.reason ?? new DOMException('The upload was cancelled.', 'AbortError'));
    });
    signal?.addEventListener('abort', onAbortSignal, { once: true });
    const body = new FormData();
    body.append(field, file, file.name);
    xhr.send(body);
  });
  return checkedAnswer(contractsReady, response, schema);
}

/** Whether the stream goes on after an event, has ended, or sent something against its contract. */
export type StreamVerdict = 'more' | 'finished' | 'invalid';

export interface EventStreamOptions {
  /** Aborting (a stop button) rejects with the AbortError. */
  signal: AbortSignal;
  /** A contract the events are checked against, loaded alongside the request. */
  eventSchema: ResponseSchema;
  /** Checks one event (its data already JSON-parsed) and hands it on. */
  onMessage(message: { event: SseMessage['event']; data: unknown }, contracts: Contracts): StreamVerdict;
}

function streamCutError(requestId: string | null): ApiError {
  return new ApiError({
    code: 'NETWORK_ERROR',
    status: 0,
    requestId,
    message: 'The connection dropped before the answer finished. Nothing was saved; please try again.',
  });
}

/**
 * POSTs `body` and reads the answer as server-sent events as they arrive. Failures before the stream
 * starts (404, 429 quota, validation) throw the usual ApiError; an event against its contract throws
 * BAD_RESPONSE; a stream that ends before `onMessage` says it finished throws too, so a cut
 * connection never looks like an empty answer.
 */
export async function postEventStream(
  path: string,
  body: object,
  options: EventStreamOptions,
): Promise<void> {
  const contractsReady = startLoadingContracts(options.eventSchema);
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'text/event-stream', 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal.aborted) throw error;
    throw unreachable();
  }
  const contracts = await contractsFor(contractsReady, response.status);
  if (!response.ok) throw errorFromResponse(contracts, response, await readJson(response));
  const requestId = response.headers.get('x-request-id');
  if (!response.body) throw badResponse(response.status, requestId);

  let finished = false;
  let invalid = false;
  const parser = createSseParser(({ event, data }) => {
    if (finished || invalid) return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      invalid = true;
      return;
    }
    const verdict = options.onMessage({ event, data: json }, contracts);
    if (verdict === 'finished') finished = true;
    else if (verdict === 'invalid') invalid = true;
  });

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<string>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (options.signal.aborted) throw error;
        throw streamCutError(requestId);
      }
      if (chunk.done) break;
      parser.push(chunk.value);
      if (invalid) throw badResponse(response.status, requestId);
      if (finished) break;
    }
  } finally {
    // Releases the connection whether the answer finished, failed or was stopped.
    reader.cancel().catch(() => undefined);
  }
  parser.end();
  if (invalid) throw badResponse(response.status, requestId);
  if (!finished) throw streamCutError(requestId);
}

export interface DownloadedFile {
  blob: Blob;
  /** From `Content-Disposition`, when the server named the file. */
  filename: string | null;
}

function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // Fall through to the plain form.
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1]?.trim() ?? null;
}

/**
 * GETs a file (e.g. the account export) as a Blob. A failure is the usual ApiError, so the page can
 * explain a 429 or a 500 instead of the browser navigating to a JSON error.
 */
export async function downloadFile(path: string): Promise<DownloadedFile> {
  const contractsReady = startLoadingContracts();
  const interrupted = (status: number) =>
    new ApiError({
      code: 'NETWORK_ERROR',
      status,
      message: 'The download was interrupted. Check your connection and try again.',
    });
  let response: Response;
  try {
    response = await fetch(path, { method: 'GET', credentials: 'same-origin' });
  } catch {
    throw interrupted(0);
  }
  if (!response.ok) {
    const contracts = await contractsFor(contractsReady, response.status);
    throw errorFromResponse(contracts, response, await readJson(response));
  }
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    throw interrupted(response.status);
  }
  return { blob, filename: filenameOf(response.headers.get('content-disposition')) };
}
