import { useMutation } from '@tanstack/react-query';
import { fieldAnchor } from '../../../core/knowledge/links.ts';
import type { CanvasData } from '../../../core/workspace/canvas.ts';
import { hasPlaceholder } from '../../../core/workspace/canvas-completion.ts';
import {
  CANVAS_MAX_TAGS,
  CANVAS_TAG_MAX,
  type CanvasFieldInfo,
} from '../../../core/workspace/canvas-fields.ts';
import { suggestionRequest } from '../../../core/workspace/canvas-suggestion.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { runAiTask } from '../../kit/coach/ai-tasks.ts';
import { coachErrorMessage } from '../../kit/coach/coach-messages.ts';
import { RateAnswer } from '../../kit/coach/rate-answer.tsx';
import { AiSourceBadge } from '../../kit/workspace/ai-source-badge.tsx';
import { TagInput } from '../../kit/workspace/tag-input.tsx';
import { TextAreaField } from '../../kit/workspace/worksheet-fields.tsx';
import { SuggestionPanel } from './suggestion-panel.tsx';

/** Common choices offered as chips; the user can type anything else. */
const TAG_SUGGESTIONS: Record<'values' | 'personality', readonly string[]> = {
  values: ['Honesty', 'Craftsmanship', 'Sustainability', 'Inclusivity', 'Curiosity', 'Generosity'],
  personality: ['Warm', 'Confident', 'Playful', 'Dependable', 'Bold', 'Thoughtful'],
};

interface CanvasFieldProps {
  field: CanvasFieldInfo;
  data: CanvasData;
  fromCoach: boolean;
  /** The brand whose canvas this is: the coach reads that brand's saved work. */
  brandId: string;
  brandName: string | null;
  /** The user typed: the field's source goes back to "user". */
  onType(value: string | string[]): void;
  /** Text from the coach's rewrite (accepted as is, or edited first). */
  onApply(text: string, fromCoach: boolean): void;
}

export function CanvasField({
  field,
  data,
  fromCoach,
  brandId,
  brandName,
  onType,
  onApply,
}: CanvasFieldProps) {
  const suggestion = useMutation({
    mutationFn: () =>
      runAiTask('canvas-suggestion', suggestionRequest(data, field.key, { brandId, brandName })),
  });
  const value = data[field.key];
  const text = typeof value === 'string' ? value : '';

  return (
    <div className="grid gap-4 border-t border-slate-200 pt-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="space-y-2">
        {field.kind === 'tags' && Array.isArray(value) ? (
          <>
            {fromCoach ? <AiSourceBadge /> : null}
            <TagInput
              id={fieldAnchor(field.key)}
              label={field.label}
              description={field.hint}
              tags={value}
              maxTags={CANVAS_MAX_TAGS}
              maxLength={CANVAS_TAG_MAX}
              suggestions={TAG_SUGGESTIONS[field.key as 'values' | 'personality']}
              onChange={(tags) => onType(tags)}
            />
          </>
        ) : (
          <TextAreaField
            id={fieldAnchor(field.key)}
            label={field.label}
            description={field.hint}
            name={field.key}
            value={text}
            rows={field.maxLength < 200 ? 2 : 3}
            maxLength={field.maxLength}
            fromCoach={fromCoach}
            alwaysCount
            note={hasPlaceholder(text) ? 'Replace the [brackets] with your own words.' : null}
            onChange={onType}
          />
        )}
      </div>
      <div className="space-y-3">
        <Button
          variant="secondary"
          className="min-h-10 px-3 py-1.5"
          pending={suggestion.isPending}
          pendingLabel="Asking the coach…"
          onClick={() => suggestion.mutate()}
        >
          Get a suggestion<span className="sr-only"> for {field.label}</span>
        </Button>
        <div aria-live="polite" className="space-y-3">
          {suggestion.error ? <Alert tone="error">{coachErrorMessage(suggestion.error)}</Alert> : null}
          {suggestion.data ? (
            <SuggestionPanel
              // A new answer starts with a fresh draft.
              key={suggestion.submittedAt}
              field={field}
              suggestion={suggestion.data}
              onApply={(text, coach) => {
                onApply(text, coach);
                suggestion.reset();
              }}
              onDismiss={() => suggestion.reset()}
            />
          ) : null}
          {suggestion.data?.meta.callId ? (
            <RateAnswer
              key={suggestion.data.meta.callId}
              target={{ subject: 'task-result', callId: suggestion.data.meta.callId }}
              label="this suggestion"
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}
