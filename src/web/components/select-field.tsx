import { useId } from 'react';
import { cx } from './cx.ts';
import { inputClasses } from './text-field.tsx';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

interface SelectFieldBase<V extends string> {
  label: string;
  /** The type of the choices comes from here, not from the current value. */
  options: readonly SelectOption<V>[];
  description?: string;
  className?: string;
  /** A smaller label, for selects inside a list row. */
  compact?: boolean;
  /** The select's id, when links must reach it. */
  id?: string;
}

/** Always one of the options … */
interface RequiredSelect<V extends string> extends SelectFieldBase<V> {
  value: NoInfer<V>;
  onChange(value: NoInfer<V>): void;
  emptyLabel?: undefined;
}

/** … or, with `emptyLabel` as the first option, no answer at all (null). */
interface OptionalSelect<V extends string> extends SelectFieldBase<V> {
  value: NoInfer<V> | null;
  onChange(value: NoInfer<V> | null): void;
  emptyLabel: string;
}

/** A labelled native select: the platform's own picker on phones, and fully keyboard-usable. */
export function SelectField<V extends string>(props: RequiredSelect<V> | OptionalSelect<V>) {
  const { label, options, description, className, compact = false } = props;
  const generatedId = useId();
  const id = props.id ?? generatedId;
  return (
    <div className={cx(compact ? 'space-y-1' : 'space-y-1.5', className)}>
      <label
        htmlFor={id}
        className={cx(
          'block text-sm',
          compact ? 'font-medium text-slate-800' : 'font-semibold text-slate-900',
        )}
      >
        {label}
      </label>
      {description ? (
        <p id={`${id}-description`} className="text-sm text-slate-600">
          {description}
        </p>
      ) : null}
      <select
        id={id}
        value={props.value ?? ''}
        aria-describedby={description ? `${id}-description` : undefined}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value);
          if (props.emptyLabel !== undefined) props.onChange(chosen ? chosen.value : null);
          else if (chosen) props.onChange(chosen.value);
        }}
        className={inputClasses}
      >
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Options for a SelectField from a label table, in the table's order. */
export function optionsOf<V extends string>(labels: Record<V, string>): SelectOption<V>[] {
  return (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));
}
