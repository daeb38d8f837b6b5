import { describe, expect, it } from 'vitest';
import { checkAnswers } from './answers.ts';
import type { SurveyQuestion } from './contracts.ts';

const questions: SurveyQuestion[] = [
  {
    id: 'pick',
    type: 'single-choice',
    prompt: 'Pick one',
    help: '',
    required: true,
    options: ['Fig', 'Cedar'],
  },
  {
    id: 'many',
    type: 'multiple-choice',
    prompt: 'Pick any',
    help: '',
    required: false,
    options: ['A', 'B', 'C'],
  },
  { id: 'scale', type: 'scale', prompt: 'Rate', help: '', required: false, lowLabel: '', highLabel: '' },
  { id: 'nps', type: 'nps', prompt: 'Recommend?', help: '', required: true },
  { id: 'short', type: 'short-text', prompt: 'A word', help: '', required: false },
  { id: 'long', type: 'long-text', prompt: 'Tell us', help: '', required: false },
];

describe('checkAnswers', () => {
  it('stores valid answers: trimmed text, ticked options in the question’s order, blanks dropped', () => {
    const checked = checkAnswers(questions, {
      pick: ' Cedar ',
      many: ['C', 'A'],
      scale: 5,
      nps: 0,
      short: '  <b>bold</b>  ',
      long: '   ',
    });
    expect(checked).toEqual({
      ok: true,
      answers: { pick: 'Cedar', many: ['A', 'C'], scale: 5, nps: 0, short: '<b>bold</b>' },
    });
  });

  it('names every problem by its question', () => {
    const checked = checkAnswers(questions, {
      pick: 'Lavender',
      many: ['A', 'Z'],
      scale: 0,
      nps: 10.5,
      short: 'x'.repeat(201),
      long: ['not', 'text'],
      ghost: 'boo',
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((problem) => problem.path).sort()).toEqual(
      [
        'answers.ghost',
        'answers.long',
        'answers.many',
        'answers.nps',
        'answers.pick',
        'answers.scale',
        'answers.short',
      ].sort(),
    );
  });

  it('requires the required questions, and counts an empty selection or blank text as unanswered', () => {
    const checked = checkAnswers(questions, { pick: '', many: [] });
    expect(checked).toEqual({
      ok: false,
      problems: [
        { path: 'answers.pick', message: 'Please answer this question' },
        { path: 'answers.nps', message: 'Please answer this question' },
      ],
    });
  });

  it('does not read inherited properties as answers', () => {
    const answers = JSON.parse('{"__proto__": {"pick": "Fig"}, "nps": 7}');
    const checked = checkAnswers(questions, answers);
    expect(checked.ok).toBe(false);
  });
});
