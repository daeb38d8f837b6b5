import type { z } from 'zod';
import type { AccountDeletionRequest } from '../../core/account/lifecycle-contracts.ts';
import type { ChatStreamEvent } from '../../core/ai/chat-contracts.ts';
import type { AI_TASK_SCHEMAS, AiMeta, AiTask, AiTaskOutput } from '../../core/ai/contracts.ts';
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
import type { ChangePasswordBody, UpdateProfileBody } from '../../core/settings/contracts.ts';
import type { ValueLensRequest } from '../../core/value-lens/contracts.ts';
import type { ReviewImportBody } from '../../core/workspace/avatar-reviews.ts';
import type {
  CollectionKind,
  CreateItemBody,
  SaveItemBody,
  SingletonKind,
} from '../../core/workspace/items.ts';
import { type Contracts, loadContracts, loadContractsWith } from './contracts.ts';
import { createSseParser } from './sse.ts';

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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Names of the response schemas in the contracts chunk. */
type ResponseSchema =
  | 'sessionResponseSchema'
  | 'userResponseSchema'
  | 'okSchema'
  | 'diagnosticResultResponseSchema'
  | 'diagnosticHistoryResponseSchema'
  | 'chatSessionListSchema'
  | 'chatSessionSchema'
  | 'chatMessageListSchema'
  | 'aiUsageSchema'
  | 'aiTaskResponseSchema'
  | 'adminUsageSchema'
  | 'adminBudgetSchema'
  | 'adminCallListSchema'
  | 'adminPromptListSchema'
  | 'promptVersionRefSchema'
  | 'brandResponseSchema'
  | 'brandListResponseSchema'
  | 'itemResponseSchema'
  | 'itemListResponseSchema'
  | 'revisionListResponseSchema'
  | 'revisionResponseSchema'
  | 'brandProgressResponseSchema'
  | 'changePasswordResponseSchema'
  | 'activeSessionListSchema'
  | 'revokeSessionsResponseSchema'
  | 'accountDeletionResponseSchema'
  | 'insightSnapshotResponseSchema'
  | 'insightSnapshotListResponseSchema'
  | 'insightSnapshotEmailResponseSchema'
  | 'valueLensGenerationResponseSchema'
  | 'valueLensHistoryResponseSchema'
  | 'reviewImportResponseSchema'
  | 'systemStatusSchema';

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

async function request<K extends ResponseSchema>(
  method: Method,
  path: string,
  schema: K,
  body?: object,
): Promise<z.output<Contracts[K]>> {
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
    throw new ApiError({
      code: 'NETWORK_ERROR',
      status: 0,
      message: 'We couldn’t reach the server. Check your connection and try again.',
    });
  }
  const contracts = await contractsFor(contractsReady, response.status);

  const json = await readJson(response);
  if (!response.ok) throw errorFromResponse(contracts, response, json);
  // "Done, nothing to say" (e.g. a delete): the caller asked for an ok answer and this is one.
  if (response.status === 204 && schema === 'okSchema') return { ok: true } as z.output<Contracts[K]>;

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

function singletonPath(brandId: string, kind: SingletonKind): string {
  return `/api/brands/${encodeURIComponent(brandId)}/items/${kind}`;
}

function collectionPath(brandId: string, kind: CollectionKind): string {
  return `/api/brands/${encodeURIComponent(brandId)}/collections/${kind}`;
}

function itemPath(itemId: string): string {
  return `/api/items/${encodeURIComponent(itemId)}`;
}

function chatSessionPath(id: string): string {
  return `/api/ai/chat/sessions/${encodeURIComponent(id)}`;
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
 * POSTs a chat turn and calls `onEvent` for each server-sent event as it arrives, each checked
 * against its contract. Failures before the stream starts (404, 429 quota, validation) throw the
 * usual ApiError; a stream that ends without `done` or `error` throws too, so a cut connection never
 * looks like an empty answer. Aborting `signal` (the stop button) rejects with the AbortError.
 */
async function streamChatTurn(
  sessionId: string,
  content: string,
  options: { signal: AbortSignal; onEvent: (event: ChatStreamEvent) => void },
): Promise<void> {
  const contractsReady = startLoadingContracts('chatDeltaEventSchema');
  let response: Response;
  try {
    response = await fetch(`${chatSessionPath(sessionId)}/messages`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'text/event-stream', 'content-type': 'application/json' },
      body: JSON.stringify({ content }),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal.aborted) throw error;
    throw new ApiError({
      code: 'NETWORK_ERROR',
      status: 0,
      message: 'We couldn’t reach the server. Check your connection and try again.',
    });
  }
  const contracts = await contractsFor(contractsReady, response.status);
  if (!response.ok) throw errorFromResponse(contracts, response, await readJson(response));
  const requestId = response.headers.get('x-request-id');
  const badEvent = () =>
    new ApiError({
      code: 'BAD_RESPONSE',
      status: response.status,
      requestId,
      message: 'The server sent an answer we didn’t understand. Please reload the page.',
    });
  if (!response.body) throw badEvent();

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
    if (event === 'delta') {
      const parsed = contracts.chatDeltaEventSchema.safeParse(json);
      if (parsed.success) options.onEvent({ event, data: parsed.data });
      else invalid = true;
    } else if (event === 'done') {
      const parsed = contracts.chatDoneEventSchema.safeParse(json);
      if (parsed.success) {
        finished = true;
        options.onEvent({ event, data: parsed.data });
      } else invalid = true;
    } else if (event === 'error') {
      const parsed = contracts.chatErrorEventSchema.safeParse(json);
      finished = true;
      options.onEvent({
        event,
        data: parsed.success
          ? parsed.data
          : { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' },
      });
    }
    // Other event names are for newer clients; ignoring them keeps this one working.
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
      if (invalid) throw badEvent();
      if (finished) break;
    }
  } finally {
    // Releases the connection whether the answer finished, failed or was stopped.
    reader.cancel().catch(() => undefined);
  }
  parser.end();
  if (invalid) throw badEvent();
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
async function downloadFile(path: string): Promise<DownloadedFile> {
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

/** A task's input as callers write it (defaults may be left out). */
export type AiTaskRequest<T extends AiTask> = z.input<(typeof AI_TASK_SCHEMAS)[T]['input']>;

export interface AiTaskResult<T extends AiTask> {
  output: AiTaskOutput<T>;
  meta: AiMeta;
}

/** Runs an AI coach task and checks its output against that task's own schema. */
async function runAiTask<T extends AiTask>(task: T, input: AiTaskRequest<T>): Promise<AiTaskResult<T>> {
  const response = await request('POST', `/api/ai/${task}`, 'aiTaskResponseSchema', input);
  const contracts = await loadContracts();
  const output = contracts.AI_TASK_SCHEMAS[task].output.safeParse(response.output);
  if (!output.success) {
    throw new ApiError({
      code: 'BAD_RESPONSE',
      status: 200,
      message: 'The coach sent an answer we didn’t understand. Please try again.',
    });
  }
  return { output: output.data as AiTaskOutput<T>, meta: response.meta };
}

/** Where the brand canvas PDF downloads from (owner only). */
export function canvasPdfUrl(brandId: string): string {
  return `/api/brands/${encodeURIComponent(brandId)}/canvas/pdf`;
}

function valueLensPath(brandId: string): string {
  return `/api/brands/${encodeURIComponent(brandId)}/value-lens`;
}

/** Where an avatar's PDF report downloads from (owner only; served as an attachment). */
export function avatarPdfUrl(itemId: string): string {
  return `/api/avatars/${encodeURIComponent(itemId)}/pdf`;
}

/** Where an Insight snapshot's PDF downloads from (owner only). */
export function insightSnapshotPdfUrl(snapshotId: string): string {
  return `/api/insight-snapshots/${encodeURIComponent(snapshotId)}/pdf`;
}

/** The ALTCHA widget fetches its proof-of-work challenge from here. */
export const ALTCHA_CHALLENGE_URL = '/api/diagnostic/altcha-challenge';

/** Every call the web app makes to the API goes through here. */
export const api = {
  listChatSessions: (filter: { query?: string | undefined; brandId?: string | undefined } = {}) => {
    const params = new URLSearchParams();
    if (filter.query) params.set('q', filter.query);
    if (filter.brandId) params.set('brandId', filter.brandId);
    const search = params.toString();
    return request('GET', `/api/ai/chat/sessions${search ? `?${search}` : ''}`, 'chatSessionListSchema');
  },
  getChatSession: (id: string) => request('GET', chatSessionPath(id), 'chatSessionSchema'),
  createChatSession: (options: { title?: string | undefined; brandId?: string | undefined } = {}) =>
    request('POST', '/api/ai/chat/sessions', 'chatSessionSchema', {
      ...(options.title ? { title: options.title } : {}),
      ...(options.brandId ? { brandId: options.brandId } : {}),
    }),
  renameChatSession: (id: string, title: string) =>
    request('PATCH', chatSessionPath(id), 'chatSessionSchema', { title }),
  deleteChatSession: (id: string): Promise<Ok> => request('DELETE', chatSessionPath(id), 'okSchema'),
  listChatMessages: (id: string) =>
    request('GET', `${chatSessionPath(id)}/messages`, 'chatMessageListSchema'),
  streamChatTurn,
  getAiUsage: () => request('GET', '/api/ai/usage', 'aiUsageSchema'),
  getAdminUsage: (days: number) => request('GET', `/api/admin/ai/usage?days=${days}`, 'adminUsageSchema'),
  getAdminBudget: () => request('GET', '/api/admin/ai/budget', 'adminBudgetSchema'),
  listAdminCalls: (limit: number) =>
    request('GET', `/api/admin/ai/calls?limit=${limit}`, 'adminCallListSchema'),
  listPrompts: () => request('GET', '/api/admin/ai/prompts', 'adminPromptListSchema'),
  getSystemStatus: () => request('GET', '/api/admin/system', 'systemStatusSchema'),
  createPromptDraft: (promptId: AiTask, body: string) =>
    request('POST', `/api/admin/ai/prompts/${promptId}/versions`, 'promptVersionRefSchema', { body }),
  publishPromptVersion: (promptId: AiTask, version: number) =>
    request(
      'POST',
      `/api/admin/ai/prompts/${promptId}/versions/${version}/publish`,
      'promptVersionRefSchema',
    ),
  previewPrompt: (promptId: AiTask, version: number, input: Record<string, unknown>) =>
    request('POST', `/api/admin/ai/prompts/${promptId}/preview`, 'aiTaskResponseSchema', { version, input }),
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
  listBrands: () => request('GET', '/api/brands', 'brandListResponseSchema'),
  getBrandProgress: (brandId: string) =>
    request('GET', `/api/brands/${encodeURIComponent(brandId)}/progress`, 'brandProgressResponseSchema'),
  createBrand: (name: string) => request('POST', '/api/brands', 'brandResponseSchema', { name }),
  renameBrand: (brandId: string, name: string) =>
    request('PATCH', `/api/brands/${encodeURIComponent(brandId)}`, 'brandResponseSchema', { name }),
  deleteBrand: (brandId: string): Promise<Ok> =>
    request('DELETE', `/api/brands/${encodeURIComponent(brandId)}`, 'okSchema'),
  getSingletonItem: (brandId: string, kind: SingletonKind) =>
    request('GET', singletonPath(brandId, kind), 'itemResponseSchema'),
  saveSingletonItem: (brandId: string, kind: SingletonKind, body: SaveItemBody) =>
    request('PUT', singletonPath(brandId, kind), 'itemResponseSchema', body),
  listCollection: (brandId: string, kind: CollectionKind) =>
    request('GET', collectionPath(brandId, kind), 'itemListResponseSchema'),
  createCollectionItem: (brandId: string, kind: CollectionKind, body: CreateItemBody) =>
    request('POST', collectionPath(brandId, kind), 'itemResponseSchema', body),
  getItem: (itemId: string) => request('GET', itemPath(itemId), 'itemResponseSchema'),
  saveItem: (itemId: string, body: SaveItemBody) =>
    request('PUT', itemPath(itemId), 'itemResponseSchema', body),
  deleteItem: (itemId: string): Promise<Ok> => request('DELETE', itemPath(itemId), 'okSchema'),
  duplicateItem: (itemId: string) => request('POST', `${itemPath(itemId)}/duplicate`, 'itemResponseSchema'),
  listRevisions: (itemId: string) =>
    request('GET', `${itemPath(itemId)}/revisions`, 'revisionListResponseSchema'),
  getRevision: (itemId: string, version: number) =>
    request('GET', `${itemPath(itemId)}/revisions/${version}`, 'revisionResponseSchema'),
  restoreRevision: (itemId: string, version: number, baseVersion: number) =>
    request('POST', `${itemPath(itemId)}/revisions/${version}/restore`, 'itemResponseSchema', {
      baseVersion,
    }),
  updateProfile: (body: UpdateProfileBody): Promise<UserResponse> =>
    request('PATCH', '/api/settings/profile', 'userResponseSchema', body),
  changePassword: (body: ChangePasswordBody) =>
    request('POST', '/api/settings/password', 'changePasswordResponseSchema', body),
  listActiveSessions: () => request('GET', '/api/settings/sessions', 'activeSessionListSchema'),
  revokeSession: (id: string) =>
    request('DELETE', `/api/settings/sessions/${encodeURIComponent(id)}`, 'revokeSessionsResponseSchema'),
  revokeOtherSessions: () =>
    request('POST', '/api/settings/sessions/revoke-others', 'revokeSessionsResponseSchema'),
  downloadAccountExport: () => downloadFile('/api/account/export'),
  requestAccountDeletion: (body: AccountDeletionRequest) =>
    request('POST', '/api/account/deletion', 'accountDeletionResponseSchema', body),
  runAiTask,
  downloadAvatarPdf: (itemId: string) => downloadFile(avatarPdfUrl(itemId)),
  importReviews: (body: ReviewImportBody) =>
    request('POST', '/api/avatars/reviews/import', 'reviewImportResponseSchema', body),
  downloadCanvasPdf: (brandId: string) => downloadFile(canvasPdfUrl(brandId)),
  generateValueLensCopy: (brandId: string, body: ValueLensRequest) =>
    request('POST', valueLensPath(brandId), 'valueLensGenerationResponseSchema', body),
  listValueLensHistory: (brandId: string, cursor?: string | null) =>
    request(
      'GET',
      cursor ? `${valueLensPath(brandId)}?${new URLSearchParams({ cursor })}` : valueLensPath(brandId),
      'valueLensHistoryResponseSchema',
    ),
  deleteValueLensGeneration: (id: string): Promise<Ok> =>
    request('DELETE', `/api/value-lens/${encodeURIComponent(id)}`, 'okSchema'),
  listInsightSnapshots: (brandId: string) =>
    request(
      'GET',
      `/api/brands/${encodeURIComponent(brandId)}/insight-snapshots`,
      'insightSnapshotListResponseSchema',
    ),
  createInsightSnapshot: (brandId: string) =>
    request(
      'POST',
      `/api/brands/${encodeURIComponent(brandId)}/insight-snapshots`,
      'insightSnapshotResponseSchema',
    ),
  emailInsightSnapshot: (snapshotId: string) =>
    request(
      'POST',
      `/api/insight-snapshots/${encodeURIComponent(snapshotId)}/email`,
      'insightSnapshotEmailResponseSchema',
    ),
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
