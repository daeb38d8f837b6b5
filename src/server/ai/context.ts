/**
 * What the coach knows for one task, within the task's token budget. The engine owns no saved data:
 * features register a context source per kind of data (the brand workspace, the diagnostic, later
 * documents and research), and each task names the sources it reads. A source adds to the structured
 * `CoachContext` the offline coach reads and renders a section for the provider's prompt. The digest
 * of the rendered context is part of the cache key, so changed data never gets a stale cached answer.
 */
import { createHash } from 'node:crypto';
import { type ContextSection, estimateTokens, fitToBudget, renderContext } from '../../core/ai/context.ts';
import type { AiTaskInput } from '../../core/ai/contracts.ts';
import type { CoachContext } from '../../core/ai/offline-coach.ts';
import { AppError } from '../platform/errors.ts';
import type { ContextSourceName, TaskDefinition } from './tasks.ts';

/** Whose data, and which brand's: the brand is already checked to be the user's own and live. */
export interface ContextRequest {
  userId: string;
  brandId: string | null;
  input: Record<string, unknown>;
}

export interface ContextContribution {
  coach: Partial<CoachContext>;
  section: ContextSection | null;
}

export type ContextSource = (request: ContextRequest) => Promise<ContextContribution>;

export interface BuiltContext {
  coach: CoachContext;
  /** The `<context>` block for the provider prompt. */
  rendered: string;
  digest: string;
  tokens: number;
  trimmed: string[];
  /** The request as the prompt (and the offline coach) reads it: chat history cut to the budget. */
  promptInput: Record<string, unknown>;
}

export function createContextBuilder() {
  const sources = new Map<ContextSourceName, ContextSource>();

  return {
    register(name: ContextSourceName, source: ContextSource): void {
      if (sources.has(name)) throw new Error(`The context source "${name}" is already registered`);
      sources.set(name, source);
    },

    async build(task: TaskDefinition, request: ContextRequest): Promise<BuiltContext> {
      const coach: CoachContext = { diagnostic: null };
      const sections: ContextSection[] = [];
      for (const name of task.sources) {
        const source = sources.get(name);
        if (!source) throw new Error(`No context source "${name}" is registered (task ${task.task})`);
        const contribution = await source(request);
        Object.assign(coach, contribution.coach);
        if (contribution.section) sections.push(contribution.section);
      }
      if (task.requires === 'diagnostic' && !coach.diagnostic) {
        throw new AppError(
          404,
          'NOT_FOUND',
          'Take the IDEA diagnostic first: there is no result to read yet.',
        );
      }
      const budgeted = fitToBudget(sections, task.contextBudgetTokens);
      const rendered = renderContext(budgeted);
      return {
        coach,
        rendered,
        digest: createHash('sha256').update(rendered).digest('hex'),
        tokens: budgeted.tokens,
        trimmed: budgeted.trimmed,
        promptInput:
          task.task === 'chat'
            ? trimHistory(withoutBrandId(request.input) as AiTaskInput<'chat'>, task.contextBudgetTokens)
            : withoutBrandId(request.input),
      };
    },
  };
}
export type ContextBuilder = ReturnType<typeof createContextBuilder>;

/** The brand id routes the request; it is not something to show the model. */
function withoutBrandId(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([key]) => key !== 'brandId'));
}

/** Keeps the most recent turns that fit in the budget; older ones are dropped first. */
function trimHistory(input: AiTaskInput<'chat'>, budgetTokens: number): AiTaskInput<'chat'> {
  const kept: AiTaskInput<'chat'>['history'] = [];
  let tokens = estimateTokens(input.message);
  for (const turn of [...input.history].reverse()) {
    tokens += estimateTokens(turn.content);
    if (tokens > budgetTokens) break;
    kept.unshift(turn);
  }
  return { ...input, history: kept };
}
