/** Checkbox and radio choices as large, labelled cards in a fieldset; two columns from `sm` up. */
import { type ReactNode, useId } from 'react';

export interface Choice<V extends string> {
  value: V;
  label: string;
  description?: string;
}

interface ChoiceGroupProps<V extends string> {
  legend: string;
  description?: ReactNode;
  choices: readonly Choice<V>[];
  /** The fieldset's id, when links must reach it. */
  anchor?: string;
}

/** The fieldset both groups share; they differ only in the input type and what "checked" means. */
function ChoiceFieldset<V extends string>({
  legend,
  description,
  choices,
  type,
  name,
  isChecked,
  onPick,
  anchor,
}: ChoiceGroupProps<V> & {
  type: 'checkbox' | 'radio';
  name?: string;
  isChecked(value: V): boolean;
  onPick(value: V, checked: boolean): void;
}) {
  const id = useId();
  return (
    <fieldset
      id={anchor}
      className="space-y-2"
      aria-describedby={description ? `${id}-description` : undefined}
    >
      <legend className="text-sm font-semibold text-slate-900">{legend}</legend>
      {description ? (
        <p id={`${id}-description`} className="text-sm text-slate-600">
          {description}
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {choices.map((choice) => (
          <label
            key={choice.value}
            className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input
              type={type}
              // Radios are grouped per fieldset, so two groups with the same name never interfere.
              name={name ? `${name}-${id}` : undefined}
              className="mt-1 size-4 shrink-0 accent-brand-700"
              checked={isChecked(choice.value)}
              onChange={(event) => onPick(choice.value, event.target.checked)}
            />
            <span>
              <span className="block font-medium text-slate-900">{choice.label}</span>
              {choice.description ? (
                <span className="block text-sm text-slate-600">{choice.description}</span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function CheckboxGroup<V extends string>({
  selected,
  onToggle,
  ...group
}: ChoiceGroupProps<V> & { selected: readonly V[]; onToggle(value: V, checked: boolean): void }) {
  return (
    <ChoiceFieldset
      {...group}
      type="checkbox"
      isChecked={(value) => selected.includes(value)}
      onPick={onToggle}
    />
  );
}

export function RadioGroup<V extends string>({
  value,
  onChange,
  name,
  ...group
}: ChoiceGroupProps<V> & { value: V | null; onChange(value: V): void; name: string }) {
  return (
    <ChoiceFieldset
      {...group}
      type="radio"
      name={name}
      isChecked={(choice) => value === choice}
      onPick={(choice) => onChange(choice)}
    />
  );
}
