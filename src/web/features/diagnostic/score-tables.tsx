import { type ReactNode, useId } from 'react';
import type { DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import { DIMENSION_LABELS, DIMENSIONS } from '../../../core/diagnostic/questionnaire.ts';
import type { DiagnosticScores } from '../../../core/diagnostic/scoring.ts';
import { cx } from '../../components/cx.ts';
import { BandBadge } from './band-badge.tsx';
import { formatTakenAt } from './result-display.ts';

export const cellClasses =
  'border-b border-slate-200 px-1.5 py-2 text-left align-middle text-sm first:pl-3 last:pr-3 sm:px-3 sm:py-2.5 sm:text-base';
export const headerCellClasses = cx(cellClasses, 'bg-slate-50 text-sm font-semibold text-slate-700');

interface DataTableProps {
  caption: ReactNode;
  /** Visually hide the caption where a heading right above already says it. */
  hideCaption?: boolean;
  children: ReactNode;
}

/** Scrolls sideways on its own when wider than a phone, instead of widening the page. */
export function DataTable({ caption, hideCaption = false, children }: DataTableProps) {
  const captionId = useId();
  return (
    // Focusable and named, so keyboard users can scroll it too when it overflows.
    <section
      aria-labelledby={captionId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
      tabIndex={0}
      className="overflow-x-auto rounded-xl border border-slate-200"
    >
      <table className="w-full border-collapse bg-white text-slate-900">
        <caption
          id={captionId}
          className={hideCaption ? 'sr-only' : 'px-3 py-2.5 text-left text-sm font-semibold text-slate-900'}
        >
          {caption}
        </caption>
        {children}
      </table>
    </section>
  );
}

/** The four dimension scores and the overall score: the chart's text alternative. */
export function ScoresTable({ scores, caption }: { scores: DiagnosticScores; caption: ReactNode }) {
  return (
    <DataTable caption={caption}>
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
    </DataTable>
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
    <DataTable caption={caption}>
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
              {formatTakenAt(result.createdAt)}
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
    </DataTable>
  );
}
