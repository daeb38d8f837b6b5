import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReviewRunSummary } from '../../../core/research-reviews/contracts.ts';
import { formatCount } from '../../../core/research-reviews/limits.ts';
import { countOf } from '../../../core/text/plural.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Spinner } from '../../components/spinner.tsx';
import { describeError } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { reviewResearchApi, reviewResearchKeys } from './api.ts';
import { LABEL_NAMES, LABEL_ORDER } from './labels.ts';

const SOURCE_NAMES: Record<ReviewRunSummary['source'], string> = {
  paste: 'pasted',
  csv: 'from a CSV file',
  avatar: 'from an avatar',
};

interface RunEntryProps {
  run: ReviewRunSummary;
  open: boolean;
  onOpen(): void;
  onDeleted(): void;
}

function RunEntry({ run, open, onOpen, onDeleted }: RunEntryProps) {
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => reviewResearchApi.deleteRun(run.brandId, run.id),
    onSuccess: async () => {
      onDeleted();
      await queryClient.invalidateQueries({ queryKey: reviewResearchKeys.runs(run.brandId) });
    },
  });
  const lean = LABEL_ORDER.filter((label) => run.counts[label] > 0)
    .map((label) => `${formatCount(run.counts[label])} ${LABEL_NAMES[label].toLowerCase()}`)
    .join(', ');
  return (
    <li
      className="space-y-2 rounded-xl border border-slate-200 bg-slate-50 p-4"
      data-testid="saved-review-run"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="font-semibold break-words text-slate-900">{run.name}</h3>
          <p className="text-xs text-slate-600">
            <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time> ·{' '}
            {countOf(run.reviewCount, 'review')} {SOURCE_NAMES[run.source]}
          </p>
          <p className="text-sm text-slate-700">{lean}</p>
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
  brandId: string;
  openRunId: string | null;
  onOpen(runId: string): void;
  onDeleted(runId: string): void;
}

/** The brand's saved runs, newest first, to open again or delete. */
export function SavedRuns({ brandId, openRunId, onOpen, onDeleted }: SavedRunsProps) {
  const runs = useInfiniteQuery({
    queryKey: reviewResearchKeys.runs(brandId),
    queryFn: ({ pageParam }) => reviewResearchApi.listRuns(brandId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const list = runs.data?.pages.flatMap((page) => page.runs) ?? [];
  return (
    <section aria-labelledby="review-saved-runs" className="space-y-4">
      <h2 id="review-saved-runs" className="text-xl font-semibold text-slate-900">
        Saved runs
      </h2>
      {runs.error ? <Alert tone="error">{describeError(runs.error)}</Alert> : null}
      {runs.isLoading ? (
        <p className="flex items-center gap-2 text-sm text-slate-700">
          <Spinner /> Loading your runs…
        </p>
      ) : list.length === 0 && !runs.error ? (
        <p className="text-sm text-slate-700">Every analysis is saved here, newest first.</p>
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
        <Button variant="secondary" pending={runs.isFetchingNextPage} onClick={() => runs.fetchNextPage()}>
          Show older runs
        </Button>
      ) : null}
    </section>
  );
}
