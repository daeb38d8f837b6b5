import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { AdminBudget, AdminCall, AdminUsage } from '../../../core/ai/admin-contracts.ts';
import { Button } from '../../components/button.tsx';
import { NoIndex } from '../../components/no-index.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { formatWhen } from '../coach/format.ts';
import {
  AdminNav,
  cell,
  headCell,
  LoadState,
  numCell,
  numHeadCell,
  Section,
  Table,
  UsageBars,
} from './admin-parts.tsx';
import { formatCount, formatUsd } from './money.ts';
import { budgetQuery, callsQuery, usageQuery } from './queries.ts';

const PERIODS = [7, 30, 90] as const;

function UsageRowCells({
  row,
}: {
  row: { calls: number; providerCalls: number; cacheHits: number; costMicros: number };
}) {
  return (
    <>
      <td className={numCell}>{formatCount(row.calls)}</td>
      <td className={numCell}>{formatCount(row.providerCalls)}</td>
      <td className={numCell}>{formatCount(row.cacheHits)}</td>
      <td className={numCell}>{formatUsd(row.costMicros)}</td>
    </>
  );
}

function UsageHead({ first }: { first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col" className={headCell}>
          {first}
        </th>
        <th scope="col" className={numHeadCell}>
          Calls
        </th>
        <th scope="col" className={numHeadCell}>
          Provider calls
        </th>
        <th scope="col" className={numHeadCell}>
          Cache hits
        </th>
        <th scope="col" className={numHeadCell}>
          Cost
        </th>
      </tr>
    </thead>
  );
}

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
        {usage.perDay.length === 0 ? (
          <p className="text-slate-600">No AI calls in this period.</p>
        ) : (
          <>
            <UsageBars rows={usage.perDay} />
            <Table caption="AI calls and cost per day (UTC)">
              <UsageHead first="Day (UTC)" />
              <tbody>
                {[...usage.perDay].reverse().map((row) => (
                  <tr key={row.day}>
                    <th scope="row" className={cell}>
                      {row.day}
                    </th>
                    <UsageRowCells row={row} />
                  </tr>
                ))}
              </tbody>
            </Table>
          </>
        )}
      </div>
      <div className="space-y-3">
        <h3 className="font-semibold text-slate-900">Per task</h3>
        {usage.perTask.length === 0 ? (
          <p className="text-slate-600">No AI calls in this period.</p>
        ) : (
          <Table caption="AI calls and cost per task">
            <UsageHead first="Task" />
            <tbody>
              {usage.perTask.map((row) => (
                <tr key={row.task}>
                  <th scope="row" className={cell}>
                    {row.task}
                  </th>
                  <UsageRowCells row={row} />
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
      <div className="space-y-3">
        <h3 className="font-semibold text-slate-900">Top users</h3>
        {usage.topUsers.length === 0 ? (
          <p className="text-slate-600">No signed-in usage in this period.</p>
        ) : (
          <Table caption="Users with the highest AI cost">
            <thead>
              <tr>
                <th scope="col" className={headCell}>
                  User
                </th>
                <th scope="col" className={numHeadCell}>
                  Calls
                </th>
                <th scope="col" className={numHeadCell}>
                  Cost
                </th>
              </tr>
            </thead>
            <tbody>
              {usage.topUsers.map((row) => (
                <tr key={row.userId}>
                  <th scope="row" className={`${cell} break-all`}>
                    {row.email ?? 'Deleted account'}
                  </th>
                  <td className={numCell}>{formatCount(row.calls)}</td>
                  <td className={numCell}>{formatUsd(row.costMicros)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
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
        {budget.alerts.length === 0 ? (
          <p className="text-slate-600">No spending alert has been sent yet.</p>
        ) : (
          <Table caption="Spending alerts sent to admins">
            <thead>
              <tr>
                <th scope="col" className={headCell}>
                  Month
                </th>
                <th scope="col" className={numHeadCell}>
                  Threshold
                </th>
                <th scope="col" className={numHeadCell}>
                  Spent then
                </th>
                <th scope="col" className={numHeadCell}>
                  Admins emailed
                </th>
                <th scope="col" className={headCell}>
                  When
                </th>
              </tr>
            </thead>
            <tbody>
              {budget.alerts.map((alert) => (
                <tr key={`${alert.month}-${alert.thresholdMicros}`}>
                  <th scope="row" className={cell}>
                    {alert.month}
                  </th>
                  <td className={numCell}>{formatUsd(alert.thresholdMicros)}</td>
                  <td className={numCell}>{formatUsd(alert.spentMicros)}</td>
                  <td className={numCell}>{alert.notifiedCount}</td>
                  <td className={cell}>{formatWhen(alert.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </div>
  );
}

function RecentCalls({ calls }: { calls: AdminCall[] }) {
  if (calls.length === 0) return <p className="text-slate-600">No AI calls yet.</p>;
  return (
    <Table caption="Recent AI calls, newest first">
      <thead>
        <tr>
          <th scope="col" className={headCell}>
            When
          </th>
          <th scope="col" className={headCell}>
            Task
          </th>
          <th scope="col" className={numHeadCell}>
            Prompt version
          </th>
          <th scope="col" className={headCell}>
            Provider
          </th>
          <th scope="col" className={headCell}>
            User
          </th>
          <th scope="col" className={numHeadCell}>
            Tokens in / out
          </th>
          <th scope="col" className={numHeadCell}>
            Cost
          </th>
          <th scope="col" className={numHeadCell}>
            Latency
          </th>
          <th scope="col" className={headCell}>
            Outcome
          </th>
        </tr>
      </thead>
      <tbody>
        {calls.map((call) => (
          <tr key={call.id}>
            <td className={`${cell} whitespace-nowrap`}>{formatWhen(call.createdAt)}</td>
            <th scope="row" className={cell}>
              {call.task}
            </th>
            <td className={numCell}>v{call.promptVersion}</td>
            <td className={cell}>
              {call.provider === 'offline' ? 'Offline coach' : call.provider}
              <span className="block text-xs text-slate-600">{call.model}</span>
            </td>
            <td className={`${cell} break-all`}>{call.userEmail ?? '—'}</td>
            <td className={numCell}>
              {formatCount(call.inputTokens)} / {formatCount(call.outputTokens)}
            </td>
            <td className={numCell}>{formatUsd(call.costMicros)}</td>
            <td className={numCell}>{formatCount(call.latencyMs)} ms</td>
            <td className={cell}>
              {call.outcome}
              {call.cacheHit ? <span className="block text-xs text-slate-600">cache hit</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export default function AdminPage() {
  useDocumentTitle('Admin: AI usage and spend');
  const periodId = useId();
  const [days, setDays] = useState<number>(30);
  const usage = useQuery(usageQuery(days));
  const budget = useQuery(budgetQuery);
  const calls = useQuery(callsQuery);

  return (
    <div className="mx-auto w-full max-w-6xl space-y-8 px-4 py-8 sm:px-6 sm:py-10">
      <NoIndex />
      <div className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Admin console</h1>
        <AdminNav current="overview" />
      </div>

      <Section
        title="AI usage"
        actions={
          <div className="flex items-center gap-2">
            <label htmlFor={periodId} className="text-sm font-semibold text-slate-900">
              Period
            </label>
            <select
              id={periodId}
              value={days}
              onChange={(event) => setDays(Number(event.target.value))}
              className="min-h-11 rounded-lg border border-slate-500 bg-white px-3 text-base"
            >
              {PERIODS.map((period) => (
                <option key={period} value={period}>
                  Last {period} days
                </option>
              ))}
            </select>
          </div>
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
          <TextLink to="/app/admin/prompts">Prompts</TextLink> page.
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
    </div>
  );
}
