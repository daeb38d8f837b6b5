/** The coach's one-shot tasks (canvas suggestions, field help, voice analysis…), used across the workspace. */
import type { z } from 'zod';
import type { AI_TASK_SCHEMAS, AiMeta, AiTask, AiTaskOutput } from '../../../core/ai/contracts.ts';
import { ApiError, request } from '../../lib/api-client.ts';
import { loadContracts } from '../../lib/contracts.ts';

/** A task's input as callers write it (defaults may be left out). */
export type AiTaskRequest<T extends AiTask> = z.input<(typeof AI_TASK_SCHEMAS)[T]['input']>;

export interface AiTaskResult<T extends AiTask> {
  output: AiTaskOutput<T>;
  meta: AiMeta;
}

/** Runs an AI coach task and checks its output against that task's own schema. */
export async function runAiTask<T extends AiTask>(
  task: T,
  input: AiTaskRequest<T>,
): Promise<AiTaskResult<T>> {
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
