/**
 * What the coach knows for one task, within the task's token budget. The engine owns no saved data:
 * features register a context source per kind of data (the brand workspace, the diagnostic, the
 * passages retrieved from the brand's knowledge), and each task names the sources it reads, in the
 * order they run: a later source sees what the earlier ones found (retrieval asks about the weakest
 * dimension of the diagnostic read before it). A source adds to the structured `CoachContext` the
 * offline coach reads and renders sections for the provider's prompt, each with a priority. The
 * task's budget covers the whole prompt but the instructions: the request (for chat, the message,
 * the recent turns that fit their share and a summary of the older ones) is measured first, and the
 * sections share what is left, the most useful first (docs/decisions/0037-brand-memory-and-coach-context.md).
 * The digest of the rendered context is part of the cache key, so changed data never gets a stale
 * cached answer.
 */
import { createHash } from 'node:crypto';
import { stripCitationMarkers } from '../../core/ai/citations.ts';
import {
  type ContextSection,
  estimateTokens,
  fitToBudget,
  renderContext,
  renderUserData,
} from '../../core/ai/context.ts';
import { CONTEXT_SECTIONS } from '../../core/ai/context-sections.ts';
import type { AiTask, AiTaskInput } from '../../core/ai/contracts.ts';
import type { CoachContext } from '../../core/ai/offline-coach.ts';
import { renderConversationSummary, summariseConversation } from '../../core/coach/conversation-summary.ts';
import { AppError } from '../platform/errors.ts';
import type { ContextSourceName, TaskDefinition } from './tasks.ts';

/** Whose data, and which brand's: the brand is already checked to be the user's own and live. */
export interface ContextRequest {
  userId: string;
  brandId: string | null;
  input: Record<string, unknown>;
}

/** What a source is given: the request, the task, its budget and what the sources before it found. */
export interface SourceRequest extends ContextRequest {
  task: AiTask;
  /**
   * The tokens the sections may take together: the task's budget less what the request itself (the
   * message and the recent turns) takes. A source may take a share of it (see retrieval).
   */
  budgetTokens: number;
  known: Readonly<CoachContext>;
  /**
   * Reads once per build what several sources share (one statement for the brand, its diagnostic
   * and its memory; ai/brand-reads.ts): the first source to ask for `key` loads it, later ones get
   * the same promise.
   */
  shared<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export interface ContextContribution {
  coach: Partial<CoachContext>;
  /** The section(s) this source adds to the provider's prompt, each ranked by its priority. */
  section: ContextSection | readonly ContextSection[] | null;
}

export type ContextSource = (request: SourceRequest) => Promise<ContextContribution>;

export interface BuiltContext {
  coach: CoachContext;
  /** The `<context>` block for the provider prompt. */
  rendered: string;
  digest: string;
  /** What `rendered` costs (estimated); with `inputTokens`, never more than the task's budget. */
  tokens: number;
  /** What the request's `<user_data>` block costs: the message and the recent turns. */
  inputTokens: number;
  /** The cost of each section the prompt carries, by name (for measurements and the admin's eye). */
  sectionTokens: Record<string, number>;
  trimmed: string[];
  /** The request as the prompt (and the offline coach) reads it: chat history cut to the budget. */
  promptInput: Record<string, unknown>;
}

/** The share of a chat task's budget the message and its recent turns may take. */
export const CONVERSATION_BUDGET_SHARE = 0.35;

export function createContextBuilder() {
  const sources = new Map<ContextSourceName, ContextSource>();

  return {
    register(name: ContextSourceName, source: ContextSource): void {
      if (sources.has(name)) throw new Error(`The context source "${name}" is already registered`);
      sources.set(name, source);
    },

    async build(task: TaskDefinition, request: ContextRequest): Promise<BuiltContext> {
      // The request first: what it takes of the budget is what the sections cannot.
      const conversation =
        task.task === 'chat'
          ? fitConversation(request.input as AiTaskInput<'chat'>, task.contextBudgetTokens)
          : null;
      const promptInput = conversation?.input ?? withoutBrandId(request.input);
      const inputTokens = estimateTokens(renderUserData(promptInput));
      const budgetTokens = Math.max(0, task.contextBudgetTokens - inputTokens);

      const coach: CoachContext = { diagnostic: null };
      const sections: ContextSection[] = [];
      const reads = new Map<string, Promise<unknown>>();
      const shared = <T>(key: string, load: () => Promise<T>): Promise<T> => {
        let read = reads.get(key) as Promise<T> | undefined;
        if (!read) {
          read = load();
          reads.set(key, read);
        }
        return read;
      };
      for (const name of task.sources) {
        const source = sources.get(name);
        if (!source) throw new Error(`No context source "${name}" is registered (task ${task.task})`);
        const contribution = await source({
          ...request,
          task: task.task,
          budgetTokens,
          known: coach,
          shared,
        });
        Object.assign(coach, contribution.coach);
        if (contribution.section) sections.push(...[contribution.section].flat());
      }
      if (task.requires === 'diagnostic' && !coach.diagnostic) {
        throw new AppError(
          404,
          'NOT_FOUND',
          'Take the IDEA diagnostic first: there is no result to read yet.',
        );
      }
      if (conversation?.summary) sections.push({ ...CONTEXT_SECTIONS.summary, text: conversation.summary });
      const budgeted = fitToBudget(sections, budgetTokens);
      const rendered = renderContext(budgeted);
      return {
        coach,
        rendered,
        digest: createHash('sha256').update(rendered).digest('hex'),
        tokens: budgeted.tokens,
        inputTokens,
        sectionTokens: budgeted.costs,
        trimmed: budgeted.trimmed,
        promptInput,
      };
    },
  };
}
export type ContextBuilder = ReturnType<typeof createContextBuilder>;

/** The brand id routes the request; it is not something to show the model. */
function withoutBrandId(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([key]) => key !== 'brandId'));
}

/** A turn's cost inside the rendered request: its JSON, indentation and separators included. */
function turnTokens(turn: AiTaskInput<'chat'>['history'][number]): number {
  return estimateTokens(JSON.stringify(turn)) + 12;
}

/**
 * The chat request as the prompt carries it: the message and the most recent turns that fit in the
 * conversation's share of the budget (older ones are dropped first), and a summary of the rest —
 * the turns dropped here and the request's `earlier` ones. Earlier answers lose their citation
 * markers: their numbers referred to that turn's passages, not this one's.
 */
function fitConversation(
  input: AiTaskInput<'chat'>,
  budgetTokens: number,
): { input: Record<string, unknown>; summary: string | null } {
  const share = Math.floor(budgetTokens * CONVERSATION_BUDGET_SHARE);
  const history = input.history.map((turn) =>
    turn.role === 'assistant' ? { ...turn, content: stripCitationMarkers(turn.content) } : turn,
  );
  const kept: typeof history = [];
  let tokens = estimateTokens(renderUserData({ message: input.message, history: [] }));
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const turn = history[index];
    if (!turn) break;
    tokens += turnTokens(turn);
    if (tokens > share) break;
    kept.unshift(turn);
  }
  const dropped = history.slice(0, history.length - kept.length);
  const summary = summariseConversation([...(input.earlier ?? []), ...dropped]);
  const { earlier: _earlier, ...rest } = withoutBrandId(input) as AiTaskInput<'chat'>;
  return {
    input: { ...rest, history: kept },
    summary: summary ? renderConversationSummary(summary) : null,
  };
}
