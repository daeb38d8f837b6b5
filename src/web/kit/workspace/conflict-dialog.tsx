import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { ConflictChoice } from '../../../core/workspace/merge.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { formatTime } from '../../lib/format-date.ts';
import type { ConflictController } from './use-workspace-item.ts';
import { humanise, valueText } from './value-text.ts';

/** `story.origin` → "Story › Origin". */
export function fieldLabel(path: string): string {
  return path.split('.').map(humanise).join(' › ');
}

const SIDES: readonly { choice: ConflictChoice; label: string }[] = [
  { choice: 'mine', label: 'Your version' },
  { choice: 'theirs', label: 'Other version' },
];

/**
 * Shown when a field was changed both in this tab and in another tab or device (ADR 0027). Edits to
 * other fields were already merged; only the fields changed on both sides are listed, each with its
 * two versions side by side as a labelled radio group, and nothing is saved until each has a choice.
 */
export function ConflictDialog({ conflict }: { conflict: ConflictController | null }) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Unique per dialog: a page editing several items renders one dialog for each.
  const titleId = useId();
  const groupId = useId();
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const fieldKey = conflict?.fields.map((field) => field.path).join('|') ?? '';

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (conflict && !element.open) element.showModal();
    if (!conflict && element.open) element.close();
  }, [conflict]);

  // A new set of conflicting fields starts with no choices made.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `fieldKey` is what identifies a new set.
  useEffect(() => {
    setChoices({});
    setMissing([]);
  }, [fieldKey]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!conflict) return;
    const unchosen = conflict.fields.filter((field) => !choices[field.path]).map((field) => field.path);
    setMissing(unchosen);
    if (unchosen.length === 0) conflict.resolve(choices);
  }

  function chooseAll(choice: ConflictChoice) {
    if (!conflict) return;
    conflict.resolve(Object.fromEntries(conflict.fields.map((field) => [field.path, choice])));
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      // Escape would leave the choice unmade; the buttons are the only ways out.
      onCancel={(event) => event.preventDefault()}
      className="m-auto w-[min(48rem,calc(100vw-2rem))] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/50"
    >
      {conflict ? (
        <form noValidate onSubmit={submit} className="space-y-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {conflict.fields.length === 1
              ? 'This field was also changed in another tab or device'
              : `${conflict.fields.length} fields were also changed in another tab or device`}
          </h2>
          <p className="text-sm text-slate-700">
            A newer version was saved
            {conflict.theirsSavedAt ? ` at ${formatTime(conflict.theirsSavedAt)}` : ''} while you were
            editing. Everything else from both versions is kept; choose which version of{' '}
            {conflict.fields.length === 1 ? 'this field' : 'each field'} to keep.
          </p>
          {missing.length > 0 ? (
            <Alert tone="error">
              <p>Choose a version for: {missing.map(fieldLabel).join(', ')}.</p>
            </Alert>
          ) : null}
          <div className="max-h-[55vh] space-y-4 overflow-auto">
            {conflict.fields.map((field, index) => {
              const name = `${groupId}-${index}`;
              const values: Record<ConflictChoice, unknown> = { mine: field.mine, theirs: field.theirs };
              return (
                <fieldset key={field.path} className="space-y-2 rounded-xl border border-slate-200 p-3">
                  <legend className="px-1 font-semibold text-slate-900">{fieldLabel(field.path)}</legend>
                  <div className="grid gap-2 sm:grid-cols-2">
                    {SIDES.map(({ choice, label }) => (
                      <label
                        key={choice}
                        className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-300 p-3 has-checked:border-brand-700 has-checked:bg-brand-50 has-checked:ring-1 has-checked:ring-brand-700"
                      >
                        <input
                          type="radio"
                          name={name}
                          value={choice}
                          checked={choices[field.path] === choice}
                          onChange={() => setChoices((current) => ({ ...current, [field.path]: choice }))}
                          className="mt-1 size-4 shrink-0 accent-brand-700"
                        />
                        <span className="min-w-0 space-y-1">
                          <span className="block text-sm font-semibold text-slate-800">{label}</span>
                          <span className="block text-sm break-words whitespace-pre-wrap text-slate-700">
                            {valueText(values[choice])}
                          </span>
                        </span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              );
            })}
          </div>
          <div className="flex flex-wrap gap-3">
            <Button type="submit">Save my choices</Button>
            <Button variant="secondary" onClick={() => chooseAll('mine')}>
              Keep all of mine
            </Button>
            <Button variant="secondary" onClick={() => chooseAll('theirs')}>
              Use all of theirs
            </Button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
