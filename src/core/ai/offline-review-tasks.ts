/**
 * The offline coach's answers to the tasks that read reviews (REVIEW_TASKS in offline-coach.ts). Only
 * the offline coach's worker thread imports this module: it brings in the NLP library.
 */
import type { AiTaskInput, AiTaskOutput } from './contracts.ts';
import type { ReviewTask } from './offline-coach.ts';
import { analyseReviews } from './review-analysis.ts';
import { analyseVoiceOfCustomer } from './voice-of-customer.ts';

export function avatarVoice(input: AiTaskInput<'avatar-voice'>): AiTaskOutput<'avatar-voice'> {
  return analyseVoiceOfCustomer(input);
}

const OFFLINE_REVIEW_TASKS: { [T in ReviewTask]: (input: AiTaskInput<T>) => AiTaskOutput<T> } = {
  'review-analysis': (input) => analyseReviews(input.reviews),
  'avatar-voice': avatarVoice,
};

/** Like `runOfflineCoach`: the input was already parsed with the task's own schema. */
export function runOfflineReviewTask(task: ReviewTask, input: unknown): object {
  const answer = OFFLINE_REVIEW_TASKS[task] as (input: unknown) => object;
  return answer(input);
}
