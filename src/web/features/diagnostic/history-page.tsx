import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import type { DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import { diagnosticResultPath, PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { cx } from '../../components/cx.ts';
import { ScrollTable } from '../../components/scroll-table.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { AskCoachButton } from '../../kit/coach/ask-coach-button.tsx';
import { progressStarter } from '../../kit/coach/starters.ts';
import { BandBadge } from '../../kit/diagnostic/band-badge.tsx';
import { historyQuery } from '../../kit/diagnostic/history.ts';
import { scoresOfResult } from '../../kit/diagnostic/result-display.ts';
import { cellClasses, headerCellClasses } from '../../kit/diagnostic/score-tables.tsx';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { BrandSwitcher } from '../../kit/workspace/brand-switcher.tsx';
import { describeError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { compareResults, defaultPair, formatChange } from './compare.ts';

const selectClasses =
  'block min-h-11 w-full rounded-lg border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 shadow-sm';

function optionLabel(result: DiagnosticResult): string {
  // Score first: on a phone the end of a long option is cut off.
  return `${result.scores.overall} overall · ${formatDateTime(result.createdAt)}`;
}

function changeClasses(change: number): string {
  if (change > 0) return 'text-emerald-800';
  if (change < 0) return 'text-red-800';
  return 'text-slate-700';
}

function Comparison({ results }: { results: readonly DiagnosticResult[] }) {
  const firstId = useId();
  const secondId = useId();
  const initial = defaultPair(results);
  const [pair, setPair] = useState<[string, string] | null>(initial);
  if (!pair) {
    return (
      <p className="text-slate-700">
        Take the diagnostic again to compare two results side by side and see what changed.{' '}
        <TextLink to={PAGE_PATHS.diagnostic}>Retake the diagnostic</TextLink>
      </p>
    );
  }
  const [firstChoice, secondChoice] = pair;
  const first = results.find((result) => result.id === firstChoice);
  const second = results.find((result) => result.id === secondChoice);

  return (
    <div className="space-y-5">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor={firstId} className="block text-sm font-semibold text-slate-900">
            First result
          </label>
          <select
            id={firstId}
            value={firstChoice}
            onChange={(event) => setPair([event.target.value, secondChoice])}
            className={selectClasses}
          >
            {results.map((result) => (
              <option key={result.id} value={result.id}>
                {optionLabel(result)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor={secondId} className="block text-sm font-semibold text-slate-900">
            Second result
          </label>
          <select
            id={secondId}
            value={secondChoice}
            onChange={(event) => setPair([firstChoice, event.target.value])}
            className={selectClasses}
          >
            {results.map((result) => (
              <option key={result.id} value={result.id}>
                {optionLabel(result)}
              </option>
            ))}
          </select>
        </div>
      </div>

      {/* Announces the new comparison when either choice changes. */}
      <div aria-live="polite">
        {!first || !second ? null : first.id === second.id ? (
          <p className="text-slate-700">Choose two different results to see what changed.</p>
        ) : (
          <ScrollTable
            caption={`${formatDateTime(first.createdAt)} compared with ${formatDateTime(second.createdAt)}`}
          >
            <thead>
              <tr>
                <th scope="col" className={headerCellClasses}>
                  Dimension
                </th>
                <th scope="col" className={cx(headerCellClasses, 'text-right')}>
                  First
                </th>
                <th scope="col" className={cx(headerCellClasses, 'text-right')}>
                  Second
                </th>
                <th scope="col" className={cx(headerCellClasses, 'text-right')}>
                  Change
                </th>
              </tr>
            </thead>
            <tbody>
              {compareResults(first, second).map((row) => (
                <tr key={row.key}>
                  <th
                    scope="row"
                    className={cx(cellClasses, row.key === 'overall' ? 'font-semibold' : 'font-medium')}
                  >
                    {row.label}
                  </th>
                  <td className={cx(cellClasses, 'text-right tabular-nums')}>{row.first}</td>
                  <td className={cx(cellClasses, 'text-right tabular-nums')}>{row.second}</td>
                  <td
                    className={cx(
                      cellClasses,
                      'text-right font-semibold tabular-nums',
                      changeClasses(row.change),
                    )}
                  >
                    {formatChange(row.change)}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </div>
    </div>
  );
}

function HistoryList({ results }: { results: readonly DiagnosticResult[] }) {
  return (
    <ul
      aria-label="Every result, newest first"
      className="divide-y divide-slate-200 rounded-xl border border-slate-200"
    >
      {results.map((result) => {
        const scores = scoresOfResult(result);
        const takenAt = formatDateTime(result.createdAt);
        return (
          <li
            key={result.id}
            className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3"
          >
            <div className="space-y-1">
              <p className="font-medium text-slate-900">{takenAt}</p>
              <p className="flex flex-wrap items-center gap-2 text-slate-700">
                Overall <span className="font-semibold text-slate-900 tabular-nums">{scores.overall}</span>
                <BandBadge band={scores.overallBand} />
              </p>
            </div>
            <TextLink to={diagnosticResultPath(result.id)}>
              View results<span className="sr-only"> from {takenAt}</span>
            </TextLink>
          </li>
        );
      })}
    </ul>
  );
}

export default function HistoryPage() {
  useDocumentTitle('Diagnostic history');
  const { brand, error: brandError } = useCurrentBrand();
  const history = useQuery({ ...historyQuery(brand?.id ?? 'none'), enabled: Boolean(brand) });

  let content: ReactNode;
  if (history.isError || brandError) {
    content = (
      <Alert tone="error" title="We couldn’t load your results">
        <p>{describeError(history.error ?? brandError)}</p>
        <Button variant="secondary" pending={history.isFetching} onClick={() => void history.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  } else if (!history.data || !brand) {
    content = <PageLoader variant="inline" label="Loading your results…" />;
  } else if (history.data.results.length === 0) {
    content = (
      <Card className="space-y-4">
        <h2 className="text-xl font-semibold text-slate-900">No results yet</h2>
        <p className="text-slate-700">
          The diagnostic takes about 3 minutes. Every time you take it for {brand.name}, your result is added
          here so you can see how the brand is developing.
        </p>
        <ButtonLink to={PAGE_PATHS.diagnostic}>Take the free diagnostic</ButtonLink>
      </Card>
    );
  } else {
    const { results } = history.data;
    content = (
      <>
        <Card className="space-y-4 max-sm:px-4">
          <h2 className="text-xl font-semibold text-slate-900">
            Every result{' '}
            <span className="text-base font-normal text-slate-600">({results.length}, newest first)</span>
          </h2>
          <HistoryList results={results} />
        </Card>
        <Card className="space-y-4 max-sm:px-4">
          <div className="space-y-1">
            <h2 className="text-xl font-semibold text-slate-900">Compare two results</h2>
            <p className="text-slate-700">Pick any two to see them side by side, dimension by dimension.</p>
          </div>
          <Comparison key={brand.id} results={results} />
        </Card>
      </>
    );
  }

  return (
    <div className="mx-auto w-full max-w-4xl space-y-8 px-4 py-10 sm:px-6 sm:py-14">
      <div className="space-y-3">
        <p className="text-sm">
          <TextLink to={PAGE_PATHS.dashboard}>Back to your dashboard</TextLink>
        </p>
        <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
          <div className="space-y-2">
            <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
              Your diagnostic history
            </h1>
            {brand ? <p className="text-slate-700">Results for {brand.name}.</p> : null}
            <BrandSwitcher />
          </div>
          <div className="flex flex-col gap-3 sm:flex-row">
            {history.data && history.data.results.length > 0 ? (
              <AskCoachButton
                {...progressStarter(history.data.results)}
                label="Ask the coach about my progress"
              />
            ) : null}
            <ButtonLink to={PAGE_PATHS.diagnostic} variant="secondary">
              Retake the diagnostic
            </ButtonLink>
          </div>
        </div>
      </div>
      {content}
    </div>
  );
}
