import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { ChatMessage, ChatSession, ChatSessionList } from '../../../core/ai/chat-contracts.ts';
import { CHAT_TITLE_MAX } from '../../../core/ai/chat-limits.ts';
import type { AiRatingValue } from '../../../core/feedback/limits.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { cx } from '../../components/cx.ts';
import { PageLoader, Spinner } from '../../components/spinner.tsx';
import { TextField } from '../../components/text-field.tsx';
import { RememberOffer } from '../../kit/brand-memory/remember-offer.tsx';
import { useAiUsage } from '../../kit/coach/ai-usage.ts';
import { SourcesList } from '../../kit/coach/citations.tsx';
import { MarkdownText } from '../../kit/coach/markdown.tsx';
import { messageRatingsQuery, RateAnswer } from '../../kit/coach/rate-answer.tsx';
import { coachKeys } from '../../kit/coach/sessions.ts';
import { brandsQuery } from '../../kit/workspace/brand.ts';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { formatReset, formatWhen } from '../../lib/format-date.ts';
import { coachApi } from './api.ts';
import { Composer } from './composer.tsx';
import { CopyButton, FollowUps, NoticeBanner, ProviderLabel } from './message-parts.tsx';
import { ProposalCards } from './proposal-card.tsx';
import { messagesQuery } from './queries.ts';
import { type TurnState, useChatTurn } from './use-chat-turn.ts';

/** The first question an "Ask the coach" link carried in (kit/coach/sessions.ts's `CoachLocationState`). */
function starterFrom(state: unknown): string {
  if (state && typeof state === 'object' && 'starter' in state && typeof state.starter === 'string') {
    return state.starter;
  }
  return '';
}

function SessionHeader({ session }: { session: ChatSession }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(session.title);
  const [confirming, setConfirming] = useState(false);
  const rename = useMutation({
    mutationFn: (next: string) => coachApi.renameChatSession(session.id, next),
    onSuccess: (renamed) => {
      setEditing(false);
      // The new name shows at once; the lists (and any search) catch up with the refetch.
      queryClient.setQueryData(coachKeys.session(renamed.id), renamed);
      queryClient.setQueryData<ChatSessionList>(coachKeys.sessionList(renamed.brandId, ''), (current) =>
        current
          ? { sessions: current.sessions.map((known) => (known.id === renamed.id ? renamed : known)) }
          : current,
      );
      void queryClient.invalidateQueries({ queryKey: coachKeys.sessions });
    },
  });
  const remove = useMutation({
    mutationFn: () => coachApi.deleteChatSession(session.id),
    onSuccess: async () => {
      setConfirming(false);
      queryClient.removeQueries({ queryKey: coachKeys.messages(session.id) });
      await queryClient.invalidateQueries({ queryKey: coachKeys.sessions });
      void navigate(PAGE_PATHS.coach, { replace: true });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = title.trim();
    if (!next || next.length > CHAT_TITLE_MAX) return;
    rename.mutate(next);
  }

  if (editing) {
    const problem =
      title.trim().length === 0
        ? 'Give the conversation a name.'
        : title.trim().length > CHAT_TITLE_MAX
          ? `At most ${CHAT_TITLE_MAX} characters.`
          : undefined;
    return (
      <form onSubmit={submit} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField
          label="Conversation name"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={rename.isError ? describeError(rename.error) : problem}
          className="flex-1"
          autoFocus
        />
        <div className="flex gap-2">
          <Button type="submit" pending={rename.isPending} pendingLabel="Saving…" disabled={Boolean(problem)}>
            Save name
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              setEditing(false);
              setTitle(session.title);
              rename.reset();
            }}
          >
            Cancel
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
      <h2 className="min-w-0 text-xl font-semibold break-words text-slate-900">{session.title}</h2>
      <div className="flex shrink-0 gap-2">
        <Button
          variant="secondary"
          onClick={() => {
            setTitle(session.title);
            setEditing(true);
          }}
        >
          Rename
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          Delete
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Delete this conversation?"
        confirmLabel="Delete conversation"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => {
          setConfirming(false);
          remove.reset();
        }}
      >
        <p>
          “{session.title}” and all its messages will disappear from your conversations. This can’t be undone
          here.
        </p>
        {remove.isError ? (
          <Alert tone="error">
            <p>{describeError(remove.error)}</p>
          </Alert>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}

function UserBubble({ message }: { message: ChatMessage }) {
  return (
    <li className="flex justify-end">
      <div className="max-w-[85%] rounded-2xl rounded-br-sm bg-brand-700 px-4 py-3 text-white">
        <p className="sr-only">You said:</p>
        <p className="whitespace-pre-wrap break-words">{message.content}</p>
      </div>
    </li>
  );
}

function AssistantBubble({
  sessionId,
  message,
  isLast,
  busy,
  onFollowUp,
  rating,
}: {
  sessionId: string;
  message: ChatMessage;
  isLast: boolean;
  busy: boolean;
  onFollowUp: (text: string) => void;
  /** Undefined while the user's ratings load; the thumbs wait for them so they never flip. */
  rating: { rating: AiRatingValue; reason: string | null } | null | undefined;
}) {
  return (
    <li>
      <article
        aria-label="Coach’s answer"
        className="rounded-2xl rounded-bl-sm border border-slate-200 bg-white px-4 py-3"
      >
        <header className="mb-2 flex flex-wrap items-center gap-2 text-sm">
          <span className="font-semibold text-slate-900">Coach</span>
          <ProviderLabel provider={message.provider} />
          <span className="text-xs text-slate-600">{formatWhen(message.createdAt)}</span>
        </header>
        <div className="text-slate-800">
          <MarkdownText citations={message.citations}>{message.content}</MarkdownText>
        </div>
        <SourcesList citations={message.citations} />
        <ProposalCards sessionId={sessionId} messageId={message.id} proposals={message.proposals} />
        <NoticeBanner notice={message.notice} />
        <div className="mt-2">
          <CopyButton text={message.content} />
        </div>
        {rating !== undefined ? (
          <RateAnswer target={{ subject: 'coach-answer', messageId: message.id }} initial={rating} />
        ) : null}
        {isLast ? <FollowUps items={message.followUps} disabled={busy} onPick={onFollowUp} /> : null}
      </article>
    </li>
  );
}

function TurnBubble({
  sessionId,
  turn,
  onFollowUp,
  onRetry,
}: {
  sessionId: string;
  turn: TurnState;
  onFollowUp: (text: string) => void;
  onRetry: (text: string) => void;
}) {
  const streaming = turn.status === 'streaming';
  return (
    <li>
      <article
        aria-label="Coach’s answer"
        aria-busy={streaming}
        data-state={turn.status}
        className="rounded-2xl rounded-bl-sm border border-slate-200 bg-white px-4 py-3"
      >
        <header className="mb-2 flex flex-wrap items-center gap-2 text-sm">
          <span className="font-semibold text-slate-900">Coach</span>
          {turn.status === 'done' ? <ProviderLabel provider={turn.provider} /> : null}
          {streaming ? (
            <span className="inline-flex items-center gap-1.5 text-slate-600">
              <Spinner className="size-4 text-brand-600" />
              Writing…
            </span>
          ) : null}
        </header>
        {turn.text ? (
          <div data-answer className={cx('text-slate-800', turn.status === 'stopped' ? 'opacity-70' : null)}>
            <MarkdownText citations={turn.status === 'done' ? turn.citations : undefined}>
              {turn.text}
            </MarkdownText>
          </div>
        ) : streaming ? (
          <p className="text-slate-600">Thinking about your question…</p>
        ) : null}
        {turn.status === 'done' ? (
          <>
            <SourcesList citations={turn.citations} />
            <ProposalCards sessionId={sessionId} messageId={turn.messageId} proposals={turn.proposals} />
            <NoticeBanner notice={turn.notice} />
            <FollowUps items={turn.followUps} disabled onPick={onFollowUp} />
          </>
        ) : null}
        {turn.status === 'stopped' ? (
          <p className="mt-2 text-sm text-slate-700">
            You stopped this answer. It wasn’t saved and didn’t count toward today’s requests.
          </p>
        ) : null}
        {turn.status === 'failed' ? (
          <Alert
            tone="error"
            className="mt-2"
            title={turn.quotaExceeded ? 'No coach requests left today' : 'The coach couldn’t answer'}
          >
            <p>{turn.message}</p>
            {turn.quotaExceeded ? null : (
              <Button variant="secondary" onClick={() => onRetry(turn.unsent)}>
                Try again
              </Button>
            )}
          </Alert>
        ) : null}
      </article>
    </li>
  );
}

/** What screen readers hear about an answer: that it started and that it ended, not every word. */
function announcement(turn: TurnState | null): string {
  if (!turn) return '';
  if (turn.status === 'streaming') return 'The coach is answering…';
  if (turn.status === 'done')
    return turn.rememberSuggestion
      ? 'The coach has answered. The answer is the last message, and the coach offers to remember a fact you stated.'
      : 'The coach has answered. The answer is the last message.';
  if (turn.status === 'stopped') return 'Answer stopped.';
  return `The coach couldn’t answer: ${turn.message}`;
}

export function Thread({ session }: { session: ChatSession }) {
  const location = useLocation();
  const messages = useQuery(messagesQuery(session.id));
  const usage = useAiUsage();
  const { turn, send, stop, dismiss, busy } = useChatTurn(session.id);
  const [draft, setDraft] = useState(() => starterFrom(location.state));
  const end = useRef<HTMLDivElement>(null);
  const brands = useQuery(brandsQuery);
  const brandName = brands.data?.brands.find((brand) => brand.id === session.brandId)?.name ?? null;
  // The offer outlives the streamed turn (it stays once the stored answer replaces it) and goes with
  // the next message.
  const [offer, setOffer] = useState<{ messageId: string; text: string } | null>(null);
  useEffect(() => {
    if (turn?.status === 'done' && turn.rememberSuggestion)
      setOffer({ messageId: turn.messageId, text: turn.rememberSuggestion.text });
  }, [turn]);

  // Keep the newest words in view while an answer streams in.
  const textLength = turn?.text.length ?? 0;
  const messageCount = messages.data?.messages.length ?? 0;
  useEffect(() => {
    if (textLength > 0 || messageCount > 0) end.current?.scrollIntoView({ block: 'nearest' });
  }, [textLength, messageCount]);

  // A refused turn gives the text back, so nothing typed is lost.
  useEffect(() => {
    if (turn?.status === 'failed') setDraft((current) => current || turn.unsent);
  }, [turn]);

  function sendText(text: string) {
    dismiss();
    setOffer(null);
    setDraft('');
    void send(text);
  }

  const quotaLeft = usage.data?.remaining;
  const quotaExceeded =
    (turn?.status === 'failed' && turn.quotaExceeded) || (quotaLeft !== undefined && quotaLeft === 0);
  const blockedReason = quotaExceeded
    ? `You’ve used all of today’s coach requests. You can ask again ${usage.data ? formatReset(usage.data.resetsAt) : 'tomorrow'}.`
    : null;

  const list = messages.data?.messages ?? [];
  const ratings = useQuery(
    messageRatingsQuery(list.filter((message) => message.role === 'assistant').map((message) => message.id)),
  );
  const ratingOf = (messageId: string) =>
    ratings.data
      ? (ratings.data.ratings.find((entry) => entry.messageId === messageId) ?? null)
      : ratings.isError
        ? null
        : undefined;
  const lastAssistant = [...list].reverse().find((message) => message.role === 'assistant');
  // A finished answer shows once: as the turn until the fetched messages hold it, then as stored.
  const shownTurn =
    turn?.status === 'done' && list.some((message) => message.id === turn.messageId) ? null : turn;

  return (
    <section aria-label="Conversation" className="flex min-w-0 flex-col gap-5">
      <SessionHeader key={session.id} session={session} />
      {messages.isError ? (
        isApiError(messages.error) && messages.error.status === 404 ? (
          <Alert tone="error" title="This conversation no longer exists">
            <p>It may have been deleted in another tab.</p>
          </Alert>
        ) : (
          <Alert tone="error" title="We couldn’t load this conversation">
            <p>{describeError(messages.error)}</p>
            <Button variant="secondary" pending={messages.isFetching} onClick={() => void messages.refetch()}>
              Try again
            </Button>
          </Alert>
        )
      ) : !messages.data ? (
        <PageLoader variant="inline" label="Loading messages…" />
      ) : (
        <>
          {list.length === 0 && !shownTurn ? (
            <div className="rounded-2xl border border-dashed border-slate-300 px-5 py-8 text-center text-slate-700">
              <p className="font-medium text-slate-900">Ask anything about your brand.</p>
              <p className="mt-1 text-sm">
                The coach knows the IDEA framework and your latest diagnostic. Try “What should I work on
                first?”
              </p>
            </div>
          ) : (
            <ol aria-label="Messages" className="space-y-4">
              {list.map((message) =>
                message.role === 'user' ? (
                  <UserBubble key={message.id} message={message} />
                ) : (
                  <AssistantBubble
                    key={message.id}
                    sessionId={session.id}
                    message={message}
                    isLast={!shownTurn && message.id === lastAssistant?.id}
                    busy={busy}
                    onFollowUp={sendText}
                    rating={ratingOf(message.id)}
                  />
                ),
              )}
              {shownTurn ? (
                <TurnBubble
                  sessionId={session.id}
                  turn={shownTurn}
                  onFollowUp={sendText}
                  onRetry={sendText}
                />
              ) : null}
            </ol>
          )}
          {offer ? (
            <RememberOffer
              key={offer.messageId}
              brandId={session.brandId}
              brandName={brandName}
              text={offer.text}
              onDismiss={() => setOffer(null)}
            />
          ) : null}
          <div ref={end} />
          <p role="status" className="sr-only">
            {announcement(turn)}
          </p>
          <Composer
            value={draft}
            onChange={setDraft}
            onSend={sendText}
            onStop={stop}
            streaming={busy}
            blockedReason={blockedReason}
          />
        </>
      )}
    </section>
  );
}
