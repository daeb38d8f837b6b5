/**
 * Checks one respondent's answers against the survey's questions: every answer belongs to a
 * question, has that question's type (an offered option, a whole number in range, text within the
 * limit) and every required question is answered. Text is kept exactly as typed apart from trimming:
 * HTML is text like any other and is shown as such, never interpreted.
 */
import type { SurveyAnswers, SurveyAnswerValue, SurveyQuestion } from './contracts.ts';
import { NPS_MAX, NPS_MIN, SCALE_MAX, SCALE_MIN, SURVEY_LIMITS } from './limits.ts';

/** One stored answer: option text (single choice, text), option texts (multiple choice) or a number. */
export type StoredAnswer = string | string[] | number;
export type StoredAnswers = Record<string, StoredAnswer>;

export interface AnswerProblem {
  /** `answers.<questionId>`, like the API's validation details. */
  path: string;
  message: string;
}

export type AnswerCheck = { ok: true; answers: StoredAnswers } | { ok: false; problems: AnswerProblem[] };

function isBlank(value: SurveyAnswerValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

type Checked = { value: StoredAnswer } | { problem: string };

function checkOne(question: SurveyQuestion, value: SurveyAnswerValue): Checked {
  switch (question.type) {
    case 'single-choice': {
      const chosen =
        typeof value === 'string' ? question.options.find((option) => option === value.trim()) : undefined;
      return chosen === undefined ? { problem: 'Choose one of the options offered' } : { value: chosen };
    }
    case 'multiple-choice': {
      if (!Array.isArray(value)) return { problem: 'Choose from the options offered' };
      const chosen = new Set(value.map((option) => option.trim()));
      if ([...chosen].some((option) => !question.options.includes(option)))
        return { problem: 'Choose only from the options offered' };
      // Stored in the question's order, whatever order they were ticked in.
      return { value: question.options.filter((option) => chosen.has(option)) };
    }
    case 'scale':
    case 'nps': {
      const [min, max] = question.type === 'scale' ? [SCALE_MIN, SCALE_MAX] : [NPS_MIN, NPS_MAX];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
        return { problem: `Choose a whole number from ${min} to ${max}` };
      return { value };
    }
    case 'short-text':
    case 'long-text': {
      if (typeof value !== 'string') return { problem: 'Write your answer as text' };
      const max = question.type === 'short-text' ? SURVEY_LIMITS.shortTextMax : SURVEY_LIMITS.longTextMax;
      const text = value.trim();
      if (text.length > max) return { problem: `Keep this answer under ${max} characters` };
      return { value: text };
    }
  }
}

/** The answers as they will be stored (blank ones dropped), or what is wrong with them. */
export function checkAnswers(questions: readonly SurveyQuestion[], answers: SurveyAnswers): AnswerCheck {
  const problems: AnswerProblem[] = [];
  const byId = new Map(questions.map((question) => [question.id, question]));
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) problems.push({ path: `answers.${id}`, message: 'This survey has no such question' });
  }
  const stored: StoredAnswers = {};
  for (const question of questions) {
    const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (value === undefined || isBlank(value)) {
      if (question.required)
        problems.push({ path: `answers.${question.id}`, message: 'Please answer this question' });
      continue;
    }
    const checked = checkOne(question, value);
    if ('problem' in checked) problems.push({ path: `answers.${question.id}`, message: checked.problem });
    else stored[question.id] = checked.value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers: stored };
}
