/**
 * The builder's editor for one question: its type, wording, help line, required flag, options (for
 * choices) or end labels (for a 1–5 scale), and the buttons that move or remove it. Every limit is
 * the server's, so nothing typed is refused late.
 */
import { useId } from 'react';
import type { SurveyQuestion } from '../../../core/surveys/contracts.ts';
import {
  SURVEY_LIMITS,
  SURVEY_QUESTION_TYPE_LABELS,
  SURVEY_QUESTION_TYPES,
  type SurveyQuestionType,
} from '../../../core/surveys/limits.ts';
import { Button } from '../../components/button.tsx';
import { inputClasses, TextField } from '../../components/text-field.tsx';

/** The question as another type, keeping its id, wording, help and required flag. */
export function withType(question: SurveyQuestion, type: SurveyQuestionType): SurveyQuestion {
  const base = { id: question.id, prompt: question.prompt, help: question.help, required: question.required };
  switch (type) {
    case 'single-choice':
    case 'multiple-choice':
      return { ...base, type, options: 'options' in question ? question.options : ['Option 1', 'Option 2'] };
    case 'scale':
      return { ...base, type, lowLabel: '', highLabel: '' };
    default:
      return { ...base, type };
  }
}

interface QuestionEditorProps {
  question: SurveyQuestion;
  index: number;
  count: number;
  onChange(question: SurveyQuestion): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}

export function QuestionEditor({ question, index, count, onChange, onMove, onRemove }: QuestionEditorProps) {
  const id = useId();
  const number = index + 1;
  const name = `question ${number}`;
  return (
    <fieldset className="space-y-4 rounded-xl border border-slate-300 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">Question {number}</legend>
      <div className="space-y-1.5">
        <label htmlFor={`${id}-type`} className="block text-sm font-semibold text-slate-900">
          Type
        </label>
        <select
          id={`${id}-type`}
          className={inputClasses}
          value={question.type}
          onChange={(event) => onChange(withType(question, event.target.value as SurveyQuestionType))}
        >
          {SURVEY_QUESTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {SURVEY_QUESTION_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label="Question"
        value={question.prompt}
        maxLength={SURVEY_LIMITS.promptMax}
        onChange={(event) => onChange({ ...question, prompt: event.target.value })}
      />
      <TextField
        label="Help line (optional)"
        value={question.help}
        maxLength={SURVEY_LIMITS.helpMax}
        onChange={(event) => onChange({ ...question, help: event.target.value })}
      />
      {question.type === 'single-choice' || question.type === 'multiple-choice' ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold text-slate-900">
            Options ({question.options.length} of {SURVEY_LIMITS.optionsMax})
          </legend>
          <ol className="space-y-2">
            {question.options.map((option, optionIndex) => (
              // Options may repeat while being typed; their place in the list is what identifies them.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              <li key={optionIndex} className="flex gap-2">
                <input
                  aria-label={`Option ${optionIndex + 1} of ${name}`}
                  className={inputClasses}
                  value={option}
                  maxLength={SURVEY_LIMITS.optionMax}
                  onChange={(event) =>
                    onChange({
                      ...question,
                      options: question.options.map((current, at) =>
                        at === optionIndex ? event.target.value : current,
                      ),
                    })
                  }
                />
                <Button
                  variant="ghost"
                  className="min-h-11 shrink-0"
                  disabled={question.options.length <= SURVEY_LIMITS.optionsMin}
                  onClick={() =>
                    onChange({ ...question, options: question.options.filter((_, at) => at !== optionIndex) })
                  }
                >
                  Remove
                  <span className="sr-only">
                    {' '}
                    option {optionIndex + 1} of {name}
                  </span>
                </Button>
              </li>
            ))}
          </ol>
          <Button
            variant="secondary"
            disabled={question.options.length >= SURVEY_LIMITS.optionsMax}
            onClick={() =>
              onChange({
                ...question,
                options: [...question.options, `Option ${question.options.length + 1}`],
              })
            }
          >
            Add an option<span className="sr-only"> to {name}</span>
          </Button>
        </fieldset>
      ) : null}
      {question.type === 'scale' ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="What 1 means (optional)"
            value={question.lowLabel}
            maxLength={SURVEY_LIMITS.scaleLabelMax}
            onChange={(event) => onChange({ ...question, lowLabel: event.target.value })}
          />
          <TextField
            label="What 5 means (optional)"
            value={question.highLabel}
            maxLength={SURVEY_LIMITS.scaleLabelMax}
            onChange={(event) => onChange({ ...question, highLabel: event.target.value })}
          />
        </div>
      ) : null}
      {question.type === 'nps' ? (
        <p className="text-sm text-slate-600">
          Answered on a 0–10 scale; results show the Net Promoter Score (promoters 9–10 minus detractors 0–6).
        </p>
      ) : null}
      <label className="flex min-h-11 items-center gap-3">
        <input
          type="checkbox"
          className="size-4 accent-brand-700"
          checked={question.required}
          onChange={(event) => onChange({ ...question, required: event.target.checked })}
        />
        <span className="text-slate-900">Required</span>
      </label>
      <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-3">
        <Button variant="secondary" className="min-h-9" disabled={index === 0} onClick={() => onMove(-1)}>
          Move up<span className="sr-only"> {name}</span>
        </Button>
        <Button
          variant="secondary"
          className="min-h-9"
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          Move down<span className="sr-only"> {name}</span>
        </Button>
        <Button variant="ghost" className="min-h-9" onClick={onRemove}>
          Remove<span className="sr-only"> {name}</span>
        </Button>
      </div>
    </fieldset>
  );
}
