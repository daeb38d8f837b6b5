import { type ComponentPropsWithRef, type ReactNode, useId, useState } from 'react';
import { useHydrated } from '../lib/hydration.ts';
import { cx } from './cx.ts';

/** The look of a plain input, select or textarea, for fields built outside TextField. */
export const inputClasses =
  'block min-h-11 w-full rounded-lg border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500';

interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id'> {
  label: ReactNode;
  /** Help text shown under the label and read with the field. */
  description?: ReactNode;
  error?: string | undefined;
  /** Rendered inside the input's right edge, e.g. a show-password toggle. */
  trailing?: ReactNode;
  id?: string;
}

export function TextField({
  label,
  description,
  error,
  trailing,
  id,
  className,
  'aria-describedby': extraDescribedBy,
  ...inputProps
}: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  // On a prerendered page the form resets its fields when React takes over the HTML, so anything
  // typed before then would vanish: the field takes input from that moment on.
  const hydrated = useHydrated();
  const descriptionId = `${inputId}-description`;
  const errorId = `${inputId}-error`;
  const describedBy =
    [description ? descriptionId : null, error ? errorId : null, extraDescribedBy]
      .filter(Boolean)
      .join(' ') || undefined;

  return (
    <div className={cx('space-y-1.5', className)}>
      <label htmlFor={inputId} className="block text-sm font-semibold text-slate-900">
        {label}
      </label>
      {description ? (
        <p id={descriptionId} className="text-sm text-slate-600">
          {description}
        </p>
      ) : null}
      <div className="relative">
        <input
          {...inputProps}
          readOnly={inputProps.readOnly || !hydrated}
          id={inputId}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={cx(
            'block min-h-11 w-full rounded-lg border bg-white px-3 py-2 text-base text-slate-900 shadow-sm',
            'placeholder:text-slate-500 focus-visible:border-brand-600',
            error ? 'border-red-600' : 'border-slate-500',
            trailing ? 'pr-20' : null,
          )}
        />
        {trailing ? <div className="absolute inset-y-0 right-1 flex items-center">{trailing}</div> : null}
      </div>
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-red-700">
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-4 shrink-0">
            <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-.9 4h1.8v5H9.1V6Zm0 6.5h1.8v1.8H9.1v-1.8Z" />
          </svg>
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

type PasswordFieldProps = Omit<TextFieldProps, 'type' | 'trailing'>;

/** Lets people check what they typed; fewer typos means fewer failed sign-ins and resets. */
export function PasswordField(props: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  const toggleId = useId();
  const hydrated = useHydrated();
  return (
    <TextField
      {...props}
      type={visible ? 'text' : 'password'}
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      trailing={
        <button
          id={toggleId}
          type="button"
          aria-pressed={visible}
          disabled={!hydrated}
          onClick={() => setVisible((value) => !value)}
          className="min-h-9 rounded-md px-3 text-sm font-semibold text-brand-800 hover:bg-brand-50"
        >
          {visible ? 'Hide' : 'Show'}
          <span className="sr-only"> password</span>
        </button>
      }
    />
  );
}

type EmailFieldProps = Omit<TextFieldProps, 'type' | 'label'> & { label?: ReactNode };

/** An email address input: the right keyboard on phones, autofill, and no auto-capitalised first letter. */
export function EmailField({ label = 'Email', ...props }: EmailFieldProps) {
  return (
    <TextField
      label={label}
      type="email"
      autoComplete="email"
      inputMode="email"
      autoCapitalize="none"
      spellCheck={false}
      {...props}
    />
  );
}
