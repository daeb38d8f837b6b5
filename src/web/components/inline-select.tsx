import { useId } from 'react';
import { cx } from './cx.ts';

interface InlineSelectProps<V extends string | number> {
  label: string;
  value: NoInfer<V>;
  /** The type of the choices comes from here, not from the current value. */
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  /** `sm` where it sits in a page header beside the title. */
  size?: 'sm' | 'md';
}

/**
 * A native select with its label beside it, for choosing what a page or section shows (the brand,
 * a period, a task). SelectField is the one for forms.
 */
export function InlineSelect<V extends string | number>({
  label,
  value,
  options,
  onChange,
  size = 'md',
}: InlineSelectProps<V>) {
  const id = useId();
  return (
    <div className="flex min-w-0 items-center gap-2">
      <label htmlFor={id} className="shrink-0 text-sm font-semibold text-slate-900">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const chosen = options.find((option) => String(option.value) === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
        className={cx(
          'min-h-11 min-w-0 max-w-full truncate rounded-lg border border-slate-500 bg-white px-3',
          size === 'sm' ? 'text-sm' : 'text-base',
        )}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
