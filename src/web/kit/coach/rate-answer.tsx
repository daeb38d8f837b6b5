/**
 * Thumbs up / down, with an optional reason, under a coach answer or an AI task result (ADR 0051).
 * A coach answer is named by its message, a task result by the AI call that produced it; the server
 * stores the rating with that answer's prompt version and provider. Rating again changes the rating.
 */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { RateAnswerBody } from '../../../core/feedback/admin-contracts.ts';
import { type AiRatingValue, FEEDBACK_LIMITS } from '../../../core/feedback/limits.ts';
import { Button } from '../../components/button.tsx';
import { cx } from '../../components/cx.ts';
import { inputClasses } from '../../components/text-field.tsx';
import { describeError, request } from '../../lib/api-client.ts';

export type RatingTarget =
  | { subject: 'coach-answer'; messageId: string }
  | { subject: 'task-result'; callId: string };

const rateAnswer = (body: RateAnswerBody) =>
  request('POST', '/api/feedback/ratings', 'aiRatingResponseSchema', body);

/** The signed-in user's ratings of these coach answers (ids sorted, so the key is stable). */
export function messageRatingsQuery(messageIds: readonly string[]) {
  const ids = [...messageIds].sort();
  return queryOptions({
    queryKey: ['ai-ratings', 'messages', ids],
    queryFn: () =>
      request('GET', `/api/feedback/ratings/messages?messageIds=${ids.join(',')}`, 'messageRatingsSchema'),
    enabled: ids.length > 0,
    // A new answer changes the key: the thumbs already shown keep their state meanwhile.
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function ThumbIcon({ down }: { down?: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      fill="currentColor"
      className={cx('size-4', down ? 'rotate-180' : null)}
    >
      <path d="M2 9.5A1.5 1.5 0 0 1 3.5 8h1A1.5 1.5 0 0 1 6 9.5v7A1.5 1.5 0 0 1 4.5 18h-1A1.5 1.5 0 0 1 2 16.5v-7ZM7.5 17.2V9.4c0-.5.2-1 .5-1.4l3.6-4.7a1.4 1.4 0 0 1 2.5 1.1L13.4 8h3.1a1.9 1.9 0 0 1 1.9 2.2l-1 5.9a2.3 2.3 0 0 1-2.3 1.9H8.3a.8.8 0 0 1-.8-.8Z" />
    </svg>
  );
}

export function RateAnswer({
  target,
  initial = null,
  label = 'this answer',
}: {
  target: RatingTarget;
  /** The rating already given, when known (coach answers shown again). */
  initial?: { rating: AiRatingValue; reason: string | null } | null;
  /** What is rated, for screen readers ("Rate this suggestion"). */
  label?: string;
}) {
  const queryClient = useQueryClient();
  const reasonId = useId();
  const [rating, setRating] = useState<AiRatingValue | null>(initial?.rating ?? null);
  const [reason, setReason] = useState(initial?.reason ?? '');
  const [askReason, setAskReason] = useState(false);
  const [reasonSent, setReasonSent] = useState(false);

  const save = useMutation({
    mutationFn: (body: { rating: AiRatingValue; reason?: string }) => rateAnswer({ ...target, ...body }),
    onSuccess: (_data, body) => {
      setRating(body.rating);
      if (target.subject === 'coach-answer') void queryClient.invalidateQueries({ queryKey: ['ai-ratings'] });
    },
  });

  function pick(value: AiRatingValue) {
    setReasonSent(false);
    setAskReason(true);
    save.mutate({ rating: value });
  }

  function sendReason(event: FormEvent) {
    event.preventDefault();
    if (!rating) return;
    const trimmed = reason.trim();
    save.mutate(
      { rating, ...(trimmed ? { reason: trimmed } : {}) },
      {
        onSuccess: () => {
          setReasonSent(true);
          setAskReason(false);
        },
      },
    );
  }

  // The thumb shows pressed at once; a refusal puts back the rating the server last confirmed.
  const shown = save.isPending ? save.variables.rating : rating;

  const thumbClasses = (active: boolean) =>
    cx(
      'inline-flex min-h-9 min-w-9 items-center justify-center rounded-lg border px-2 text-slate-700 hover:bg-slate-50 disabled:opacity-60',
      active ? 'border-brand-600 bg-brand-50 text-brand-800' : 'border-slate-300',
    );

  return (
    <div className="mt-2 space-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-slate-600">Helpful?</span>
        <button
          type="button"
          aria-pressed={shown === 'up'}
          aria-label={`Good: rate ${label} thumbs up`}
          disabled={save.isPending}
          onClick={() => pick('up')}
          className={thumbClasses(shown === 'up')}
        >
          <ThumbIcon />
        </button>
        <button
          type="button"
          aria-pressed={shown === 'down'}
          aria-label={`Not good: rate ${label} thumbs down`}
          disabled={save.isPending}
          onClick={() => pick('down')}
          className={thumbClasses(shown === 'down')}
        >
          <ThumbIcon down />
        </button>
        <span role="status" className="text-slate-600">
          {save.isError
            ? ''
            : reasonSent
              ? 'Thanks, your reason was sent.'
              : rating && !save.isPending
                ? 'Thanks for rating.'
                : ''}
        </span>
      </div>
      {save.isError ? (
        <p role="alert" className="font-medium text-red-700">
          {describeError(save.error)}
        </p>
      ) : null}
      {askReason && rating ? (
        <form onSubmit={sendReason} className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="grow space-y-1">
            <label htmlFor={reasonId} className="block font-semibold text-slate-900">
              Why? (optional)
            </label>
            <input
              id={reasonId}
              value={reason}
              maxLength={FEEDBACK_LIMITS.reasonMax}
              onChange={(event) => setReason(event.target.value)}
              className={inputClasses}
            />
          </div>
          <Button type="submit" variant="secondary" pending={save.isPending} pendingLabel="Sending…">
            Send reason
          </Button>
        </form>
      ) : null}
    </div>
  );
}
