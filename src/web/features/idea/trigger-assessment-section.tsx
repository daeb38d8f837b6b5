/** The five-question emotional-trigger assessment and its ranked result, saved as it is answered. */
import { useId } from 'react';
import type { EmotionalTrigger } from '../../../core/ai/contracts.ts';
import { plural } from '../../../core/text/plural.ts';
import type { ItemData } from '../../../core/workspace/items.ts';
import {
  answeredCount,
  leadingTriggers,
  rankTriggers,
  TRIGGER_ASSESSMENT_QUESTIONS,
  TRIGGER_DESCRIPTIONS,
  TRIGGER_LABELS,
} from '../../../core/workspace/trigger-assessment.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { ConflictDialog } from '../../kit/workspace/conflict-dialog.tsx';
import { SaveStatus } from '../../kit/workspace/save-status.tsx';
import type { ItemController } from '../../kit/workspace/use-workspace-item.ts';
import { WorksheetSection } from '../../kit/workspace/worksheet-fields.tsx';
import { describeError } from '../../lib/api-client.ts';

function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

interface TriggerAssessmentSectionProps {
  /** The brand's `trigger-assessment` item (one controller per page, shared with the submit step). */
  assessment: ItemController<ItemData<'trigger-assessment'>>;
  /** Copies the leading triggers into the worksheet's trigger choice. */
  onUseResult(triggers: EmotionalTrigger[]): void;
}

export function TriggerAssessmentSection({ assessment, onUseResult }: TriggerAssessmentSectionProps) {
  const resultId = useId();
  const answers = assessment.data?.answers ?? {};
  const answered = answeredCount(answers);
  const ranking = rankTriggers(answers);
  const leading = leadingTriggers(ranking);
  const total = TRIGGER_ASSESSMENT_QUESTIONS.length;

  return (
    <WorksheetSection
      anchor="trigger-assessment"
      title="Emotional-trigger assessment"
      description="Five questions about your customers. Each answer points to two of the seven emotional triggers; the result ranks the triggers by their share of all points."
    >
      {assessment.loadError ? <Alert tone="error">{describeError(assessment.loadError)}</Alert> : null}
      {assessment.status === 'loading' && !assessment.loadError ? (
        <PageLoader variant="inline" label="Loading the assessment…" />
      ) : (
        <div className="space-y-5">
          <SaveStatus status={assessment.status} errorMessage={assessment.errorMessage} />
          <ol className="space-y-5">
            {TRIGGER_ASSESSMENT_QUESTIONS.map((question, questionIndex) => (
              <li key={question.id}>
                <fieldset className="space-y-2">
                  <legend className="font-semibold text-slate-900">
                    {questionIndex + 1}. {question.prompt}
                  </legend>
                  <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
                    {question.options.map((option, optionIndex) => (
                      <label
                        key={option.label}
                        className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                      >
                        <input
                          type="radio"
                          name={`assessment-${question.id}`}
                          className="mt-1 size-4 shrink-0 accent-brand-700"
                          checked={answers[question.id] === optionIndex}
                          onChange={() =>
                            assessment.update((draft) => {
                              draft.answers[question.id] = optionIndex;
                            })
                          }
                        />
                        <span className="text-slate-900">{option.label}</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              </li>
            ))}
          </ol>
          <div id={resultId} className="space-y-3 rounded-xl bg-slate-50 p-4" aria-live="polite">
            <h3 className="text-lg font-semibold text-slate-900">Your result</h3>
            {answered === 0 ? (
              <p className="text-slate-700">
                Answer the questions above to see which triggers lead for your customers.
              </p>
            ) : (
              <>
                <p className="text-slate-700" data-testid="assessment-summary">
                  {answered < total
                    ? `Based on ${answered} of ${total} answers so far: `
                    : 'Based on all five answers: '}
                  <strong className="text-slate-900">
                    {formatList(leading.map((trigger) => TRIGGER_LABELS[trigger]))}
                  </strong>{' '}
                  {plural(leading.length, 'leads', 'lead together')}.
                </p>
                <ol className="space-y-2" aria-label="Triggers ranked by share">
                  {ranking.map((entry) => {
                    const percent = Math.round(entry.share * 100);
                    return (
                      <li
                        key={entry.trigger}
                        className="grid grid-cols-[7rem_minmax(0,1fr)_3rem] items-center gap-2"
                      >
                        <span
                          className="font-medium text-slate-900"
                          title={TRIGGER_DESCRIPTIONS[entry.trigger]}
                        >
                          {TRIGGER_LABELS[entry.trigger]}
                        </span>
                        <span aria-hidden="true" className="h-2.5 overflow-hidden rounded-full bg-slate-200">
                          <span
                            className="block h-full rounded-full bg-brand-700"
                            style={{ width: `${percent}%` }}
                          />
                        </span>
                        <span className="text-right text-sm text-slate-800">{percent}%</span>
                      </li>
                    );
                  })}
                </ol>
                <Button variant="secondary" onClick={() => onUseResult(leading.slice(0, 3))}>
                  Use {plural(leading.length, 'this trigger', 'these triggers')} in the worksheet
                </Button>
              </>
            )}
          </div>
        </div>
      )}
      <ConflictDialog conflict={assessment.conflict} />
    </WorksheetSection>
  );
}
