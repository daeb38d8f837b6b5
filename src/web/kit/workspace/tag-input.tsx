import { type KeyboardEvent, useId, useState } from 'react';
import { TAG_MAX_LENGTH } from '../../../core/workspace/limits.ts';
import { cx } from '../../components/cx.ts';

interface TagInputProps {
  label: string;
  description?: string;
  tags: readonly string[];
  onChange(tags: string[]): void;
  /** Offered as chips; choosing one adds exactly that value to this list. */
  suggestions?: readonly string[];
  maxTags: number;
  maxLength?: number;
  placeholder?: string;
  /** The text input's id, when links must reach it (`fieldAnchor(path)`). */
  id?: string;
}

/**
 * A list of short values: type and press Enter (or a comma) to add, remove with the chip's button.
 * Each TagInput keeps its own draft text, so typing in one list never leaks into another.
 */
export function TagInput({
  label,
  description,
  tags,
  onChange,
  suggestions = [],
  maxTags,
  maxLength = TAG_MAX_LENGTH,
  placeholder,
  id: givenId,
}: TagInputProps) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const full = tags.length >= maxTags;

  function add(raw: string) {
    const value = raw.trim();
    if (!value) return;
    if (value.length > maxLength) {
      setMessage(`Keep each entry under ${maxLength} characters.`);
      return;
    }
    if (tags.some((tag) => tag.toLowerCase() === value.toLowerCase())) {
      setMessage(`“${value}” is already in the list.`);
      return;
    }
    if (full) {
      setMessage(`At most ${maxTags} entries.`);
      return;
    }
    setMessage(null);
    onChange([...tags, value]);
    setDraft('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(draft);
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  }

  const unused = suggestions.filter(
    (suggestion) => !tags.some((tag) => tag.toLowerCase() === suggestion.toLowerCase()),
  );

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-semibold text-slate-900">
        {label}
      </label>
      {description ? (
        <p id={`${id}-description`} className="text-sm text-slate-600">
          {description}
        </p>
      ) : null}
      {tags.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label={`${label}: ${tags.length} of ${maxTags}`}>
          {tags.map((tag) => (
            <li
              key={tag}
              className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-1 pr-1 pl-3 text-sm text-brand-900"
            >
              {tag}
              <button
                type="button"
                className="inline-flex size-7 items-center justify-center rounded-full hover:bg-brand-100"
                aria-label={`Remove ${tag}`}
                onClick={() => onChange(tags.filter((existing) => existing !== tag))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex gap-2">
        <input
          id={id}
          value={draft}
          disabled={full}
          // Some slack past the limit, so an over-long entry gets the explanation instead of a silent stop.
          maxLength={maxLength + 20}
          placeholder={full ? `List is full (${maxTags})` : (placeholder ?? 'Type and press Enter')}
          aria-describedby={cx(description && `${id}-description`, message && `${id}-message`) || undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          className="block min-h-11 w-full rounded-lg border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 disabled:bg-slate-100"
        />
        <button
          type="button"
          disabled={full || draft.trim() === ''}
          onClick={() => add(draft)}
          className="min-h-11 shrink-0 rounded-lg border border-slate-300 bg-white px-3 text-sm font-semibold text-slate-900 hover:bg-slate-50 disabled:opacity-60"
        >
          Add<span className="sr-only"> to {label}</span>
        </button>
      </div>
      {message ? (
        <p id={`${id}-message`} className="text-sm text-red-700" role="alert">
          {message}
        </p>
      ) : null}
      {unused.length > 0 && !full ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-xs text-slate-600">Suggestions:</span>
          {unused.map((suggestion) => (
            <button
              key={suggestion}
              type="button"
              onClick={() => add(suggestion)}
              className="rounded-full border border-dashed border-slate-400 px-3 py-1 text-sm text-slate-800 hover:border-brand-600 hover:bg-brand-50"
            >
              <span className="sr-only">Add to {label}: </span>
              <span aria-hidden="true">+ </span>
              {suggestion}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
