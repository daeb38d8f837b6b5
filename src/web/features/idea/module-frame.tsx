/** What every module page shares around its worksheet: the way back to the hub, progress, history. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Dimension } from '../../../core/diagnostic/questionnaire.ts';
import { DIMENSIONS } from '../../../core/diagnostic/questionnaire.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { moduleProgress } from '../../../core/workspace/idea-progress.ts';
import { cx } from '../../components/cx.ts';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { RevisionHistory } from '../../kit/workspace/revision-history.tsx';
import type { ItemController } from '../../kit/workspace/use-workspace-item.ts';
import { WorksheetSection } from '../../kit/workspace/worksheet-fields.tsx';
import { WorkspacePage } from '../../kit/workspace/workspace-page.tsx';
import { LearningSteps } from './learning-steps.tsx';
import { MODULES } from './module-info.ts';
import { useIdeaItems } from './queries.ts';

function ModuleNav({ current }: { current: Dimension }) {
  return (
    <nav aria-label="IDEA modules" className="flex flex-wrap items-center gap-2 text-sm">
      <TextLink to={PAGE_PATHS.ideaHub}>IDEA hub</TextLink>
      <span aria-hidden="true" className="text-slate-500">
        /
      </span>
      <ul className="flex flex-wrap gap-1.5">
        {DIMENSIONS.map((dimension) => {
          const info = MODULES[dimension];
          const active = dimension === current;
          return (
            <li key={dimension}>
              <Link
                to={info.path}
                aria-current={active ? 'page' : undefined}
                className={cx(
                  'inline-flex min-h-9 items-center rounded-full px-3 font-medium',
                  active ? 'bg-brand-700 text-white' : 'bg-slate-100 text-slate-800 hover:bg-slate-200',
                )}
              >
                {info.title}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function ModuleProgressSummary({ dimension }: { dimension: Dimension }) {
  const { items, isLoading } = useIdeaItems();
  if (isLoading) return null;
  const progress = moduleProgress(dimension, items);
  return (
    <div className="space-y-1">
      <ProgressBar percent={progress.percent} label={`${MODULES[dimension].title} progress`} />
      <p className="text-sm text-slate-600">
        {progress.learningDone} of {progress.learningTotal} learning steps · {progress.worksheetDone} of{' '}
        {progress.worksheetTotal} worksheet sections
      </p>
    </div>
  );
}

interface ModuleFrameProps<T> {
  dimension: Dimension;
  worksheet: ItemController<T>;
  children: ReactNode;
}

export function ModuleFrame<T>({ dimension, worksheet, children }: ModuleFrameProps<T>) {
  const info = MODULES[dimension];
  return (
    <WorkspacePage
      title={`${info.title} module`}
      intro={
        <div className="space-y-3">
          <ModuleNav current={dimension} />
          <p>{info.question}</p>
          <ModuleProgressSummary dimension={dimension} />
        </div>
      }
      controller={worksheet}
    >
      <div className="space-y-6">
        <LearningSteps dimension={dimension} />
        {children}
        <WorksheetSection
          title="Version history"
          description="Every save of this worksheet is kept (the last 50). Open one to compare it or bring it back."
        >
          <RevisionHistory controller={worksheet} />
        </WorksheetSection>
      </div>
    </WorkspacePage>
  );
}
