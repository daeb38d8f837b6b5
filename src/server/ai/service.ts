/**
 * The coach service: the one way the product talks to AI. For each request it validates the input,
 * gathers context, counts the daily quota, and answers from (in order) the offline coach when no
 * provider is configured or the circuit is open, the cache, or the provider within a spending
 * reservation — falling back to the offline coach, with a notice, during an outage or at a cap.
 * Every request lands in the ledger with the prompt version it used.
 */
import type { FastifyBaseLogger } from 'fastify';
import { renderUserData } from '../../core/ai/context.ts';
import { type AiMeta, type AiNoticeCode, type AiTask, isAiTask } from '../../core/ai/contracts.ts';
import { runOfflineCoach } from '../../core/ai/offline-coach.ts';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { DiagnosticService } from '../features/diagnostic/service.ts';
import type { WorkspaceService } from '../features/workspace/service.ts';
import { AppError } from '../platform/errors.ts';
import type { Mailer } from '../platform/mailer.ts';
import type { AiMetrics } from '../platform/metrics.ts';
import { type AnswerCache, cacheKey, createAnswerCache } from './cache.ts';
import { createContextBuilder } from './context-builder.ts';
import { createOfflinePool } from './offline-pool.ts';
import { createPromptStore, type PromptStore } from './prompts.ts';
import {
  type AiProvider,
  createCircuitBreaker,
  createOpenAiCompatibleProvider,
  ProviderInvalidOutputError,
  ProviderUnavailableError,
} from './provider.ts';
import { createQuota, type QuotaState } from './quota.ts';
import { type CallRecord, costMicros, createSpendControl, type SpendControl } from './spend.ts';
import { TASKS } from './tasks.ts';

export const OFFLINE_MODEL = 'offline-coach';

export const NOTICES: Record<AiNoticeCode, string> = {
  'provider-unavailable':
    'The AI provider is not responding right now, so this answer comes from the built-in offline coach.',
  'spending-cap':
    'The AI spending limit for this month has been reached, so this answer comes from the built-in offline coach.',
};

export interface AiAnswer {
  task: AiTask;
  output: Record<string, unknown>;
  meta: AiMeta;
  quota: QuotaState;
}

export interface AiServiceDeps {
  database: Database;
  mailer: Mailer;
  diagnostic: DiagnosticService;
  workspace: WorkspaceService;
  config: AppConfig;
  log: FastifyBaseLogger;
  /** Tests inject a provider; otherwise it is built from AI_BASE_URL / AI_MODEL. */
  provider?: AiProvider | null;
  metrics?: AiMetrics;
}

export function createAiService(deps: AiServiceDeps) {
  const { config, log } = deps;
  const ai = config.ai;
  const prompts: PromptStore = createPromptStore(deps.database);
  const quota = createQuota(deps.database, ai.dailyQuota, {
    onRejected: () => deps.metrics?.recordQuotaRejection(),
  });
  const cache: AnswerCache = createAnswerCache(deps.database, ai.cacheTtlSeconds);
  const ledger = createSpendControl({ database: deps.database, mailer: deps.mailer, config: ai, log });
  // Every answered request — task, chat or preview, provider, cache or offline — is written to the
  // ledger exactly once, here; the metrics count it at the same point.
  const spend: SpendControl = {
    ...ledger,
    async record(call) {
      await ledger.record(call);
      deps.metrics?.recordAiCall(call);
    },
  };
  const contexts = createContextBuilder({ diagnostic: deps.diagnostic, workspace: deps.workspace });
  const provider =
    deps.provider !== undefined
      ? deps.provider
      : ai.provider
        ? createOpenAiCompatibleProvider(ai, ai.provider)
        : null;
  const breaker = createCircuitBreaker(ai.breaker);
  // Language-processing tasks answer offline in a worker thread, off the event loop.
  const offlinePool = createOfflinePool();

  async function run(taskName: string, rawInput: unknown, userId: string): Promise<AiAnswer> {
    if (!isAiTask(taskName))
      throw new AppError(404, 'NOT_FOUND', `There is no AI task called "${taskName}".`);
    const task = TASKS[taskName];
    const parsed = task.input.safeParse(rawInput);
    if (!parsed.success) {
      throw new AppError(400, 'VALIDATION_FAILED', 'Some fields are missing or invalid.', {
        details: parsed.error.issues.map((issue) => ({
          path: ['body', ...issue.path.map(String)].join('.'),
          message: issue.message,
        })),
      });
    }
    const input = parsed.data as Record<string, unknown>;
    const context = await contexts.build(task, input, userId);
    const prompt = await prompts.published(task.promptId);

    const grant = await quota.consumeOrThrow(userId);
    const day = grant.day;
    const started = performance.now();
    const base = { userId, task: taskName, promptId: prompt.promptId, promptVersion: prompt.version };
    const latency = () => Math.round(performance.now() - started);

    async function offline(
      notice: AiNoticeCode | null,
      outcome: CallRecord['outcome'],
      extra: Partial<CallRecord> = {},
    ) {
      const output = await offlinePool.run(task.task, input, context.coach);
      if (!output) throw new AppError(404, 'NOT_FOUND', 'There is not enough saved data to answer this yet.');
      await spend.record({
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
      return answer(output, {
        provider: 'offline',
        model: OFFLINE_MODEL,
        cached: false,
        notice: notice ? { code: notice, message: NOTICES[notice] } : null,
      });
    }

    function answer(
      output: object,
      meta: Pick<AiMeta, 'provider' | 'model' | 'cached' | 'notice'>,
    ): AiAnswer {
      return {
        task: taskName as AiTask,
        output: output as Record<string, unknown>,
        meta: { ...meta, promptId: prompt.promptId, promptVersion: prompt.version },
        quota: grant,
      };
    }

    try {
      if (!provider) return await offline(null, 'ok');
      if (!breaker.allow())
        return await offline('provider-unavailable', 'fallback-outage', { model: provider.model });

      const key = task.cacheable
        ? cacheKey({
            task: taskName,
            promptVersion: prompt.version,
            model: provider.model,
            input,
            contextDigest: context.digest,
          })
        : null;
      if (key) {
        const hit = await cache.get(key);
        if (hit) {
          await spend.record({
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
          return answer(hit, { provider: provider.name, model: provider.model, cached: true, notice: null });
        }
      }

      const price = ai.prices[provider.model];
      if (!price) throw new Error(`no price for model ${provider.model}`);
      const system = prompt.body;
      const userPrompt = `${context.rendered}\n\n${renderUserData(context.promptInput)}`;
      // Worst case: a pessimistic input estimate (≈3 chars per token) and the task's full output.
      const worstCase = costMicros(
        price,
        Math.ceil((system.length + userPrompt.length) / 3) + 50,
        task.maxOutputTokens,
      );
      const reservation = await spend.reserve(userId, worstCase);
      if (!reservation.ok) return await offline('spending-cap', 'fallback-cap', { model: provider.model });

      let settled = false;
      const settle = async (actual: number) => {
        if (settled) return;
        settled = true;
        await spend.settle(reservation.reservation, actual);
      };
      try {
        const result = await provider.generate({
          system,
          prompt: userPrompt,
          schema: task.output,
          maxOutputTokens: task.maxOutputTokens,
        });
        const checked = task.output.safeParse(result.output);
        if (!checked.success) {
          throw new ProviderInvalidOutputError(
            'output did not match the schema',
            { inputTokens: result.inputTokens, outputTokens: result.outputTokens },
            result.attempts,
          );
        }
        breaker.succeeded();
        const cost = costMicros(price, result.inputTokens, result.outputTokens);
        await settle(cost);
        await spend.record({
          ...base,
          provider: provider.name,
          model: provider.model,
          inputTokens: result.inputTokens,
          outputTokens: result.outputTokens,
          costMicros: cost,
          latencyMs: latency(),
          cacheHit: false,
          outcome: 'ok',
          attempts: result.attempts,
        });
        if (key) {
          await cache.set(key, {
            task: taskName,
            model: provider.model,
            promptVersion: prompt.version,
            output: checked.data,
          });
        }
        return answer(checked.data as object, {
          provider: provider.name,
          model: provider.model,
          cached: false,
          notice: null,
        });
      } catch (error) {
        if (error instanceof ProviderUnavailableError) {
          breaker.failed();
          await settle(0);
          log.warn(
            { err: error, task: taskName, attempts: error.attempts },
            'AI provider unavailable; offline fallback',
          );
          return await offline('provider-unavailable', 'fallback-outage', {
            model: provider.model,
            attempts: error.attempts,
          });
        }
        if (error instanceof ProviderInvalidOutputError) {
          // The provider did answer (and bills for it), so the tokens are charged; the user's quota is not.
          const cost = costMicros(price, error.inputTokens, error.outputTokens);
          await settle(cost);
          await spend.record({
            ...base,
            provider: provider.name,
            model: provider.model,
            inputTokens: error.inputTokens,
            outputTokens: error.outputTokens,
            costMicros: cost,
            latencyMs: latency(),
            cacheHit: false,
            outcome: 'invalid-output',
            attempts: error.attempts,
          });
          log.warn({ err: error, task: taskName }, 'AI provider returned invalid output');
          throw new AppError(
            502,
            'AI_INVALID_RESPONSE',
            'The AI provider returned an answer we could not read. Nothing was charged to your quota; please try again.',
          );
        }
        await settle(0);
        throw error;
      }
    } catch (error) {
      await quota.refund(userId, day);
      throw error;
    }
  }

  /**
   * Runs a task with a prompt body that is not (yet) published — the admin preview. It is not
   * counted against anyone's quota and never read from or written to the cache; provider calls still
   * go through the spending reservation and the ledger, because they cost money.
   */
  async function preview(
    taskName: string,
    rawInput: unknown,
    userId: string,
    draft: { promptId: string; version: number; body: string },
  ): Promise<Omit<AiAnswer, 'quota'>> {
    if (!isAiTask(taskName))
      throw new AppError(404, 'NOT_FOUND', `There is no AI task called "${taskName}".`);
    const task = TASKS[taskName];
    const parsed = task.input.safeParse(rawInput);
    if (!parsed.success) {
      throw new AppError(400, 'VALIDATION_FAILED', 'The preview input does not fit the task.', {
        details: parsed.error.issues.map((issue) => ({
          path: ['body', 'input', ...issue.path.map(String)].join('.'),
          message: issue.message,
        })),
      });
    }
    const input = parsed.data as Record<string, unknown>;
    const context = await contexts.build(task, input, userId);
    const meta = { promptId: draft.promptId, promptVersion: draft.version, cached: false };
    const offline = (notice: AiNoticeCode | null) => {
      const output = runOfflineCoach(task.task, input, context.coach);
      if (!output) throw new AppError(404, 'NOT_FOUND', 'There is not enough saved data to answer this yet.');
      return {
        task: taskName,
        output: output as Record<string, unknown>,
        meta: {
          ...meta,
          provider: 'offline' as const,
          model: OFFLINE_MODEL,
          notice: notice ? { code: notice, message: NOTICES[notice] } : null,
        },
      };
    };
    if (!provider) return offline(null);
    if (!breaker.allow()) return offline('provider-unavailable');
    const price = ai.prices[provider.model];
    if (!price) throw new Error(`no price for model ${provider.model}`);
    const userPrompt = `${context.rendered}\n\n${renderUserData(context.promptInput)}`;
    const worstCase = costMicros(
      price,
      Math.ceil((draft.body.length + userPrompt.length) / 3) + 50,
      task.maxOutputTokens,
    );
    const reservation = await spend.reserve(userId, worstCase);
    if (!reservation.ok) return offline('spending-cap');
    const started = performance.now();
    let actual = 0;
    try {
      const result = await provider.generate({
        system: draft.body,
        prompt: userPrompt,
        schema: task.output,
        maxOutputTokens: task.maxOutputTokens,
      });
      breaker.succeeded();
      actual = costMicros(price, result.inputTokens, result.outputTokens);
      const checked = task.output.safeParse(result.output);
      await spend.record({
        userId,
        task: taskName,
        promptId: draft.promptId,
        promptVersion: draft.version,
        provider: provider.name,
        model: provider.model,
        inputTokens: result.inputTokens,
        outputTokens: result.outputTokens,
        costMicros: actual,
        latencyMs: Math.round(performance.now() - started),
        cacheHit: false,
        outcome: checked.success ? 'ok' : 'invalid-output',
        attempts: result.attempts,
      });
      if (!checked.success) {
        throw new AppError(
          502,
          'AI_INVALID_RESPONSE',
          'The provider’s answer to this draft did not fit the task.',
        );
      }
      return {
        task: taskName,
        output: checked.data as Record<string, unknown>,
        meta: { ...meta, provider: provider.name, model: provider.model, notice: null },
      };
    } catch (error) {
      if (error instanceof ProviderUnavailableError) {
        breaker.failed();
        return offline('provider-unavailable');
      }
      if (error instanceof ProviderInvalidOutputError) {
        actual = costMicros(price, error.inputTokens, error.outputTokens);
        throw new AppError(
          502,
          'AI_INVALID_RESPONSE',
          'The provider’s answer to this draft did not fit the task.',
        );
      }
      throw error;
    } finally {
      await spend.settle(reservation.reservation, actual);
    }
  }

  return {
    run,
    preview,
    usage: (userId: string) => quota.usage(userId),
    /** The shared machinery, for the chat service (which streams instead of answering at once). */
    internals: { quota, spend, contexts, provider, breaker },
    prompts,
    /** For health views and tests: the provider circuit as this instance sees it. */
    breakerState: () => breaker.state,
    /** Stops the offline coach's worker thread (on shutdown). */
    close: () => offlinePool.close(),
  };
}
export type AiService = ReturnType<typeof createAiService>;
