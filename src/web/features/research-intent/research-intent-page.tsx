/**
 * Buyer-intent research: search terms (pasted, or a search-term report uploaded as CSV) classified
 * by intent with the reason for each, grouped by theme with the content or copy that fits each
 * group, saved per brand and exported as CSV. The brand's own and competitor names make the terms
 * naming them navigational.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { IntentRun, PastedTermsRun } from '../../../core/research/intent-contracts.ts';
import { Alert } from '../../components/alert.tsx';
import { Spinner } from '../../components/spinner.tsx';
import { aiUsageQuery } from '../../kit/coach/ai-usage.ts';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { WorkspacePage } from '../../kit/workspace/workspace-page.tsx';
import { describeError } from '../../lib/api-client.ts';
import { researchIntentApi, researchIntentKeys } from './api.ts';
import { BrandNamesEditor } from './brand-names-editor.tsx';
import { RunForm } from './run-form.tsx';
import { RunResults } from './run-results.tsx';
import { SavedRuns } from './saved-runs.tsx';

type RunRequest = { source: 'paste'; body: PastedTermsRun } | { source: 'upload'; file: File };

export default function ResearchIntentPage() {
  const { brand, isLoading: brandLoading, error: brandError } = useCurrentBrand();
  const brandId = brand?.id ?? null;
  const queryClient = useQueryClient();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // The run shown, remembered with its brand: switching brands shows none of the other brand's.
  const [opened, setOpened] = useState<{ brandId: string; runId: string } | null>(null);
  const openRunId = opened && opened.brandId === brandId ? opened.runId : null;
  const setOpenRunId = (runId: string | null) => setOpened(runId && brandId ? { brandId, runId } : null);
  const [focusResult, setFocusResult] = useState(false);

  const openRun = useQuery({
    queryKey: researchIntentKeys.run(brandId ?? 'none', openRunId ?? 'none'),
    queryFn: () => researchIntentApi.getRun(brandId as string, openRunId as string).then((body) => body.run),
    enabled: brandId !== null && openRunId !== null,
  });

  const create = useMutation({
    mutationFn: (request: RunRequest) =>
      request.source === 'paste'
        ? researchIntentApi.classifyPastedTerms(brandId as string, request.body)
        : researchIntentApi.uploadReport(brandId as string, request.file),
    onSuccess: async ({ run }: { run: IntentRun }) => {
      queryClient.setQueryData(researchIntentKeys.run(run.brandId, run.id), run);
      setOpened({ brandId: run.brandId, runId: run.id });
      setFocusResult(true);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: researchIntentKeys.runs(run.brandId) }),
        queryClient.invalidateQueries({ queryKey: aiUsageQuery.queryKey }),
      ]);
    },
  });

  const shown = openRun.data ?? null;
  useEffect(() => {
    // Move focus to the new results so keyboard and screen-reader users land on them.
    if (shown && focusResult) {
      resultHeading.current?.focus();
      setFocusResult(false);
    }
  }, [shown, focusResult]);

  const pending = create.isPending ? create.variables.source : null;
  const error =
    create.error && create.variables ? { source: create.variables.source, error: create.error } : null;

  return (
    <WorkspacePage
      title="Buyer-intent research"
      intro={
        <p>
          Paste the terms people search for, or upload a search-term report. Each term gets its intent —
          informational, commercial, transactional or navigational — with the reason; terms are grouped by
          theme, with the content or copy that fits each group. Runs are saved for this brand.
        </p>
      }
    >
      {brandError ? <Alert tone="error">{describeError(brandError)}</Alert> : null}
      {brandLoading || !brandId ? null : (
        <div className="space-y-10">
          <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <RunForm
              // Each brand has its own terms in progress.
              key={brandId}
              pending={pending}
              error={error}
              onPaste={(body) => create.mutate({ source: 'paste', body })}
              onUpload={(file) => create.mutate({ source: 'upload', file })}
            />
            <BrandNamesEditor key={`names-${brandId}`} brandId={brandId} />
          </div>
          {openRun.isLoading ? (
            <p className="flex items-center gap-2 text-sm text-slate-700">
              <Spinner /> Loading the run…
            </p>
          ) : null}
          {openRun.error ? <Alert tone="error">{describeError(openRun.error)}</Alert> : null}
          {shown ? <RunResults run={shown} headingRef={resultHeading} /> : null}
          <SavedRuns
            brandId={brandId}
            openRunId={openRunId}
            onOpen={(runId) => {
              setOpenRunId(runId);
              setFocusResult(true);
            }}
            onDeleted={(runId) => {
              if (runId === openRunId) setOpenRunId(null);
            }}
          />
        </div>
      )}
    </WorkspacePage>
  );
}
