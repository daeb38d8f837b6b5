/** A survey's state in words: draft, taking answers, or closed and why. */
import type { Survey } from '../../../core/surveys/contracts.ts';
import { surveyClosedReason } from '../../../core/surveys/limits.ts';
import { cx } from '../../components/cx.ts';

const LABELS = {
  draft: 'Draft',
  open: 'Taking answers',
  closed: 'Closed',
  'past-close-date': 'Closed: past its close date',
  'cap-reached': 'Closed: answer cap reached',
} as const;

export function surveyState(survey: Survey, now = new Date()): keyof typeof LABELS {
  const reason = surveyClosedReason(survey, now);
  return reason ?? 'open';
}

export function SurveyStatusBadge({ survey }: { survey: Survey }) {
  const state = surveyState(survey);
  return (
    <span
      className={cx(
        'inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold',
        state === 'open'
          ? 'bg-emerald-100 text-emerald-900'
          : state === 'draft'
            ? 'bg-slate-100 text-slate-800'
            : 'bg-amber-100 text-amber-900',
      )}
    >
      {LABELS[state]}
    </span>
  );
}
