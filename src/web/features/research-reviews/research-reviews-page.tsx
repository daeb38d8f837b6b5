/**
 * The review analyser: customer reviews (pasted, a shop's CSV export with its columns mapped, or an
 * avatar's saved reviews) read by the one review engine into themes with pros and cons quoted
 * verbatim, sentiment per review and per month, stars that disagree with the words, key phrases and
 * triggers. Runs are saved per brand and exported as CSV or PDF; findings become proposals for an
 * avatar's fears and desires or a canvas field, saved only when accepted.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ReviewRun } from '../../../core/research-reviews/contracts.ts';
import { Alert } from '../../components/alert.tsx';
import { Spinner } from '../../components/spinner.tsx';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { WorkspacePage } from '../../kit/workspace/workspace-page.tsx';
import { describeError } from '../../lib/api-client.ts';
import { reviewResearchApi, reviewResearchKeys } from './api.ts';
import { InputForm, type RunInput } from './input-form.tsx';
import { RunResults } from './run-results.tsx';
import { SavedRuns } from './saved-runs.tsx';

function start(brandId: string, input: RunInput): Promise<{ run: ReviewRun }> {
  switch (input.source) {
    case 'paste':
      return reviewResearchApi.run(brandId, { source: 'paste', text: input.text });
    case 'avatar':
      return reviewResearchApi.run(brandId, { source: 'avatar', avatarId: input.avatarId });
    case 'csv':
      return reviewResearchApi.uploadCsv(brandId, input.file, input.mapping);
  }
}

export default function ResearchReviewsPage() {
  const { brand, isLoading: brandLoading, error: brandError } = useCurrentBrand();
  const brandId = brand?.id ?? null;
  const queryClient = useQueryClient();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // The run shown, remembered with its brand: switching brands shows none of the other brand's.
  const [opened, setOpened] = useState<{ brandId: string; runId: string } | null>(null);
  const openRunId = opened && opened.brandId === brandId ? opened.runId : null;
  const [focusResult, setFocusResult] = useState(false);

  const openRun = useQuery({
    queryKey: reviewResearchKeys.run(brandId ?? 'none', openRunId ?? 'none'),
    queryFn: () => reviewResearchApi.getRun(brandId as string, openRunId as string).then((body) => body.run),
    enabled: brandId !== null && openRunId !== null,
  });

  const create = useMutation({
    mutationFn: (input: RunInput) => start(brandId as string, input),
    onSuccess: async ({ run }) => {
      queryClient.setQueryData(reviewResearchKeys.run(run.brandId, run.id), run);
      setOpened({ brandId: run.brandId, runId: run.id });
      setFocusResult(true);
      await queryClient.invalidateQueries({ queryKey: reviewResearchKeys.runs(run.brandId) });
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
      title="Review analyser"
      intro={
        <p>
          Paste customer reviews, upload your shop’s review export, or pick an avatar’s saved reviews. You get
          the themes customers talk about with their own words for and against, how sentiment moves month by
          month, and reviews whose stars contradict what they say. Runs are saved for this brand.
        </p>
      }
    >
      {brandError ? <Alert tone="error">{describeError(brandError)}</Alert> : null}
      {brandLoading || !brandId ? null : (
        <div className="space-y-10">
          <InputForm
            // Each brand has its own input in progress.
            key={brandId}
            brandId={brandId}
            pending={pending}
            error={error}
            onRun={(input) => create.mutate(input)}
          />
          {openRun.isLoading ? (
            <p className="flex items-center gap-2 text-sm text-slate-700">
              <Spinner /> Loading the run…
            </p>
          ) : null}
          {openRun.error ? <Alert tone="error">{describeError(openRun.error)}</Alert> : null}
          {shown ? <RunResults key={shown.id} run={shown} headingRef={resultHeading} /> : null}
          <SavedRuns
            brandId={brandId}
            openRunId={openRunId}
            onOpen={(runId) => {
              setOpened({ brandId, runId });
              setFocusResult(true);
            }}
            onDeleted={(runId) => {
              if (runId === openRunId) setOpened(null);
            }}
          />
        </div>
      )}
    </WorkspacePage>
  );
}
