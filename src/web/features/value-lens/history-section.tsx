import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { COPY_FORMAT_LABELS } from '../../../core/ai/copy-limits.ts';
import type { ValueLensGeneration } from '../../../core/value-lens/contracts.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Spinner } from '../../components/spinner.tsx';
import { describeError } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { valueLensApi } from './api.ts';
import { GenerationBody } from './generation-card.tsx';

export const valueLensKeys = {
  history: (brandId: string) => ['value-lens', 'history', brandId] as const,
};

export function useValueLensHistory(brandId: string | null) {
  return useInfiniteQuery({
    queryKey: valueLensKeys.history(brandId ?? 'none'),
    queryFn: ({ pageParam }) => valueLensApi.listValueLensHistory(brandId as string, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: brandId !== null,
  });
}

function HistoryEntry({ generation, brandId }: { generation: ValueLensGeneration; brandId: string }) {
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => valueLensApi.deleteValueLensGeneration(generation.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: valueLensKeys.history(brandId) }),
  });
  const when = formatDateTime(generation.createdAt);
  const title = `${COPY_FORMAT_LABELS[generation.format]} for ${generation.brief.product}`;
  return (
    <li className="space-y-3 rounded-xl border border-slate-200 bg-slate-50 p-4" data-testid="history-entry">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold text-slate-900">{title}</h3>
          <p className="text-xs text-slate-600">
            <time dateTime={generation.createdAt}>{when}</time> · {generation.brief.tone} tone
          </p>
        </div>
        {confirming ? (
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-sm text-slate-800">Delete this copy?</span>
            <Button
              variant="danger"
              className="min-h-9 px-3 py-1"
              pending={remove.isPending}
              onClick={() => remove.mutate()}
            >
              Delete<span className="sr-only"> {title}</span>
            </Button>
            <Button variant="secondary" className="min-h-9 px-3 py-1" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </div>
        ) : (
          <Button variant="ghost" className="min-h-9 px-3 py-1" onClick={() => setConfirming(true)}>
            Delete<span className="sr-only"> {title}</span>
          </Button>
        )}
      </div>
      {remove.error ? <Alert tone="error">{describeError(remove.error)}</Alert> : null}
      <GenerationBody generation={generation} />
    </li>
  );
}

export function HistorySection({ brandId }: { brandId: string | null }) {
  const history = useValueLensHistory(brandId);
  const generations = history.data?.pages.flatMap((page) => page.generations) ?? [];
  return (
    <section aria-labelledby="value-lens-history" className="space-y-4">
      <h2 id="value-lens-history" className="text-xl font-semibold text-slate-900">
        History
      </h2>
      {history.error ? <Alert tone="error">{describeError(history.error)}</Alert> : null}
      {history.isLoading ? (
        <p className="flex items-center gap-2 text-sm text-slate-700">
          <Spinner /> Loading your earlier copy…
        </p>
      ) : generations.length === 0 && !history.error ? (
        <p className="text-sm text-slate-700">Copy you generate is kept here, newest first.</p>
      ) : (
        <ul className="space-y-4">
          {generations.map((generation) =>
            brandId ? <HistoryEntry key={generation.id} generation={generation} brandId={brandId} /> : null,
          )}
        </ul>
      )}
      {history.hasNextPage ? (
        <Button
          variant="secondary"
          pending={history.isFetchingNextPage}
          pendingLabel="Loading…"
          onClick={() => void history.fetchNextPage()}
        >
          Show older copy
        </Button>
      ) : null}
    </section>
  );
}
