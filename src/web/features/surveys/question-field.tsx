/**
 * One survey question as a form field, for the public page: radios, checkboxes, a 1–5 or 0–10 scale
 * of large tap targets, or a text box. Each is a fieldset (or a labelled box) that names its error,
 * so a screen reader hears what to fix where it is. Answers are plain text in React: nothing a
 * respondent or an owner typed is ever read as HTML.
 */
import { type ReactNode, useId } from 'react';
import type { SurveyAnswerValue, SurveyQuestion } from '../../../core/surveys/contracts.ts';
import { NPS_MAX, NPS_MIN, SCALE_MAX, SCALE_MIN, SURVEY_LIMITS } from '../../../core/surveys/limits.ts';
import { cx } from '../../components/cx.ts';
import { inputClasses } from '../../components/text-field.tsx';

interface QuestionFieldProps {
  question: SurveyQuestion;
  /** 1-based, shown before the prompt. */
  number: number;
  value: SurveyAnswerValue | undefined;
  onChange(value: SurveyAnswerValue): void;
  error?: string | undefined;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

function Prompt({ question, number }: { question: SurveyQuestion; number: number }) {
  return (
    <>
      <span className="text-slate-500">{number}. </span>
      {question.prompt}
      {question.required ? (
        <span className="ml-1 text-sm font-normal text-slate-600">(required)</span>
      ) : (
        <span className="ml-1 text-sm font-normal text-slate-600">(optional)</span>
      )}
    </>
  );
}

export function QuestionField({ question, number, value, onChange, error }: QuestionFieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy =
    [question.help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const help = question.help ? (
    <p id={helpId} className="text-sm text-slate-600">
      {question.help}
    </p>
  ) : null;
  const errorText = error ? (
    <p id={errorId} className="text-sm font-medium text-red-700">
      {error}
    </p>
  ) : null;

  if (question.type === 'short-text' || question.type === 'long-text') {
    const max = question.type === 'short-text' ? SURVEY_LIMITS.shortTextMax : SURVEY_LIMITS.longTextMax;
    const text = typeof value === 'string' ? value : '';
    const common = {
      id,
      value: text,
      maxLength: max,
      required: question.required,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy,
      className: cx(inputClasses, error ? 'border-red-600' : null),
    } as const;
    return (
      <div id={`question-${question.id}`} className="space-y-2">
        <label htmlFor={id} className="block font-semibold text-slate-900">
          <Prompt question={question} number={number} />
        </label>
        {help}
        {question.type === 'short-text' ? (
          <input type="text" {...common} onChange={(event) => onChange(event.target.value)} />
        ) : (
          <textarea rows={4} {...common} onChange={(event) => onChange(event.target.value)} />
        )}
        {question.type === 'long-text' && text.length > max * 0.8 ? (
          <p className="text-xs text-slate-600">
            {text.length} of {max} characters
          </p>
        ) : null}
        {errorText}
      </div>
    );
  }

  const fieldset = (body: ReactNode) => (
    <fieldset id={`question-${question.id}`} aria-describedby={describedBy} className="space-y-2">
      <legend className="font-semibold text-slate-900">
        <Prompt question={question} number={number} />
      </legend>
      {help}
      {body}
      {errorText}
    </fieldset>
  );

  if (question.type === 'single-choice' || question.type === 'multiple-choice') {
    const multiple = question.type === 'multiple-choice';
    const selected = multiple
      ? Array.isArray(value)
        ? value
        : []
      : typeof value === 'string'
        ? [value]
        : [];
    return fieldset(
      <div className="grid grid-cols-1 gap-2">
        {question.options.map((option) => (
          <label
            key={option}
            className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={multiple ? undefined : id}
              className="mt-1 size-4 shrink-0 accent-brand-700"
              checked={selected.includes(option)}
              onChange={(event) => {
                if (!multiple) onChange(option);
                else if (event.target.checked) onChange([...selected, option]);
                else onChange(selected.filter((chosen) => chosen !== option));
              }}
            />
            <span className="break-words text-slate-900">{option}</span>
          </label>
        ))}
      </div>,
    );
  }

  // A scale: 1–5 or 0–10, as a row of numbered radio buttons that wraps on a narrow screen.
  const [min, max] = question.type === 'scale' ? [SCALE_MIN, SCALE_MAX] : [NPS_MIN, NPS_MAX];
  const lowLabel = question.type === 'scale' ? question.lowLabel || 'Lowest' : 'Not at all likely';
  const highLabel = question.type === 'scale' ? question.highLabel || 'Highest' : 'Extremely likely';
  return fieldset(
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        {range(min, max).map((score) => (
          <label
            key={score}
            className="flex size-11 cursor-pointer items-center justify-center rounded-lg border border-slate-400 bg-white font-semibold text-slate-900 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-700 has-[:checked]:text-white has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-600"
          >
            <input
              type="radio"
              name={id}
              className="sr-only"
              checked={value === score}
              onChange={() => onChange(score)}
              aria-label={
                score === min
                  ? `${score}: ${lowLabel}`
                  : score === max
                    ? `${score}: ${highLabel}`
                    : String(score)
              }
            />
            <span aria-hidden="true">{score}</span>
          </label>
        ))}
      </div>
      <p className="flex justify-between gap-4 text-xs text-slate-600" aria-hidden="true">
        <span>
          {min} = {lowLabel}
        </span>
        <span>
          {max} = {highLabel}
        </span>
      </p>
    </div>,
  );
}
