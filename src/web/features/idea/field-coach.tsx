/**
 * Coach help beside a worksheet field: contextual help for the field (`contextual-help`) and, on
 * Insight steps, guidance on what the user wrote (`insight-guidance`). The answer stays beside the
 * field; text lands in the field only when the user chooses "Use this", and is then marked as
 * coming from the coach.
 */
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import type { AiMeta } from '../../../core/ai/contracts.ts';
import { CONTEXTUAL_HELP_QUESTION_MAX, INSIGHT_GUIDANCE_NOTES_MAX } from '../../../core/ai/input-limits.ts';
import { type WorkspaceArea, workspacePath } from '../../../core/navigation/workspace-areas.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { runAiTask } from '../../kit/coach/ai-tasks.ts';
import { coachErrorMessage, providerLabel } from '../../kit/coach/coach-messages.ts';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';

interface FieldCoachProps {
  area: WorkspaceArea;
  /** The field's name as the page shows it. */
  fieldLabel: string;
  /** What the field asks, so the coach answers the right question. */
  fieldPrompt: string;
  /** The field's current text, sent as what the user has so far. */
  currentText: string;
  /** Offer step guidance on the user's text too (the Insight worksheet). */
  guidance?: boolean;
  /** Puts coach text into the field; without it the help is read-only (choice fields). */
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

function UseButton({ onUse, text, what }: { onUse: (text: string) => void; text: string; what: string }) {
  return (
    <Button variant="ghost" className="min-h-9 px-2 py-1 text-xs" onClick={() => onUse(text)}>
      Use this<span className="sr-only"> {what}</span>
    </Button>
  );
}

export function FieldCoach({
  area,
  fieldLabel,
  fieldPrompt,
  currentText,
  guidance = false,
  onUse,
}: FieldCoachProps) {
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
            The coach answers here. Nothing changes in your answer unless you choose “Use this”.
          </p>
        ) : null}
        {help.error ? <Alert tone="error">{coachErrorMessage(help.error)}</Alert> : null}
        {steps.error ? <Alert tone="error">{coachErrorMessage(steps.error)}</Alert> : null}
        {help.data ? (
          <div className="space-y-2">
            <p className="font-semibold text-slate-900">{help.data.output.title}</p>
            <p>{help.data.output.answer}</p>
            {help.data.output.tips.length > 0 ? (
              <ul className="space-y-1.5">
                {help.data.output.tips.map((tip) => (
                  <li key={tip} className="flex items-start justify-between gap-2">
                    <span>• {tip}</span>
                    {onUse ? <UseButton onUse={onUse} text={tip} what={`tip in ${fieldLabel}`} /> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            <ActionLinks actions={help.data.output.actions} />
            <ProviderLabel meta={help.data.meta} />
          </div>
        ) : null}
        {steps.data ? (
          <div className="space-y-2">
            <p className="font-semibold text-slate-900">{steps.data.output.headline}</p>
            <p>{steps.data.output.explanation}</p>
            {steps.data.output.questions.length > 0 ? (
              <>
                <p className="font-medium text-slate-900">Questions to answer in this step</p>
                <ul className="space-y-1.5">
                  {steps.data.output.questions.map((question) => (
                    <li key={question} className="flex items-start justify-between gap-2">
                      <span>• {question}</span>
                      {onUse ? (
                        <UseButton onUse={onUse} text={question} what={`question in ${fieldLabel}`} />
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <ActionLinks actions={steps.data.output.actions} />
            <ProviderLabel meta={steps.data.meta} />
          </div>
        ) : null}
      </div>
    </section>
  );
}

function ActionLinks({ actions }: { actions: readonly { text: string; area: WorkspaceArea }[] }) {
  const linked = actions.flatMap((action) => {
    const path = workspacePath(action.area);
    return path ? [{ ...action, path }] : [];
  });
  if (linked.length === 0) return null;
  return (
    <ul className="space-y-1">
      {linked.map((action) => (
        <li key={action.text}>
          <TextLink to={action.path}>{action.text}</TextLink>
        </li>
      ))}
    </ul>
  );
}
