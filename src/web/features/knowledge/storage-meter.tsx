import { formatBytes } from '../../../core/system/format.ts';

/** How much of the brand's document space is used, and how much is left. */
export function StorageMeter({ usedBytes, limitBytes }: { usedBytes: number; limitBytes: number }) {
  const percent = limitBytes > 0 ? Math.min(100, Math.round((usedBytes / limitBytes) * 100)) : 100;
  const left = Math.max(0, limitBytes - usedBytes);
  const summary = `${formatBytes(usedBytes)} of ${formatBytes(limitBytes)} used`;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center justify-between gap-x-4 text-sm">
        <span className="font-medium text-slate-800">{summary}</span>
        <span className="text-slate-700">{formatBytes(left)} left</span>
      </div>
      {/* The words above say it all; the bar only shows it at a glance. */}
      <div aria-hidden="true" className="h-2 w-full overflow-hidden rounded-full bg-slate-200">
        <div
          className={percent >= 90 ? 'h-full rounded-full bg-amber-600' : 'h-full rounded-full bg-brand-700'}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
