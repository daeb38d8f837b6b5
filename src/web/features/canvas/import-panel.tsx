import { useQueries, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { countOf } from '../../../core/text/plural.ts';
import type { AvatarData } from '../../../core/workspace/avatar.ts';
import type { CanvasData } from '../../../core/workspace/canvas.ts';
import { type CanvasKey, canvasFieldInfo } from '../../../core/workspace/canvas-fields.ts';
import {
  type AppliedCanvasImport,
  type AuthenticData,
  applyCanvasImport,
  type CanvasImportSources,
  type DistinctiveData,
  type EmpatheticData,
  type InsightData,
  proposeCanvasImport,
} from '../../../core/workspace/canvas-import.ts';
import type { FieldSources } from '../../../core/workspace/items.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Spinner } from '../../components/spinner.tsx';
import { workspaceApi } from '../../kit/workspace/api.ts';
import { workspaceKeys } from '../../kit/workspace/use-workspace-item.ts';
import { describeError } from '../../lib/api-client.ts';

const WORKSHEETS = ['insight', 'distinctive', 'empathetic', 'authentic'] as const;

interface ImportPanelProps {
  brandId: string;
  canvas: CanvasData;
  sources: FieldSources;
  onApply(result: AppliedCanvasImport): void;
  onClose(): void;
}

/**
 * Proposes canvas content from the IDEA worksheets and a chosen avatar. Nothing changes until the
 * user confirms; fields that already hold something are only replaced when they ask for it.
 */
export function ImportPanel({ brandId, canvas, sources, onApply, onClose }: ImportPanelProps) {
  const headingId = useId();
  const avatarSelectId = useId();
  const overwriteId = useId();
  const [avatarId, setAvatarId] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [unticked, setUnticked] = useState<ReadonlySet<CanvasKey>>(new Set());

  const worksheets = useQueries({
    queries: WORKSHEETS.map((kind) => ({
      queryKey: workspaceKeys.singleton(brandId, kind),
      queryFn: () => workspaceApi.getSingletonItem(brandId, kind).then((response) => response.item),
    })),
  });
  const avatars = useQuery({
    queryKey: workspaceKeys.collection(brandId, 'avatar'),
    queryFn: () => workspaceApi.listCollection(brandId, 'avatar').then((response) => response.items),
  });
  const loading = worksheets.some((query) => query.isLoading) || avatars.isLoading;
  const loadError = worksheets.find((query) => query.error)?.error ?? avatars.error;

  const [insight, distinctive, empathetic, authentic] = worksheets.map((query) => query.data?.data ?? null);
  const chosenAvatar = avatars.data?.find((item) => item.id === avatarId) ?? null;
  const proposals = useMemo(() => {
    if (loading) return [];
    const importSources: CanvasImportSources = {
      insight: insight as InsightData | null,
      distinctive: distinctive as DistinctiveData | null,
      empathetic: empathetic as EmpatheticData | null,
      authentic: authentic as AuthenticData | null,
      avatar: (chosenAvatar?.data as AvatarData | undefined) ?? null,
    };
    return proposeCanvasImport(canvas, importSources);
  }, [loading, canvas, insight, distinctive, empathetic, authentic, chosenAvatar]);
  const applicable = proposals.filter(
    (proposal) => !proposal.unchanged && (overwrite || !proposal.replacesExisting),
  );
  const chosen = applicable
    .filter((proposal) => !unticked.has(proposal.field))
    .map((proposal) => proposal.field);

  function toggle(field: CanvasKey, checked: boolean) {
    setUnticked((current) => {
      const next = new Set(current);
      if (checked) next.delete(field);
      else next.add(field);
      return next;
    });
  }

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-xl border border-brand-200 bg-brand-50/50 p-4 sm:p-5"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={headingId} className="text-lg font-semibold text-slate-900">
            Import from your IDEA work
          </h2>
          <p className="text-sm text-slate-700">
            Proposals from your worksheets (positioning draft, core values, brand promise, story) and, if you
            choose one, an avatar. Only empty fields are filled unless you allow replacing.
          </p>
        </div>
        <Button variant="ghost" onClick={onClose}>
          Close<span className="sr-only"> the import</span>
        </Button>
      </div>

      {loadError ? <Alert tone="error">{describeError(loadError)}</Alert> : null}
      {loading ? (
        <p className="flex items-center gap-2 text-sm text-slate-700">
          <Spinner /> Reading your worksheets and avatars…
        </p>
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-4">
            <div className="space-y-1">
              <label htmlFor={avatarSelectId} className="block text-sm font-semibold text-slate-900">
                Avatar for audience hints
              </label>
              <select
                id={avatarSelectId}
                value={avatarId}
                onChange={(event) => setAvatarId(event.target.value)}
                className="min-h-11 rounded-lg border border-slate-500 bg-white px-3 text-sm"
              >
                <option value="">No avatar</option>
                {(avatars.data ?? []).map((item) => (
                  <option key={item.id} value={item.id ?? ''}>
                    {typeof item.data.name === 'string' ? item.data.name : 'Avatar'}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex min-h-11 items-center gap-2">
              <input
                id={overwriteId}
                type="checkbox"
                checked={overwrite}
                onChange={(event) => setOverwrite(event.target.checked)}
                className="size-5"
              />
              <label htmlFor={overwriteId} className="text-sm text-slate-900">
                Also replace fields that already have content (tags are added, never removed)
              </label>
            </div>
          </div>

          {proposals.length === 0 ? (
            <p className="text-sm text-slate-700">
              Nothing to import yet: fill in the Distinctive and Authentic worksheets, or create an avatar and
              choose it here.
            </p>
          ) : (
            <fieldset className="space-y-2">
              <legend className="text-sm font-semibold text-slate-900">Proposed changes</legend>
              <ul className="space-y-2">
                {proposals.map((proposal) => {
                  const label = canvasFieldInfo(proposal.field).label;
                  const blocked = proposal.unchanged || (proposal.replacesExisting && !overwrite);
                  const checkboxId = `${headingId}-${proposal.field}`;
                  return (
                    <li key={proposal.field} className="rounded-lg border border-slate-200 bg-white p-3">
                      <div className="flex items-start gap-3">
                        <input
                          id={checkboxId}
                          type="checkbox"
                          className="mt-1 size-5 shrink-0"
                          disabled={blocked}
                          checked={!blocked && !unticked.has(proposal.field)}
                          onChange={(event) => toggle(proposal.field, event.target.checked)}
                        />
                        <div className="min-w-0 space-y-1">
                          <label htmlFor={checkboxId} className="block font-semibold text-slate-900">
                            {label}
                            <span className="ml-2 text-xs font-normal text-slate-600">
                              from {proposal.origin}
                            </span>
                          </label>
                          <p className="text-sm break-words whitespace-pre-wrap text-slate-800">
                            {Array.isArray(proposal.value) ? proposal.value.join(', ') : proposal.value}
                          </p>
                          {proposal.unchanged ? (
                            <p className="text-xs text-slate-600">Already in your canvas.</p>
                          ) : proposal.replacesExisting && !overwrite ? (
                            <p className="text-xs text-slate-600">
                              This field has content; allow replacing to import it.
                            </p>
                          ) : null}
                        </div>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          )}
          <div className="flex flex-wrap gap-2">
            <Button
              disabled={chosen.length === 0}
              onClick={() =>
                onApply(applyCanvasImport(canvas, sources, proposals, { fields: chosen, overwrite }))
              }
            >
              Import {countOf(chosen.length, 'field')}
            </Button>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
