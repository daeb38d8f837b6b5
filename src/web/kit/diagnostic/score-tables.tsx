import type { ReactNode } from 'react';
import type { DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import { DIMENSION_LABELS, DIMENSIONS } from '../../../core/diagnostic/questionnaire.ts';
import type { DiagnosticScores } from '../../../core/diagnostic/scoring.ts';
import { cx } from '../../components/cx.ts';
import { ScrollTable } from '../../components/scroll-table.tsx';
import { formatDateTime } from '../../lib/format-date.ts';
import { BandBadge } from './band-badge.tsx';

export const cellClasses =
  'border-b border-slate-200 px-1.5 py-2 text-left align-middle text-sm first:pl-3 last:pr-3 sm:px-3 sm:py-2.5 sm:text-base';
export const headerCellClasses = cx(cellClasses, 'bg-slate-50 text-sm font-semibold text-slate-700');

/** The four dimension scores and the overall score: the chart's text alternative. */
export function ScoresTable({ scores, caption }: { scores: DiagnosticScores; caption: ReactNode }) {
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col" className={headerCellClasses}>
            Dimension
          </th>
          <th scope="col" className={cx(headerCellClasses, 'text-right')}>
            Score<span className="sr-only"> out of 100</span>
          </th>
          <th scope="col" className={headerCellClasses}>
            Band
          </th>
        </tr>
      </thead>
      <tbody>
        {DIMENSIONS.map((dimension) => (
          <tr key={dimension}>
            <th scope="row" className={cx(cellClasses, 'font-medium')}>
              {DIMENSION_LABELS[dimension]}
            </th>
            <td className={cx(cellClasses, 'text-right tabular-nums')}>
              {scores.dimensions[dimension].score}
            </td>
            <td className={cellClasses}>
              <BandBadge size="sm" band={scores.dimensions[dimension].band} />
            </td>
          </tr>
        ))}
        <tr>
          <th scope="row" className={cx(cellClasses, 'border-b-0 font-semibold')}>
            Overall
          </th>
          <td className={cx(cellClasses, 'border-b-0 text-right font-semibold tabular-nums')}>
            {scores.overall}
          </td>
          <td className={cx(cellClasses, 'border-b-0')}>
            <BandBadge size="sm" band={scores.overallBand} />
          </td>
        </tr>
      </tbody>
    </ScrollTable>
  );
}

/** Scores per take, oldest first: the trend chart's text alternative. */
export function TrendTable({
  results,
  caption,
}: {
  results: readonly DiagnosticResult[];
  caption: ReactNode;
}) {
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col" className={headerCellClasses}>
            Taken
          </th>
          <th scope="col" className={cx(headerCellClasses, 'text-right')}>
            Overall
          </th>
          {DIMENSIONS.map((dimension) => (
            <th key={dimension} scope="col" className={cx(headerCellClasses, 'text-right')}>
              {DIMENSION_LABELS[dimension]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {results.map((result) => (
          <tr key={result.id}>
            <th scope="row" className={cx(cellClasses, 'font-medium whitespace-nowrap')}>
              {formatDateTime(result.createdAt)}
            </th>
            <td className={cx(cellClasses, 'text-right font-semibold tabular-nums')}>
              {result.scores.overall}
            </td>
            {DIMENSIONS.map((dimension) => (
              <td key={dimension} className={cx(cellClasses, 'text-right tabular-nums')}>
                {result.scores.dimensions[dimension].score}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
