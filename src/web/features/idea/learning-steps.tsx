/** A module's learning steps, each marked done (or not) in the brand's `learning` item. */
import type { Dimension } from '../../../core/diagnostic/questionnaire.ts';
import { completedSteps, LEARNING_STEPS } from '../../../core/workspace/learning.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { ConflictDialog } from '../../kit/workspace/conflict-dialog.tsx';
import { SaveStatus } from '../../kit/workspace/save-status.tsx';
import { useSingletonItem } from '../../kit/workspace/use-workspace-item.ts';
import { WorksheetSection } from '../../kit/workspace/worksheet-fields.tsx';
import { describeError } from '../../lib/api-client.ts';

export function LearningSteps({ dimension }: { dimension: Dimension }) {
  const learning = useSingletonItem('learning');
  const steps = LEARNING_STEPS[dimension];
  const done = new Set(completedSteps(dimension, learning.data?.completed[dimension]));
  // Only the step to read next starts open, so the worksheet is not pushed far down the page.
  const nextStepId = steps.find((step) => !done.has(step.id))?.id ?? null;

  function toggle(stepId: string) {
    learning.update((draft) => {
      const current = draft.completed[dimension] ?? [];
      draft.completed[dimension] = current.includes(stepId)
        ? current.filter((id) => id !== stepId)
        : [...current, stepId];
    });
  }

  return (
    <WorksheetSection
      title="Learn"
      description={`${done.size} of ${steps.length} steps done. Read each step, try its exercise, then mark it done.`}
    >
      {learning.loadError ? <Alert tone="error">{describeError(learning.loadError)}</Alert> : null}
      {learning.status === 'loading' && !learning.loadError ? (
        <PageLoader variant="inline" label="Loading your progress…" />
      ) : (
        <>
          <SaveStatus status={learning.status} errorMessage={learning.errorMessage} />
          <ol className="space-y-3">
            {steps.map((step, index) => {
              const isDone = done.has(step.id);
              return (
                <li key={step.id} className="rounded-xl border border-slate-200 p-4" data-step={step.id}>
                  <details open={step.id === nextStepId} className="group">
                    <summary className="flex min-h-11 cursor-pointer list-none items-center gap-3 font-semibold text-slate-900">
                      <span
                        aria-hidden="true"
                        className={
                          isDone
                            ? 'inline-flex size-7 shrink-0 items-center justify-center rounded-full bg-emerald-700 text-sm text-white'
                            : 'inline-flex size-7 shrink-0 items-center justify-center rounded-full border border-slate-400 text-sm text-slate-700'
                        }
                      >
                        {isDone ? '✓' : index + 1}
                      </span>
                      <span>
                        {step.title}
                        {isDone ? <span className="sr-only"> (done)</span> : null}
                      </span>
                    </summary>
                    <div className="mt-3 space-y-2 text-slate-700">
                      {step.body.map((paragraph) => (
                        <p key={paragraph}>{paragraph}</p>
                      ))}
                      <p className="rounded-lg bg-slate-50 p-3 text-sm">
                        <span className="font-semibold text-slate-900">Try it: </span>
                        {step.exercise}
                      </p>
                    </div>
                  </details>
                  <div className="mt-3">
                    <Button
                      variant={isDone ? 'ghost' : 'secondary'}
                      aria-pressed={isDone}
                      aria-label={`Mark as done: ${step.title}`}
                      onClick={() => toggle(step.id)}
                    >
                      {isDone ? <span aria-hidden="true">✓</span> : null}
                      Mark as done
                    </Button>
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
      <ConflictDialog conflict={learning.conflict} />
    </WorksheetSection>
  );
}
