import { describe, expect, it } from 'vitest';
import { submitDiagnosticBodySchema } from './contracts.ts';
import { GUIDANCE, recommendedNextStep } from './guidance.ts';
import { DIMENSIONS, QUESTIONNAIRE_V1 } from './questionnaire.ts';
import { BANDS, bandFor, dimensionScore, focusDimensions, scoreAnswers, scoresFrom } from './scoring.ts';

function answersFrom(values: Readonly<Record<string, readonly [number, number]>>): Record<string, number> {
  const answers: Record<string, number> = {};
  for (const dimension of DIMENSIONS) {
    const [first, second] = values[dimension] ?? [3, 3];
    const questions = QUESTIONNAIRE_V1.questions.filter((question) => question.dimension === dimension);
    answers[questions[0]?.id ?? ''] = first;
    answers[questions[1]?.id ?? ''] = second;
  }
  return answers;
}

describe('questionnaire v1', () => {
  it('has 8 questions, 2 per dimension, each with 5 options valued 1–5 and unique ids', () => {
    expect(QUESTIONNAIRE_V1.questions).toHaveLength(8);
    for (const dimension of DIMENSIONS) {
      expect(QUESTIONNAIRE_V1.questions.filter((question) => question.dimension === dimension)).toHaveLength(
        2,
      );
    }
    expect(new Set(QUESTIONNAIRE_V1.questions.map((question) => question.id)).size).toBe(8);
    for (const question of QUESTIONNAIRE_V1.questions) {
      expect(question.options.map((option) => option.value)).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it('has an explanation and 2–3 actions for every dimension in every band', () => {
    for (const dimension of DIMENSIONS) {
      for (const band of BANDS) {
        const guidance = GUIDANCE[dimension][band];
        expect(guidance.explanation.length, `${dimension}/${band}`).toBeGreaterThan(40);
        expect(guidance.actions.length).toBeGreaterThanOrEqual(2);
        expect(guidance.actions.length).toBeLessThanOrEqual(3);
      }
    }
  });
});

describe('dimensionScore', () => {
  it.each([
    [[1, 1], 0],
    [[5, 5], 100],
    [[3, 3], 50],
    [[1, 2], 13], // 12.5 rounds up
    [[2, 3], 38], // 37.5 rounds up
    [[3, 4], 63], // 62.5 rounds up
    [[4, 5], 88], // 87.5 rounds up
    [[1, 5], 50],
    [[2, 2], 25],
    [[4, 4], 75],
  ])('scores %j as %i', (values, expected) => {
    expect(dimensionScore(values)).toBe(expected);
  });
});

describe('bandFor', () => {
  it.each([
    [100, 'strong'],
    [80, 'strong'],
    [79, 'good'],
    [60, 'good'],
    [59, 'developing'],
    [40, 'developing'],
    [39, 'needs-attention'],
    [0, 'needs-attention'],
  ])('puts %i in %s', (score, band) => {
    expect(bandFor(score)).toBe(band);
  });
});

describe('scoreAnswers', () => {
  it.each([
    {
      name: 'all 1s',
      answers: { insight: [1, 1], distinctive: [1, 1], empathetic: [1, 1], authentic: [1, 1] },
      dimensions: [0, 0, 0, 0],
      overall: 0,
      band: 'needs-attention',
    },
    {
      name: 'all 5s',
      answers: { insight: [5, 5], distinctive: [5, 5], empathetic: [5, 5], authentic: [5, 5] },
      dimensions: [100, 100, 100, 100],
      overall: 100,
      band: 'strong',
    },
    {
      name: 'mixed',
      answers: { insight: [4, 5], distinctive: [2, 3], empathetic: [3, 3], authentic: [1, 2] },
      dimensions: [88, 38, 50, 13],
      overall: 47, // (88 + 38 + 50 + 13) / 4 = 47.25
      band: 'developing',
    },
    {
      name: 'overall rounding at .5',
      answers: { insight: [1, 2], distinctive: [1, 1], empathetic: [1, 1], authentic: [1, 2] },
      dimensions: [13, 0, 0, 13],
      overall: 7, // 26 / 4 = 6.5 rounds up
      band: 'needs-attention',
    },
    {
      name: 'good overall',
      answers: { insight: [4, 4], distinctive: [3, 4], empathetic: [4, 4], authentic: [4, 3] },
      dimensions: [75, 63, 75, 63],
      overall: 69,
      band: 'good',
    },
  ] as const)('scores $name', ({ answers, dimensions, overall, band }) => {
    const scores = scoreAnswers(QUESTIONNAIRE_V1, answersFrom(answers));
    expect(DIMENSIONS.map((dimension) => scores.dimensions[dimension].score)).toEqual(dimensions);
    expect(scores.overall).toBe(overall);
    expect(scores.overallBand).toBe(band);
  });

  it('picks the weakest dimension first, and a close second', () => {
    const scores = scoreAnswers(
      QUESTIONNAIRE_V1,
      answersFrom({ insight: [4, 5], distinctive: [2, 3], empathetic: [3, 3], authentic: [1, 2] }),
    );
    expect(focusDimensions(scores).map((entry) => entry.dimension)).toEqual(['authentic']);
    const tied = scoreAnswers(QUESTIONNAIRE_V1, answersFrom({ insight: [2, 2], distinctive: [2, 2] }));
    expect(focusDimensions(tied).map((entry) => entry.dimension)).toEqual(['insight', 'distinctive']);
  });
});

describe('submission validation', () => {
  const complete = answersFrom({});
  const issuesOf = (body: unknown) => {
    const result = submitDiagnosticBodySchema.safeParse(body);
    return result.success
      ? []
      : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('accepts a complete v1 submission', () => {
    expect(issuesOf({ questionnaireVersion: 1, answers: complete })).toEqual([]);
  });

  it.each([
    ['wrong version', { questionnaireVersion: 99, answers: complete }, 'questionnaireVersion'],
    [
      'missing question',
      { questionnaireVersion: 1, answers: { ...complete, 'insight-motivation': undefined } },
      'answers.insight-motivation',
    ],
    [
      'unknown question',
      { questionnaireVersion: 1, answers: { ...complete, 'made-up': 3 } },
      'answers.made-up',
    ],
    [
      'value too high',
      { questionnaireVersion: 1, answers: { ...complete, 'authentic-consistency': 6 } },
      'answers.authentic-consistency',
    ],
    [
      'value too low',
      { questionnaireVersion: 1, answers: { ...complete, 'authentic-consistency': 0 } },
      'answers.authentic-consistency',
    ],
    [
      'fractional value',
      { questionnaireVersion: 1, answers: { ...complete, 'empathetic-bond': 2.5 } },
      'answers.empathetic-bond',
    ],
    [
      'string value',
      { questionnaireVersion: 1, answers: { ...complete, 'empathetic-bond': '3' } },
      'answers.empathetic-bond',
    ],
  ])('rejects a %s', (_name, body, path) => {
    expect(issuesOf(body).join('\n')).toContain(path);
  });
});

describe('scoresFrom', () => {
  it('rebuilds the same scores, bands included, from the stored numbers', () => {
    const scores = scoreAnswers(
      QUESTIONNAIRE_V1,
      answersFrom({ insight: [4, 5], distinctive: [2, 3], empathetic: [3, 3], authentic: [1, 2] }),
    );
    const rebuilt = scoresFrom(scores.overall, {
      insight: scores.dimensions.insight.score,
      distinctive: scores.dimensions.distinctive.score,
      empathetic: scores.dimensions.empathetic.score,
      authentic: scores.dimensions.authentic.score,
    });
    expect(rebuilt).toEqual(scores);
  });
});

describe('recommendedNextStep', () => {
  it('is the first action for the weakest dimension, with its explanation', () => {
    const scores = scoresFrom(47, { insight: 88, distinctive: 38, empathetic: 50, authentic: 13 });
    const step = recommendedNextStep(scores);
    expect(step?.dimension).toBe('authentic');
    expect(step?.band).toBe('needs-attention');
    expect(step?.explanation).toBe(GUIDANCE.authentic['needs-attention'].explanation);
    expect(step?.action).toEqual(GUIDANCE.authentic['needs-attention'].actions[0]);
  });

  it('breaks ties in I-D-E-A order', () => {
    const scores = scoresFrom(50, { insight: 50, distinctive: 50, empathetic: 50, authentic: 50 });
    expect(recommendedNextStep(scores)?.dimension).toBe('insight');
  });
});
