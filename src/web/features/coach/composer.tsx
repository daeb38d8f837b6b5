import { type FormEvent, type KeyboardEvent, useId } from 'react';
import { CHAT_MESSAGE_MAX } from '../../../core/ai/chat-limits.ts';
import { Button } from '../../components/button.tsx';

interface ComposerProps {
  value: string;
  onChange: (value: string) => void;
  onSend: (text: string) => void;
  onStop: () => void;
  streaming: boolean;
  /** Why sending is not possible right now (e.g. the daily quota is used up), shown under the field. */
  blockedReason: string | null;
}

export function Composer({ value, onChange, onSend, onStop, streaming, blockedReason }: ComposerProps) {
  const fieldId = useId();
  const hintId = useId();
  const trimmed = value.trim();
  const tooLong = value.length > CHAT_MESSAGE_MAX;
  const canSend = !streaming && !blockedReason && trimmed.length > 0 && !tooLong;

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!canSend) return;
    onSend(trimmed);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends, Shift+Enter is a new line; composing (IME) text is left alone.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form onSubmit={submit} className="space-y-2">
      <label htmlFor={fieldId} className="block text-sm font-semibold text-slate-900">
        Your message
      </label>
      <textarea
        id={fieldId}
        value={value}
        rows={3}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={hintId}
        aria-invalid={tooLong || undefined}
        className="block w-full resize-y rounded-lg border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 shadow-sm"
      />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <p id={hintId} className="text-sm text-slate-600">
          {blockedReason ??
            (tooLong
              ? `That’s ${value.length - CHAT_MESSAGE_MAX} characters too long (at most ${CHAT_MESSAGE_MAX}).`
              : 'Enter sends, Shift+Enter adds a new line.')}
        </p>
        {streaming ? (
          <Button variant="secondary" onClick={onStop} className="shrink-0">
            Stop answering
          </Button>
        ) : (
          <Button type="submit" disabled={!canSend} className="shrink-0">
            Send
          </Button>
        )}
      </div>
    </form>
  );
}
