import type { ReactNode } from 'react';
import { countOf } from '../../../core/text/plural.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { useAiUsage } from '../../kit/coach/ai-usage.ts';
import { describeError } from '../../lib/api-client.ts';
import { describeTimeUntil, formatDateTime } from '../../lib/format-date.ts';
import { SettingsSection } from './settings-section.tsx';

export function AiUsageSection() {
  const usage = useAiUsage();

  let content: ReactNode;
  if (usage.isError) {
    content = (
      <Alert tone="error" title="We couldn’t load your AI usage">
        <p>{describeError(usage.error)}</p>
        <Button variant="secondary" pending={usage.isFetching} onClick={() => void usage.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  } else if (!usage.data) {
    content = <PageLoader variant="inline" label="Loading your AI usage…" />;
  } else {
    const { used, limit, remaining, resetsAt } = usage.data;
    const percent = limit > 0 ? Math.min(100, Math.round((used / limit) * 100)) : 100;
    content = (
      <div className="space-y-3">
        <p className="flex flex-wrap items-baseline gap-x-2 text-slate-800">
          <span className="text-3xl font-bold text-slate-900 tabular-nums">{remaining}</span>{' '}
          <span>
            of {countOf(limit, 'AI request')} left today ({used} used)
          </span>
        </p>
        <div aria-hidden="true" className="h-2 w-full overflow-hidden rounded-full bg-slate-200">
          <div
            className={remaining === 0 ? 'h-full bg-red-600' : 'h-full bg-brand-600'}
            style={{ width: `${percent}%` }}
          />
        </div>
        <p className="text-sm text-slate-700">
          Your allowance resets {describeTimeUntil(resetsAt, new Date())} ({formatDateTime(resetsAt)}).
        </p>
        {remaining === 0 ? (
          <Alert tone="warning">
            <p>You’ve used today’s AI requests. Everything else keeps working in the meantime.</p>
          </Alert>
        ) : null}
      </div>
    );
  }

  return (
    <SettingsSection
      id="ai-usage"
      title="AI usage"
      description={<p>Each answer from the coach and each AI suggestion counts as one request.</p>}
    >
      {content}
    </SettingsSection>
  );
}
