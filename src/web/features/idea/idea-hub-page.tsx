/** The IDEA hub: the four modules with the brand's real progress in each, and where to go next. */
import { DIMENSIONS } from '../../../core/diagnostic/questionnaire.ts';
import { ideaProgress, type ModuleProgress } from '../../../core/workspace/idea-progress.ts';
import { Alert } from '../../components/alert.tsx';
import { ButtonLink } from '../../components/button.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { WorkspacePage } from '../../kit/workspace/workspace-page.tsx';
import { describeError } from '../../lib/api-client.ts';
import { MODULES } from './module-info.ts';
import { useIdeaItems } from './queries.ts';

function actionLabel(progress: ModuleProgress): string {
  if (progress.percent === 0) return 'Start';
  if (progress.percent === 100) return 'Review';
  return 'Continue';
}

function ModuleCard({ progress }: { progress: ModuleProgress }) {
  const info = MODULES[progress.dimension];
  const headingId = `module-${info.dimension}-heading`;
  const nextSection = progress.sections.find((section) => !section.done);
  return (
    <li>
      <article
        aria-labelledby={headingId}
        className="flex h-full flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
        data-module={info.dimension}
      >
        <div className="flex items-start gap-3">
          <span
            aria-hidden="true"
            className="inline-flex size-10 shrink-0 items-center justify-center rounded-xl bg-brand-700 text-lg font-bold text-white"
          >
            {info.letter}
          </span>
          <div className="space-y-1">
            <h2 id={headingId} className="text-lg font-semibold text-slate-900">
              {info.title}
            </h2>
            <p className="text-sm text-slate-700">{info.question}</p>
          </div>
        </div>
        <ProgressBar percent={progress.percent} label={`${info.title} progress`} />
        <dl className="grid grid-cols-2 gap-2 text-sm">
          <div>
            <dt className="text-slate-600">Learning</dt>
            <dd className="font-medium text-slate-900" data-testid={`${info.dimension}-learning`}>
              {progress.learningDone} of {progress.learningTotal} steps
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Worksheet</dt>
            <dd className="font-medium text-slate-900">
              {progress.worksheetDone} of {progress.worksheetTotal} sections
            </dd>
          </div>
        </dl>
        {nextSection ? (
          <p className="text-sm text-slate-700">Next in the worksheet: {nextSection.label}</p>
        ) : (
          <p className="text-sm text-emerald-800">Every worksheet section is filled in.</p>
        )}
        <div className="mt-auto">
          <ButtonLink to={info.path} variant={progress.percent === 100 ? 'secondary' : 'primary'}>
            {actionLabel(progress)}
            <span className="sr-only"> the {info.title} module</span>
          </ButtonLink>
        </div>
      </article>
    </li>
  );
}

export default function IdeaHubPage() {
  const { items, isLoading, error } = useIdeaItems();
  const progress = ideaProgress(items);
  const overall = Math.floor(
    DIMENSIONS.reduce((sum, dimension) => sum + progress[dimension].percent, 0) / DIMENSIONS.length,
  );

  return (
    <WorkspacePage
      title="IDEA modules"
      intro={
        <p>
          Work through the four parts of the IDEA framework: Insight, Distinctive, Empathetic and Authentic.
          Each module has short learning steps and a worksheet that saves as you type.
        </p>
      }
    >
      {error ? <Alert tone="error">{describeError(error)}</Alert> : null}
      {isLoading ? (
        <PageLoader label="Loading your progress…" />
      ) : error ? null : (
        <div className="space-y-6">
          <ProgressBar percent={overall} label="Overall IDEA progress" />
          <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
            {DIMENSIONS.map((dimension) => (
              <ModuleCard key={dimension} progress={progress[dimension]} />
            ))}
          </ul>
        </div>
      )}
    </WorkspacePage>
  );
}
