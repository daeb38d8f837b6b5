/**
 * The OpenAI-compatible provider, through the AI SDK. The SDK's own retries are off: this module
 * owns the policy — a timeout per attempt, up to `maxRetries` retries on 429/5xx/network errors with
 * exponential backoff and jitter, honouring `Retry-After` — and a circuit breaker, so an outage
 * costs each request one fast fallback instead of a full timeout.
 */
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { APICallError, generateText, Output, streamText } from 'ai';
import type { z } from 'zod';
import type { AppConfig } from '../config.ts';

export interface GenerateRequest {
  system: string;
  prompt: string;
  schema: z.ZodType;
  maxOutputTokens: number;
}

export interface GenerateResult {
  output: unknown;
  inputTokens: number;
  outputTokens: number;
  attempts: number;
}

/** The provider could not be reached or kept failing; the caller falls back to the offline coach. */
export class ProviderUnavailableError extends Error {
  readonly attempts: number;
  constructor(message: string, attempts: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderUnavailableError';
    this.attempts = attempts;
  }
}

/** The provider answered, but not with a valid object of the requested shape. */
export class ProviderInvalidOutputError extends Error {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly attempts: number;
  constructor(message: string, usage: { inputTokens: number; outputTokens: number }, attempts: number) {
    super(message);
    this.name = 'ProviderInvalidOutputError';
    this.inputTokens = usage.inputTokens;
    this.outputTokens = usage.outputTokens;
    this.attempts = attempts;
  }
}

export interface StreamRequest {
  system: string;
  prompt: string;
  maxOutputTokens: number;
  /** Aborted when the client goes away (the stop button). */
  signal: AbortSignal;
  onDelta: (text: string) => void;
}

export interface StreamResult {
  text: string;
  inputTokens: number;
  outputTokens: number;
  attempts: number;
}

/** The stream broke after text had already reached the client: no retry, no fallback. */
export class ProviderStreamCutError extends Error {
  readonly attempts: number;
  readonly partialText: string;
  constructor(message: string, partialText: string, attempts: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderStreamCutError';
    this.partialText = partialText;
    this.attempts = attempts;
  }
}

/** The caller aborted the stream (the client disconnected or pressed stop). */
export class StreamAbortedError extends Error {
  readonly partialText: string;
  constructor(partialText: string) {
    super('stream aborted by the client');
    this.name = 'StreamAbortedError';
    this.partialText = partialText;
  }
}

export interface AiProvider {
  readonly name: 'openai-compatible';
  readonly model: string;
  generate(request: GenerateRequest): Promise<GenerateResult>;
  /** Streams plain Markdown text; retries only while nothing has been emitted yet. */
  stream(request: StreamRequest): Promise<StreamResult>;
}

/** Retry-After in ms, from seconds or an HTTP date (`retry-after-ms` too, which some servers send). */
export function retryAfterMs(headers: Record<string, string> | undefined, now = Date.now()): number | null {
  if (!headers) return null;
  const lower = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
  const ms = Number(lower['retry-after-ms']);
  if (lower['retry-after-ms'] && Number.isFinite(ms) && ms >= 0) return ms;
  const value = lower['retry-after'];
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

type Classified =
  | { kind: 'retryable'; waitMs: number | null; reason: string }
  | { kind: 'fatal'; reason: string }
  | { kind: 'invalid-output'; reason: string };

function classify(error: unknown): Classified {
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status === undefined || status === 429 || status === 408 || status >= 500) {
      return {
        kind: 'retryable',
        waitMs: retryAfterMs(error.responseHeaders),
        reason: `HTTP ${status ?? 'error'}`,
      };
    }
    // A 2xx whose body is not the expected JSON is a bad answer, not an outage.
    if (status >= 200 && status < 300) return { kind: 'invalid-output', reason: error.message };
    return { kind: 'fatal', reason: `HTTP ${status}` };
  }
  const name = error instanceof Error ? error.name : '';
  if (
    name === 'AI_NoObjectGeneratedError' ||
    name === 'AI_NoOutputGeneratedError' ||
    name === 'AI_JSONParseError' ||
    name === 'AI_TypeValidationError' ||
    name === 'AI_InvalidResponseDataError'
  ) {
    return { kind: 'invalid-output', reason: error instanceof Error ? error.message : name };
  }
  // Timeouts (our abort signal), refused connections, resets, DNS: all worth another try.
  return {
    kind: 'retryable',
    waitMs: null,
    reason: error instanceof Error ? `${name}: ${error.message}` : 'unknown',
  };
}

function usageOf(error: unknown): { inputTokens: number; outputTokens: number } {
  const usage = (error as { usage?: { inputTokens?: number; outputTokens?: number } }).usage;
  return { inputTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 };
}

export function createOpenAiCompatibleProvider(
  config: AppConfig['ai'],
  settings: NonNullable<AppConfig['ai']['provider']>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): AiProvider {
  const provider = createOpenAICompatible({
    name: 'coach',
    baseURL: settings.baseUrl,
    ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
    includeUsage: true,
    supportsStructuredOutputs: true,
  });
  const model = provider(settings.model);

  return {
    name: 'openai-compatible',
    model: settings.model,
    async generate(request) {
      let lastError: unknown;
      for (let attempt = 1; attempt <= config.maxRetries + 1; attempt += 1) {
        try {
          const result = await generateText({
            model,
            system: request.system,
            prompt: request.prompt,
            maxOutputTokens: request.maxOutputTokens,
            temperature: 0.4,
            maxRetries: 0,
            abortSignal: AbortSignal.timeout(config.timeoutMs),
            output: Output.object({ schema: request.schema }),
          });
          return {
            output: result.output,
            inputTokens: result.usage.inputTokens ?? 0,
            outputTokens: result.usage.outputTokens ?? 0,
            attempts: attempt,
          };
        } catch (error) {
          lastError = error;
          const verdict = classify(error);
          if (verdict.kind === 'invalid-output') {
            throw new ProviderInvalidOutputError(verdict.reason, usageOf(error), attempt);
          }
          if (verdict.kind === 'fatal' || attempt > config.maxRetries) {
            throw new ProviderUnavailableError(verdict.reason, attempt, { cause: error });
          }
          // Exponential backoff with full jitter, unless the server told us when to come back.
          const backoff = Math.min(config.retryMaxMs, config.retryBaseMs * 2 ** (attempt - 1));
          const wait = verdict.waitMs ?? backoff / 2 + Math.random() * (backoff / 2);
          if (wait > config.retryMaxMs) {
            throw new ProviderUnavailableError(`${verdict.reason}; Retry-After too long`, attempt, {
              cause: error,
            });
          }
          await sleep(wait);
        }
      }
      throw new ProviderUnavailableError('retries exhausted', config.maxRetries + 1, { cause: lastError });
    },

    async stream(request) {
      let lastError: unknown;
      for (let attempt = 1; attempt <= config.maxRetries + 1; attempt += 1) {
        if (request.signal.aborted) throw new StreamAbortedError('');
        let text = '';
        // An idle timeout: the provider must produce something every `timeoutMs`.
        const idle = new AbortController();
        let timer = setTimeout(() => idle.abort(new Error('idle timeout')), config.timeoutMs);
        const touch = () => {
          clearTimeout(timer);
          timer = setTimeout(() => idle.abort(new Error('idle timeout')), config.timeoutMs);
        };
        try {
          const result = streamText({
            model,
            system: request.system,
            prompt: request.prompt,
            maxOutputTokens: request.maxOutputTokens,
            temperature: 0.4,
            maxRetries: 0,
            abortSignal: AbortSignal.any([request.signal, idle.signal]),
            // Errors arrive as `error` parts below; the SDK's default handler would only log them.
            onError: () => undefined,
          });
          let usage: { inputTokens: number; outputTokens: number } | null = null;
          let failure: unknown = null;
          for await (const part of result.fullStream) {
            touch();
            if (part.type === 'text-delta') {
              text += part.text;
              request.onDelta(part.text);
            } else if (part.type === 'error') {
              failure = part.error;
              break;
            } else if (part.type === 'abort') {
              failure = request.signal.aborted ? null : new Error('stream aborted');
              break;
            } else if (part.type === 'finish') {
              if (part.finishReason !== 'stop' && part.finishReason !== 'length') {
                failure = new Error(`stream ended with finish reason ${part.finishReason}`);
              } else {
                usage = {
                  inputTokens: part.totalUsage.inputTokens ?? 0,
                  outputTokens: part.totalUsage.outputTokens ?? 0,
                };
              }
            }
          }
          if (request.signal.aborted) throw new StreamAbortedError(text);
          if (failure === null && usage && text.trim()) return { text, ...usage, attempts: attempt };
          throw failure ?? new Error('stream ended without an answer');
        } catch (error) {
          if (error instanceof StreamAbortedError) throw error;
          if (request.signal.aborted) throw new StreamAbortedError(text);
          lastError = error;
          if (text) throw new ProviderStreamCutError('the stream was cut', text, attempt, { cause: error });
          const verdict = classify(error);
          if (verdict.kind !== 'retryable' || attempt > config.maxRetries) {
            throw new ProviderUnavailableError(verdict.reason, attempt, { cause: error });
          }
          const backoff = Math.min(config.retryMaxMs, config.retryBaseMs * 2 ** (attempt - 1));
          const wait = verdict.waitMs ?? backoff / 2 + Math.random() * (backoff / 2);
          if (wait > config.retryMaxMs) {
            throw new ProviderUnavailableError(`${verdict.reason}; Retry-After too long`, attempt, {
              cause: error,
            });
          }
          await sleep(wait);
        } finally {
          clearTimeout(timer);
        }
      }
      throw new ProviderUnavailableError('retries exhausted', config.maxRetries + 1, { cause: lastError });
    },
  };
}

/**
 * Per-instance circuit breaker. After `threshold` consecutive failures it opens for `cooldownMs`;
 * then one request probes the provider (half-open) and its result closes or re-opens the circuit.
 * Process memory is fine here: it is a health view of this instance's calls, not a limit.
 */
export function createCircuitBreaker(
  options: { threshold: number; cooldownMs: number },
  now = () => Date.now(),
) {
  let failures = 0;
  let openUntil = 0;
  let probing = false;
  return {
    allow(): boolean {
      if (failures < options.threshold) return true;
      if (now() < openUntil || probing) return false;
      probing = true;
      return true;
    },
    succeeded(): void {
      failures = 0;
      probing = false;
    },
    failed(): void {
      failures += 1;
      probing = false;
      if (failures >= options.threshold) openUntil = now() + options.cooldownMs;
    },
    get state(): 'closed' | 'open' | 'half-open' {
      if (failures < options.threshold) return 'closed';
      return now() < openUntil ? 'open' : 'half-open';
    },
  };
}
export type CircuitBreaker = ReturnType<typeof createCircuitBreaker>;
