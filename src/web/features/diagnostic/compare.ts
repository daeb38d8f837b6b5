import type { DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import { DIMENSION_LABELS, DIMENSIONS, type Dimension } from '../../../core/diagnostic/questionnaire.ts';

export interface ComparisonRow {
  key: 'overall' | Dimension;
  label: string;
  first: number;
  second: number;
  /** second − first: positive when the second result scored higher. */
  change: number;
}

/** Overall first, then the four dimensions in I-D-E-A order. */
export function compareResults(first: DiagnosticResult, second: DiagnosticResult): ComparisonRow[] {
  const overall: ComparisonRow = {
    key: 'overall',
    label: 'Overall',
    first: first.scores.overall,
    second: second.scores.overall,
    change: second.scores.overall - first.scores.overall,
  };
  return [
    overall,
    ...DIMENSIONS.map((dimension) => {
      const a = first.scores.dimensions[dimension].score;
      const b = second.scores.dimensions[dimension].score;
      return { key: dimension, label: DIMENSION_LABELS[dimension], first: a, second: b, change: b - a };
    }),
  ];
}

/** "+12", "−5" (a true minus sign) or "No change". */
export function formatChange(change: number): string {
  if (change === 0) return 'No change';
  return change > 0 ? `+${change}` : `−${Math.abs(change)}`;
}

/** The pair to compare when the page opens: the previous take against the latest. */
export function defaultPair(newestFirst: readonly DiagnosticResult[]): [string, string] | null {
  const [latest, previous] = newestFirst;
  if (!latest || !previous) return null;
  return [previous.id, latest.id];
}
