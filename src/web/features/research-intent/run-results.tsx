import { type Ref, useState } from 'react';
import type { BuyerIntent } from '../../../core/ai/contracts.ts';
import type { IntentGroup, IntentRun } from '../../../core/research/intent-contracts.ts';
import { countOf } from '../../../core/text/plural.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { cx } from '../../components/cx.ts';
import { providerLabel } from '../../kit/coach/coach-messages.ts';
import { RateAnswer } from '../../kit/coach/rate-answer.tsx';
import { describeError } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { saveFile } from '../../lib/save-file.ts';
import { researchIntentApi } from './api.ts';

export const INTENT_LABELS: Record<BuyerIntent, string> = {
  informational: 'Informational',
  commercial: 'Commercial',
  transactional: 'Transactional',
  navigational: 'Navigational',
};

const INTENT_ORDER: readonly BuyerIntent[] = ['transactional', 'commercial', 'informational', 'navigational'];

/** Text and border colours with at least 4.5:1 contrast on their light backgrounds. */
const INTENT_STYLES: Record<BuyerIntent, string> = {
  informational: 'border-sky-300 bg-sky-50 text-sky-900',
  commercial: 'border-amber-300 bg-amber-50 text-amber-900',
  transactional: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  navigational: 'border-violet-300 bg-violet-50 text-violet-900',
};

export function IntentBadge({ intent }: { intent: BuyerIntent }) {
  return (
    <span
      className={cx(
        'inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold',
        INTENT_STYLES[intent],
      )}
    >
      {INTENT_LABELS[intent]}
    </span>
  );
}

const number = (value: number) => value.toLocaleString('en-GB');

function GroupCard({
  group,
  volumeLabel,
  index,
}: {
  group: IntentGroup;
  volumeLabel: string | null;
  index: number;
}) {
  const headingId = `intent-group-${index}`;
  const mix = INTENT_ORDER.filter((intent) => group.counts[intent] > 0)
    .map((intent) => `${group.counts[intent]} ${INTENT_LABELS[intent].toLowerCase()}`)
    .join(', ');
  return (
    <li>
      <section
        aria-labelledby={headingId}
        className="space-y-3 rounded-xl border border-slate-200 bg-white p-4"
        data-testid="intent-group"
      >
        <div className="flex flex-wrap items-center gap-2">
          <h4 id={headingId} className="text-lg font-semibold break-words text-slate-900">
            {group.label}
          </h4>
          <IntentBadge intent={group.intent} />
        </div>
        <p className="text-sm text-slate-700">
          {countOf(group.terms.length, 'term')} ({mix})
          {volumeLabel && group.volume !== null ? ` · ${volumeLabel}: ${number(group.volume)}` : ''}
          {group.clicks !== null ? ` · Clicks: ${number(group.clicks)}` : ''}
        </p>
        <div className="rounded-lg bg-slate-50 p-3 text-sm text-slate-900">
          <p className="font-semibold">What fits</p>
          <p>{group.suggestion}</p>
        </div>
        <ul className="divide-y divide-slate-100">
          {group.terms.map((term) => (
            <li key={term.term} className="space-y-1 py-2" data-testid="intent-term">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <span className="font-medium break-words text-slate-900">{term.term}</span>
                <IntentBadge intent={term.intent} />
                {volumeLabel && term.volume !== null ? (
                  <span className="text-xs text-slate-600">
                    {volumeLabel}: {number(term.volume)}
                  </span>
                ) : null}
                {term.clicks !== null ? (
                  <span className="text-xs text-slate-600">Clicks: {number(term.clicks)}</span>
                ) : null}
              </div>
              <p className="text-sm break-words text-slate-700">{term.reason}</p>
            </li>
          ))}
        </ul>
      </section>
    </li>
  );
}

/** One run: the class counts, notes, strategy, and the terms grouped by theme with what fits each group. */
export function RunResults({ run, headingRef }: { run: IntentRun; headingRef?: Ref<HTMLHeadingElement> }) {
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);

  async function exportCsv() {
    setExporting(true);
    setExportError(null);
    try {
      const file = await researchIntentApi.downloadRunCsv(run.brandId, run.id);
      saveFile(file.blob, file.filename ?? 'buyer-intent.csv');
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  }

  return (
    <section aria-labelledby="intent-results" className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h2
            id="intent-results"
            ref={headingRef}
            tabIndex={-1}
            className="text-xl font-semibold break-words text-slate-900"
          >
            Results: {run.name}
          </h2>
          <p className="text-sm text-slate-600">
            {countOf(run.termCount, 'term')} ·{' '}
            <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time> · {providerLabel(run.meta)}
          </p>
        </div>
        <Button
          variant="secondary"
          pending={exporting}
          pendingLabel="Exporting…"
          onClick={() => void exportCsv()}
        >
          Export CSV
        </Button>
      </div>
      {exportError ? <Alert tone="error">{describeError(exportError)}</Alert> : null}
      {run.meta.notice ? <Alert tone="warning">{run.meta.notice.message}</Alert> : null}
      {run.meta.callId ? (
        <RateAnswer
          key={run.meta.callId}
          target={{ subject: 'task-result', callId: run.meta.callId }}
          label="this classification"
        />
      ) : null}
      {run.notes.length > 0 ? (
        <Alert tone="info">
          {run.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </Alert>
      ) : null}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {INTENT_ORDER.map((intent) => (
          <div key={intent} className={cx('rounded-xl border p-3', INTENT_STYLES[intent])}>
            <dt className="text-xs font-semibold">{INTENT_LABELS[intent]}</dt>
            <dd className="text-2xl font-bold">{run.counts[intent]}</dd>
          </div>
        ))}
      </dl>
      {run.strategy.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-lg font-semibold text-slate-900">Strategy for the mix</h3>
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
            {run.strategy.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="space-y-3">
        <h3 className="text-lg font-semibold text-slate-900">
          By theme ({countOf(run.groups.length, 'group')}
          {run.volumeLabel ? `, biggest ${run.volumeLabel.toLowerCase()} first` : ', most terms first'})
        </h3>
        <ul className="space-y-4">
          {run.groups.map((group, index) => (
            <GroupCard key={group.key} group={group} volumeLabel={run.volumeLabel} index={index} />
          ))}
        </ul>
      </div>
    </section>
  );
}
