import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AdminBudget, AdminCall, AdminUsage } from '../../../core/ai/admin-contracts.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Button } from '../../components/button.tsx';
import { InlineSelect } from '../../components/inline-select.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { formatWhen } from '../../lib/format-date.ts';
import { AdminFrame, LoadState, Section, UsageBars } from './admin-parts.tsx';
import { type AdminColumn, AdminTable } from './admin-table.tsx';
import { formatCount, formatUsd } from './money.ts';
import { budgetQuery, callsQuery, usageQuery } from './queries.ts';

const PERIODS = [7, 30, 90] as const;

type UsageRow = { calls: number; providerCalls: number; cacheHits: number; costMicros: number };

/** The figures every usage table shows after its first column. */
const USAGE_COLUMNS: readonly AdminColumn<UsageRow>[] = [
  { header: 'Calls', numeric: true, render: (row) => formatCount(row.calls) },
  { header: 'Provider calls', numeric: true, render: (row) => formatCount(row.providerCalls) },
  { header: 'Cache hits', numeric: true, render: (row) => formatCount(row.cacheHits) },
  { header: 'Cost', numeric: true, render: (row) => formatUsd(row.costMicros) },
];

const NO_CALLS = 'No AI calls in this period.';

function Usage({ usage }: { usage: AdminUsage }) {
  const total = usage.perDay.reduce(
    (sum, row) => ({ calls: sum.calls + row.calls, costMicros: sum.costMicros + row.costMicros }),
    { calls: 0, costMicros: 0 },
  );
  return (
    <div className="space-y-6">
      <p className="text-slate-700">
        <strong className="text-slate-900">{formatCount(total.calls)}</strong> AI calls costing{' '}
        <strong className="text-slate-900">{formatUsd(total.costMicros)}</strong> in the last {usage.days}{' '}
        days.
      </p>
      <div className="space-y-3">
        <h3 className="font-semibold text-slate-900">Per day</h3>
        {usage.perDay.length > 0 ? <UsageBars rows={usage.perDay} /> : null}
        <AdminTable
          caption="AI calls and cost per day (UTC)"
          columns={[{ header: 'Day (UTC)', rowHeader: true, render: (row) => row.day }, ...USAGE_COLUMNS]}
          rows={[...usage.perDay].reverse()}
          rowKey={(row) => row.day}
          empty={NO_CALLS}
        />
      </div>
      <div className="space-y-3">
        <h3 className="font-semibold text-slate-900">Per task</h3>
        <AdminTable
          caption="AI calls and cost per task"
          columns={[{ header: 'Task', rowHeader: true, render: (row) => row.task }, ...USAGE_COLUMNS]}
          rows={usage.perTask}
          rowKey={(row) => row.task}
          empty={NO_CALLS}
        />
      </div>
      <div className="space-y-3">
        <h3 className="font-semibold text-slate-900">Top users</h3>
        <AdminTable
          caption="Users with the highest AI cost"
          columns={[
            {
              header: 'User',
              rowHeader: true,
              className: 'break-all',
              render: (row) => row.email ?? 'Deleted account',
            },
            { header: 'Calls', numeric: true, render: (row) => formatCount(row.calls) },
            { header: 'Cost', numeric: true, render: (row) => formatUsd(row.costMicros) },
          ]}
          rows={usage.topUsers}
          rowKey={(row) => row.userId}
          empty="No signed-in usage in this period."
        />
      </div>
    </div>
  );
}

function Budget({ budget }: { budget: AdminBudget }) {
  const share = budget.monthlyBudgetMicros > 0 ? budget.spentMicros / budget.monthlyBudgetMicros : 0;
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {[
          [
            `Spent in ${budget.month}`,
            `${formatUsd(budget.spentMicros)} (${Math.round(share * 100)}% of cap)`,
          ],
          ['Reserved by calls in flight', formatUsd(budget.reservedMicros)],
          ['Monthly cap, all users', formatUsd(budget.monthlyBudgetMicros)],
          ['Monthly cap per user', formatUsd(budget.userMonthlyBudgetMicros)],
          ['Requests per user per day', formatCount(budget.dailyQuota)],
          ['Alert thresholds', budget.alertThresholdsMicros.map(formatUsd).join(', ') || 'None'],
        ].map(([term, value]) => (
          <div key={term} className="rounded-xl border border-slate-200 px-4 py-3">
            <dt className="text-sm text-slate-600">{term}</dt>
            <dd className="text-lg font-semibold text-slate-900 tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="space-y-3">
        <h3 className="font-semibold text-slate-900">Alert history</h3>
        <AdminTable
          caption="Spending alerts sent to admins"
          columns={[
            { header: 'Month', rowHeader: true, render: (alert) => alert.month },
            { header: 'Threshold', numeric: true, render: (alert) => formatUsd(alert.thresholdMicros) },
            { header: 'Spent then', numeric: true, render: (alert) => formatUsd(alert.spentMicros) },
            { header: 'Admins emailed', numeric: true, render: (alert) => alert.notifiedCount },
            { header: 'When', render: (alert) => formatWhen(alert.createdAt) },
          ]}
          rows={budget.alerts}
          rowKey={(alert) => `${alert.month}-${alert.thresholdMicros}`}
          empty="No spending alert has been sent yet."
        />
      </div>
    </div>
  );
}

const CALL_COLUMNS: readonly AdminColumn<AdminCall>[] = [
  { header: 'When', className: 'whitespace-nowrap', render: (call) => formatWhen(call.createdAt) },
  { header: 'Task', rowHeader: true, render: (call) => call.task },
  { header: 'Prompt version', numeric: true, render: (call) => `v${call.promptVersion}` },
  {
    header: 'Provider',
    render: (call) => (
      <>
        {call.provider === 'offline' ? 'Offline coach' : call.provider}
        <span className="block text-xs text-slate-600">{call.model}</span>
      </>
    ),
  },
  { header: 'User', className: 'break-all', render: (call) => call.userEmail ?? '—' },
  {
    header: 'Tokens in / out',
    numeric: true,
    render: (call) => `${formatCount(call.inputTokens)} / ${formatCount(call.outputTokens)}`,
  },
  { header: 'Cost', numeric: true, render: (call) => formatUsd(call.costMicros) },
  { header: 'Latency', numeric: true, render: (call) => `${formatCount(call.latencyMs)} ms` },
  {
    header: 'Outcome',
    render: (call) => (
      <>
        {call.outcome}
        {call.cacheHit ? <span className="block text-xs text-slate-600">cache hit</span> : null}
      </>
    ),
  },
];

function RecentCalls({ calls }: { calls: AdminCall[] }) {
  return (
    <AdminTable
      caption="Recent AI calls, newest first"
      columns={CALL_COLUMNS}
      rows={calls}
      rowKey={(call) => call.id}
      empty="No AI calls yet."
    />
  );
}

export default function AdminPage() {
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const usage = useQuery(usageQuery(days));
  const budget = useQuery(budgetQuery);
  const calls = useQuery(callsQuery);

  return (
    <AdminFrame documentTitle="Admin: AI usage and spend" heading="Admin console" current="overview">
      <Section
        title="AI usage"
        actions={
          <InlineSelect
            label="Period"
            value={days}
            options={PERIODS.map((period) => ({ value: period, label: `Last ${period} days` }))}
            onChange={setDays}
          />
        }
      >
        {usage.data ? (
          <Usage usage={usage.data} />
        ) : (
          <LoadState
            what="AI usage"
            error={usage.error}
            retry={() => void usage.refetch()}
            retrying={usage.isFetching}
          />
        )}
      </Section>

      <Section title="Spending caps and alerts">
        {budget.data ? (
          <Budget budget={budget.data} />
        ) : (
          <LoadState
            what="the budget"
            error={budget.error}
            retry={() => void budget.refetch()}
            retrying={budget.isFetching}
          />
        )}
      </Section>

      <Section
        title="Recent AI calls"
        actions={
          <Button variant="secondary" pending={calls.isFetching} onClick={() => void calls.refetch()}>
            Refresh
          </Button>
        }
      >
        <p className="text-sm text-slate-700">
          The 50 newest calls with the prompt version each one used. Edit prompts on the{' '}
          <TextLink to={PAGE_PATHS.adminPrompts}>Prompts</TextLink> page.
        </p>
        {calls.data ? (
          <RecentCalls calls={calls.data.calls} />
        ) : (
          <LoadState
            what="recent calls"
            error={calls.error}
            retry={() => void calls.refetch()}
            retrying={calls.isFetching}
          />
        )}
      </Section>
    </AdminFrame>
  );
}
