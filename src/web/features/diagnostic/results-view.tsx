import { lazy, Suspense } from 'react';
import type { DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import { guidanceFor } from '../../../core/diagnostic/guidance.ts';
import { DIMENSION_LABELS, DIMENSION_QUESTIONS, DIMENSIONS } from '../../../core/diagnostic/questionnaire.ts';
import { BAND_LABELS, focusDimensions } from '../../../core/diagnostic/scoring.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { ButtonLink, buttonClasses } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorBoundary } from '../../components/error-boundaries.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { AskCoachButton } from '../../kit/coach/ask-coach-button.tsx';
import { diagnosticStarter } from '../../kit/coach/starters.ts';
import { ActionItem } from '../../kit/diagnostic/action-item.tsx';
import { BandBadge } from '../../kit/diagnostic/band-badge.tsx';
import { DimensionChart } from '../../kit/diagnostic/lazy-charts.tsx';
import { OVERALL_BAND_SUMMARIES, scoresOfResult } from '../../kit/diagnostic/result-display.ts';
import { ScoresTable } from '../../kit/diagnostic/score-tables.tsx';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { withNext } from '../../lib/auth-paths.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { diagnosticReportUrl } from './api.ts';

// Below the fold and optional: its form library and the ALTCHA widget stay out of the page's first load.
const LeadCaptureForm = lazy(() =>
  import('./lead-capture-form.tsx').then((module) => ({ default: module.LeadCaptureForm })),
);

interface ResultsViewProps {
  result: DiagnosticResult;
  /** Whether the viewer is signed in; null while that is still being checked. */
  signedIn: boolean | null;
}

/** A saved result belongs to one brand: say which, and open that brand's dashboard. */
function SavedToBrand({ result }: { result: DiagnosticResult }) {
  const { brand, brands, switchBrand } = useCurrentBrand();
  const owner = brands.find((entry) => entry.id === result.brandId) ?? null;
  return (
    <Card className="space-y-3 border-brand-200 bg-brand-50">
      <h2 className="text-xl font-semibold text-slate-900">Saved to your account</h2>
      <p className="text-slate-700">
        {owner ? (
          <>
            Taken for <strong>{owner.name}</strong>: its dashboard shows this result next to the brand’s
            earlier ones, so you can see what’s improving.
          </>
        ) : (
          'Your dashboard shows this result next to your earlier ones, so you can see what’s improving.'
        )}
      </p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <ButtonLink
          to={PAGE_PATHS.dashboard}
          onClick={() => {
            // The dashboard shows the current brand: make it this result's.
            if (owner && owner.id !== brand?.id) switchBrand(owner.id);
          }}
        >
          Go to your dashboard
        </ButtonLink>
        <AskCoachButton {...diagnosticStarter(result)} label="Ask the coach about these results" />
      </div>
    </Card>
  );
}

export function ResultsView({ result, signedIn }: ResultsViewProps) {
  const scores = scoresOfResult(result);
  const focus = focusDimensions(scores);

  return (
    <div className="mx-auto w-full max-w-4xl space-y-8 px-4 py-10 sm:px-6 sm:py-14">
      <div className="space-y-2">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">IDEA brand diagnostic</p>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Your results</h1>
        <p className="text-slate-700">Taken {formatDateTime(result.createdAt)}</p>
      </div>

      <Card className="space-y-5">
        <div className="flex flex-col gap-5 sm:flex-row sm:items-center sm:justify-between">
          <div className="space-y-2">
            <h2 className="text-lg font-semibold text-slate-900">Overall score</h2>
            <p className="flex flex-wrap items-baseline gap-x-3 gap-y-2">
              <span className="text-5xl font-bold tracking-tight text-slate-900 tabular-nums">
                {scores.overall}
              </span>
              <span className="text-lg text-slate-600">out of 100</span>
              <BandBadge band={scores.overallBand} className="self-center" />
            </p>
          </div>
          <a
            href={diagnosticReportUrl(result.id)}
            download="idea-brand-diagnostic.pdf"
            className={buttonClasses('secondary', 'md', 'self-start sm:self-center')}
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
              className="size-5"
            >
              <path d="M12 4v11m0 0-4-4m4 4 4-4M5 20h14" />
            </svg>
            Download PDF report
          </a>
        </div>
        <p className="text-slate-700">{OVERALL_BAND_SUMMARIES[scores.overallBand]}</p>
      </Card>

      <Card className="space-y-6 max-sm:px-4">
        <div className="space-y-1">
          <h2 className="text-xl font-semibold text-slate-900">Your four IDEA scores</h2>
          <p className="text-slate-700">
            Each dimension is scored from 0 to 100 from your two answers about it.
          </p>
        </div>
        <DimensionChart scores={scores} />
        <ScoresTable scores={scores} caption="Your scores by dimension" />
      </Card>

      <Card className="space-y-6">
        <div className="space-y-1">
          <h2 className="text-xl font-semibold text-slate-900">Where to start</h2>
          <p className="text-slate-700">
            {focus.length > 1
              ? 'These two dimensions are your weakest and closest together, so they are the best place to begin.'
              : 'This is your weakest dimension, so improving it will make the biggest difference.'}
          </p>
        </div>
        {focus.map((entry) => {
          const guidance = guidanceFor(entry.dimension, entry.band);
          return (
            <section key={entry.dimension} aria-labelledby={`focus-${entry.dimension}`} className="space-y-3">
              <h3
                id={`focus-${entry.dimension}`}
                className="flex flex-wrap items-center gap-x-3 gap-y-1 text-lg font-semibold text-slate-900"
              >
                {DIMENSION_LABELS[entry.dimension]}: {entry.score}
                <BandBadge band={entry.band} />
              </h3>
              <ol className="list-decimal space-y-3 pl-5 marker:font-semibold marker:text-brand-700">
                {guidance.actions.map((action) => (
                  <ActionItem key={action.text} action={action} />
                ))}
              </ol>
            </section>
          );
        })}
      </Card>

      <Card className="space-y-6">
        <h2 className="text-xl font-semibold text-slate-900">What each score means</h2>
        <div className="grid gap-6 sm:grid-cols-2">
          {DIMENSIONS.map((dimension) => {
            const entry = scores.dimensions[dimension];
            return (
              <section key={dimension} aria-labelledby={`meaning-${dimension}`} className="space-y-2">
                <h3 id={`meaning-${dimension}`} className="text-lg font-semibold text-slate-900">
                  {DIMENSION_LABELS[dimension]}
                </h3>
                <p className="text-sm text-slate-600">{DIMENSION_QUESTIONS[dimension]}</p>
                <p className="font-medium text-slate-900">
                  {entry.score} out of 100 · {BAND_LABELS[entry.band]}
                </p>
                <p className="text-slate-700">{guidanceFor(dimension, entry.band).explanation}</p>
              </section>
            );
          })}
        </div>
      </Card>

      {signedIn === true ? <SavedToBrand result={result} /> : null}
      {signedIn === false ? (
        <Card className="space-y-3 border-brand-200 bg-brand-50">
          <h2 className="text-xl font-semibold text-slate-900">Keep these results</h2>
          <p className="text-slate-700">
            Create a free account to save these results and track progress. They are linked to this browser
            for now and move to your account as soon as you sign up (or sign in: they join the brand you last
            worked on here).
          </p>
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
            <ButtonLink to={withNext(PAGE_PATHS.signUp, PAGE_PATHS.dashboard)}>
              Create a free account
            </ButtonLink>
            <p className="text-sm text-slate-700">
              Already have one?{' '}
              <TextLink to={withNext(PAGE_PATHS.signIn, PAGE_PATHS.dashboard)}>Sign in</TextLink> to save
              them.
            </p>
          </div>
        </Card>
      ) : null}

      <Card className="min-h-[28rem]">
        <ErrorBoundary
          fallback={() => (
            <p className="text-slate-700">
              The form to email this report couldn’t be loaded. Reload the page to try again, or use “Download
              PDF report” above.
            </p>
          )}
        >
          <Suspense fallback={null}>
            <LeadCaptureForm resultId={result.id} />
          </Suspense>
        </ErrorBoundary>
      </Card>

      <p className="text-center">
        <TextLink to={PAGE_PATHS.diagnostic}>Take the diagnostic again</TextLink>
      </p>
    </div>
  );
}
