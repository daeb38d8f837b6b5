/**
 * Form pieces every workspace page shares (IDEA worksheets, avatars, canvas): a titled section card
 * and a free-text field that shows its limit and whether its text came from the coach. Each is
 * labelled, keyboard-usable and fits 360 px.
 */
import { type ReactNode, useId } from 'react';
import { cx } from '../../components/cx.ts';
import { inputClasses } from '../../components/text-field.tsx';
import { AiSourceBadge } from './ai-source-badge.tsx';

interface TextAreaFieldProps {
  label: string;
  description?: ReactNode;
  value: string;
  maxLength: number;
  onChange(value: string): void;
  /** The text was accepted from the coach (shown until the user edits it). */
  fromCoach?: boolean;
  rows?: number;
  placeholder?: string;
  name?: string;
  /** Show the character count all the time rather than only near the limit. */
  alwaysCount?: boolean;
  /** A short note next to the count, e.g. what is still to replace. */
  note?: ReactNode;
  /** The textarea's id, when links must reach it (`fieldAnchor(path)`). */
  id?: string;
}

/** Free text with its limit: a count appears near the limit, and the browser stops input at it. */
export function TextAreaField({
  label,
  description,
  value,
  maxLength,
  onChange,
  fromCoach = false,
  rows = 4,
  placeholder,
  name,
  alwaysCount = false,
  note,
  id: givenId,
}: TextAreaFieldProps) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const showCount = alwaysCount || value.length > maxLength * 0.8;
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="block text-sm font-semibold text-slate-900">
          {label}
        </label>
        {fromCoach ? <AiSourceBadge /> : null}
      </div>
      {description ? (
        <p id={`${id}-description`} className="text-sm text-slate-600">
          {description}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        value={value}
        rows={rows}
        maxLength={maxLength}
        placeholder={placeholder}
        aria-describedby={
          cx(description ? `${id}-description` : null, showCount ? `${id}-count` : null) || undefined
        }
        onChange={(event) => onChange(event.target.value)}
        className={cx(inputClasses, 'resize-y')}
      />
      {showCount ? (
        <p id={`${id}-count`} className="flex flex-wrap justify-between gap-2 text-xs text-slate-600">
          {note ? <span>{note}</span> : null}
          <span className="ml-auto">
            {value.length.toLocaleString('en')} / {maxLength.toLocaleString('en')} characters
          </span>
        </p>
      ) : null}
    </div>
  );
}

export function WorksheetSection({
  title,
  description,
  children,
  headingLevel = 2,
  anchor,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  headingLevel?: 2 | 3;
  /** The section's id, when links must reach it (`fieldAnchor(path)` of the field it holds). */
  anchor?: string;
}) {
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section
      id={anchor}
      aria-labelledby={id}
      className="space-y-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <div className="space-y-1">
        <Heading
          id={id}
          className={cx('font-semibold text-slate-900', headingLevel === 2 ? 'text-xl' : 'text-lg')}
        >
          {title}
        </Heading>
        {description ? <div className="text-sm text-slate-600">{description}</div> : null}
      </div>
      {children}
    </section>
  );
}
