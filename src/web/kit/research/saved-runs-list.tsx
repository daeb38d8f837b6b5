/**
 * A research tool's saved runs, newest first, to open again or delete — the one list the review
 * analyser and buyer-intent research share. Each tool supplies its own API calls and the lines that
 * summarise one of its runs.
 */
import { type QueryKey, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Spinner } from '../../components/spinner.tsx';
import { describeError } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/format-date.ts';

export interface SavedRun {
  id: string;
  brandId: string;
  name: string;
  createdAt: string;
}

export interface SavedRunsPage<Run> {
  runs: Run[];
  nextCursor: string | null;
}

export interface SavedRunsSource<Run extends SavedRun> {
  /** The query key of the brand's run list; invalidated after a delete. */
  listKey(brandId: string): QueryKey;
  list(brandId: string, cursor: string | null): Promise<SavedRunsPage<Run>>;
  remove(run: Run): Promise<unknown>;
}

interface RunEntryProps<Run extends SavedRun> {
  run: Run;
  source: SavedRunsSource<Run>;
  details: ReactNode;
  summary: string;
  testId: string;
  open: boolean;
  onOpen(): void;
  onDeleted(): void;
}

function RunEntry<Run extends SavedRun>({
  run,
  source,
  details,
  summary,
  testId,
  open,
  onOpen,
  onDeleted,
}: RunEntryProps<Run>) {
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => source.remove(run),
    onSuccess: async () => {
      onDeleted();
      await queryClient.invalidateQueries({ queryKey: source.listKey(run.brandId) });
    },
  });
  return (
    <li className="space-y-2 rounded-xl border border-slate-200 bg-slate-50 p-4" data-testid={testId}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="font-semibold break-words text-slate-900">{run.name}</h3>
          <p className="text-xs text-slate-600">
            <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time> · {details}
          </p>
          <p className="text-sm text-slate-700">{summary}</p>
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

export interface SavedRunsListProps<Run extends SavedRun> {
  /** Null while no brand is chosen: nothing is fetched. */
  brandId: string | null;
  source: SavedRunsSource<Run>;
  /** The id of the list's heading, unique on the page. */
  headingId: string;
  /** What an empty list says. */
  emptyText: string;
  /** The `data-testid` of each entry. */
  entryTestId: string;
  /** What follows a run's date: its size and source. */
  details(run: Run): ReactNode;
  /** A run's leaning, e.g. the count of each label found. */
  summary(run: Run): string;
  openRunId: string | null;
  onOpen(runId: string): void;
  onDeleted(runId: string): void;
}

export function SavedRunsList<Run extends SavedRun>({
  brandId,
  source,
  headingId,
  emptyText,
  entryTestId,
  details,
  summary,
  openRunId,
  onOpen,
  onDeleted,
}: SavedRunsListProps<Run>) {
  const runs = useInfiniteQuery({
    queryKey: source.listKey(brandId ?? 'none'),
    queryFn: ({ pageParam }) => source.list(brandId as string, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: brandId !== null,
  });
  const list = runs.data?.pages.flatMap((page) => page.runs) ?? [];
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        Saved runs
      </h2>
      {runs.error ? <Alert tone="error">{describeError(runs.error)}</Alert> : null}
      {runs.isLoading ? (
        <p className="flex items-center gap-2 text-sm text-slate-700">
          <Spinner /> Loading your runs…
        </p>
      ) : list.length === 0 && !runs.error ? (
        <p className="text-sm text-slate-700">{emptyText}</p>
      ) : (
        <ul className="space-y-3">
          {list.map((run) => (
            <RunEntry
              key={run.id}
              run={run}
              source={source}
              details={details(run)}
              summary={summary(run)}
              testId={entryTestId}
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
