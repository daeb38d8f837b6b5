import { type ComponentPropsWithRef, type ReactNode, useId } from 'react';
import { cx } from '../../components/cx.ts';
import { inputClasses } from '../../components/text-field.tsx';

interface TextAreaFieldProps extends Omit<ComponentPropsWithRef<'textarea'>, 'id'> {
  label: ReactNode;
  /** Help text shown under the label and read with the field. */
  description?: ReactNode;
  error?: string | null | undefined;
}

/** A labelled textarea with its help text and error read by screen readers with the field. */
export function TextAreaField({ label, description, error, className, ...props }: TextAreaFieldProps) {
  const id = useId();
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={cx('space-y-1.5', className)}>
      <label htmlFor={id} className="block text-sm font-semibold text-slate-900">
        {label}
      </label>
      {description ? (
        <p id={`${id}-description`} className="text-sm text-slate-600">
          {description}
        </p>
      ) : null}
      <textarea
        {...props}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={cx(inputClasses, 'font-mono text-sm', error ? 'border-red-600' : null)}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
