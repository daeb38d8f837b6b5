/**
 * The edits the coach proposed in an answer, one card each (docs/decisions/0038): the field, what it
 * says now, what the coach proposes and why. Nothing is written until the owner accepts — as is, or
 * after editing it. If the field changed since the coach read it, the server refuses (409) and the
 * card shows the field's text now; the owner can then replace it knowingly or dismiss the proposal.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { ChatMessage } from '../../../core/ai/chat-contracts.ts';
import type { AcceptProposalBody, ChatProposal } from '../../../core/coach/proposal-contracts.ts';
import { proposalHref, proposalTextLimit } from '../../../core/coach/proposal-targets.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { coachKeys } from '../../kit/coach/sessions.ts';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { coachApi } from './api.ts';

/** The field's text now, from the `current` of a 409 (null for any other refusal). */
function conflictText(error: unknown): string | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const current = error.current;
  if (current && typeof current === 'object' && 'currentText' in current) {
    return typeof current.currentText === 'string' ? current.currentText : null;
  }
  return null;
}

function FieldText({ text }: { text: string }) {
  return text.trim() ? (
    <p className="whitespace-pre-wrap break-words text-slate-900">{text}</p>
  ) : (
    <p className="italic text-slate-600">Empty</p>
  );
}

function ProposalCard({
  sessionId,
  messageId,
  proposal,
}: {
  sessionId: string;
  messageId: string;
  proposal: ChatProposal;
}) {
  const queryClient = useQueryClient();
  // The server's answer to this card's own request wins over the copy it was rendered with.
  const [resolved, setResolved] = useState<ChatProposal | null>(null);
  const current = resolved ?? proposal;
  const [draft, setDraft] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const headingId = useId();
  const draftId = useId();
  const countId = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const draftField = useRef<HTMLTextAreaElement>(null);
  const outcome = useRef<HTMLParagraphElement>(null);
  const limit = proposalTextLimit(current.target);
  const where = current.label;

  function settled(next: ChatProposal) {
    setResolved(next);
    setConflict(null);
    setDraft(null);
    queryClient.setQueryData<{ messages: ChatMessage[] }>(coachKeys.messages(sessionId), (cached) =>
      cached
        ? {
            messages: cached.messages.map((message) =>
              message.id === messageId
                ? {
                    ...message,
                    proposals: message.proposals.map((known) => (known.id === next.id ? next : known)),
                  }
                : message,
            ),
          }
        : cached,
    );
    // The canvas, worksheet or avatar page shows the accepted text next time it is opened.
    if (next.status === 'accepted') void queryClient.invalidateQueries({ queryKey: ['workspace'] });
  }

  const accept = useMutation({
    mutationFn: (body: AcceptProposalBody) => coachApi.acceptProposal(messageId, current.id, body),
    onSuccess: ({ proposal: next }) => settled(next),
    onError: (error) => {
      const text = conflictText(error);
      if (text !== null) setConflict(text);
    },
  });
  const dismiss = useMutation({
    mutationFn: () => coachApi.dismissProposal(messageId, current.id),
    onSuccess: ({ proposal: next }) => settled(next),
  });
  const busy = accept.isPending || dismiss.isPending;

  // The buttons go once the card is settled: keyboard and screen-reader users land on what happened.
  const status = current.status;
  useEffect(() => {
    if (resolved) outcome.current?.focus();
  }, [resolved]);
  const editing = draft !== null;
  useEffect(() => {
    if (editing) draftField.current?.focus();
  }, [editing]);

  const text = (draft ?? current.proposedText).trim();
  const draftProblem =
    draft === null
      ? null
      : !draft.trim()
        ? 'Write the text to save, or cancel.'
        : draft.trim().length > limit
          ? `At most ${limit.toLocaleString('en')} characters.`
          : null;

  function cancelEdit() {
    setDraft(null);
    accept.reset();
    // Back to the button that opened the editor, so keyboard users keep their place.
    requestAnimationFrame(() => editButton.current?.focus());
  }

  function onDraftKey(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancelEdit();
    }
  }

  const otherError =
    (accept.isError && conflictText(accept.error) === null ? accept.error : null) ??
    (dismiss.isError ? dismiss.error : null);

  return (
    <article
      aria-labelledby={headingId}
      data-status={status}
      className="space-y-3 rounded-xl border border-violet-200 bg-violet-50/60 p-4 text-sm text-slate-800"
    >
      <h3 id={headingId} className="font-semibold text-slate-900">
        Proposed edit: {where}
      </h3>
      <p>{current.reason}</p>
      <dl className="grid gap-3 sm:grid-cols-2">
        <div className="min-w-0 space-y-1">
          <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
            {status === 'accepted' ? 'Before' : 'Now'}
          </dt>
          <dd>
            <FieldText text={current.currentText} />
          </dd>
        </div>
        <div className="min-w-0 space-y-1">
          <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
            {status === 'accepted' ? 'Saved' : 'Proposed'}
          </dt>
          <dd>
            <FieldText text={status === 'accepted' ? (current.acceptedText ?? '') : current.proposedText} />
          </dd>
        </div>
      </dl>

      {status === 'accepted' ? (
        <p ref={outcome} tabIndex={-1} className="font-medium text-emerald-900 outline-none">
          Saved to {where}, marked as from the coach.{' '}
          <TextLink to={proposalHref(current.target)}>
            Open it<span className="sr-only"> ({where})</span>
          </TextLink>
        </p>
      ) : null}
      {status === 'dismissed' ? (
        <p ref={outcome} tabIndex={-1} className="text-slate-700 outline-none">
          Dismissed. Nothing was changed.
        </p>
      ) : null}

      {status === 'pending' && conflict !== null ? (
        <Alert tone="warning" title="This field changed after the coach proposed this">
          <p>Nothing was overwritten. It now says:</p>
          <blockquote className="border-l-4 border-amber-300 pl-3">
            <FieldText text={conflict} />
          </blockquote>
          <div className="flex flex-wrap gap-2">
            <Button
              pending={accept.isPending}
              pendingLabel="Saving…"
              disabled={busy || Boolean(draftProblem)}
              onClick={() => accept.mutate({ text, currentText: conflict })}
            >
              Replace it anyway<span className="sr-only"> with the proposed text</span>
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => dismiss.mutate()}>
              Dismiss<span className="sr-only"> the proposed edit to {where}</span>
            </Button>
          </div>
        </Alert>
      ) : null}

      {status === 'pending' && draft !== null ? (
        <div className="space-y-2">
          <label htmlFor={draftId} className="block font-semibold text-slate-900">
            Your version of {where}
          </label>
          <textarea
            ref={draftField}
            id={draftId}
            value={draft}
            rows={4}
            maxLength={limit}
            aria-describedby={countId}
            aria-invalid={draftProblem ? true : undefined}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onDraftKey}
            className="block w-full rounded-lg border border-slate-500 bg-white px-3 py-2 text-base text-slate-900"
          />
          <p id={countId} className="text-xs text-slate-600">
            {draftProblem ??
              `${draft.trim().length.toLocaleString('en')} of ${limit.toLocaleString('en')} characters`}
          </p>
          {conflict === null ? (
            <div className="flex flex-wrap gap-2">
              <Button
                pending={accept.isPending}
                pendingLabel="Saving…"
                disabled={busy || Boolean(draftProblem)}
                onClick={() => accept.mutate({ text })}
              >
                Accept your version
              </Button>
              <Button variant="secondary" disabled={busy} onClick={cancelEdit}>
                Cancel
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}

      {status === 'pending' && draft === null && conflict === null ? (
        <div className="flex flex-wrap gap-2">
          <Button
            pending={accept.isPending}
            pendingLabel="Saving…"
            disabled={busy}
            onClick={() => accept.mutate({})}
          >
            Accept<span className="sr-only"> the proposed edit to {where}</span>
          </Button>
          <Button
            ref={editButton}
            variant="secondary"
            disabled={busy}
            onClick={() => {
              accept.reset();
              setDraft(current.proposedText);
            }}
          >
            Edit<span className="sr-only"> the proposed edit to {where}</span>
          </Button>
          <Button
            variant="ghost"
            pending={dismiss.isPending}
            pendingLabel="Dismissing…"
            disabled={busy}
            onClick={() => dismiss.mutate()}
          >
            Dismiss<span className="sr-only"> the proposed edit to {where}</span>
          </Button>
        </div>
      ) : null}

      {otherError ? (
        <Alert tone="error">
          <p>{describeError(otherError)}</p>
        </Alert>
      ) : null}
    </article>
  );
}

/** The cards of one answer's proposals, in the order the coach made them. */
export function ProposalCards({
  sessionId,
  messageId,
  proposals,
}: {
  sessionId: string;
  messageId: string;
  proposals: readonly ChatProposal[];
}) {
  if (proposals.length === 0) return null;
  return (
    <ul aria-label="Proposed edits" className="mt-3 space-y-3">
      {proposals.map((proposal) => (
        <li key={proposal.id}>
          <ProposalCard sessionId={sessionId} messageId={messageId} proposal={proposal} />
        </li>
      ))}
    </ul>
  );
}
