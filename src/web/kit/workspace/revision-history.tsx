import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Spinner } from '../../components/spinner.tsx';
import { describeError } from '../../lib/api-client.ts';
import { formatPreciseDateTime } from '../../lib/format-date.ts';
import { workspaceApi } from './api.ts';
import { type ItemController, workspaceKeys } from './use-workspace-item.ts';
import { humanise, valueText } from './value-text.ts';
import { type Segment, versionDiff } from './version-diff.ts';

const ORIGIN_LABELS = {
  create: 'Created',
  edit: 'Edited',
  restore: 'Restored an earlier version',
  import: 'Imported',
  duplicate: 'Duplicated',
  coach: 'Accepted from the coach',
} as const;

/**
 * Removed and added words, marked in text (for screen readers and without colour: struck through,
 * underlined and said aloud as "removed"/"added"), not by colour alone.
 */
function Changed({ segment }: { segment: Segment }) {
  if (segment.kind === 'same') return <span>{segment.text}</span>;
  return segment.kind === 'removed' ? (
    <del className="bg-red-50 text-red-900 decoration-2">
      <span className="sr-only">[removed: </span>
      {segment.text}
      <span className="sr-only">]</span>
    </del>
  ) : (
    <ins className="bg-emerald-50 text-emerald-900 underline decoration-2">
      <span className="sr-only">[added: </span>
      {segment.text}
      <span className="sr-only">]</span>
    </ins>
  );
}

/** How the current version differs from an earlier one, field by field. */
function VersionChanges({
  version,
  earlier,
  current,
}: {
  version: number;
  earlier: Record<string, unknown>;
  current: Record<string, unknown>;
}) {
  const diff = versionDiff(earlier, current);
  const changed = diff.filter((field) => field.kind !== 'unchanged');
  const unchanged = diff.filter((field) => field.kind === 'unchanged');
  return (
    <div className="space-y-2 text-sm" data-testid="version-changes">
      <h4 className="font-semibold text-slate-900">Changes since version {version}</h4>
      {changed.length === 0 ? (
        <p className="text-slate-700">The current version has the same content.</p>
      ) : (
        <>
          <p className="text-slate-700">
            <del className="bg-red-50 text-red-900">Struck-through</del> text was in version {version} and is
            gone now; <ins className="bg-emerald-50 text-emerald-900 underline">underlined</ins> text has been
            added since.
          </p>
          <dl className="space-y-2">
            {changed.map((field) => (
              <div key={field.key}>
                <dt className="font-medium text-slate-900">{field.label}</dt>
                <dd className="break-words whitespace-pre-wrap text-slate-800">
                  {field.kind === 'text' ? (
                    field.segments.map((segment, index) => (
                      // Segments have no identity beyond their position in the diff.
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above
                      <Changed key={index} segment={segment} />
                    ))
                  ) : field.kind === 'tags' ? (
                    <span className="flex flex-wrap gap-1.5">
                      {field.removed.map((tag) => (
                        <Changed key={`-${tag}`} segment={{ kind: 'removed', text: tag }} />
                      ))}
                      {field.added.map((tag) => (
                        <Changed key={`+${tag}`} segment={{ kind: 'added', text: tag }} />
                      ))}
                      {field.kept.length > 0 ? <span>(kept: {field.kept.join(', ')})</span> : null}
                    </span>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {unchanged.length > 0 ? (
        <p className="text-slate-600">Unchanged: {unchanged.map((field) => field.label).join(', ')}.</p>
      ) : null}
    </div>
  );
}

/** The last 50 saved versions of an item: look at any of them and restore it (itself a new version). */
export function RevisionHistory<T>({ controller }: { controller: ItemController<T> }) {
  const [open, setOpen] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const panelId = useId();
  const itemId = controller.item?.id ?? null;
  const queryClient = useQueryClient();

  const revisions = useQuery({
    queryKey: workspaceKeys.revisions(itemId ?? 'none'),
    queryFn: () => workspaceApi.listRevisions(itemId as string),
    enabled: open && itemId !== null,
  });
  const revision = useQuery({
    queryKey: [...workspaceKeys.revisions(itemId ?? 'none'), viewing],
    queryFn: () => workspaceApi.getRevision(itemId as string, viewing as number),
    enabled: itemId !== null && viewing !== null,
  });
  const restore = useMutation({
    mutationFn: async (version: number) => {
      await controller.flush();
      return workspaceApi.restoreRevision(itemId as string, version, controller.item?.version ?? 0);
    },
    onSuccess: ({ item }) => {
      controller.adopt(item);
      setViewing(null);
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.revisions(item.id ?? 'none') });
    },
  });

  if (itemId === null) return null;

  return (
    <section className="rounded-xl border border-slate-200 bg-white">
      <h2 className="text-base font-semibold">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((value) => !value)}
          className="flex min-h-11 w-full items-center justify-between px-4 py-2 text-left"
        >
          Revision history
          <span aria-hidden="true">{open ? '−' : '+'}</span>
        </button>
      </h2>
      <div id={panelId} hidden={!open} className="space-y-3 border-t border-slate-200 p-4">
        {revisions.isLoading ? <Spinner className="size-5" /> : null}
        {revisions.error ? <Alert tone="error">{describeError(revisions.error)}</Alert> : null}
        {restore.error ? <Alert tone="error">{describeError(restore.error)}</Alert> : null}
        {revisions.data ? (
          <ol className="max-h-72 space-y-1 overflow-auto text-sm">
            {revisions.data.revisions.map((entry) => (
              <li key={entry.version} className="flex flex-wrap items-center justify-between gap-2 py-1">
                <span>
                  <span className="font-medium">Version {entry.version}</span> ·{' '}
                  {formatPreciseDateTime(entry.createdAt)} · {ORIGIN_LABELS[entry.origin]}
                  {entry.version === controller.item?.version ? ' (current)' : ''}
                </span>
                <Button variant="ghost" onClick={() => setViewing(entry.version)}>
                  View<span className="sr-only"> version {entry.version}</span>
                </Button>
              </li>
            ))}
          </ol>
        ) : null}
        {viewing !== null ? (
          <div className="space-y-3 rounded-lg bg-slate-50 p-3">
            <h3 className="font-semibold">Version {viewing}</h3>
            {revision.isLoading ? <Spinner className="size-5" /> : null}
            {revision.data ? (
              <>
                {viewing === controller.item?.version ? (
                  <p className="text-sm text-slate-700">This is the current version.</p>
                ) : (
                  <VersionChanges
                    version={viewing}
                    earlier={revision.data.revision.data}
                    // The page's copy: in its fields' order, with any edit not yet saved.
                    current={
                      (controller.data as Record<string, unknown> | null) ?? controller.item?.data ?? {}
                    }
                  />
                )}
                <details className="text-sm">
                  <summary className="cursor-pointer font-medium">Version {viewing} in full</summary>
                  <dl className="mt-2 space-y-1">
                    {Object.entries(revision.data.revision.data).map(([key, value]) => (
                      <div key={key}>
                        <dt className="inline font-medium">{humanise(key)}: </dt>
                        <dd className="inline break-words whitespace-pre-wrap">{valueText(value)}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
              </>
            ) : null}
            <div className="flex flex-wrap gap-2">
              <Button
                pending={restore.isPending}
                pendingLabel="Restoring…"
                disabled={viewing === controller.item?.version}
                onClick={() => restore.mutate(viewing)}
              >
                Restore this version
              </Button>
              <Button variant="secondary" onClick={() => setViewing(null)}>
                Close
              </Button>
            </div>
          </div>
        ) : null}
      </div>
    </section>
  );
}
