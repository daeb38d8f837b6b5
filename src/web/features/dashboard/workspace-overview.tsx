import { useQuery } from '@tanstack/react-query';
import { recommendedNextStep } from '../../../core/diagnostic/guidance.ts';
import { DIMENSION_LABELS } from '../../../core/diagnostic/questionnaire.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { MODULE_PATHS } from '../../../core/workspace/paths.ts';
import { Alert } from '../../components/alert.tsx';
import { ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { useAiUsage } from '../../kit/coach/ai-usage.ts';
import { historyQuery } from '../../kit/diagnostic/history.ts';
import { scoresOfResult } from '../../kit/diagnostic/result-display.ts';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { describeError } from '../../lib/api-client.ts';
import { formatTime } from '../../lib/format-date.ts';
import { dashboardApi } from './api.ts';

/** Real progress of the current brand's workspace and the next step computed from it. */
export function WorkspaceOverview() {
  const { brand, error: brandError } = useCurrentBrand();
  const progress = useQuery({
    queryKey: ['workspace', 'progress', brand?.id ?? 'none'],
    queryFn: () => dashboardApi.getBrandProgress(brand?.id as string),
    enabled: Boolean(brand),
  });
  const usage = useAiUsage();
  // The same query as the diagnostic overview below (one request): its next step may be this one.
  const history = useQuery({ ...historyQuery(brand?.id ?? 'none'), enabled: Boolean(brand) });
  const error = brandError ?? progress.error;
  if (error) return <Alert tone="error">{describeError(error)}</Alert>;
  if (!progress.data || !brand) return <PageLoader variant="inline" label="Loading your workspace…" />;
  const { modules, canvas, avatars, nextStep } = progress.data.progress;
  const latest = history.data?.results[0];
  const diagnosticStep = latest ? recommendedNextStep(scoresOfResult(latest)) : null;
  // When the diagnostic's next step (shown below with its first action) is this module, say it once.
  const shownBelow = diagnosticStep !== null && nextStep.path === MODULE_PATHS[diagnosticStep.dimension];
  const historyKnown = Boolean(history.data) || history.isError;

  return (
    <>
      {historyKnown && !shownBelow ? (
        <Card className="space-y-3 border-brand-200 bg-brand-50">
          <h2 className="text-xl font-semibold text-slate-900">
            Next for {brand.name}: {nextStep.title}
          </h2>
          <p className="text-slate-700">{nextStep.reason}</p>
          <ButtonLink to={nextStep.path}>{nextStep.cta}</ButtonLink>
        </Card>
      ) : null}
      <Card className="space-y-5 max-sm:px-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-xl font-semibold text-slate-900">Your brand workspace</h2>
          <TextLink to={PAGE_PATHS.brands}>Manage brands</TextLink>
        </div>
        <ul className="grid gap-4 sm:grid-cols-2">
          {modules.map((module) => (
            <li key={module.dimension} className="space-y-1">
              <ProgressBar label={`${DIMENSION_LABELS[module.dimension]} module`} percent={module.percent} />
              <p className="text-sm text-slate-600">
                {module.learningDone}/{module.learningTotal} steps · {module.worksheetDone}/
                {module.worksheetTotal} worksheet sections ·{' '}
                <TextLink to={MODULE_PATHS[module.dimension]}>
                  Open<span className="sr-only"> the {DIMENSION_LABELS[module.dimension]} module</span>
                </TextLink>
              </p>
            </li>
          ))}
          <li className="space-y-1">
            <ProgressBar label="Brand canvas" percent={canvas.percent} />
            <p className="text-sm text-slate-600">
              {canvas.filled} of {canvas.total} fields ·{' '}
              <TextLink to={PAGE_PATHS.canvas}>Open the canvas</TextLink>
            </p>
          </li>
          <li className="space-y-1">
            <p className="text-sm font-medium text-slate-800">Customer avatars</p>
            <p className="text-sm text-slate-600">
              {avatars.count === 0
                ? 'None yet. '
                : `${avatars.count}: ${avatars.names.join(', ')}${avatars.count > avatars.names.length ? '…' : ''}. `}
              <TextLink to={PAGE_PATHS.avatars}>
                {avatars.count === 0 ? 'Create one' : 'Open avatars'}
              </TextLink>
            </p>
          </li>
          <li className="space-y-1">
            <p className="text-sm font-medium text-slate-800">Customer research</p>
            <p className="text-sm text-slate-600">
              Hear customers in their own words:{' '}
              <TextLink to={PAGE_PATHS.researchReviews}>analyse reviews</TextLink>,{' '}
              <TextLink to={PAGE_PATHS.researchIntent}>sort search terms by intent</TextLink> or{' '}
              <TextLink to={PAGE_PATHS.surveys}>run a survey</TextLink>.
            </p>
          </li>
        </ul>
        {usage.data ? (
          <p className="text-sm text-slate-700">
            AI coach today: {usage.data.remaining} of {usage.data.limit} requests left (resets{' '}
            {formatTime(usage.data.resetsAt)}).
          </p>
        ) : null}
      </Card>
    </>
  );
}
