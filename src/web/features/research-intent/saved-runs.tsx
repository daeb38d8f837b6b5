import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { IntentRunSummary } from '../../../core/research/intent-contracts.ts';
import { countOf } from '../../../core/text/plural.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Spinner } from '../../components/spinner.tsx';
import { describeError } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { researchIntentApi, researchIntentKeys } from './api.ts';

export function useSavedRuns(brandId: string | null) {
  return useInfiniteQuery({
    queryKey: researchIntentKeys.runs(brandId ?? 'none'),
    queryFn: ({ pageParam }) => researchIntentApi.listRuns(brandId as string, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: brandId !== null,
  });
}

interface RunEntryProps {
  run: IntentRunSummary;
  open: boolean;
  onOpen(): void;
  onDeleted(): void;
}

function RunEntry({ run, open, onOpen, onDeleted }: RunEntryProps) {
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => researchIntentApi.deleteRun(run.brandId, run.id),
    onSuccess: async () => {
      onDeleted();
      await queryClient.invalidateQueries({ queryKey: researchIntentKeys.runs(run.brandId) });
    },
  });
  const top = (['transactional', 'commercial', 'informational', 'navigational'] as const)
    .filter((intent) => run.counts[intent] > 0)
    .map((intent) => `${run.counts[intent]} ${intent}`)
    .join(', ');
  return (
    <li className="space-y-2 rounded-xl border border-slate-200 bg-slate-50 p-4" data-testid="saved-run">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="font-semibold break-words text-slate-900">{run.name}</h3>
          <p className="text-xs text-slate-600">
            <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time> ·{' '}
            {countOf(run.termCount, 'term')}
            {run.source === 'csv' ? ' from a CSV file' : ''}
          </p>
          <p className="text-sm text-slate-700">{top}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button
            variant={open ? 'secondary' : 'ghost'}
            className="min-h-9 px-3 py-1"
            aria-pressed={open}
            onClick={onOpen}
          >
            Open<span className="sr-only"> {run.name}</span>
          </Button>
          {confirming ? (
            <>
              <span className="text-sm text-slate-800">Delete this run?</span>
              <Button
                variant="danger"
                className="min-h-9 px-3 py-1"
                pending={remove.isPending}
                onClick={() => remove.mutate()}
              >
                Delete<span className="sr-only"> {run.name}</span>
              </Button>
              <Button variant="secondary" className="min-h-9 px-3 py-1" onClick={() => setConfirming(false)}>
                Keep
              </Button>
            </>
          ) : (
            <Button variant="ghost" className="min-h-9 px-3 py-1" onClick={() => setConfirming(true)}>
              Delete<span className="sr-only"> {run.name}</span>
            </Button>
          )}
        </div>
      </div>
      {remove.error ? <Alert tone="error">{describeError(remove.error)}</Alert> : null}
    </li>
  );
}

interface SavedRunsProps {
  brandId: string | null;
  openRunId: string | null;
  onOpen(runId: string): void;
  onDeleted(runId: string): void;
}

/** The brand's saved runs, newest first, to open again or delete. */
export function SavedRuns({ brandId, openRunId, onOpen, onDeleted }: SavedRunsProps) {
  const runs = useSavedRuns(brandId);
  const list = runs.data?.pages.flatMap((page) => page.runs) ?? [];
  return (
    <section aria-labelledby="intent-saved-runs" className="space-y-4">
      <h2 id="intent-saved-runs" className="text-xl font-semibold text-slate-900">
        Saved runs
      </h2>
      {runs.error ? <Alert tone="error">{describeError(runs.error)}</Alert> : null}
      {runs.isLoading ? (
        <p className="flex items-center gap-2 text-sm text-slate-700">
          <Spinner /> Loading your runs…
        </p>
      ) : list.length === 0 && !runs.error ? (
        <p className="text-sm text-slate-700">Every run is saved here, newest first.</p>
      ) : (
        <ul className="space-y-3">
          {list.map((run) => (
            <RunEntry
              key={run.id}
              run={run}
              open={run.id === openRunId}
              onOpen={() => onOpen(run.id)}
              onDeleted={() => onDeleted(run.id)}
            />
          ))}
        </ul>
      )}
      {runs.hasNextPage ? (
        <Button
          variant="secondary"
          pending={runs.isFetchingNextPage}
          pendingLabel="Loading…"
          onClick={() => void runs.fetchNextPage()}
        >
          Show older runs
        </Button>
      ) : null}
    </section>
  );
}
