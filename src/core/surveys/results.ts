/**
 * A survey's results, folded one response at a time so the server can read responses in batches and
 * never hold them all: counts per option, the distribution and average of a 1–5 scale, the Net
 * Promoter Score, and the text answers (the newest ones, when responses arrive newest first).
 */

import { analyseReviewSet } from '../reviews/engine.ts';
import type { StoredAnswers } from './answers.ts';
import type { SurveyQuestion, SurveyQuestionResult } from './contracts.ts';
import { NPS_MAX, NPS_MIN, npsScore, SCALE_MAX, SCALE_MIN, SURVEY_LIMITS } from './limits.ts';

export interface ResponseForResults {
  answers: StoredAnswers;
  submittedAt: Date;
}

export interface ResultsSummary {
  responses: number;
  firstResponseAt: string | null;
  lastResponseAt: string | null;
  questions: SurveyQuestionResult[];
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

type Tally = {
  question: SurveyQuestion;
  answered: number;
  /** Option or number label → count. */
  counts: Map<string, number>;
  sum: number;
  texts: { text: string; submittedAt: string }[];
};

function emptyCounts(question: SurveyQuestion): Map<string, number> {
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice':
      return new Map(question.options.map((option) => [option, 0]));
    case 'scale':
      return new Map(range(SCALE_MIN, SCALE_MAX).map((value) => [String(value), 0]));
    case 'nps':
      return new Map(range(NPS_MIN, NPS_MAX).map((value) => [String(value), 0]));
    default:
      return new Map();
  }
}

/** Themes shown per text question: the ones mentioned most. */
const THEMES_SHOWN = 6;

export function createResultsAccumulator(
  questions: readonly SurveyQuestion[],
  textAnswersListed: number = SURVEY_LIMITS.textAnswersListed,
  textAnswersAnalysed: number = SURVEY_LIMITS.textAnswersAnalysed,
) {
  const tallies: Tally[] = questions.map((question) => ({
    question,
    answered: 0,
    counts: emptyCounts(question),
    sum: 0,
    texts: [],
  }));
  let responses = 0;
  let first: Date | null = null;
  let last: Date | null = null;

  const bump = (tally: Tally, label: string) => {
    // Answers are checked against the questions when stored; a label outside them cannot be counted.
    const current = tally.counts.get(label);
    if (current === undefined) return false;
    tally.counts.set(label, current + 1);
    return true;
  };

  return {
    add(response: ResponseForResults): void {
      responses += 1;
      if (!first || response.submittedAt < first) first = response.submittedAt;
      if (!last || response.submittedAt > last) last = response.submittedAt;
      for (const tally of tallies) {
        const value = response.answers[tally.question.id];
        if (value === undefined) continue;
        switch (tally.question.type) {
          case 'single-choice':
            if (typeof value === 'string' && bump(tally, value)) tally.answered += 1;
            break;
          case 'multiple-choice':
            if (Array.isArray(value) && value.filter((option) => bump(tally, option)).length > 0)
              tally.answered += 1;
            break;
          case 'scale':
          case 'nps':
            if (typeof value === 'number' && bump(tally, String(value))) {
              tally.answered += 1;
              tally.sum += value;
            }
            break;
          case 'short-text':
          case 'long-text':
            if (typeof value === 'string' && value) {
              tally.answered += 1;
              if (tally.texts.length < textAnswersListed)
                tally.texts.push({ text: value, submittedAt: response.submittedAt.toISOString() });
            }
            break;
        }
      }
    },

    finish(): ResultsSummary {
      return {
        responses,
        firstResponseAt: first ? (first as Date).toISOString() : null,
        lastResponseAt: last ? (last as Date).toISOString() : null,
        questions: tallies.map((tally) => summarise(tally, textAnswersAnalysed)),
      };
    },
  };
}

/**
 * The newest text answers read by the one review engine (src/core/reviews): each answer's sentiment,
 * how many are positive, negative, mixed or neutral, and the subjects they mention most.
 */
function readTexts(texts: Tally['texts'], analysed: number) {
  const read = analyseReviewSet(texts.slice(0, analysed).map((entry) => ({ text: entry.text })));
  const labels = new Map(read.reviews.map((review) => [review.index, review.label]));
  return {
    answers: texts.map((entry, index) => ({ ...entry, sentiment: labels.get(index) ?? null })),
    sentiment: { analysed: read.reviews.length, ...read.counts },
    themes: read.themes.slice(0, THEMES_SHOWN).map(({ label, mentions, positive, negative }) => ({
      label,
      mentions,
      positive,
      negative,
    })),
  };
}

function summarise(tally: Tally, textAnswersAnalysed: number): SurveyQuestionResult {
  const { question, answered } = tally;
  const counts = [...tally.counts].map(([label, count]) => ({ label, count }));
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice':
      return { questionId: question.id, type: question.type, answered, counts };
    case 'scale':
      return {
        questionId: question.id,
        type: 'scale',
        answered,
        counts,
        average: answered > 0 ? Math.round((tally.sum / answered) * 10) / 10 : null,
      };
    case 'nps': {
      const countOf = (from: number, to: number) =>
        range(from, to).reduce((total, value) => total + (tally.counts.get(String(value)) ?? 0), 0);
      const groups = { promoters: countOf(9, 10), passives: countOf(7, 8), detractors: countOf(0, 6) };
      return { questionId: question.id, type: 'nps', answered, counts, ...groups, score: npsScore(groups) };
    }
    case 'short-text':
    case 'long-text':
      return {
        questionId: question.id,
        type: question.type,
        answered,
        ...readTexts(tally.texts, textAnswersAnalysed),
      };
  }
}
