/**
 * Answers in progress live in sessionStorage until they are submitted, so a reload (or an accidental
 * navigation) resumes at the same question. Which question is on screen is in the URL (`?q=3`), one
 * history entry per question, so the browser's Back and Forward move between questions. The key names the questionnaire version: answers to one
 * version are never replayed against another.
 */
import { ANSWER_MAX, ANSWER_MIN, type Questionnaire } from '../../../core/diagnostic/questionnaire.ts';

export type DraftAnswers = Readonly<Record<string, number>>;

export interface DiagnosticProgress {
  /** Index of the question on screen, 0-based. */
  step: number;
  answers: DraftAnswers;
}

export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function progressKey(version: number): string {
  return `ibc.diagnostic.v${version}.progress`;
}

/** sessionStorage, or null where the browser refuses it (some private modes, disabled storage). */
export function browserSessionStorage(): ProgressStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function isAnswer(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= ANSWER_MIN && value <= ANSWER_MAX;
}

/** Index of the first unanswered question; the question count when all are answered. */
export function firstUnanswered(questionnaire: Questionnaire, answers: DraftAnswers): number {
  const index = questionnaire.questions.findIndex((question) => !isAnswer(answers[question.id]));
  return index === -1 ? questionnaire.questions.length : index;
}

export function isComplete(questionnaire: Questionnaire, answers: DraftAnswers): boolean {
  return firstUnanswered(questionnaire, answers) === questionnaire.questions.length;
}

/**
 * The question a request for `requested` (0-based) may show: never past the first unanswered
 * question, so a typed or stale `?q=` cannot skip questions.
 */
export function reachableStep(
  questionnaire: Questionnaire,
  answers: DraftAnswers,
  requested: number,
): number {
  const furthest = Math.min(firstUnanswered(questionnaire, answers), questionnaire.questions.length - 1);
  return Math.max(0, Math.min(requested, furthest));
}

/**
 * The question number in the page's `?q=` (1-based, as people count), as a 0-based step; null when
 * there is none or it is not a whole number, which means the intro.
 */
export function stepFromSearch(value: string | null): number | null {
  if (value === null || !/^\d{1,3}$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 ? number - 1 : null;
}

/**
 * The saved progress for this questionnaire, cleaned up: unknown questions and impossible answers are
 * dropped, and the step never lands past the first unanswered question (nor past the last one).
 */
export function loadProgress(
  storage: ProgressStorage | null,
  questionnaire: Questionnaire,
): DiagnosticProgress | null {
  let raw: string | null;
  try {
    raw = storage?.getItem(progressKey(questionnaire.version)) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const record = parsed as { step?: unknown; answers?: unknown };
  const saved =
    typeof record.answers === 'object' && record.answers !== null
      ? (record.answers as Record<string, unknown>)
      : {};

  const answers: Record<string, number> = {};
  for (const question of questionnaire.questions) {
    const value = saved[question.id];
    if (isAnswer(value)) answers[question.id] = value;
  }
  const requested = typeof record.step === 'number' && Number.isInteger(record.step) ? record.step : 0;
  return { step: reachableStep(questionnaire, answers, requested), answers };
}

export function saveProgress(
  storage: ProgressStorage | null,
  questionnaire: Questionnaire,
  progress: DiagnosticProgress,
): void {
  try {
    storage?.setItem(progressKey(questionnaire.version), JSON.stringify(progress));
  } catch {
    // Full or refused: the questionnaire still works, it just won't survive a reload.
  }
}

export function clearProgress(storage: ProgressStorage | null, questionnaire: Questionnaire): void {
  try {
    storage?.removeItem(progressKey(questionnaire.version));
  } catch {
    // Nothing to clean up if storage is unavailable.
  }
}
