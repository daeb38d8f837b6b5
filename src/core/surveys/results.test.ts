import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from './contracts.ts';
import { npsScore, surveyClosedReason } from './limits.ts';
import { createResultsAccumulator } from './results.ts';

const questions: SurveyQuestion[] = [
  {
    id: 'pick',
    type: 'single-choice',
    prompt: 'Pick one',
    help: '',
    required: false,
    options: ['Fig', 'Cedar'],
  },
  { id: 'many', type: 'multiple-choice', prompt: 'Pick any', help: '', required: false, options: ['A', 'B'] },
  { id: 'scale', type: 'scale', prompt: 'Rate', help: '', required: false, lowLabel: '', highLabel: '' },
  { id: 'nps', type: 'nps', prompt: 'Recommend?', help: '', required: false },
  { id: 'text', type: 'long-text', prompt: 'Tell us', help: '', required: false },
];

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 12, minute));

describe('survey results', () => {
  it('counts options, averages the scale, scores the NPS and lists text answers in arrival order', () => {
    const accumulator = createResultsAccumulator(questions, 2);
    accumulator.add({
      answers: { pick: 'Fig', many: ['A', 'B'], scale: 5, nps: 10, text: 'newest' },
      submittedAt: at(3),
    });
    accumulator.add({
      answers: { pick: 'Fig', many: ['B'], scale: 4, nps: 8, text: 'middle' },
      submittedAt: at(2),
    });
    accumulator.add({ answers: { pick: 'Cedar', scale: 2, nps: 3, text: 'oldest' }, submittedAt: at(1) });
    accumulator.add({ answers: {}, submittedAt: at(0) });
    const summary = accumulator.finish();
    expect(summary).toMatchObject({
      responses: 4,
      firstResponseAt: at(0).toISOString(),
      lastResponseAt: at(3).toISOString(),
    });
    const [pick, many, scale, nps, text] = summary.questions;
    expect(pick).toEqual({
      questionId: 'pick',
      type: 'single-choice',
      answered: 3,
      counts: [
        { label: 'Fig', count: 2 },
        { label: 'Cedar', count: 1 },
      ],
    });
    expect(many).toMatchObject({
      answered: 2,
      counts: [
        { label: 'A', count: 1 },
        { label: 'B', count: 2 },
      ],
    });
    expect(scale).toMatchObject({ answered: 3, average: 3.7 });
    expect(scale && 'counts' in scale ? scale.counts.map((entry) => entry.label) : []).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(nps).toMatchObject({ answered: 3, promoters: 1, passives: 1, detractors: 1, score: 0 });
    expect(text).toMatchObject({ answered: 3, answers: [{ text: 'newest' }, { text: 'middle' }] });
  });

  it('has no average or score without answers, and ignores values outside the questions', () => {
    const accumulator = createResultsAccumulator(questions);
    accumulator.add({ answers: { pick: 'Lavender', scale: 9, nps: -1 }, submittedAt: at(0) });
    const [pick, , scale, nps] = accumulator.finish().questions;
    expect(pick).toMatchObject({ answered: 0 });
    expect(scale).toMatchObject({ answered: 0, average: null });
    expect(nps).toMatchObject({ answered: 0, score: null });
  });

  it('computes the Net Promoter Score from its three groups', () => {
    expect(npsScore({ promoters: 6, passives: 2, detractors: 2 })).toBe(40);
    expect(npsScore({ promoters: 0, passives: 0, detractors: 3 })).toBe(-100);
    expect(npsScore({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });
});

describe('whether a survey takes answers', () => {
  const open = { status: 'published' as const, closesAt: null, responseCap: null, responseCount: 0 };
  const now = new Date('2026-11-01T12:00:00Z');
  it('says why not', () => {
    expect(surveyClosedReason(open, now)).toBeNull();
    expect(surveyClosedReason({ ...open, status: 'draft' }, now)).toBe('draft');
    expect(surveyClosedReason({ ...open, status: 'closed' }, now)).toBe('closed');
    expect(surveyClosedReason({ ...open, closesAt: '2026-11-01T12:00:00Z' }, now)).toBe('past-close-date');
    expect(surveyClosedReason({ ...open, closesAt: '2026-11-01T12:00:01Z' }, now)).toBeNull();
    expect(surveyClosedReason({ ...open, responseCap: 3, responseCount: 3 }, now)).toBe('cap-reached');
    expect(surveyClosedReason({ ...open, responseCount: 10_000 }, now)).toBe('cap-reached');
  });
});

describe('text answers read by the review engine', () => {
  it('labels each of the newest answers and names the subjects people complain about or praise', () => {
    const question: SurveyQuestion = {
      id: 'why',
      type: 'long-text',
      prompt: 'Why?',
      help: '',
      required: false,
    };
    const accumulator = createResultsAccumulator([question], 10, 3);
    const texts = [
      'For $34 I expected better packing, the box arrived crushed.',
      'Finally a candle that doesn’t give me a headache. Love the scent!',
      'The scent is lovely and the price is fair.',
      'Delivery was fine.',
    ];
    texts.forEach((text, index) => {
      accumulator.add({ answers: { why: text }, submittedAt: at(10 - index) });
    });
    const [result] = accumulator.finish().questions;
    if (!result || !('sentiment' in result)) throw new Error('expected a text result');
    expect(result.sentiment.analysed).toBe(3);
    // The fourth (oldest) answer is listed but beyond the three read.
    expect(result.answers.map((answer) => answer.sentiment)).toEqual([
      'negative',
      'positive',
      'positive',
      null,
    ]);
    expect(result.sentiment).toEqual({ analysed: 3, positive: 2, negative: 1, mixed: 0, neutral: 0 });
    expect(result.themes).toContainEqual({ label: 'Scent', mentions: 2, positive: 2, negative: 0 });
    expect(result.themes.map((theme) => theme.label)).toContain('Packaging');
  });
});
