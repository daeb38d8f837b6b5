/**
 * /beta: what the beta programme is, joining with consent, the journey checklist and leaving
 * (ADR 0053). Each step is ticked by the server from the tester's real work, never by a click here;
 * under each step a short question asks how it went. Leaving keeps the account and its work.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { BetaJourneyStep, BetaStatus } from '../../../core/beta/contracts.ts';
import {
  BETA_STEP_INFO,
  type BetaStep,
  CURRENT_BETA_CONSENT,
  STEP_COMMENT_MAX,
  STEP_RATING_LABELS,
  STEP_RATINGS,
  type StepRating,
} from '../../../core/beta/journey.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { RadioGroup } from '../../components/choice-group.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { cx } from '../../components/cx.ts';
import { PageLoader } from '../../components/spinner.tsx';
import { inputClasses } from '../../components/text-field.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { describeError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { formatDate } from '../../lib/format-date.ts';
import { betaApi, betaKeys, betaStatusQuery } from './api.ts';

/** Where each step is done; giving feedback is the footer's button, on every page. */
const STEP_LINKS: Partial<Record<BetaStep, { to: string; label: string }>> = {
  diagnostic: { to: PAGE_PATHS.diagnostic, label: 'Take the diagnostic' },
  module: { to: PAGE_PATHS.ideaHub, label: 'Open the IDEA modules' },
  avatar: { to: PAGE_PATHS.avatars, label: 'Open your avatars' },
  canvas: { to: PAGE_PATHS.canvas, label: 'Open the brand canvas' },
  coach: { to: PAGE_PATHS.coach, label: 'Open the coach' },
  document: { to: PAGE_PATHS.knowledge, label: 'Open your documents' },
};

const RATING_CHOICES = STEP_RATINGS.map((rating) => ({ value: rating, label: STEP_RATING_LABELS[rating] }));

function useStatusUpdate() {
  const queryClient = useQueryClient();
  return (status: BetaStatus) => queryClient.setQueryData(betaKeys.status, status);
}

function About() {
  return (
    <div className="space-y-3 text-slate-700">
      <p>
        The beta programme is for people who want to help shape IDEA Brand Coach. Members walk through the
        whole journey — from the diagnostic to the coach — and tell us how each step went, in a few words.
      </p>
      <ul className="list-disc space-y-1 pl-5">
        <li>Your checklist ticks itself as you use the product: there is nothing to mark by hand.</li>
        <li>The team sees which steps you have completed and the step feedback you give, nothing else.</li>
        <li>You can leave at any time. Your account and everything you made stay exactly as they are.</li>
      </ul>
    </div>
  );
}

function JoinForm() {
  const consentId = useId();
  const errorId = useId();
  const [agreed, setAgreed] = useState(false);
  const [showError, setShowError] = useState(false);
  const update = useStatusUpdate();
  const join = useMutation({
    mutationFn: () => betaApi.join(CURRENT_BETA_CONSENT.version),
    onSuccess: update,
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!agreed) {
      setShowError(true);
      return;
    }
    join.mutate();
  }

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <h2 className="text-lg font-semibold text-slate-900">Join the beta</h2>
        <div className="space-y-1.5">
          <div className="flex items-start gap-3">
            <input
              id={consentId}
              type="checkbox"
              checked={agreed}
              onChange={(event) => {
                setAgreed(event.target.checked);
                if (event.target.checked) setShowError(false);
              }}
              aria-invalid={showError ? true : undefined}
              aria-describedby={showError ? errorId : undefined}
              className="mt-0.5 size-5 shrink-0 accent-brand-700"
            />
            <label htmlFor={consentId} className="text-sm text-slate-800">
              {CURRENT_BETA_CONSENT.text}
            </label>
          </div>
          {showError ? (
            <p id={errorId} className="text-sm font-medium text-red-700">
              Tick the box to agree to the beta programme.
            </p>
          ) : null}
        </div>
        {join.isError ? (
          <Alert tone="error" title="You weren’t added to the beta">
            <p>{describeError(join.error)}</p>
          </Alert>
        ) : null}
        <Button type="submit" pending={join.isPending} pendingLabel="Joining…">
          Join the beta
        </Button>
      </form>
    </Card>
  );
}

function StepFeedbackForm({ step }: { step: BetaJourneyStep }) {
  const [rating, setRating] = useState<StepRating | null>(step.feedback?.rating ?? null);
  const [comment, setComment] = useState(step.feedback?.comment ?? '');
  const [saved, setSaved] = useState(false);
  const commentId = useId();
  const update = useStatusUpdate();
  const save = useMutation({
    mutationFn: (answer: { rating: StepRating; comment: string }) =>
      betaApi.saveStepFeedback(step.step, answer),
    onSuccess: (status) => {
      update(status);
      setSaved(true);
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (rating) save.mutate({ rating, comment });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <RadioGroup
        legend="How did this step go?"
        name={`rating-${step.step}`}
        choices={RATING_CHOICES}
        value={rating}
        onChange={(value) => {
          setRating(value);
          setSaved(false);
        }}
      />
      <div className="space-y-1.5">
        <label htmlFor={commentId} className="block text-sm font-semibold text-slate-900">
          Anything to add? (optional)
        </label>
        <textarea
          id={commentId}
          rows={2}
          maxLength={STEP_COMMENT_MAX}
          value={comment}
          onChange={(event) => {
            setComment(event.target.value);
            setSaved(false);
          }}
          className={cx(inputClasses, 'resize-y')}
        />
      </div>
      {save.isError ? (
        <Alert tone="error" title="Your answer wasn’t saved">
          <p>{describeError(save.error)}</p>
        </Alert>
      ) : null}
      {saved ? (
        <p role="status" className="text-sm text-slate-700">
          Thank you — your answer is saved.
        </p>
      ) : null}
      <Button
        type="submit"
        variant="secondary"
        disabled={!rating}
        pending={save.isPending}
        pendingLabel="Saving…"
      >
        {step.feedback ? 'Update my answer' : 'Send my answer'}
      </Button>
    </form>
  );
}

function JourneyStep({ step }: { step: BetaJourneyStep }) {
  const info = BETA_STEP_INFO[step.step];
  const link = STEP_LINKS[step.step];
  return (
    <li className="space-y-3 rounded-xl border border-slate-200 p-4">
      <div className="flex items-start gap-3">
        <span
          aria-hidden="true"
          className={cx(
            'mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full border text-sm font-bold',
            step.done ? 'border-green-700 bg-green-700 text-white' : 'border-slate-400 text-transparent',
          )}
        >
          ✓
        </span>
        <div className="space-y-1">
          <h3 className="font-semibold text-slate-900">
            {info.label}
            <span className="sr-only">{step.done ? ' (done)' : ' (not done yet)'}</span>
          </h3>
          <p className="text-sm text-slate-600">{info.done}</p>
          {!step.done && link ? <TextLink to={link.to}>{link.label}</TextLink> : null}
          {!step.done && step.step === 'feedback' ? (
            <p className="text-sm text-slate-700">Use the “Send feedback” button at the foot of any page.</p>
          ) : null}
        </div>
      </div>
      <details className="rounded-lg bg-slate-50 px-3 py-2">
        <summary className="cursor-pointer text-sm font-semibold text-brand-800">
          {step.feedback
            ? `You said: ${STEP_RATING_LABELS[step.feedback.rating]}`
            : 'Tell us how this step went'}
        </summary>
        <div className="pt-3">
          <StepFeedbackForm step={step} />
        </div>
      </details>
    </li>
  );
}

function Membership({
  status,
}: {
  status: BetaStatus & { membership: NonNullable<BetaStatus['membership']> };
}) {
  const [confirming, setConfirming] = useState(false);
  const update = useStatusUpdate();
  const leave = useMutation({
    mutationFn: betaApi.leave,
    onSuccess: (next) => {
      setConfirming(false);
      update(next);
    },
  });
  const done = status.journey.filter((step) => step.done).length;
  return (
    <>
      <Card className="space-y-4">
        <div className="space-y-1">
          <h2 className="text-lg font-semibold text-slate-900">Your journey</h2>
          <p className="text-slate-700">
            You joined on {formatDate(status.membership.joinedAt)}.{' '}
            <strong className="text-slate-900">
              {done} of {status.journey.length} steps done.
            </strong>
          </p>
        </div>
        <ol className="space-y-3">
          {status.journey.map((step) => (
            <JourneyStep key={step.step} step={step} />
          ))}
        </ol>
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">Leave the programme</h2>
        <p className="text-slate-700">
          Leaving stops the team looking at your journey. Your account, brands and everything you made are not
          touched, and you can join again later.
        </p>
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          Leave the beta
        </Button>
      </Card>
      <ConfirmDialog
        open={confirming}
        title="Leave the beta programme?"
        confirmLabel="Leave the beta"
        pendingLabel="Leaving…"
        tone="primary"
        pending={leave.isPending}
        onConfirm={() => leave.mutate()}
        onCancel={() => {
          setConfirming(false);
          leave.reset();
        }}
      >
        <p>Your account and your work stay as they are.</p>
        {leave.isError ? (
          <Alert tone="error" title="You are still in the beta">
            <p>{describeError(leave.error)}</p>
          </Alert>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

export default function BetaPage() {
  useDocumentTitle('Beta programme');
  const status = useQuery(betaStatusQuery);
  const data = status.data;
  return (
    <div className="mx-auto w-full max-w-3xl space-y-6 px-4 py-8 sm:px-6 sm:py-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Beta programme</h1>
      <About />
      {data ? (
        data.membership ? (
          <Membership status={{ ...data, membership: data.membership }} />
        ) : (
          <JoinForm />
        )
      ) : status.error ? (
        <Alert tone="error" title="We couldn’t load your beta membership">
          <p>{describeError(status.error)}</p>
          <Button variant="secondary" pending={status.isFetching} onClick={() => void status.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : (
        <PageLoader variant="inline" label="Loading your membership…" />
      )}
    </div>
  );
}
