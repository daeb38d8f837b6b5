/**
 * The task registry: for each AI task, its schemas, prompt, which context it needs and how much,
 * the most it may answer, and whether provider answers may be cached. The route, the engine and the
 * offline coach all go through this table, so adding a task is one entry here plus its prompt file.
 */
import type { z } from 'zod';
import { AI_TASK_SCHEMAS, type AiTask } from '../../core/ai/contracts.ts';

/**
 * `knowledge`: the passages of the brand's knowledge retrieved for the request's question (listed
 * last, so the question can use what the other sources found); the answer may cite them. `memory`:
 * the facts the owner confirmed about the brand (brand memory).
 */
export type ContextSourceName = 'diagnostic' | 'workspace' | 'memory' | 'knowledge';

export interface TaskDefinition {
  task: AiTask;
  input: z.ZodType;
  output: z.ZodType;
  /** Key of the prompt in `ai_prompts` and of its default file in `prompts/`. */
  promptId: string;
  /**
   * Which saved data the coach reads (features register a source per name). A task reading the
   * `workspace` takes a `brandId` in its input and reads that brand only.
   */
  sources: readonly ContextSourceName[];
  /**
   * Tokens the prompt may carry besides the instructions (estimated pessimistically): the saved
   * context and the request itself (for chat, the message and its recent turns).
   */
  contextBudgetTokens: number;
  /** Upper bound on the answer; also the worst case the spending reservation assumes. */
  maxOutputTokens: number;
  /** Chat turns depend on the conversation, so they are never served from the cache. */
  cacheable: boolean;
  /** The task cannot be answered at all without this source (e.g. reading a diagnostic). */
  requires?: ContextSourceName;
}

function define(
  task: AiTask,
  options: Omit<TaskDefinition, 'task' | 'input' | 'output' | 'promptId'>,
): TaskDefinition {
  return {
    task,
    input: AI_TASK_SCHEMAS[task].input,
    output: AI_TASK_SCHEMAS[task].output,
    promptId: task,
    ...options,
  };
}

export const TASKS: Record<AiTask, TaskDefinition> = {
  // The coach's main task reads everything: the budget holds a full canvas, worksheets, avatars with
  // their reviews, memory and the conversation (about 24,000 characters).
  chat: define('chat', {
    sources: ['diagnostic', 'workspace', 'memory', 'knowledge'],
    contextBudgetTokens: 8000,
    maxOutputTokens: 1200,
    cacheable: false,
  }),
  'insight-guidance': define('insight-guidance', {
    sources: ['diagnostic', 'workspace', 'memory', 'knowledge'],
    contextBudgetTokens: 3000,
    maxOutputTokens: 900,
    cacheable: true,
  }),
  'canvas-suggestion': define('canvas-suggestion', {
    sources: ['diagnostic', 'workspace', 'memory', 'knowledge'],
    contextBudgetTokens: 3000,
    maxOutputTokens: 800,
    cacheable: true,
  }),
  'contextual-help': define('contextual-help', {
    sources: ['diagnostic', 'workspace', 'memory', 'knowledge'],
    contextBudgetTokens: 2500,
    maxOutputTokens: 600,
    cacheable: true,
  }),
  'buyer-intent': define('buyer-intent', {
    sources: [],
    contextBudgetTokens: 0,
    maxOutputTokens: 4000,
    cacheable: true,
  }),
  'review-analysis': define('review-analysis', {
    sources: [],
    contextBudgetTokens: 0,
    maxOutputTokens: 2500,
    cacheable: true,
  }),
  // Voice-of-customer analysis: as long an answer as a review analysis (quotes for every finding).
  'avatar-voice': define('avatar-voice', {
    sources: [],
    contextBudgetTokens: 0,
    maxOutputTokens: 2500,
    cacheable: true,
  }),
  'value-lens-copy': define('value-lens-copy', {
    sources: [],
    contextBudgetTokens: 0,
    maxOutputTokens: 1200,
    cacheable: true,
  }),
  'diagnostic-reading': define('diagnostic-reading', {
    sources: ['diagnostic', 'memory', 'knowledge'],
    contextBudgetTokens: 1500,
    maxOutputTokens: 1200,
    cacheable: true,
    requires: 'diagnostic',
  }),
};
