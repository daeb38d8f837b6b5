import { useId, useState } from 'react';
import type { AiMeta, AiTaskOutput } from '../../../core/ai/contracts.ts';
import { hasPlaceholder } from '../../../core/workspace/canvas-completion.ts';
import type { CanvasFieldInfo } from '../../../core/workspace/canvas-fields.ts';
import { rewriteToTags } from '../../../core/workspace/canvas-suggestion.ts';
import { Button } from '../../components/button.tsx';
import { CitedText, SourcesList } from '../../kit/coach/citations.tsx';
import { providerLabel } from '../../kit/coach/coach-messages.ts';

interface SuggestionPanelProps {
  field: CanvasFieldInfo;
  suggestion: { output: AiTaskOutput<'canvas-suggestion'>; meta: AiMeta };
  /** Puts text into the field; `fromCoach` is false once the user has changed the rewrite. */
  onApply(text: string, fromCoach: boolean): void;
  onDismiss(): void;
}

/**
 * The coach's answer for one field. The critique and checklist are advice and stay here; only the
 * proposed rewrite can reach the field — as is (Accept), or after the user edits it (Edit). When the
 * coach proposes nothing (the text is fine, or there is nothing of the owner's to build on) or what
 * it proposes still has a [placeholder] to fill in, there is nothing to accept or edit: only advice.
 */
export function SuggestionPanel({ field, suggestion, onApply, onDismiss }: SuggestionPanelProps) {
  const { output, meta } = suggestion;
  const [draft, setDraft] = useState<string | null>(null);
  const draftId = useId();
  const headingId = useId();
  const rewrite = output.rewrite.trim();
  const tags = field.kind === 'tags' ? rewriteToTags(rewrite) : null;
  const proposed = rewrite !== '' && !hasPlaceholder(rewrite) && (tags === null || tags.length > 0);
  const draftTags = field.kind === 'tags' && draft !== null ? rewriteToTags(draft) : null;

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-xl border border-violet-200 bg-violet-50/60 p-4 text-sm text-slate-800"
      data-testid={`suggestion-${field.key}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="font-semibold text-slate-900">
          Coach suggestion for {field.label.toLowerCase()}
        </h3>
        <p className="text-xs text-slate-600">{providerLabel(meta)}</p>
      </div>
      {meta.notice ? <p className="text-xs text-amber-900">{meta.notice.message}</p> : null}

      {output.critique.length > 0 ? (
        <div>
          <h4 className="font-semibold text-slate-900">
            {proposed ? 'What to improve' : 'The coach’s view'}
          </h4>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {output.critique.map((item) => (
              <li key={item}>
                <CitedText text={item} citations={meta.citations} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {proposed ? (
        <div>
          <h4 className="font-semibold text-slate-900">Proposed rewrite</h4>
          {draft === null ? (
            <blockquote className="mt-1 border-l-4 border-violet-300 bg-white px-3 py-2 whitespace-pre-wrap text-slate-900">
              {rewrite}
            </blockquote>
          ) : (
            <div className="mt-1 space-y-1">
              <label htmlFor={draftId} className="block text-sm font-semibold text-slate-900">
                Edit the rewrite before using it
              </label>
              <textarea
                id={draftId}
                value={draft}
                rows={4}
                maxLength={field.maxLength}
                onChange={(event) => setDraft(event.target.value)}
                className="block w-full rounded-lg border border-slate-500 bg-white px-3 py-2 text-base text-slate-900"
              />
              {draftTags ? (
                <p className="text-xs text-slate-600">
                  {draftTags.length > 0 ? `Will add: ${draftTags.join(', ')}` : 'Nothing to add yet.'}
                </p>
              ) : null}
            </div>
          )}
          {tags !== null && draft === null ? (
            <p className="mt-1 text-xs text-slate-600">Accepting adds: {tags.join(', ')}</p>
          ) : null}
        </div>
      ) : (
        <p className="text-slate-700">
          No rewrite to accept: the advice above is what the coach has for now.
        </p>
      )}

      <SourcesList citations={meta.citations} />

      {output.checklist.length > 0 ? (
        <details>
          <summary className="cursor-pointer font-semibold text-slate-900">
            Checklist for a strong {field.label.toLowerCase()}
          </summary>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {output.checklist.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </details>
      ) : null}

      <div className="flex flex-wrap gap-2">
        {!proposed ? null : draft === null ? (
          <>
            <Button className="min-h-10 px-3 py-1.5" onClick={() => onApply(rewrite, true)}>
              Accept<span className="sr-only"> the rewrite for {field.label}</span>
            </Button>
            <Button variant="secondary" className="min-h-10 px-3 py-1.5" onClick={() => setDraft(rewrite)}>
              Edit<span className="sr-only"> the rewrite for {field.label}</span>
            </Button>
          </>
        ) : (
          <>
            <Button
              className="min-h-10 px-3 py-1.5"
              disabled={draft.trim() === '' || (draftTags !== null && draftTags.length === 0)}
              onClick={() => onApply(draft, draft === rewrite)}
            >
              Use my edit<span className="sr-only"> for {field.label}</span>
            </Button>
            <Button variant="secondary" className="min-h-10 px-3 py-1.5" onClick={() => setDraft(null)}>
              Back to the suggestion
            </Button>
          </>
        )}
        <Button variant="ghost" className="min-h-10 px-3 py-1.5" onClick={onDismiss}>
          Dismiss<span className="sr-only"> the suggestion for {field.label}</span>
        </Button>
      </div>
    </section>
  );
}
