import { describe, expect, it } from 'vitest';
import { QUESTIONNAIRE_V1, type Questionnaire } from '../../../core/diagnostic/questionnaire.ts';
import {
  clearProgress,
  firstUnanswered,
  isComplete,
  loadProgress,
  type ProgressStorage,
  progressKey,
  reachableStep,
  saveProgress,
  stepFromSearch,
} from './progress-storage.ts';

function memoryStorage(
  initial: Record<string, string> = {},
): ProgressStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      data.set(key, value);
    },
    removeItem: (key) => {
      data.delete(key);
    },
  };
}

function questionId(index: number): string {
  const id = QUESTIONNAIRE_V1.questions[index]?.id;
  if (!id) throw new Error(`questionnaire v1 has no question ${index}`);
  return id;
}
const [q1, q2, q3, q4] = [questionId(0), questionId(1), questionId(2), questionId(3)];
const key = progressKey(QUESTIONNAIRE_V1.version);

describe('diagnostic progress in sessionStorage', () => {
  it('names the questionnaire version in the key', () => {
    expect(progressKey(1)).toBe('ibc.diagnostic.v1.progress');
    expect(progressKey(2)).not.toBe(progressKey(1));
  });

  it('resumes at the saved question with the saved answers', () => {
    const storage = memoryStorage();
    saveProgress(storage, QUESTIONNAIRE_V1, { step: 2, answers: { [q1]: 4, [q2]: 5 } });
    expect(loadProgress(storage, QUESTIONNAIRE_V1)).toEqual({ step: 2, answers: { [q1]: 4, [q2]: 5 } });
  });

  it('has nothing to resume when nothing was saved, or after clearing', () => {
    const storage = memoryStorage();
    expect(loadProgress(storage, QUESTIONNAIRE_V1)).toBeNull();
    saveProgress(storage, QUESTIONNAIRE_V1, { step: 0, answers: {} });
    expect(loadProgress(storage, QUESTIONNAIRE_V1)).toEqual({ step: 0, answers: {} });
    clearProgress(storage, QUESTIONNAIRE_V1);
    expect(storage.data.size).toBe(0);
    expect(loadProgress(storage, QUESTIONNAIRE_V1)).toBeNull();
  });

  it('never resumes past the first unanswered question or the last question', () => {
    const skipped = memoryStorage({ [key]: JSON.stringify({ step: 6, answers: { [q1]: 3 } }) });
    expect(loadProgress(skipped, QUESTIONNAIRE_V1)?.step).toBe(1);
    const allAnswered = Object.fromEntries(QUESTIONNAIRE_V1.questions.map((question) => [question.id, 2]));
    const beyond = memoryStorage({ [key]: JSON.stringify({ step: 99, answers: allAnswered }) });
    expect(loadProgress(beyond, QUESTIONNAIRE_V1)?.step).toBe(QUESTIONNAIRE_V1.questions.length - 1);
    const negative = memoryStorage({ [key]: JSON.stringify({ step: -3, answers: {} }) });
    expect(loadProgress(negative, QUESTIONNAIRE_V1)?.step).toBe(0);
  });

  it('drops unknown questions and impossible answers', () => {
    const storage = memoryStorage({
      [key]: JSON.stringify({
        step: 0,
        answers: { [q1]: 5, [q2]: 6, [q3]: 2.5, 'made-up': 3, [q4]: '4' },
      }),
    });
    expect(loadProgress(storage, QUESTIONNAIRE_V1)?.answers).toEqual({ [q1]: 5 });
  });

  it.each(['not json', 'null', '42', '"text"', '[]'])('ignores a corrupt entry: %s', (raw) => {
    expect(loadProgress(memoryStorage({ [key]: raw }), QUESTIONNAIRE_V1)?.answers ?? {}).toEqual({});
  });

  it('keeps versions apart: answers to v1 are not offered for another version', () => {
    const storage = memoryStorage();
    saveProgress(storage, QUESTIONNAIRE_V1, { step: 1, answers: { [q1]: 4 } });
    const v2: Questionnaire = { ...QUESTIONNAIRE_V1, version: 2 };
    expect(loadProgress(storage, v2)).toBeNull();
  });

  it('carries on without storage when the browser refuses it', () => {
    const refusing: ProgressStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadProgress(refusing, QUESTIONNAIRE_V1)).toBeNull();
    expect(() => saveProgress(refusing, QUESTIONNAIRE_V1, { step: 0, answers: {} })).not.toThrow();
    expect(() => clearProgress(refusing, QUESTIONNAIRE_V1)).not.toThrow();
    expect(loadProgress(null, QUESTIONNAIRE_V1)).toBeNull();
  });

  it('knows when every question is answered', () => {
    const answers: Record<string, number> = {};
    for (const [index, question] of QUESTIONNAIRE_V1.questions.entries()) {
      expect(firstUnanswered(QUESTIONNAIRE_V1, answers)).toBe(index);
      expect(isComplete(QUESTIONNAIRE_V1, answers)).toBe(false);
      answers[question.id] = 3;
    }
    expect(isComplete(QUESTIONNAIRE_V1, answers)).toBe(true);
  });
});

describe('the question in the URL', () => {
  it('reads ?q= as a 1-based question number; anything else is the intro', () => {
    expect(stepFromSearch('1')).toBe(0);
    expect(stepFromSearch('8')).toBe(7);
    for (const value of [null, '', '0', '-1', '2.5', 'abc', '1e3', '12345'])
      expect(stepFromSearch(value)).toBeNull();
  });

  it('never reaches past the first unanswered question, nor past the last one', () => {
    const [first, second] = QUESTIONNAIRE_V1.questions;
    const answers = { [first?.id ?? '']: 4, [second?.id ?? '']: 2 };
    expect(reachableStep(QUESTIONNAIRE_V1, answers, 1)).toBe(1);
    expect(reachableStep(QUESTIONNAIRE_V1, answers, 6)).toBe(2);
    expect(reachableStep(QUESTIONNAIRE_V1, {}, 3)).toBe(0);
    const all = Object.fromEntries(QUESTIONNAIRE_V1.questions.map((question) => [question.id, 3]));
    expect(reachableStep(QUESTIONNAIRE_V1, all, 99)).toBe(QUESTIONNAIRE_V1.questions.length - 1);
  });
});
