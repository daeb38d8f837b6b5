/**
 * Value Lens: turns a product brief into copy for one of seven formats, written with the brand
 * canvas and (optionally) a customer avatar as context, held to the format's length limit, and kept
 * in a per-brand history.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { COPY_FORMAT_LABELS } from '../../../core/ai/copy-limits.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import type { ValueLensRequest } from '../../../core/value-lens/contracts.ts';
import { canvasCompletion } from '../../../core/workspace/canvas-completion.ts';
import type { ItemData } from '../../../core/workspace/items.ts';
import { Alert } from '../../components/alert.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { coachErrorMessage } from '../../kit/coach/coach-messages.ts';
import { workspaceApi } from '../../kit/workspace/api.ts';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { workspaceKeys } from '../../kit/workspace/use-workspace-item.ts';
import { WorkspacePage } from '../../kit/workspace/workspace-page.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { valueLensApi } from './api.ts';
import { type BriefField, BriefForm } from './brief-form.tsx';
import { GenerationBody } from './generation-card.tsx';
import { HistorySection, valueLensKeys } from './history-section.tsx';

function fieldErrorsOf(error: unknown): Partial<Record<BriefField, string>> {
  const result: Partial<Record<BriefField, string>> = {};
  if (!isApiError(error)) return result;
  if (error.code === 'NOT_FOUND' && /avatar/i.test(error.message)) result.avatarId = error.message;
  for (const detail of error.details) {
    const field = (['product', 'category', 'features', 'audience', 'format', 'avatarId'] as const).find(
      (name) => detail.path.split('.').includes(name),
    );
    if (field && !result[field]) result[field] = detail.message;
  }
  return result;
}

export default function ValueLensPage() {
  const { brand, isLoading: brandLoading, error: brandError } = useCurrentBrand();
  const brandId = brand?.id ?? null;
  const queryClient = useQueryClient();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const [lastBrief, setLastBrief] = useState<ValueLensRequest | null>(null);

  const avatars = useQuery({
    queryKey: workspaceKeys.collection(brandId ?? 'none', 'avatar'),
    queryFn: () =>
      workspaceApi.listCollection(brandId as string, 'avatar').then((response) => response.items),
    enabled: brandId !== null,
  });
  const canvas = useQuery({
    queryKey: workspaceKeys.singleton(brandId ?? 'none', 'canvas'),
    queryFn: () =>
      workspaceApi.getSingletonItem(brandId as string, 'canvas').then((response) => response.item),
    enabled: brandId !== null,
  });
  const canvasPercent = canvas.data ? canvasCompletion(canvas.data.data as ItemData<'canvas'>).percent : null;

  const generate = useMutation({
    mutationFn: (request: ValueLensRequest) => valueLensApi.generateValueLensCopy(brandId as string, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: valueLensKeys.history(brandId ?? 'none') }),
  });
  const generation = generate.data?.generation ?? null;

  useEffect(() => {
    // Move focus to the new copy so keyboard and screen-reader users land on it.
    if (generation) resultHeading.current?.focus();
  }, [generation]);

  const serverErrors = fieldErrorsOf(generate.error);
  const generalError =
    generate.error && Object.keys(serverErrors).length === 0 ? coachErrorMessage(generate.error) : null;

  return (
    <WorkspacePage
      title="Value Lens"
      intro={
        <p>
          Describe a product and choose a format: the coach writes copy in your brand’s voice, using your{' '}
          <TextLink to={PAGE_PATHS.canvas}>brand canvas</TextLink> and, if you pick one, a customer avatar.
          Every variant stays within the format’s length limit.
        </p>
      }
    >
      {brandError ? <Alert tone="error">{coachErrorMessage(brandError)}</Alert> : null}
      {brandLoading ? null : (
        <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <div className="space-y-4">
            {avatars.error ? (
              <Alert tone="warning">Your avatars could not be loaded; you can still write copy.</Alert>
            ) : null}
            {brandId ? (
              <BriefForm
                // Each brand has its own brief in progress.
                key={brandId}
                brandId={brandId}
                avatars={avatars.data ?? []}
                canvasPercent={canvasPercent}
                pending={generate.isPending}
                serverErrors={serverErrors}
                onSubmit={(request) => {
                  setLastBrief(request);
                  generate.mutate(request);
                }}
              />
            ) : null}
          </div>
          <div className="space-y-8">
            <section aria-labelledby="value-lens-result" className="space-y-3" aria-busy={generate.isPending}>
              <h2
                id="value-lens-result"
                ref={resultHeading}
                tabIndex={-1}
                className="text-xl font-semibold text-slate-900"
              >
                {generation
                  ? `Your ${COPY_FORMAT_LABELS[generation.format].toLowerCase()} copy`
                  : 'Your copy'}
              </h2>
              {generalError ? <Alert tone="error">{generalError}</Alert> : null}
              {generation ? (
                <GenerationBody generation={generation} />
              ) : generate.isPending ? (
                <p className="text-sm text-slate-700">
                  Writing{' '}
                  {lastBrief
                    ? COPY_FORMAT_LABELS[lastBrief.format as keyof typeof COPY_FORMAT_LABELS].toLowerCase()
                    : 'copy'}
                  …
                </p>
              ) : (
                <p className="text-sm text-slate-700">Fill in the brief and choose “Write copy”.</p>
              )}
            </section>
            <HistorySection brandId={brandId} />
          </div>
        </div>
      )}
    </WorkspacePage>
  );
}
