/** Small pieces for the worksheets' lists of rows (assets, competitors, values, touchpoints). */
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Button } from '../../components/button.tsx';
import { cx } from '../../components/cx.ts';
import { inputClasses } from '../../components/text-field.tsx';

export function InputField({
  label,
  value,
  onChange,
  maxLength,
  required = false,
  className,
  placeholder,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  maxLength: number;
  required?: boolean;
  className?: string;
  placeholder?: string;
}) {
  const id = useId();
  const missing = required && value.trim() === '';
  return (
    <div className={cx('space-y-1', className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
        className={cx(inputClasses, missing ? 'border-red-600' : null)}
      />
      {missing ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          Fill this in, or remove the row: it is not saved while empty.
        </p>
      ) : null}
    </div>
  );
}

/** One row of a list, with its remove button. */
export function RowCard({
  children,
  onRemove,
  removeLabel,
}: {
  children: ReactNode;
  onRemove(): void;
  removeLabel: string;
}) {
  return (
    <li className="space-y-3 rounded-xl border border-slate-200 bg-slate-50/60 p-3 sm:p-4">
      {children}
      <div className="flex justify-end">
        <Button variant="ghost" className="min-h-9 px-2 py-1 text-red-800 hover:bg-red-50" onClick={onRemove}>
          Remove<span className="sr-only"> {removeLabel}</span>
        </Button>
      </div>
    </li>
  );
}

/**
 * A small form that adds a row only once its required text is filled in, so a half-typed row never
 * makes the worksheet unsavable.
 */
export function AddRowForm({
  label,
  inputLabel,
  maxLength,
  disabled,
  disabledReason,
  onAdd,
  extra,
}: {
  label: string;
  inputLabel: string;
  maxLength: number;
  disabled?: boolean;
  disabledReason?: string;
  onAdd(text: string): void;
  extra?: ReactNode;
}) {
  const [text, setText] = useState('');
  const id = useId();
  function submit(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    if (!value || disabled) return;
    onAdd(value);
    setText('');
  }
  return (
    <form
      onSubmit={submit}
      className="space-y-2 rounded-xl border border-dashed border-slate-400 p-3 sm:p-4"
      aria-label={label}
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
        <div className="space-y-1 sm:min-w-48 sm:flex-1">
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            {inputLabel}
          </label>
          <input
            id={id}
            value={text}
            maxLength={maxLength}
            disabled={disabled}
            onChange={(event) => setText(event.target.value)}
            className={inputClasses}
          />
        </div>
        {extra}
        <Button type="submit" variant="secondary" disabled={disabled || text.trim() === ''}>
          {label}
        </Button>
      </div>
      {disabled && disabledReason ? <p className="text-sm text-slate-600">{disabledReason}</p> : null}
    </form>
  );
}
