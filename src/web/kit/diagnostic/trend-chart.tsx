/**
 * Line chart of scores across re-takes, oldest on the left. Loaded on demand (see lazy-charts.tsx);
 * the trend table next to it carries the same numbers.
 *
 * The plot stretches to any width (preserveAspectRatio="none"), so lines and markers use
 * non-scaling strokes and every label is HTML: text stays readable from 360 px phones to desktops.
 */
import type { DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import { DIMENSION_LABELS, DIMENSIONS, type Dimension } from '../../../core/diagnostic/questionnaire.ts';
import { formatAxisDates } from '../../lib/format-date.ts';

type SeriesKey = 'overall' | Dimension;

interface Series {
  key: SeriesKey;
  label: string;
  stroke: string;
  swatch: string;
  width: number;
  /** Round or square markers, so series differ in more than colour. */
  marker: 'round' | 'square';
}

const SERIES: readonly Series[] = [
  {
    key: 'overall',
    label: 'Overall',
    stroke: 'stroke-slate-900',
    swatch: 'bg-slate-900',
    width: 3,
    marker: 'round',
  },
  {
    key: 'insight',
    label: DIMENSION_LABELS.insight,
    stroke: 'stroke-brand-600',
    swatch: 'bg-brand-600',
    width: 2,
    marker: 'square',
  },
  {
    key: 'distinctive',
    label: DIMENSION_LABELS.distinctive,
    stroke: 'stroke-violet-600',
    swatch: 'bg-violet-600',
    width: 2,
    marker: 'round',
  },
  {
    key: 'empathetic',
    label: DIMENSION_LABELS.empathetic,
    stroke: 'stroke-rose-600',
    swatch: 'bg-rose-600',
    width: 2,
    marker: 'square',
  },
  {
    key: 'authentic',
    label: DIMENSION_LABELS.authentic,
    stroke: 'stroke-amber-600',
    swatch: 'bg-amber-600',
    width: 2,
    marker: 'round',
  },
];

/** Literal class names, so Tailwind generates them. */
const COLUMNS = [
  'grid-cols-1',
  'grid-cols-2',
  'grid-cols-3',
  'grid-cols-4',
  'grid-cols-5',
  'grid-cols-6',
  'grid-cols-7',
  'grid-cols-8',
];

const GRID = [0, 20, 40, 60, 80, 100];

function scoreOf(result: DiagnosticResult, key: SeriesKey): number {
  return key === 'overall' ? result.scores.overall : result.scores.dimensions[key].score;
}

/** `results` oldest first; at most eight, the most the axis labels fit on a phone. */
export default function TrendChart({ results }: { results: readonly DiagnosticResult[] }) {
  const shown = results.slice(-COLUMNS.length);
  const count = shown.length;
  const first = shown[0];
  const last = shown.at(-1);
  if (!first || !last) return null;
  const x = (index: number) => ((index + 0.5) / count) * 100;
  const y = (value: number) => 100 - value;
  const axis = formatAxisDates(shown.map((result) => result.createdAt));
  const spoken = (entry: (typeof axis)[number] | undefined) =>
    entry ? `${entry.day}${entry.time ? ` ${entry.time}` : ''}` : '';
  const label =
    count === 1
      ? `Chart of your one result so far: overall ${first.scores.overall}.`
      : `Line chart of your scores across ${count} results, from ${spoken(axis[0])} to ${spoken(axis.at(-1))}. Overall went from ${first.scores.overall} to ${last.scores.overall}; ${DIMENSIONS.map((dimension) => `${DIMENSION_LABELS[dimension]} from ${first.scores.dimensions[dimension].score} to ${last.scores.dimensions[dimension].score}`).join(', ')}.`;

  return (
    <div role="img" aria-label={label} className="space-y-3">
      <div className="flex gap-2">
        <div className="-my-2 flex w-7 shrink-0 flex-col-reverse justify-between text-right text-xs leading-4 text-slate-600 tabular-nums">
          {GRID.map((value) => (
            <span key={value}>{value}</span>
          ))}
        </div>
        <svg
          aria-hidden="true"
          viewBox="0 0 100 100"
          preserveAspectRatio="none"
          className="block h-52 min-w-0 flex-1 overflow-visible"
        >
          {GRID.map((value) => (
            <line
              key={value}
              x1="0"
              x2="100"
              y1={y(value)}
              y2={y(value)}
              vectorEffect="non-scaling-stroke"
              className={value === 0 ? 'stroke-slate-400' : 'stroke-slate-200'}
              strokeWidth="1"
            />
          ))}
          {SERIES.map((series) => (
            <g key={series.key} className={series.stroke}>
              {count > 1 ? (
                <polyline
                  fill="none"
                  points={shown
                    .map((result, index) => `${x(index)},${y(scoreOf(result, series.key))}`)
                    .join(' ')}
                  strokeWidth={series.width}
                  strokeLinejoin="round"
                  vectorEffect="non-scaling-stroke"
                />
              ) : null}
              {shown.map((result, index) => (
                <path
                  key={result.id}
                  d={`M${x(index)} ${y(scoreOf(result, series.key))}h0`}
                  strokeWidth={series.width + 6}
                  strokeLinecap={series.marker}
                  vectorEffect="non-scaling-stroke"
                />
              ))}
            </g>
          ))}
        </svg>
      </div>
      <div className={`ml-9 grid ${COLUMNS[count - 1] ?? 'grid-cols-8'} text-center text-xs text-slate-600`}>
        {shown.map((result, index) => (
          <span key={result.id} data-testid="trend-axis-label">
            {axis[index]?.day}
            {axis[index]?.time ? <span className="block tabular-nums">{axis[index]?.time}</span> : null}
          </span>
        ))}
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        {SERIES.map((series) => (
          <li key={series.key} className="flex items-center gap-1.5">
            <span className={`h-1 w-4 ${series.swatch} ${series.marker === 'round' ? 'rounded-full' : ''}`} />
            {series.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
