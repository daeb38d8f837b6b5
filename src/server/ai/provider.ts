/**
 * The OpenAI-compatible provider, through the AI SDK. The SDK's own retries are off: this module
 * owns the policy — a timeout per attempt, up to `maxRetries` retries on 429/5xx/network errors with
 * exponential backoff and jitter, honouring `Retry-After` — and a circuit breaker, so an outage
 * costs each request one fast fallback instead of a full timeout.
 */
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import {
  APICallError,
  embedMany,
  generateText,
  type JSONValue,
  jsonSchema,
  type ModelMessage,
  Output,
  streamText,
  type Tool,
  tool,
} from 'ai';
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

/** A tool the model may call: its name, what it is for, and its arguments' JSON Schema. */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** A tool call as the model made it; `unreadable` when its arguments were not JSON. */
export interface ToolCallRequest {
  id: string;
  name: string;
  input: unknown;
  unreadable: boolean;
}

/** A message of a conversation with tool calls: the user's request, the model's turns, tool results. */
export type ToolTurnMessage =
  | { role: 'user'; content: string }
  | { role: 'assistant'; text: string; toolCalls: readonly ToolCallRequest[] }
  | {
      role: 'tool';
      /** Each call's result, or the error the model is told (invalid arguments, a failed run). */
      results: readonly { id: string; name: string; output: JSONValue; error: string | null }[];
    };

export interface ToolTurnRequest extends Omit<StreamRequest, 'prompt'> {
  messages: readonly ToolTurnMessage[];
  tools: readonly ToolDefinition[];
  /** `none` on the last round: the model must answer in words. */
  toolChoice: 'auto' | 'none';
}

export interface ToolTurnResult extends StreamResult {
  /** Empty when the model answered in words; otherwise the calls it wants run before it goes on. */
  toolCalls: ToolCallRequest[];
}

/** The provider answered 400 to a request with `tools`: it does not take them. */
export class ToolsUnsupportedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ToolsUnsupportedError';
  }
}

export interface AiProvider {
  readonly name: 'openai-compatible';
  readonly model: string;
  generate(request: GenerateRequest): Promise<GenerateResult>;
  /** Streams plain Markdown text; retries only while nothing has been emitted yet. */
  stream(request: StreamRequest): Promise<StreamResult>;
  /**
   * One round of a conversation with tools: streams the model's text and returns the tool calls it
   * asks for (none when it answered). Absent for a provider without tool calls.
   */
  streamWithTools?(request: ToolTurnRequest): Promise<ToolTurnResult>;
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

  /**
   * One streamed provider call: retried (with backoff, honouring Retry-After) only while nothing has
   * been emitted; an idle timeout between parts. With tools, it ends at the model's tool calls.
   */
  async function streamRounds(
    request: Omit<StreamRequest, 'prompt'>,
    input: {
      prompt?: string;
      messages?: ModelMessage[];
      tools?: Record<string, Tool>;
      toolChoice?: 'auto' | 'none';
    },
  ): Promise<ToolTurnResult> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= config.maxRetries + 1; attempt += 1) {
      if (request.signal.aborted) throw new StreamAbortedError('');
      let text = '';
      const toolCalls: ToolCallRequest[] = [];
      // An idle timeout: the provider must produce something every `timeoutMs`.
      const idle = new AbortController();
      let timer = setTimeout(() => idle.abort(new Error('idle timeout')), config.timeoutMs);
      const touch = () => {
        clearTimeout(timer);
        timer = setTimeout(() => idle.abort(new Error('idle timeout')), config.timeoutMs);
      };
      try {
        const common = {
          model,
          system: request.system,
          maxOutputTokens: request.maxOutputTokens,
          temperature: 0.4,
          maxRetries: 0,
          abortSignal: AbortSignal.any([request.signal, idle.signal]),
          // Errors arrive as `error` parts below; the SDK's default handler would only log them.
          onError: () => undefined,
        };
        const result = input.messages
          ? streamText({
              ...common,
              messages: input.messages,
              ...(input.tools ? { tools: input.tools, toolChoice: input.toolChoice ?? 'auto' } : {}),
            })
          : streamText({ ...common, prompt: input.prompt ?? '' });
        let usage: { inputTokens: number; outputTokens: number } | null = null;
        let failure: unknown = null;
        for await (const part of result.fullStream) {
          touch();
          if (part.type === 'text-delta') {
            text += part.text;
            request.onDelta(part.text);
          } else if (part.type === 'tool-call') {
            // An unreadable call (arguments not JSON, an unknown tool) is still answered: the
            // engine sends the model an error result for it.
            toolCalls.push({
              id: part.toolCallId,
              name: part.toolName,
              input: part.input,
              unreadable: 'invalid' in part && part.invalid === true && typeof part.input === 'string',
            });
          } else if (part.type === 'error') {
            failure = part.error;
            break;
          } else if (part.type === 'abort') {
            failure = request.signal.aborted ? null : new Error('stream aborted');
            break;
          } else if (part.type === 'finish') {
            const reason = part.finishReason;
            if (reason !== 'stop' && reason !== 'length' && !(reason === 'tool-calls' && input.tools)) {
              failure = new Error(`stream ended with finish reason ${reason}`);
            } else {
              usage = {
                inputTokens: part.totalUsage.inputTokens ?? 0,
                outputTokens: part.totalUsage.outputTokens ?? 0,
              };
            }
          }
        }
        if (request.signal.aborted) throw new StreamAbortedError(text);
        if (failure === null && usage && (text.trim() || toolCalls.length > 0)) {
          return { text, toolCalls, ...usage, attempts: attempt };
        }
        throw failure ?? new Error('stream ended without an answer');
      } catch (error) {
        if (error instanceof StreamAbortedError) throw error;
        if (request.signal.aborted) throw new StreamAbortedError(text);
        lastError = error;
        if (text) throw new ProviderStreamCutError('the stream was cut', text, attempt, { cause: error });
        // A provider that does not take `tools` says so with a 400; the engine asks again without.
        if (input.tools && APICallError.isInstance(error) && error.statusCode === 400) {
          throw new ToolsUnsupportedError(error.message, { cause: error });
        }
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
  }

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

    stream: async (request) => {
      const result = await streamRounds(request, { prompt: request.prompt });
      return {
        text: result.text,
        inputTokens: result.inputTokens,
        outputTokens: result.outputTokens,
        attempts: result.attempts,
      };
    },

    streamWithTools: (request) =>
      streamRounds(request, {
        messages: request.messages.map(toModelMessage),
        tools: Object.fromEntries(
          request.tools.map((definition) => [
            definition.name,
            // No `execute` and no validation here: the engine checks the arguments and runs the tool.
            tool({ description: definition.description, inputSchema: jsonSchema(definition.parameters) }),
          ]),
        ),
        toolChoice: request.toolChoice,
      }),
  };
}

/** A conversation message of a tool turn, in the SDK's terms. */
function toModelMessage(message: ToolTurnMessage): ModelMessage {
  switch (message.role) {
    case 'user':
      return { role: 'user', content: message.content };
    case 'assistant':
      return {
        role: 'assistant',
        content: [
          ...(message.text ? [{ type: 'text' as const, text: message.text }] : []),
          ...message.toolCalls.map((call) => ({
            type: 'tool-call' as const,
            toolCallId: call.id,
            toolName: call.name,
            input: call.input,
          })),
        ],
      };
    case 'tool':
      return {
        role: 'tool',
        content: message.results.map((result) => ({
          type: 'tool-result' as const,
          toolCallId: result.id,
          toolName: result.name,
          output: result.error
            ? { type: 'error-text' as const, value: result.error }
            : { type: 'json' as const, value: result.output },
        })),
      };
  }
}

export interface EmbedRequest {
  values: readonly string[];
  /**
   * `interactive`: someone is waiting (a search, a question to the coach) — one short attempt, and
   * full-text search answers alone if it fails. `background`: the embedding job — the configured
   * timeout and retries.
   */
  urgency: 'interactive' | 'background';
}

export interface EmbedResult {
  vectors: number[][];
  /** As the provider reported it; null when it did not say. */
  inputTokens: number | null;
  attempts: number;
}

export interface EmbeddingProvider {
  readonly name: 'openai-compatible';
  readonly model: string;
  /** The vector length asked of the model (AI_EMBEDDING_DIMENSIONS), or null for the model's own. */
  readonly dimensions: number | null;
  embed(request: EmbedRequest): Promise<EmbedResult>;
}

/** Longest wait for a question's embedding: past it, the search answers with full-text alone. */
export const INTERACTIVE_EMBED_TIMEOUT_MS = 5_000;

/** `POST /embeddings` on the OpenAI-compatible provider, with the same retry policy as generate. */
export function createOpenAiCompatibleEmbeddingProvider(
  config: AppConfig['ai'],
  settings: NonNullable<AppConfig['ai']['provider']>,
  embedding: NonNullable<AppConfig['ai']['embedding']>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): EmbeddingProvider {
  const provider = createOpenAICompatible({
    name: 'coach',
    baseURL: settings.baseUrl,
    ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
  });
  const model = provider.embeddingModel(embedding.model);

  return {
    name: 'openai-compatible',
    model: embedding.model,
    dimensions: embedding.dimensions,
    async embed(request) {
      const interactive = request.urgency === 'interactive';
      const maxRetries = interactive ? 0 : config.maxRetries;
      const timeoutMs = interactive
        ? Math.min(config.timeoutMs, INTERACTIVE_EMBED_TIMEOUT_MS)
        : config.timeoutMs;
      let lastError: unknown;
      for (let attempt = 1; attempt <= maxRetries + 1; attempt += 1) {
        try {
          const result = await embedMany({
            model,
            values: [...request.values],
            ...(embedding.dimensions ? { dimensions: embedding.dimensions } : {}),
            maxRetries: 0,
            abortSignal: AbortSignal.timeout(timeoutMs),
          });
          return {
            vectors: result.embeddings,
            inputTokens: Number.isFinite(result.usage.tokens) ? result.usage.tokens : null,
            attempts: attempt,
          };
        } catch (error) {
          lastError = error;
          const verdict = classify(error);
          if (verdict.kind === 'invalid-output') {
            throw new ProviderInvalidOutputError(
              verdict.reason,
              { inputTokens: 0, outputTokens: 0 },
              attempt,
            );
          }
          if (verdict.kind === 'fatal' || attempt > maxRetries) {
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
        }
      }
      throw new ProviderUnavailableError('retries exhausted', maxRetries + 1, { cause: lastError });
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
