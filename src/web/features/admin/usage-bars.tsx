/**
 * Calls per day as horizontal bars. Loaded on demand (see UsageBars in admin-parts.tsx); the table beside it
 * has the same numbers, so the chart itself is hidden from screen readers.
 */
import { formatUsd } from './money.ts';

export interface UsageBarsProps {
  rows: ReadonlyArray<{ day: string; calls: number; costMicros: number }>;
}

export default function UsageBars({ rows }: UsageBarsProps) {
  const max = Math.max(1, ...rows.map((row) => row.calls));
  return (
    <div aria-hidden="true" className="space-y-1.5">
      {rows.map((row) => (
        <div key={row.day} className="grid grid-cols-[5.5rem_minmax(0,1fr)_auto] items-center gap-2 text-xs">
          <span className="text-slate-600 tabular-nums">{row.day.slice(5)}</span>
          <span className="h-4 rounded bg-slate-100">
            <span
              className="block h-4 rounded bg-brand-600"
              style={{ width: `${Math.max(row.calls > 0 ? 2 : 0, (row.calls / max) * 100)}%` }}
            />
          </span>
          <span className="text-slate-700 tabular-nums">
            {row.calls} · {formatUsd(row.costMicros)}
          </span>
        </div>
      ))}
    </div>
  );
}
