import { cx } from '../../components/cx.ts';
import { useAiUsage } from '../../kit/coach/ai-usage.ts';
import { formatReset } from '../../lib/format-date.ts';

/** Today's coach requests: how many are left and when the count starts again. */
export function QuotaStatus({ className }: { className?: string }) {
  const usage = useAiUsage();
  if (usage.isError) {
    return <p className={cx('text-sm text-slate-600', className)}>Today’s request count is unavailable.</p>;
  }
  if (!usage.data)
    return <p className={cx('text-sm text-slate-600', className)}>Checking today’s requests…</p>;
  const { remaining, limit, resetsAt } = usage.data;
  const empty = remaining === 0;
  return (
    <p
      className={cx(
        'text-sm',
        empty ? 'rounded-lg bg-amber-50 px-3 py-2 font-medium text-amber-900' : 'text-slate-700',
        className,
      )}
    >
      {empty ? (
        <>
          You’ve used all {limit} coach requests for today. More {formatReset(resetsAt)}.
        </>
      ) : (
        <>
          <strong className="font-semibold text-slate-900 tabular-nums">{remaining}</strong> of {limit} coach
          requests left today · resets {formatReset(resetsAt)}
        </>
      )}
    </p>
  );
}
