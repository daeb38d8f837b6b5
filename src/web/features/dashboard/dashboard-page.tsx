import { useQuery } from '@tanstack/react-query';
import type { SessionUser } from '../../../core/auth/contracts.ts';
import type { DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import { recommendedNextStep } from '../../../core/diagnostic/guidance.ts';
import { DIMENSION_LABELS, DIMENSIONS } from '../../../core/diagnostic/questionnaire.ts';
import { BAND_LABELS } from '../../../core/diagnostic/scoring.ts';
import { diagnosticResultPath, PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { ResendVerificationEmail } from '../../kit/account/resend-verification.tsx';
import { AskCoachButton } from '../../kit/coach/ask-coach-button.tsx';
import { diagnosticStarter } from '../../kit/coach/starters.ts';
import { ActionContent } from '../../kit/diagnostic/action-item.tsx';
import { BandBadge } from '../../kit/diagnostic/band-badge.tsx';
import { historyQuery } from '../../kit/diagnostic/history.ts';
import { TrendChart } from '../../kit/diagnostic/lazy-charts.tsx';
import { chronological, scoresOfResult } from '../../kit/diagnostic/result-display.ts';
import { TrendTable } from '../../kit/diagnostic/score-tables.tsx';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { BrandSwitcher } from '../../kit/workspace/brand-switcher.tsx';
import { describeError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { useSession } from '../../lib/session.ts';
import { WorkspaceOverview } from './workspace-overview.tsx';

/** Shown until the address is verified. */
function EmailVerificationNotice({ user }: { user: SessionUser }) {
  return (
    <div className="space-y-3">
      <Alert tone="warning" title="Please verify your email">
        <p>
          We sent a link to <strong className="break-all">{user.email}</strong>. Verifying lets us reach you
          about your account, for example to reset your password.
        </p>
      </Alert>
      <ResendVerificationEmail />
    </div>
  );
}

function EmptyState() {
  return (
    <Card className="space-y-4">
      <h2 className="text-xl font-semibold text-slate-900">Find out where your brand stands</h2>
      <p className="text-slate-700">
        The free IDEA diagnostic scores your brand on the four qualities that build customer trust, in about 3
        minutes. Your results appear here, with the best next step for your brand.
      </p>
      {/* No button of its own: taking the diagnostic is the next step at the top of the page. */}
    </Card>
  );
}

function LatestResult({ result }: { result: DiagnosticResult }) {
  const scores = scoresOfResult(result);
  return (
    <Card className="space-y-5 max-sm:px-4">
      <div className="space-y-1">
        <h2 className="text-xl font-semibold text-slate-900">Your latest diagnostic</h2>
        <p className="text-sm text-slate-600">Taken {formatDateTime(result.createdAt)}</p>
      </div>
      <p className="flex flex-wrap items-baseline gap-x-3 gap-y-2">
        <span className="text-sm font-semibold text-slate-700">Overall</span>
        <span className="text-4xl font-bold tracking-tight text-slate-900 tabular-nums">
          {scores.overall}
        </span>
        <span className="text-slate-600">out of 100</span>
        <BandBadge band={scores.overallBand} className="self-center" />
      </p>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {DIMENSIONS.map((dimension) => (
          <div
            key={dimension}
            className="flex min-w-0 flex-wrap items-center justify-between gap-x-3 gap-y-1 rounded-xl border border-slate-200 px-4 py-3"
          >
            <dt className="font-medium text-slate-800">{DIMENSION_LABELS[dimension]}</dt>
            <dd className="flex items-center gap-2">
              <span className="text-lg font-semibold text-slate-900 tabular-nums">
                {scores.dimensions[dimension].score}
              </span>
              <BandBadge band={scores.dimensions[dimension].band} />
            </dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <ButtonLink to={PAGE_PATHS.diagnostic}>Retake the diagnostic</ButtonLink>
        <TextLink to={diagnosticResultPath(result.id)}>See the full results</TextLink>
      </div>
    </Card>
  );
}

function NextStep({ result }: { result: DiagnosticResult }) {
  const step = recommendedNextStep(scoresOfResult(result));
  if (!step) return null;
  return (
    <Card className="space-y-3 border-brand-200 bg-brand-50">
      <h2 className="text-xl font-semibold text-slate-900">Your recommended next step</h2>
      <p className="font-medium text-slate-900">
        Work on {DIMENSION_LABELS[step.dimension]}: at {step.score} ({BAND_LABELS[step.band]}), it is your
        weakest dimension.
      </p>
      <p className="text-slate-700">{step.explanation}</p>
      <div className="space-y-1 rounded-xl border border-brand-200 bg-white px-4 py-3">
        <p className="text-sm font-semibold text-brand-800">Start with this</p>
        <ActionContent action={step.action} />
      </div>
      <AskCoachButton {...diagnosticStarter(result)} label="Ask the coach about this" />
    </Card>
  );
}

function Progress({ results }: { results: readonly DiagnosticResult[] }) {
  const oldestFirst = chronological(results).slice(-8);
  return (
    <Card className="space-y-5 max-sm:px-4">
      <div className="space-y-1">
        <h2 className="text-xl font-semibold text-slate-900">Your progress</h2>
        <p className="text-slate-700">
          {results.length === 1
            ? 'Retake the diagnostic after working on your next step, and your progress will show here.'
            : results.length > oldestFirst.length
              ? `Your last ${oldestFirst.length} results, oldest first.`
              : 'Your results so far, oldest first.'}
        </p>
      </div>
      <TrendChart results={oldestFirst} />
      <TrendTable results={oldestFirst} caption="Your scores over time" />
      <p>
        <TextLink to={PAGE_PATHS.diagnosticHistory}>See every result and compare any two</TextLink>
      </p>
    </Card>
  );
}

/** The current brand's diagnostic: its latest result, next step and trend (switching brand switches them). */
function DiagnosticOverview() {
  const { brand } = useCurrentBrand();
  const history = useQuery({ ...historyQuery(brand?.id ?? 'none'), enabled: Boolean(brand) });
  if (history.isError) {
    return (
      <Alert tone="error" title="We couldn’t load your diagnostic results">
        <p>{describeError(history.error)}</p>
        <Button variant="secondary" pending={history.isFetching} onClick={() => void history.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (!history.data || !brand) return <PageLoader variant="inline" label="Loading your results…" />;
  const [latest] = history.data.results;
  if (!latest) return <EmptyState />;
  return (
    <>
      <LatestResult result={latest} />
      <NextStep result={latest} />
      <Progress results={history.data.results} />
    </>
  );
}

export default function DashboardPage() {
  useDocumentTitle('Dashboard');
  const session = useSession();
  // The signed-in guard renders this page only with a user; the check keeps the types honest.
  const user = session.data?.user;
  if (!user) return null;

  return (
    <div className="mx-auto w-full max-w-4xl space-y-8 px-4 py-10 sm:px-6 sm:py-14">
      <div className="space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
            Welcome, {user.name}
          </h1>
          <BrandSwitcher />
        </div>
        <p className="text-lg text-slate-700">Here’s where your brand stands, and what to do next.</p>
      </div>
      {user.emailVerified ? null : <EmailVerificationNotice user={user} />}
      <WorkspaceOverview />
      <DiagnosticOverview />
    </div>
  );
}
