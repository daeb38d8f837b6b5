import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import {
  CURRENT_QUESTIONNAIRE,
  DIMENSION_LABELS,
  DIMENSION_QUESTIONS,
  DIMENSIONS,
  type Question,
} from '../../../core/diagnostic/questionnaire.ts';
import { diagnosticResultPath } from '../../../core/navigation/pages.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { diagnosticKeys } from '../../kit/diagnostic/history.ts';
import { describeError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { useHydrated } from '../../lib/hydration.ts';
import { useSession } from '../../lib/session.ts';
import { diagnosticApi } from './api.ts';
import {
  browserSessionStorage,
  clearProgress,
  type DiagnosticProgress,
  firstUnanswered,
  isComplete,
  loadProgress,
  reachableStep,
  saveProgress,
  stepFromSearch,
} from './progress-storage.ts';

const questionnaire = CURRENT_QUESTIONNAIRE;
const total = questionnaire.questions.length;

function ProgressBar({ current }: { current: number }) {
  return (
    <div
      role="progressbar"
      aria-label="Progress"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={current}
      aria-valuetext={`Question ${current} of ${total}`}
      className="h-2 overflow-hidden rounded-full bg-slate-200"
    >
      {/* An SVG rather than a styled width: the CSP allows no inline styles. */}
      <svg
        aria-hidden="true"
        viewBox={`0 0 ${total} 1`}
        preserveAspectRatio="none"
        className="block size-full"
      >
        <rect width={current} height="1" className="fill-brand-600" />
      </svg>
    </div>
  );
}

interface IntroProps {
  progress: DiagnosticProgress | null;
  signedIn: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onStart: () => void;
  onStartOver: () => void;
}

function Intro({ progress, signedIn, headingRef, onStart, onStartOver }: IntroProps) {
  const answered = progress ? Object.keys(progress.answers).length : 0;
  return (
    <div className="mx-auto w-full max-w-3xl space-y-8 px-4 py-10 sm:px-6 sm:py-16">
      <div className="space-y-4">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">
          Free IDEA brand diagnostic
        </p>
        <h1
          ref={headingRef}
          tabIndex={-1}
          className="text-3xl font-bold tracking-tight text-balance text-slate-900 focus:outline-none sm:text-4xl"
        >
          How much do your customers trust your brand?
        </h1>
        <p className="text-lg text-pretty text-slate-700">
          Eight short questions score your brand from 0 to 100 on the four qualities that make customers
          choose a brand, come back and recommend it. You’ll get a score for each, what it means, and the
          first steps to take.
        </p>
      </div>

      <ul className="grid gap-3 sm:grid-cols-2">
        {DIMENSIONS.map((dimension) => (
          <li key={dimension} className="rounded-xl border border-slate-200 bg-white p-4">
            <p className="font-semibold text-slate-900">{DIMENSION_LABELS[dimension]}</p>
            <p className="text-slate-700">{DIMENSION_QUESTIONS[dimension]}</p>
          </li>
        ))}
      </ul>

      <ul className="flex flex-col gap-2 text-slate-800 sm:flex-row sm:gap-6">
        <li>
          <strong className="font-semibold">{total} questions</strong>, one per screen
        </li>
        <li>
          About <strong className="font-semibold">3 minutes</strong>
        </li>
        <li>{signedIn ? 'Saved to your account' : 'Free, no account needed'}</li>
      </ul>

      <div className="flex flex-col gap-3 sm:flex-row">
        <Button size="lg" onClick={onStart}>
          {answered > 0 ? 'Continue where you left off' : 'Start the diagnostic'}
        </Button>
        {answered > 0 ? (
          <Button size="lg" variant="secondary" onClick={onStartOver}>
            Start over
          </Button>
        ) : null}
      </div>
      <p className="text-sm text-slate-600">
        Your answers stay in this browser tab until you see your results.{' '}
        {signedIn
          ? 'Your results are saved to your account, so you can track progress over time.'
          : 'Your results are private to this browser; create a free account afterwards to keep them.'}
      </p>
    </div>
  );
}

interface QuestionStepProps {
  question: Question;
  index: number;
  answer: number | undefined;
  headingRef: RefObject<HTMLHeadingElement | null>;
  submitting: boolean;
  error: unknown;
  errorKey: number;
  onAnswer: (value: number) => void;
  onBack: () => void;
  onNext: () => void;
}

function QuestionStep({
  question,
  index,
  answer,
  headingRef,
  submitting,
  error,
  errorKey,
  onAnswer,
  onBack,
  onNext,
}: QuestionStepProps) {
  const headingId = useId();
  const hintId = useId();
  const isLast = index === total - 1;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (answer !== undefined) onNext();
  }

  // Enter chooses the focused answer; on the answer already chosen it moves on, like submitting a form.
  function onOptionKeyDown(event: KeyboardEvent<HTMLInputElement>, value: number) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (answer === value) onNext();
    else onAnswer(value);
  }

  return (
    <div className="mx-auto w-full max-w-2xl px-4 py-8 sm:px-6 sm:py-12">
      <form noValidate onSubmit={submit} className="space-y-6">
        <div className="space-y-2">
          <p className="flex flex-wrap justify-between gap-x-4 text-sm font-semibold text-slate-700">
            <span>
              Question {index + 1} of {total}
            </span>
            <span className="text-brand-700">{DIMENSION_LABELS[question.dimension]}</span>
          </p>
          <ProgressBar current={index + 1} />
        </div>

        <fieldset aria-labelledby={headingId} aria-describedby={hintId} className="space-y-4">
          <h1
            id={headingId}
            ref={headingRef}
            tabIndex={-1}
            className="text-2xl font-bold tracking-tight text-balance text-slate-900 focus:outline-none sm:text-3xl"
          >
            {question.prompt}
          </h1>
          <p id={hintId} className="text-slate-700">
            Choose the statement closest to your brand today.
          </p>
          <div className="space-y-3">
            {question.options.map((option) => (
              <label
                key={option.value}
                className="flex cursor-pointer items-start gap-3 rounded-xl border border-slate-300 bg-white p-4 text-slate-900 hover:border-brand-500 has-checked:border-brand-700 has-checked:bg-brand-50 has-checked:ring-1 has-checked:ring-brand-700"
              >
                <input
                  type="radio"
                  name={question.id}
                  value={option.value}
                  checked={answer === option.value}
                  onChange={() => onAnswer(option.value)}
                  onKeyDown={(event) => onOptionKeyDown(event, option.value)}
                  className="mt-0.5 size-5 shrink-0 accent-brand-700"
                />
                <span>{option.label}</span>
              </label>
            ))}
          </div>
        </fieldset>

        {error ? (
          <Alert key={errorKey} tone="error" title="We couldn’t score your answers">
            <p>{describeError(error)}</p>
            <p>Your answers are kept: try again in a moment.</p>
          </Alert>
        ) : null}

        <div className="flex items-center justify-between gap-3">
          <Button variant="secondary" onClick={onBack} disabled={submitting}>
            Back
          </Button>
          <Button type="submit" disabled={answer === undefined} pending={submitting} pendingLabel="Scoring…">
            {isLast ? 'See my results' : 'Next'}
          </Button>
        </div>
        <p className="text-sm text-slate-600">
          Keyboard: arrow keys move between statements, Space or Enter chooses one.
        </p>
      </form>
    </div>
  );
}

/**
 * What a question's history entry remembers: the screen the user came from, so the page's own Back
 * button can step back through history (like the browser's) when that entry is the previous screen.
 */
interface StepState {
  diagnosticFrom: number | 'intro';
}

function cameFrom(state: unknown): StepState['diagnosticFrom'] | null {
  const from = (state as Partial<StepState> | null)?.diagnosticFrom;
  return typeof from === 'number' || from === 'intro' ? from : null;
}

export default function DiagnosticPage() {
  useDocumentTitle('Free brand diagnostic');
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const queryClient = useQueryClient();
  const [storage] = useState(browserSessionStorage);
  const [storedProgress, setProgress] = useState(() => loadProgress(storage, questionnaire));
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The intro is prerendered for a first visit: no answers, no `?q=`. Hydrating, the page renders
  // exactly that, then what this tab has saved and the URL asks for.
  const hydrated = useHydrated();
  const progress = hydrated ? storedProgress : null;

  // The screen is the URL's: no `?q=` is the intro, `?q=3` the third question (one history entry
  // per question, so Back and Forward move between them). The answers stay in sessionStorage.
  const requested = hydrated ? stepFromSearch(searchParams.get('q')) : null;
  const answers = progress?.answers ?? {};
  const step = requested === null ? null : reachableStep(questionnaire, answers, requested);

  const submission = useMutation({
    mutationFn: diagnosticApi.submitDiagnostic,
    onSuccess: (response) => {
      clearProgress(storage, questionnaire);
      queryClient.setQueryData(diagnosticKeys.result(response.result.id), response);
      void queryClient.invalidateQueries({ queryKey: diagnosticKeys.history });
      navigate(diagnosticResultPath(response.result.id));
    },
  });

  function update(next: DiagnosticProgress) {
    setProgress(next);
    saveProgress(storage, questionnaire, next);
  }

  function showStep(next: number, options: { replace?: boolean } = {}) {
    const from: StepState['diagnosticFrom'] = step ?? 'intro';
    navigate(
      { search: `?q=${next + 1}` },
      { replace: options.replace ?? false, state: { diagnosticFrom: from } satisfies StepState },
    );
  }

  // A `?q=` past the first unanswered question (typed, or stale) shows that question instead.
  useEffect(() => {
    if (requested !== null && step !== null && step !== requested)
      navigate({ search: `?q=${step + 1}` }, { replace: true, state: location.state });
  }, [requested, step, navigate, location.state]);

  // Resume (after a reload or on "Continue where you left off") at the question last on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of question is saved.
  useEffect(() => {
    if (step === null || progress?.step === step) return;
    update({ step, answers });
  }, [step]);

  // On every change of screen — buttons or the browser's Back and Forward — focus the new heading.
  // The first screen shown once hydrated is where the page opened, not a change.
  const shownScreen = useRef<number | null | undefined>(undefined);
  useEffect(() => {
    if (!hydrated) return;
    const opening = shownScreen.current === undefined;
    if (shownScreen.current === step) return;
    shownScreen.current = step;
    if (opening) return;
    headingRef.current?.focus();
    window.scrollTo(0, 0);
  }, [step, hydrated]);

  function start() {
    const resumeAt = progress?.step ?? 0;
    if (!progress) update({ step: 0, answers: {} });
    showStep(resumeAt);
  }

  function startOver() {
    update({ step: 0, answers: {} });
    showStep(0);
  }

  if (step === null) {
    return (
      <Intro
        progress={progress}
        signedIn={Boolean(session.data?.user)}
        headingRef={headingRef}
        onStart={start}
        onStartOver={startOver}
      />
    );
  }

  const question = questionnaire.questions[step];
  if (!question) return null;
  const current = step;

  function answer(value: number) {
    if (!question) return;
    update({ step: current, answers: { ...answers, [question.id]: value } });
  }

  // Back goes where the browser's Back would when the previous entry is the previous screen;
  // otherwise (after a reload, or when resuming) it shows the previous screen in place.
  function back() {
    const previous = current === 0 ? 'intro' : current - 1;
    if (cameFrom(location.state) === previous) {
      navigate(-1);
      return;
    }
    if (previous === 'intro') navigate({ search: '' }, { replace: true });
    else showStep(previous, { replace: true });
  }

  function next() {
    if (submission.isPending) return;
    if (current < total - 1) {
      showStep(current + 1);
      return;
    }
    if (isComplete(questionnaire, answers)) {
      submission.mutate({ questionnaireVersion: questionnaire.version, answers });
    } else {
      showStep(firstUnanswered(questionnaire, answers));
    }
  }

  return (
    <QuestionStep
      key={question.id}
      question={question}
      index={current}
      answer={answers[question.id]}
      headingRef={headingRef}
      submitting={submission.isPending}
      error={submission.error}
      errorKey={submission.submittedAt}
      onAnswer={answer}
      onBack={back}
      onNext={next}
    />
  );
}
