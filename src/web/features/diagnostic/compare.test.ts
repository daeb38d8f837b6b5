import { describe, expect, it } from 'vitest';
import type { DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import { compareResults, defaultPair, formatChange } from './compare.ts';

function result(id: string, overall: number, dimensions: [number, number, number, number]): DiagnosticResult {
  const [insight, distinctive, empathetic, authentic] = dimensions;
  const entry = (score: number) => ({ score, band: 'developing' as const });
  return {
    id,
    questionnaireVersion: 1,
    answers: {},
    scores: {
      overall,
      overallBand: 'developing',
      dimensions: {
        insight: entry(insight),
        distinctive: entry(distinctive),
        empathetic: entry(empathetic),
        authentic: entry(authentic),
      },
    },
    saved: true,
    brandId: null,
    createdAt: '2026-03-01T10:00:00.000Z',
  };
}

describe('compareResults', () => {
  it('lists overall then each dimension with the change from the first to the second', () => {
    const rows = compareResults(result('a', 47, [88, 38, 50, 13]), result('b', 56, [88, 50, 38, 50]));
    expect(rows.map((row) => [row.label, row.first, row.second, row.change])).toEqual([
      ['Overall', 47, 56, 9],
      ['Insight-driven', 88, 88, 0],
      ['Distinctive', 38, 50, 12],
      ['Empathetic', 50, 38, -12],
      ['Authentic', 13, 50, 37],
    ]);
  });
});

describe('formatChange', () => {
  it.each([
    [12, '+12'],
    [-5, '−5'],
    [0, 'No change'],
  ])('formats %i as %s', (change, text) => {
    expect(formatChange(change)).toBe(text);
  });
});

describe('defaultPair', () => {
  it('compares the previous take with the latest, and needs two', () => {
    expect(defaultPair([result('new', 1, [1, 1, 1, 1]), result('old', 1, [1, 1, 1, 1])])).toEqual([
      'old',
      'new',
    ]);
    expect(defaultPair([result('only', 1, [1, 1, 1, 1])])).toBeNull();
  });
});
