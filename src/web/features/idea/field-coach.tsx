/**
 * Coach help beside a worksheet field: contextual help for the field (`contextual-help`) and, on
 * Insight steps, guidance on what the user wrote (`insight-guidance`). Advice (tips, questions,
 * actions) stays beside the field. Only a concrete suggested answer — one the coach built from the
 * owner's saved work — can go into an empty field, when the user chooses "Use this"; it is then
 * marked as coming from the coach until they edit it. An answer without one offers no "Use this".
 */
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { stripCitationMarkers } from '../../../core/ai/citations.ts';
import type { AiMeta, WorksheetCoachField } from '../../../core/ai/contracts.ts';
import { CONTEXTUAL_HELP_QUESTION_MAX, INSIGHT_GUIDANCE_NOTES_MAX } from '../../../core/ai/input-limits.ts';
import type { Citation } from '../../../core/knowledge/contracts.ts';
import { type WorkspaceArea, workspacePath } from '../../../core/navigation/workspace-areas.ts';
import { hasPlaceholder } from '../../../core/workspace/canvas-completion.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { runAiTask } from '../../kit/coach/ai-tasks.ts';
import { CitationMarks, CitedText, SourcesList } from '../../kit/coach/citations.tsx';
import { coachErrorMessage, providerLabel } from '../../kit/coach/coach-messages.ts';
import { RateAnswer } from '../../kit/coach/rate-answer.tsx';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';

interface FieldCoachProps {
  area: WorkspaceArea;
  /** The field's name as the page shows it. */
  fieldLabel: string;
  /** What the field asks, so the coach answers the right question. */
  fieldPrompt: string;
  /** Which worksheet field this is, so the coach can suggest an answer from the saved work. */
  field?: WorksheetCoachField;
  /** The field's current text, sent as what the user has so far. */
  currentText: string;
  /** Offer step guidance on the user's text too (the Insight worksheet). */
  guidance?: boolean;
  /** Puts the coach's suggested answer into the field; without it the help is read-only. */
  onUse?: ((text: string) => void) | undefined;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function ProviderLabel({ meta }: { meta: AiMeta }) {
  return (
    <p className="text-xs text-slate-600">
      {providerLabel(meta)}
      {meta.notice ? ` · ${meta.notice.message}` : null}
    </p>
  );
}

/**
 * The coach's suggested answer. "Use this" is offered only while the field is empty, so the answer
 * it fills in is entirely the coach's (and marked so) and nothing the owner wrote is mixed in.
 */
function SuggestedAnswer({
  suggestion,
  fieldLabel,
  fieldEmpty,
  onUse,
}: {
  suggestion: string | undefined;
  fieldLabel: string;
  fieldEmpty: boolean;
  onUse: ((text: string) => void) | undefined;
}) {
  const text = suggestion?.trim();
  if (!text || hasPlaceholder(text)) return null;
  return (
    <div className="space-y-2 rounded-lg border border-violet-200 bg-white p-3">
      <p className="font-medium text-slate-900">Suggested answer, from your saved work</p>
      <blockquote className="border-l-4 border-violet-300 pl-3 text-slate-900">{text}</blockquote>
      {onUse && fieldEmpty ? (
        <Button variant="secondary" className="min-h-9 px-3 py-1 text-xs" onClick={() => onUse(text)}>
          Use this<span className="sr-only"> suggested answer in {fieldLabel}</span>
        </Button>
      ) : onUse ? (
        <p className="text-xs text-slate-600">Your answer already has text: copy from this what you want.</p>
      ) : null}
    </div>
  );
}

export function FieldCoach({
  area,
  fieldLabel,
  fieldPrompt,
  field,
  currentText,
  guidance = false,
  onUse,
}: FieldCoachProps) {
  const fieldEmpty = currentText.trim() === '';
  const regionId = useId();
  // The coach reads the saved work of the brand being edited, and only that brand's.
  const currentBrandId = useCurrentBrand().brand?.id ?? null;
  const help = useMutation({
    mutationFn: (brandId: string) => {
      const mine = currentText.trim() ? ` What I have so far: ${currentText.trim()}` : '';
      return runAiTask('contextual-help', {
        brandId,
        area,
        question: clip(`${fieldLabel}: ${fieldPrompt}${mine}`, CONTEXTUAL_HELP_QUESTION_MAX),
        ...(field ? { field } : {}),
      });
    },
  });
  const steps = useMutation({
    mutationFn: (brandId: string) =>
      runAiTask('insight-guidance', {
        brandId,
        dimension: 'insight',
        ...(currentText.trim()
          ? { notes: clip(`${fieldLabel}: ${currentText.trim()}`, INSIGHT_GUIDANCE_NOTES_MAX) }
          : {}),
        ...(field ? { field } : {}),
      }),
  });
  const pending = help.isPending || steps.isPending;

  return (
    <section
      aria-label={`Coach for ${fieldLabel}`}
      className="space-y-3 self-start rounded-xl border border-violet-200 bg-violet-50/60 p-4"
    >
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          className="min-h-9 px-3 py-1.5"
          pending={help.isPending}
          pendingLabel="Asking…"
          disabled={pending || !currentBrandId}
          aria-controls={regionId}
          aria-label={`Help with this field: ${fieldLabel}`}
          onClick={() => {
            if (!currentBrandId) return;
            steps.reset();
            help.mutate(currentBrandId);
          }}
        >
          Help with this field
        </Button>
        {guidance ? (
          <Button
            variant="secondary"
            className="min-h-9 px-3 py-1.5"
            pending={steps.isPending}
            pendingLabel="Reading…"
            disabled={pending || !currentBrandId}
            aria-controls={regionId}
            aria-label={`Coach my answer: ${fieldLabel}`}
            onClick={() => {
              if (!currentBrandId) return;
              help.reset();
              steps.mutate(currentBrandId);
            }}
          >
            Coach my answer
          </Button>
        ) : null}
      </div>
      <div id={regionId} aria-live="polite" className="space-y-3 text-sm text-slate-800">
        {!help.data && !steps.data && !help.error && !steps.error ? (
          <p className="text-slate-600">
            The coach answers here. Its advice stays here: nothing changes in your answer unless the coach
            suggests one from your saved work and you choose “Use this”.
          </p>
        ) : null}
        {help.error ? <Alert tone="error">{coachErrorMessage(help.error)}</Alert> : null}
        {steps.error ? <Alert tone="error">{coachErrorMessage(steps.error)}</Alert> : null}
        {help.data ? (
          <div className="space-y-2">
            <p className="font-semibold text-slate-900">{help.data.output.title}</p>
            <p>
              <CitedText text={help.data.output.answer} citations={help.data.meta.citations} />
            </p>
            <SuggestedAnswer
              suggestion={help.data.output.suggestion}
              fieldLabel={fieldLabel}
              fieldEmpty={fieldEmpty}
              onUse={onUse}
            />
            {help.data.output.tips.length > 0 ? (
              <>
                <p className="font-medium text-slate-900">Tips</p>
                <ul className="list-disc space-y-1.5 pl-5">
                  {help.data.output.tips.map((tip) => (
                    <li key={tip}>
                      <CitedText text={tip} citations={help.data.meta.citations} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <ActionLinks actions={help.data.output.actions} citations={help.data.meta.citations} />
            <SourcesList citations={help.data.meta.citations} />
            <ProviderLabel meta={help.data.meta} />
            {help.data.meta.callId ? (
              <RateAnswer
                key={help.data.meta.callId}
                target={{ subject: 'task-result', callId: help.data.meta.callId }}
                label="this help"
              />
            ) : null}
          </div>
        ) : null}
        {steps.data ? (
          <div className="space-y-2">
            <p className="font-semibold text-slate-900">{steps.data.output.headline}</p>
            <p>
              <CitedText text={steps.data.output.explanation} citations={steps.data.meta.citations} />
            </p>
            <SuggestedAnswer
              suggestion={steps.data.output.suggestion}
              fieldLabel={fieldLabel}
              fieldEmpty={fieldEmpty}
              onUse={onUse}
            />
            {steps.data.output.questions.length > 0 ? (
              <>
                <p className="font-medium text-slate-900">Questions to answer in this step</p>
                <ul className="list-disc space-y-1.5 pl-5">
                  {steps.data.output.questions.map((question) => (
                    <li key={question}>
                      <CitedText text={question} citations={steps.data.meta.citations} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <ActionLinks actions={steps.data.output.actions} citations={steps.data.meta.citations} />
            <SourcesList citations={steps.data.meta.citations} />
            <ProviderLabel meta={steps.data.meta} />
            {steps.data.meta.callId ? (
              <RateAnswer
                key={steps.data.meta.callId}
                target={{ subject: 'task-result', callId: steps.data.meta.callId }}
                label="this help"
              />
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}

/** The actions as links to their area; an action's citations follow its link (a link holds no link). */
function ActionLinks({
  actions,
  citations,
}: {
  actions: readonly { text: string; area: WorkspaceArea }[];
  citations: readonly Citation[];
}) {
  const linked = actions.flatMap((action) => {
    const path = workspacePath(action.area);
    return path ? [{ ...action, path }] : [];
  });
  if (linked.length === 0) return null;
  return (
    <ul className="space-y-1">
      {linked.map((action) => (
        <li key={action.text}>
          <TextLink to={action.path}>{stripCitationMarkers(action.text)}</TextLink>
          <CitationMarks text={action.text} citations={citations} />
        </li>
      ))}
    </ul>
  );
}
