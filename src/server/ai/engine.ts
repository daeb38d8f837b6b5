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
 * Every answer of a task that reads the brand's knowledge leaves through one step that checks its
 * citations: `[n]` markers of passages the task was given are renumbered in order of use and listed
 * in `meta.citations`; markers of numbers it was not given are removed and logged (ADR 0035).
 *
 * The engine reads no feature's data itself: features register context sources (see context.ts).
 */

import type { JSONValue } from 'ai';
import type { FastifyBaseLogger } from 'fastify';
import { type CoachPassage, citeOutput } from '../../core/ai/citations.ts';
import { estimateTokens, renderUserData } from '../../core/ai/context.ts';
import {
  AI_NOTICES,
  type AiMeta,
  type AiNoticeCode,
  type AiTask,
  isAiTask,
} from '../../core/ai/contracts.ts';
import { MAX_TOOL_CALLS_PER_ROUND, MAX_TOOL_ROUNDS } from '../../core/coach/tools.ts';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import type { Mailer } from '../platform/mailer.ts';
import type { AiMetrics } from '../platform/metrics.ts';
import type { WorkspaceStore } from '../platform/workspace-store.ts';
import { cacheKey, createAnswerCache } from './cache.ts';
import { type BuiltContext, type ContextSource, createContextBuilder } from './context.ts';
import { createEmbeddingPipeline } from './embeddings.ts';
import { createOfflinePool } from './offline-pool.ts';
import { createPromptStore, type PublishedPrompt } from './prompts.ts';
import {
  type AiProvider,
  createCircuitBreaker,
  createOpenAiCompatibleEmbeddingProvider,
  createOpenAiCompatibleProvider,
  type EmbeddingProvider,
  ProviderInvalidOutputError,
  ProviderStreamCutError,
  ProviderUnavailableError,
  StreamAbortedError,
  type ToolCallRequest,
  type ToolDefinition,
  ToolsUnsupportedError,
  type ToolTurnMessage,
  type ToolTurnResult,
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
const STREAM_CUT_MESSAGE =
  'The answer was cut off by the AI provider. Nothing was saved or charged to your quota; please try again.';
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
  /** Tools the model may call in this turn, when the provider supports them (ADR 0038). */
  tools?: ChatToolbox;
}

/** A tool's answer to one call: a JSON result, or the error the model is told instead. */
export interface ToolRun {
  output: JSONValue;
  error: string | null;
}

/**
 * The tools of one chat turn, built by the feature that owns the turn (the engine runs no feature's
 * code of its own): their definitions, a runner that checks a call's arguments before running it, and
 * the passages the runs gave the model, numbered after the context's so citations stay checkable.
 */
export interface ChatToolbox {
  definitions: readonly ToolDefinition[];
  run(call: ToolCallRequest): Promise<ToolRun>;
  passages(): readonly CoachPassage[];
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
  /** Tests inject one; otherwise built from AI_EMBEDDING_MODEL on the same provider (null: none). */
  embeddingProvider?: EmbeddingProvider | null;
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
  const prompts = createPromptStore(deps.database, { clock: deps.clock ?? systemClock });
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
  // Embeddings share the breaker, the caps and the ledger: one provider, one pipeline (ADR 0036).
  const embeddings = createEmbeddingPipeline({
    database: deps.database,
    provider:
      deps.embeddingProvider !== undefined
        ? deps.embeddingProvider
        : ai.provider && ai.embedding
          ? createOpenAiCompatibleEmbeddingProvider(ai, ai.provider, ai.embedding)
          : null,
    price: ai.embedding?.price ?? null,
    breaker,
    spend,
    record: async (call) => {
      await record(call);
    },
    log,
  });
  // Language-processing tasks answer offline in a worker thread, off the event loop.
  const offlinePool = createOfflinePool();
  // Set when the provider answered 400 to a request with tools: later turns do not offer them.
  let toolsRefused = false;

  /** The ledger and the metrics count every answered request at this one point. */
  async function record(call: CallRecord): Promise<string> {
    const id = await spend.record(call);
    deps.metrics?.recordAiCall(call);
    return id;
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
    // Someone else's (or a deleted) brand is a 404, like every other foreign id. A task with the
    // workspace or memory source gets that 404 from the coach's brand read (ai/brand-reads.ts: the
    // brand, its items, diagnostic and memory are one owned read) before the quota is touched and
    // before retrieval, so only the others pay for a separate check. A result the diagnostic source
    // reads by id first is the user's own and must name this brand.
    const brandId = typeof input.brandId === 'string' ? input.brandId : null;
    if (brandId && !task.sources.some((source) => source === 'workspace' || source === 'memory'))
      await deps.brands.requireBrand(userId, brandId);
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
    // The ledger row of the call that produced the answer (the last one written: a tool turn writes
    // one per round), so the answer can be rated against its prompt version and provider (ADR 0051).
    let lastCallId: string | undefined;
    const recordCall = async (row: CallRecord): Promise<void> => {
      lastCallId = await record(row);
    };
    const answered = (
      output: object,
      meta: Pick<AiMeta, 'provider' | 'model' | 'cached' | 'notice'>,
      /** Passages the coach's tools gave the model on top of the context's (ADR 0038). */
      toolPassages: readonly CoachPassage[] = [],
    ): StreamOutcome => {
      const cited = citationsOf(task, context, output, toolPassages);
      return {
        status: 'answered',
        answer: {
          task: task.task,
          output: cited.output as Record<string, unknown>,
          meta: {
            ...meta,
            promptId: prompt.promptId,
            promptVersion: prompt.version,
            citations: cited.citations,
            ...(lastCallId ? { callId: lastCallId } : {}),
          },
          quota: call.grant,
        },
      };
    };

    let offlineAnswer: object | null | undefined;
    async function offlineOutput(): Promise<object> {
      offlineAnswer ??= await offlinePool.run(task.task, context.promptInput, context.coach);
      if (!offlineAnswer) {
        throw new AppError(404, 'NOT_FOUND', 'There is not enough saved data to answer this yet.');
      }
      return offlineAnswer;
    }

    /**
     * What a provider's streamed reply takes from the offline answer: its follow-ups. Not its
     * proposals: they name the offline answer's own options, which the provider's reply does not have.
     */
    async function streamedExtras(): Promise<object> {
      const {
        proposals: _offlineOnly,
        reply: _reply,
        ...extras
      } = (await offlineOutput()) as Record<string, unknown>;
      return extras;
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
      await recordCall({
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
          await recordCall({
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

      /**
       * What a failed provider call becomes, and what it cost: the offline answer during an outage,
       * a 502 for an answer of the wrong shape (its tokens are charged, the quota is not), nothing
       * kept when the stream was cut or stopped (the quota is given back).
       */
      async function failure(
        error: unknown,
        inputEstimate: number,
      ): Promise<{ cost: number } & ({ outcome: StreamOutcome } | { error: unknown })> {
        if (!provider || !price) return { cost: 0, error };
        if (error instanceof ProviderUnavailableError) {
          breaker.failed();
          log.warn(
            { err: error, task: task.task, attempts: error.attempts },
            'AI provider unavailable; offline fallback',
          );
          const outcome = await offline('provider-unavailable', 'fallback-outage', {
            model: provider.model,
            attempts: error.attempts,
          });
          return { cost: 0, outcome };
        }
        if (error instanceof ProviderInvalidOutputError) {
          // The provider did answer (and bills for it), so the tokens are charged; the quota is not.
          const cost = costMicros(price, error.inputTokens, error.outputTokens);
          await recordCall(
            providerRecord({
              inputTokens: error.inputTokens,
              outputTokens: error.outputTokens,
              costMicros: cost,
              outcome: 'invalid-output',
              attempts: error.attempts,
            }),
          );
          log.warn({ err: error, task: task.task }, 'AI provider returned invalid output');
          return { cost, error: new AppError(502, 'AI_INVALID_RESPONSE', INVALID_OUTPUT_MESSAGE[call.mode]) };
        }
        if (error instanceof ProviderStreamCutError || error instanceof StreamAbortedError) {
          // The provider produced (and bills for) what was streamed; the user gets the quota back.
          const outputTokens = estimateTokens(error.partialText);
          const cost = outputTokens > 0 ? costMicros(price, inputEstimate, outputTokens) : 0;
          const cut = error instanceof ProviderStreamCutError;
          await recordCall(
            providerRecord({
              inputTokens: outputTokens > 0 ? inputEstimate : 0,
              outputTokens,
              costMicros: cost,
              outcome: cut ? 'error' : 'aborted',
              attempts: cut ? error.attempts : 1,
            }),
          );
          await call.refund();
          if (!cut) return { cost, outcome: { status: 'aborted' } };
          breaker.failed();
          log.warn({ err: error, task: task.task }, 'AI stream cut');
          return { cost, outcome: { status: 'cut', message: STREAM_CUT_MESSAGE } };
        }
        return { cost: 0, error };
      }

      /**
       * A streamed chat turn in which the model may call tools (ADR 0038): each round is one provider
       * call with its own spending reservation and ledger row; the tools' results go back to the
       * model, up to MAX_TOOL_ROUNDS rounds, then it must answer in words. Text streams as it comes.
       */
      async function toolTurn(
        options: StreamOptions,
        toolbox: ChatToolbox,
        streamWithTools: NonNullable<AiProvider['streamWithTools']>,
      ): Promise<StreamOutcome | null> {
        if (!provider || !price) return null;
        const messages: ToolTurnMessage[] = [{ role: 'user', content: userPrompt }];
        const definitionsLength = JSON.stringify(toolbox.definitions).length;
        let reply = '';
        for (let round = 1; round <= MAX_TOOL_ROUNDS + 1; round += 1) {
          const inputEstimate =
            Math.ceil((system.length + definitionsLength + JSON.stringify(messages).length) / 3) + 50;
          const reservation = await spend.reserve(
            userId,
            costMicros(price, inputEstimate, task.maxOutputTokens),
          );
          if (!reservation.ok)
            return await offline('spending-cap', 'fallback-cap', { model: provider.model });
          let actual = 0;
          let result: ToolTurnResult;
          try {
            result = await streamWithTools({
              system,
              messages,
              tools: toolbox.definitions,
              toolChoice: round > MAX_TOOL_ROUNDS ? 'none' : 'auto',
              maxOutputTokens: task.maxOutputTokens,
              signal: options.signal,
              onDelta: options.onDelta,
            });
            breaker.succeeded();
            actual = costMicros(price, result.inputTokens, result.outputTokens);
            await recordCall(
              providerRecord({
                inputTokens: result.inputTokens,
                outputTokens: result.outputTokens,
                costMicros: actual,
                attempts: result.attempts,
              }),
            );
          } catch (error) {
            if (error instanceof ToolsUnsupportedError && round === 1) {
              toolsRefused = true;
              log.warn(
                { err: error, model: provider.model },
                'AI provider refused tools (400); chat answers without them from now on',
              );
              return null;
            }
            const handled = await failure(error, inputEstimate);
            actual = handled.cost;
            if ('error' in handled) throw handled.error;
            return handled.outcome;
          } finally {
            await spend.settle(reservation.reservation, actual);
          }
          reply += result.text;
          // The last round offered no tools: calls it makes anyway are not run (they would cost, and
          // nothing could use their results).
          if (result.toolCalls.length === 0 || round > MAX_TOOL_ROUNDS) {
            if (!reply.trim()) break;
            return answered(
              { ...(await streamedExtras()), reply },
              { provider: provider.name, model: provider.model, cached: false, notice: null },
              toolbox.passages(),
            );
          }
          messages.push({ role: 'assistant', text: result.text, toolCalls: result.toolCalls });
          const results: Extract<ToolTurnMessage, { role: 'tool' }>['results'][number][] = [];
          for (const [index, request] of result.toolCalls.entries()) {
            const started = performance.now();
            const run =
              index < MAX_TOOL_CALLS_PER_ROUND
                ? await toolbox.run(request)
                : {
                    output: null,
                    error: `At most ${MAX_TOOL_CALLS_PER_ROUND} tool calls per round; this one was not run.`,
                  };
            // Every run is logged (never its arguments or result: they are the owner's data).
            log.info(
              {
                task: task.task,
                tool: request.name.slice(0, 60),
                round,
                outcome: run.error ? 'rejected' : 'ok',
                latencyMs: Math.round(performance.now() - started),
              },
              'AI tool call',
            );
            results.push({ id: request.id, name: request.name, output: run.output, error: run.error });
          }
          if (options.signal.aborted) {
            await call.refund();
            return { status: 'aborted' };
          }
          messages.push({ role: 'tool', results });
        }
        // The last round still asked for tools and said nothing: there is no answer to keep.
        await call.refund();
        return { status: 'cut', message: STREAM_CUT_MESSAGE };
      }

      const tools = streaming?.tools;
      if (streaming && tools && provider.streamWithTools && ai.tools && !toolsRefused) {
        const outcome = await toolTurn(streaming, tools, provider.streamWithTools.bind(provider));
        // Null: the provider does not take tools; the turn is asked again without them, below.
        if (outcome) return outcome;
      }

      // Worst case: a pessimistic input estimate (≈3 chars per token) and the task's full output.
      const inputEstimate = Math.ceil((system.length + userPrompt.length) / 3) + 50;
      const reservation = await spend.reserve(userId, costMicros(price, inputEstimate, task.maxOutputTokens));
      if (!reservation.ok) return await offline('spending-cap', 'fallback-cap', { model: provider.model });

      let actual = 0;
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
            ? { success: true as const, data: { ...(await streamedExtras()), reply: result.text } }
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
        await recordCall(
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
        const handled = await failure(error, inputEstimate);
        actual = handled.cost;
        if ('error' in handled) throw handled.error;
        return handled.outcome;
      } finally {
        await spend.settle(reservation.reservation, actual);
      }
    } catch (error) {
      await call.refund();
      throw error;
    }
  }

  /**
   * The answer's citations, checked against the passages this request gave. Markers of numbers it
   * did not give (a model inventing a source) are removed and logged with their numbers — never the
   * answer's text, which is the owner's business. Tasks that read no knowledge cite nothing and
   * their answers (e.g. copy with a "[1]" in it) are left as they are.
   */
  function citationsOf(
    task: TaskDefinition,
    context: BuiltContext,
    output: object,
    toolPassages: readonly CoachPassage[],
  ) {
    if (!task.sources.includes('knowledge')) return { output, citations: [] };
    const passages = [...(context.coach.passages ?? []), ...toolPassages];
    const cited = citeOutput(output, passages);
    if (cited.invented.length > 0) {
      log.warn(
        {
          task: task.task,
          invented: cited.invented,
          given: passages.map((passage) => passage.n),
          passageIds: passages.map((passage) => passage.id),
        },
        'AI answer cited passages it was not given; the markers were removed',
      );
    }
    return cited;
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
    /** Vectors for brand knowledge (null model: no embedding model configured). */
    embeddings,
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
