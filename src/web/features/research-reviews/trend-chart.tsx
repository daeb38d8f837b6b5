import { useId, useState } from 'react';
import type { ReviewRunResult } from '../../../core/research-reviews/contracts.ts';
import { formatCount } from '../../../core/research-reviews/limits.ts';
import { Button } from '../../components/button.tsx';
import { ScrollTable } from '../../components/scroll-table.tsx';
import { LABEL_NAMES, LABEL_ORDER } from './labels.ts';

/** Fills with at least 3:1 contrast against white, as a chart's parts need. */
const FILLS = { positive: '#15803d', mixed: '#b45309', negative: '#b91c1c', neutral: '#64748b' } as const;

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthLabel(month: string): string {
  const [year, index] = month.split('-');
  return `${MONTH_NAMES[Number(index) - 1] ?? index} ${year}`;
}

interface TrendChartProps {
  trend: ReviewRunResult['trend'];
  undated: number;
}

/**
 * Reviews per month as stacked bars by sentiment. The chart is a picture for sighted readers; the
 * same numbers are a table one click away (and the chart's label says what it shows).
 */
export function TrendChart({ trend, undated }: TrendChartProps) {
  const [asTable, setAsTable] = useState(false);
  const tableId = useId();
  const most = Math.max(1, ...trend.map((month) => month.count));
  const barWidth = 28;
  const gap = 12;
  const height = 160;
  const width = trend.length * (barWidth + gap) + gap;
  const summary = `Reviews per month by sentiment, ${monthLabel(trend[0]?.month ?? '')} to ${monthLabel(trend.at(-1)?.month ?? '')}.`;
  return (
    <div className="space-y-3">
      <ul className="flex flex-wrap gap-3 text-sm text-slate-800" aria-hidden="true">
        {LABEL_ORDER.map((label) => (
          <li key={label} className="flex items-center gap-1.5">
            <span className="inline-block size-3 rounded-sm" style={{ backgroundColor: FILLS[label] }} />
            {LABEL_NAMES[label]}
          </li>
        ))}
      </ul>
      <div className="overflow-x-auto">
        <svg role="img" aria-label={summary} width={width} height={height + 36} className="block">
          {trend.map((month, index) => {
            const x = gap + index * (barWidth + gap);
            let y = height;
            return (
              <g key={month.month}>
                {LABEL_ORDER.map((label) => {
                  const size = (month[label] / most) * (height - 8);
                  y -= size;
                  return size > 0 ? (
                    <rect key={label} x={x} y={y} width={barWidth} height={size} fill={FILLS[label]} />
                  ) : null;
                })}
                <text x={x + barWidth / 2} y={height + 14} textAnchor="middle" fontSize="10" fill="#334155">
                  {MONTH_NAMES[Number(month.month.slice(5)) - 1]}
                </text>
                <text x={x + barWidth / 2} y={height + 28} textAnchor="middle" fontSize="10" fill="#334155">
                  {month.month.slice(2, 4)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <Button
        variant="ghost"
        aria-expanded={asTable}
        aria-controls={tableId}
        onClick={() => setAsTable(!asTable)}
      >
        {asTable ? 'Hide the table' : 'Show as a table'}
      </Button>
      <div id={tableId} hidden={!asTable}>
        <ScrollTable caption="Reviews per month by sentiment">
          <thead>
            <tr>
              <th scope="col" className="border-b border-slate-200 px-3 py-2 text-left text-sm">
                Month
              </th>
              <th scope="col" className="border-b border-slate-200 px-3 py-2 text-right text-sm">
                Reviews
              </th>
              {LABEL_ORDER.map((label) => (
                <th
                  key={label}
                  scope="col"
                  className="border-b border-slate-200 px-3 py-2 text-right text-sm"
                >
                  {LABEL_NAMES[label]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.map((month) => (
              <tr key={month.month}>
                <th scope="row" className="border-b border-slate-100 px-3 py-2 text-left text-sm font-medium">
                  {monthLabel(month.month)}
                </th>
                <td className="border-b border-slate-100 px-3 py-2 text-right text-sm">
                  {formatCount(month.count)}
                </td>
                {LABEL_ORDER.map((label) => (
                  <td key={label} className="border-b border-slate-100 px-3 py-2 text-right text-sm">
                    {formatCount(month[label])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </div>
      {undated > 0 ? (
        <p className="text-sm text-slate-600">{formatCount(undated)} reviews have no readable date.</p>
      ) : null}
    </div>
  );
}
