/**
 * The AI engine: the one way the product talks to AI. Every task — answered at once, streamed (chat)
 * or previewed with a draft prompt by an admin — goes through the same two steps:
 *
 * 1. `prepareTask` validates the input, checks the brand is the user's own, builds the context from
 *    the registered sources, picks the prompt and counts the daily quota. Everything that can fail
 *    with an ordinary error envelope happens here, before a streamed answer starts.
 * 2. `execute` answers: from the offline coach when no provider is configured or the circuit is
 *    open, from the cache, or from the provider within a spending reservation — falling back to the
 *    offline coach, with a notice, during an outage or at a cap. It settles the reservation, writes
 *    the ledger (every answered request exactly once, with the prompt version it used) and gives
 *    the quota back when nothing was delivered.
 *
 * The engine reads no feature's data itself: features register context sources (see context.ts).
 */
import type { FastifyBaseLogger } from 'fastify';
import { estimateTokens, renderUserData } from '../../core/ai/context.ts';
import {
  AI_NOTICES,
  type AiMeta,
  type AiNoticeCode,
  type AiTask,
  isAiTask,
} from '../../core/ai/contracts.ts';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import type { Mailer } from '../platform/mailer.ts';
import type { AiMetrics } from '../platform/metrics.ts';
import type { WorkspaceStore } from '../platform/workspace-store.ts';
import { cacheKey, createAnswerCache } from './cache.ts';
import { type BuiltContext, type ContextSource, createContextBuilder } from './context.ts';
import { createOfflinePool } from './offline-pool.ts';
import { createPromptStore, type PublishedPrompt } from './prompts.ts';
import {
  type AiProvider,
  createCircuitBreaker,
  createOpenAiCompatibleProvider,
  ProviderInvalidOutputError,
  ProviderStreamCutError,
  ProviderUnavailableError,
  StreamAbortedError,
} from './provider.ts';
import { createQuota, type QuotaGrant, type QuotaState } from './quota.ts';
import { type CallRecord, costMicros, createSpendControl } from './spend.ts';
import { type ContextSourceName, TASKS, type TaskDefinition } from './tasks.ts';

export const OFFLINE_MODEL = 'offline-coach';

export const NOTICES: Record<AiNoticeCode, string> = {
  'provider-unavailable':
    'The AI provider is not responding right now, so this answer comes from the built-in offline coach.',
  'spending-cap':
    'The AI spending limit for this month has been reached, so this answer comes from the built-in offline coach.',
};

/** A stored notice code back to the notice shown with an answer (unknown codes show nothing). */
export function noticeFor(code: string | null): AiMeta['notice'] {
  const known = AI_NOTICES.find((candidate) => candidate === code);
  return known ? { code: known, message: NOTICES[known] } : null;
}

/** Added to the prompt when streaming: the answer is prose, not the structured object. */
const STREAM_INSTRUCTION =
  '\n\nAnswer with the Markdown reply only (no JSON, no follow-up list): the app adds follow-up suggestions itself.';
/** Pause between the offline coach's streamed chunks, so its answer appears like a model's would. */
const OFFLINE_CHUNK_DELAY_MS = 15;

/**
 * `answer`: a user's request (quota, cache). `preview`: an admin running an unpublished prompt
 * version — no quota and no cache, but provider calls still reserve spend and reach the ledger,
 * because they cost money.
 */
export type RunMode = 'answer' | 'preview';

export interface TaskRequest {
  task: string;
  userId: string;
  /** The task's input as received; validated against the task's schema. */
  input: unknown;
  mode?: RunMode;
  /** The prompt version to run in `preview` mode. */
  draft?: PublishedPrompt;
}

export interface TaskAnswer {
  task: AiTask;
  output: Record<string, unknown>;
  meta: AiMeta;
  /** The day's quota after this request (null in preview, which does not count). */
  quota: QuotaState | null;
}

export type StreamOutcome =
  | { status: 'answered'; answer: TaskAnswer }
  /** The client went away (or pressed stop); nothing is kept and the quota is given back. */
  | { status: 'aborted' }
  /** The provider cut the stream; the quota is given back. */
  | { status: 'cut'; message: string };

export interface StreamOptions {
  signal: AbortSignal;
  onDelta(text: string): void;
}

export interface PreparedTask {
  task: TaskDefinition;
  quota: QuotaGrant | null;
  context: BuiltContext;
  prompt: PublishedPrompt;
  /** Gives the counted request back, e.g. when storing the question failed before answering. */
  refund(): Promise<void>;
  answer(): Promise<TaskAnswer>;
  /**
   * Streams a prose answer (the task's output must carry a `reply`). The provider streams the
   * reply; the rest of the output (e.g. follow-up suggestions) comes from the offline coach.
   */
  stream(options: StreamOptions): Promise<StreamOutcome>;
}

export interface AiEngineDeps {
  database: Database;
  mailer: Mailer;
  /** Brand ownership: a task's `brandId` must be one of the user's live brands. */
  brands: Pick<WorkspaceStore, 'requireBrand'>;
  config: AppConfig;
  log: FastifyBaseLogger;
  /** Tests inject a provider; otherwise it is built from AI_BASE_URL / AI_MODEL (null: offline). */
  provider?: AiProvider | null;
  /** The time the circuit breaker's cool-down goes by (tests move it instead of waiting). */
  clock?: Clock;
  metrics?: AiMetrics;
}

/** Splits an offline answer into small pieces so it streams like a model's would. */
export function chunkText(text: string, size = 48): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const word of text.split(/(?<=\s)/)) {
    current += word;
    if (current.length >= size) {
      chunks.push(current);
      current = '';
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

const INPUT_ERROR: Record<RunMode, { message: string; path: string[] }> = {
  answer: { message: 'Some fields are missing or invalid.', path: ['body'] },
  preview: { message: 'The preview input does not fit the task.', path: ['body', 'input'] },
};

const INVALID_OUTPUT_MESSAGE: Record<RunMode, string> = {
  answer:
    'The AI provider returned an answer we could not read. Nothing was charged to your quota; please try again.',
  preview: 'The provider’s answer to this draft did not fit the task.',
};

export function createAiEngine(deps: AiEngineDeps) {
  const { config, log } = deps;
  const ai = config.ai;
  const prompts = createPromptStore(deps.database);
  const quota = createQuota(deps.database, ai.dailyQuota, {
    onRejected: () => deps.metrics?.recordQuotaRejection(),
  });
  const cache = createAnswerCache(deps.database, ai.cacheTtlSeconds);
  const spend = createSpendControl({ database: deps.database, mailer: deps.mailer, config: ai, log });
  const contexts = createContextBuilder();
  const provider =
    deps.provider !== undefined
      ? deps.provider
      : ai.provider
        ? createOpenAiCompatibleProvider(ai, ai.provider)
        : null;
  const clock = deps.clock ?? systemClock;
  const breaker = createCircuitBreaker(ai.breaker, () => clock.now().getTime());
  // Language-processing tasks answer offline in a worker thread, off the event loop.
  const offlinePool = createOfflinePool();

  /** The ledger and the metrics count every answered request at this one point. */
  async function record(call: CallRecord): Promise<void> {
    await spend.record(call);
    deps.metrics?.recordAiCall(call);
  }

  async function prepareTask(request: TaskRequest): Promise<PreparedTask> {
    const mode = request.mode ?? 'answer';
    const { userId } = request;
    if (!isAiTask(request.task)) {
      throw new AppError(404, 'NOT_FOUND', `There is no AI task called "${request.task}".`);
    }
    const task = TASKS[request.task];
    const parsed = task.input.safeParse(request.input);
    if (!parsed.success) {
      const { message, path } = INPUT_ERROR[mode];
      throw new AppError(400, 'VALIDATION_FAILED', message, {
        details: parsed.error.issues.map((issue) => ({
          path: [...path, ...issue.path.map(String)].join('.'),
          message: issue.message,
        })),
      });
    }
    const input = parsed.data as Record<string, unknown>;
    // Someone else's (or a deleted) brand is a 404, like every other foreign id.
    const brandId = typeof input.brandId === 'string' ? input.brandId : null;
    if (brandId) await deps.brands.requireBrand(userId, brandId);
    const context = await contexts.build(task, { userId, brandId, input });
    const prompt =
      mode === 'preview' && request.draft ? request.draft : await prompts.published(task.promptId);
    const grant = mode === 'answer' ? await quota.consumeOrThrow(userId) : null;

    let charged = grant !== null;
    const refund = async () => {
      if (!charged || !grant?.day) return;
      charged = false;
      await quota.refund(userId, grant.day);
    };
    const call: Call = { task, mode, userId, input, context, prompt, grant, refund };
    return {
      task,
      quota: grant,
      context,
      prompt,
      refund,
      answer: async () => {
        const outcome = await execute(call, null);
        if (outcome.status !== 'answered') throw new Error('an answer without a stream cannot be cut');
        return outcome.answer;
      },
      stream: (options) => execute(call, options),
    };
  }

  interface Call {
    task: TaskDefinition;
    mode: RunMode;
    userId: string;
    input: Record<string, unknown>;
    context: BuiltContext;
    prompt: PublishedPrompt;
    grant: QuotaGrant | null;
    refund(): Promise<void>;
  }

  /** The provider-call steps, for every task and mode: the only place they are written. */
  async function execute(call: Call, streaming: StreamOptions | null): Promise<StreamOutcome> {
    const { task, context, prompt, userId } = call;
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    const base = { userId, task: task.task, promptId: prompt.promptId, promptVersion: prompt.version };
    const answered = (
      output: object,
      meta: Pick<AiMeta, 'provider' | 'model' | 'cached' | 'notice'>,
    ): StreamOutcome => ({
      status: 'answered',
      answer: {
        task: task.task,
        output: output as Record<string, unknown>,
        meta: { ...meta, promptId: prompt.promptId, promptVersion: prompt.version },
        quota: call.grant,
      },
    });

    let offlineAnswer: object | null | undefined;
    async function offlineOutput(): Promise<object> {
      offlineAnswer ??= await offlinePool.run(task.task, context.promptInput, context.coach);
      if (!offlineAnswer) {
        throw new AppError(404, 'NOT_FOUND', 'There is not enough saved data to answer this yet.');
      }
      return offlineAnswer;
    }

    async function offline(
      notice: AiNoticeCode | null,
      outcome: CallRecord['outcome'],
      extra: Partial<CallRecord> = {},
    ): Promise<StreamOutcome> {
      const output = await offlineOutput();
      if (streaming) {
        for (const piece of chunkText(replyOf(output))) {
          // Paced like a model's stream, so the answer appears progressively and the stop button
          // (a disconnect) can interrupt it.
          await new Promise((resolve) => setTimeout(resolve, OFFLINE_CHUNK_DELAY_MS));
          if (streaming.signal.aborted) {
            await call.refund();
            return { status: 'aborted' };
          }
          streaming.onDelta(piece);
        }
      }
      await record({
        ...base,
        provider: 'offline',
        model: OFFLINE_MODEL,
        inputTokens: 0,
        outputTokens: 0,
        costMicros: 0,
        latencyMs: latency(),
        cacheHit: false,
        outcome,
        attempts: 0,
        ...extra,
      });
      return answered(output, {
        provider: 'offline',
        model: OFFLINE_MODEL,
        cached: false,
        notice: notice ? { code: notice, message: NOTICES[notice] } : null,
      });
    }

    try {
      if (!provider) return await offline(null, 'ok');
      if (!breaker.allow()) {
        return await offline('provider-unavailable', 'fallback-outage', { model: provider.model });
      }

      const key =
        task.cacheable && call.mode === 'answer' && !streaming
          ? cacheKey({
              task: task.task,
              promptVersion: prompt.version,
              model: provider.model,
              input: call.input,
              contextDigest: context.digest,
            })
          : null;
      if (key) {
        const hit = await cache.get(key);
        if (hit) {
          await record({
            ...base,
            provider: provider.name,
            model: provider.model,
            inputTokens: 0,
            outputTokens: 0,
            costMicros: 0,
            latencyMs: latency(),
            cacheHit: true,
            outcome: 'ok',
            attempts: 0,
          });
          return answered(hit, {
            provider: provider.name,
            model: provider.model,
            cached: true,
            notice: null,
          });
        }
      }

      const price = ai.prices[provider.model];
      if (!price) throw new Error(`no price for model ${provider.model}`);
      const system = streaming ? `${prompt.body}${STREAM_INSTRUCTION}` : prompt.body;
      const userPrompt = `${context.rendered}\n\n${renderUserData(context.promptInput)}`;
      // Worst case: a pessimistic input estimate (≈3 chars per token) and the task's full output.
      const inputEstimate = Math.ceil((system.length + userPrompt.length) / 3) + 50;
      const reservation = await spend.reserve(userId, costMicros(price, inputEstimate, task.maxOutputTokens));
      if (!reservation.ok) return await offline('spending-cap', 'fallback-cap', { model: provider.model });

      let actual = 0;
      const providerRecord = (fields: Partial<CallRecord>): CallRecord => ({
        ...base,
        provider: provider.name,
        model: provider.model,
        inputTokens: 0,
        outputTokens: 0,
        costMicros: 0,
        latencyMs: latency(),
        cacheHit: false,
        outcome: 'ok',
        attempts: 1,
        ...fields,
      });
      try {
        const result = streaming
          ? await provider.stream({
              system,
              prompt: userPrompt,
              maxOutputTokens: task.maxOutputTokens,
              signal: streaming.signal,
              onDelta: streaming.onDelta,
            })
          : await provider.generate({
              system,
              prompt: userPrompt,
              schema: task.output,
              maxOutputTokens: task.maxOutputTokens,
            });
        // A streamed answer is prose: the structured extras (follow-ups) come from the offline coach.
        const checked =
          'text' in result
            ? { success: true as const, data: { ...(await offlineOutput()), reply: result.text } }
            : task.output.safeParse(result.output);
        if (!checked.success) {
          throw new ProviderInvalidOutputError(
            'output did not match the schema',
            { inputTokens: result.inputTokens, outputTokens: result.outputTokens },
            result.attempts,
          );
        }
        breaker.succeeded();
        actual = costMicros(price, result.inputTokens, result.outputTokens);
        await record(
          providerRecord({
            inputTokens: result.inputTokens,
            outputTokens: result.outputTokens,
            costMicros: actual,
            attempts: result.attempts,
          }),
        );
        if (key) {
          await cache.set(key, {
            task: task.task,
            model: provider.model,
            promptVersion: prompt.version,
            output: checked.data,
          });
        }
        return answered(checked.data as object, {
          provider: provider.name,
          model: provider.model,
          cached: false,
          notice: null,
        });
      } catch (error) {
        if (error instanceof ProviderUnavailableError) {
          breaker.failed();
          log.warn(
            { err: error, task: task.task, attempts: error.attempts },
            'AI provider unavailable; offline fallback',
          );
          return await offline('provider-unavailable', 'fallback-outage', {
            model: provider.model,
            attempts: error.attempts,
          });
        }
        if (error instanceof ProviderInvalidOutputError) {
          // The provider did answer (and bills for it), so the tokens are charged; the quota is not.
          actual = costMicros(price, error.inputTokens, error.outputTokens);
          await record(
            providerRecord({
              inputTokens: error.inputTokens,
              outputTokens: error.outputTokens,
              costMicros: actual,
              outcome: 'invalid-output',
              attempts: error.attempts,
            }),
          );
          log.warn({ err: error, task: task.task }, 'AI provider returned invalid output');
          throw new AppError(502, 'AI_INVALID_RESPONSE', INVALID_OUTPUT_MESSAGE[call.mode]);
        }
        if (error instanceof ProviderStreamCutError || error instanceof StreamAbortedError) {
          // The provider produced (and bills for) what was streamed; the user gets the quota back.
          const outputTokens = estimateTokens(error.partialText);
          actual = outputTokens > 0 ? costMicros(price, inputEstimate, outputTokens) : 0;
          const cut = error instanceof ProviderStreamCutError;
          await record(
            providerRecord({
              inputTokens: outputTokens > 0 ? inputEstimate : 0,
              outputTokens,
              costMicros: actual,
              outcome: cut ? 'error' : 'aborted',
              attempts: cut ? error.attempts : 1,
            }),
          );
          await call.refund();
          if (!cut) return { status: 'aborted' };
          breaker.failed();
          log.warn({ err: error, task: task.task }, 'AI stream cut');
          return {
            status: 'cut',
            message:
              'The answer was cut off by the AI provider. Nothing was saved or charged to your quota; please try again.',
          };
        }
        throw error;
      } finally {
        await spend.settle(reservation.reservation, actual);
      }
    } catch (error) {
      await call.refund();
      throw error;
    }
  }

  return {
    /** Adds a kind of saved data the coach can read; tasks name the sources they need. */
    registerContextSource(name: ContextSourceName, source: ContextSource): void {
      contexts.register(name, source);
    },
    prepareTask,
    /** A user's request, answered at once: the API's task route, the Value Lens. */
    async runTask(request: Omit<TaskRequest, 'mode' | 'draft'>): Promise<TaskAnswer & { quota: QuotaState }> {
      const answer = await (await prepareTask({ ...request, mode: 'answer' })).answer();
      if (!answer.quota) throw new Error('an answered request always counts against the quota');
      return { ...answer, quota: answer.quota };
    },
    /** An admin running an unpublished prompt version (no quota, no cache). */
    async previewTask(request: Omit<TaskRequest, 'mode'> & { draft: PublishedPrompt }): Promise<TaskAnswer> {
      return (await prepareTask({ ...request, mode: 'preview' })).answer();
    },
    usage: (userId: string) => quota.usage(userId),
    prompts,
    /** For health views and tests: the provider circuit as this instance sees it. */
    breakerState: () => breaker.state,
    /** Stops the offline coach's worker thread (on shutdown). */
    close: () => offlinePool.close(),
  };
}
export type AiEngine = ReturnType<typeof createAiEngine>;

function replyOf(output: object): string {
  const reply = (output as { reply?: unknown }).reply;
  if (typeof reply !== 'string') throw new Error('only tasks answering with a reply can stream');
  return reply;
}
