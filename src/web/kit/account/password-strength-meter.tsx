import { useDeferredValue, useMemo } from 'react';
import {
  checkPasswordRules,
  PASSWORD_MIN_STRENGTH_SCORE,
  type PasswordRuleResult,
} from '../../../core/auth/password-rules.ts';
import type { StrengthScore } from '../../../core/auth/password-strength.ts';
import { cx } from '../../components/cx.ts';
import type { AssessPassword } from './password-strength.ts';

const scoreLabels: Record<StrengthScore, string> = {
  0: 'Very weak',
  1: 'Weak',
  2: 'Fair',
  3: 'Strong',
  4: 'Very strong',
};

const barWidths: Record<StrengthScore, string> = {
  0: 'w-1/12',
  1: 'w-1/4',
  2: 'w-1/2',
  3: 'w-3/4',
  4: 'w-full',
};

const barColours: Record<StrengthScore, string> = {
  0: 'bg-red-600',
  1: 'bg-red-600',
  2: 'bg-amber-500',
  3: 'bg-emerald-600',
  4: 'bg-emerald-700',
};

type RuleState = 'met' | 'unmet' | 'checking';

interface PasswordStrengthMeterProps {
  id: string;
  password: string;
  /**
   * The user's name and email, when known: the password may not contain them (a rule shown in the
   * list) and the estimator treats them as guessable.
   */
  userInputs: string[];
  assess: AssessPassword | null;
  estimatorFailed: boolean;
  /** After a rejected submit, unmet rules are marked as errors rather than to-dos. */
  showFailures: boolean;
}

function RuleIcon({ state, showFailure }: { state: RuleState; showFailure: boolean }) {
  if (state === 'met') {
    return (
      <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 fill-emerald-700">
        <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm3.7 5.3 1.4 1.4-6 6-3.4-3.4 1.4-1.4 2 2 4.6-4.6Z" />
      </svg>
    );
  }
  if (showFailure && state === 'unmet') {
    return (
      <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 fill-red-700">
        <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16ZM7.2 5.8 10 8.6l2.8-2.8 1.4 1.4-2.8 2.8 2.8 2.8-1.4 1.4-2.8-2.8-2.8 2.8-1.4-1.4 2.8-2.8-2.8-2.8 1.4-1.4Z" />
      </svg>
    );
  }
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 fill-none stroke-slate-500">
      <circle cx="10" cy="10" r="7" strokeWidth="2" />
    </svg>
  );
}

const stateText: Record<RuleState, string> = { met: 'done', unmet: 'not yet', checking: 'checking' };

/**
 * Shows the server's own password rules as a live checklist. The strength rule needs the estimator,
 * which loads lazily; until then it reads "checking" rather than guessing.
 */
export function PasswordStrengthMeter({
  id,
  password,
  userInputs,
  assess,
  estimatorFailed,
  showFailures,
}: PasswordStrengthMeterProps) {
  // Typing stays responsive: the estimate catches up between keystrokes.
  const deferredPassword = useDeferredValue(password);
  const inputsKey = userInputs.join('\n');
  const assessment = useMemo(
    () => (assess && deferredPassword ? assess(deferredPassword, inputsKey.split('\n')) : null),
    [assess, deferredPassword, inputsKey],
  );

  let strengthState: RuleState = 'unmet';
  if (assessment) strengthState = assessment.score >= PASSWORD_MIN_STRENGTH_SCORE ? 'met' : 'unmet';
  else if (password && !estimatorFailed) strengthState = 'checking';

  const rules: Array<PasswordRuleResult & { state: RuleState }> = [
    ...checkPasswordRules(password, userInputs).map((rule) => ({
      ...rule,
      state: (rule.met ? 'met' : 'unmet') as RuleState,
    })),
    {
      id: 'strength',
      label: 'Hard to guess (strength “Strong” or better)',
      met: strengthState === 'met',
      state: strengthState,
    },
  ];
  const metCount = rules.filter((rule) => rule.state === 'met').length;
  const score = assessment?.score ?? null;
  const strengthLabel = !password ? 'Not entered' : score === null ? 'Checking…' : scoreLabels[score];
  const announcement = password
    ? `Password strength: ${strengthLabel}. ${metCount} of ${rules.length} rules met.`
    : '';
  const advice =
    assessment && score !== null && score < PASSWORD_MIN_STRENGTH_SCORE
      ? [assessment.warning, ...assessment.suggestions].filter((text): text is string => Boolean(text))
      : [];

  return (
    <div id={id} className="space-y-3 rounded-xl border border-slate-200 bg-slate-50 p-4">
      <div className="space-y-2">
        <p className="flex items-baseline justify-between gap-3 text-sm text-slate-700">
          <span>Password strength</span>
          <span className="font-semibold text-slate-900">{strengthLabel}</span>
        </p>
        <div aria-hidden="true" className="h-2 w-full overflow-hidden rounded-full bg-slate-200">
          {password && score !== null ? (
            <div className={cx('h-full rounded-full transition-all', barWidths[score], barColours[score])} />
          ) : null}
        </div>
      </div>
      <ul aria-label="Password rules" className="space-y-1.5 text-sm">
        {rules.map((rule) => (
          <li
            key={rule.id}
            className={cx(
              'flex items-start gap-2',
              showFailures && rule.state === 'unmet' ? 'text-red-800' : 'text-slate-800',
            )}
          >
            <RuleIcon state={rule.state} showFailure={showFailures} />
            <span>
              {rule.label}
              <span className="sr-only"> ({stateText[rule.state]})</span>
            </span>
          </li>
        ))}
      </ul>
      {advice.length > 0 ? (
        <ul className="space-y-1 border-t border-slate-200 pt-3 text-sm text-slate-700">
          {advice.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : null}
      {estimatorFailed ? (
        <p className="text-sm text-slate-700">
          We couldn’t load the strength check. We’ll still check your password when you submit.
        </p>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
