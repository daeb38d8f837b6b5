/**
 * The feedback inbox (ADR 0051): what people sent with the feedback button, filtered by status, kind
 * and words; each message moves new → triaged → done and can be answered by email. Below it, the
 * thumbs on AI answers per task and per prompt version and provider, to compare prompt versions.
 * Every change an admin makes here is written to the audit log by the server.
 */
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { FeedbackItem, FeedbackList, RatingSummary } from '../../../core/feedback/admin-contracts.ts';
import {
  FEEDBACK_KIND_LABELS,
  FEEDBACK_KINDS,
  FEEDBACK_LIMITS,
  FEEDBACK_STATUSES,
  type FeedbackKind,
  type FeedbackStatus,
} from '../../../core/feedback/limits.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { cx } from '../../components/cx.ts';
import { SelectField } from '../../components/select-field.tsx';
import { inputClasses, TextField } from '../../components/text-field.tsx';
import { describeError, request } from '../../lib/api-client.ts';
import { formatWhen } from '../../lib/format-date.ts';
import { AdminFrame, LoadState, Section } from './admin-parts.tsx';
import { type AdminColumn, AdminTable } from './admin-table.tsx';

const STATUS_LABELS: Record<FeedbackStatus, string> = { new: 'New', triaged: 'Triaged', done: 'Done' };
const RATING_DAYS = [7, 30, 90] as const;

const feedbackPath = (id: string) => `/api/admin/feedback/${encodeURIComponent(id)}`;
const feedbackAdminApi = {
  list: (query: string) => request('GET', `/api/admin/feedback?${query}`, 'feedbackListSchema'),
  setStatus: (id: string, status: FeedbackStatus) =>
    request('PATCH', feedbackPath(id), 'feedbackItemResponseSchema', { status }),
  reply: (id: string, message: string) =>
    request('POST', `${feedbackPath(id)}/replies`, 'feedbackItemResponseSchema', { message }),
  ratings: (days: number) =>
    request('GET', `/api/admin/feedback/ratings?days=${days}`, 'ratingSummarySchema'),
};
const feedbackKeys = {
  all: ['admin', 'feedback'] as const,
  list: (query: string) => ['admin', 'feedback', 'list', query] as const,
  ratings: (days: number) => ['admin', 'feedback', 'ratings', days] as const,
};

function isStatus(value: string | null): value is FeedbackStatus {
  return FEEDBACK_STATUSES.some((status) => status === value);
}
function isKind(value: string | null): value is FeedbackKind {
  return FEEDBACK_KINDS.some((kind) => kind === value);
}

function Filters({ counts }: { counts: FeedbackList['counts'] | undefined }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const status = searchParams.get('status');
  const kind = searchParams.get('kind');
  const [words, setWords] = useState(searchParams.get('q') ?? '');

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearchParams(next, { replace: true });
  }

  function search(event: FormEvent) {
    event.preventDefault();
    update({ q: words.trim() || null });
  }

  return (
    <div className="grid gap-4 sm:grid-cols-3 sm:items-end">
      <SelectField
        label="Status"
        emptyLabel="Every status"
        value={isStatus(status) ? status : null}
        options={FEEDBACK_STATUSES.map((value) => ({
          value,
          label: counts ? `${STATUS_LABELS[value]} (${counts[value]})` : STATUS_LABELS[value],
        }))}
        onChange={(value) => update({ status: value })}
      />
      <SelectField
        label="Kind"
        emptyLabel="Every kind"
        value={isKind(kind) ? kind : null}
        options={FEEDBACK_KINDS.map((value) => ({ value, label: FEEDBACK_KIND_LABELS[value] }))}
        onChange={(value) => update({ kind: value })}
      />
      <form onSubmit={search} className="flex items-end gap-2">
        <TextField
          label="Words"
          type="search"
          className="grow"
          value={words}
          maxLength={200}
          onChange={(event) => setWords(event.target.value)}
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
    </div>
  );
}

function ReplyForm({ item }: { item: FeedbackItem }) {
  const queryClient = useQueryClient();
  const id = useId();
  const [message, setMessage] = useState('');
  const send = useMutation({
    mutationFn: () => feedbackAdminApi.reply(item.id, message.trim()),
    onSuccess: () => {
      setMessage('');
      void queryClient.invalidateQueries({ queryKey: feedbackKeys.all });
    },
  });
  if (!item.replyTo) {
    return (
      <p className="text-sm text-slate-600">Sent anonymously without an email address: no reply possible.</p>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (message.trim()) send.mutate();
      }}
      className="space-y-2"
    >
      <label htmlFor={id} className="block text-sm font-semibold text-slate-900">
        Reply by email to {item.replyTo}
      </label>
      <textarea
        id={id}
        rows={3}
        value={message}
        maxLength={FEEDBACK_LIMITS.replyMax}
        onChange={(event) => setMessage(event.target.value)}
        className={inputClasses}
      />
      {send.isError ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {describeError(send.error)}
        </p>
      ) : null}
      {send.isSuccess ? (
        <p role="status" className="text-sm text-emerald-800">
          Reply sent.
        </p>
      ) : null}
      <Button
        type="submit"
        variant="secondary"
        pending={send.isPending}
        pendingLabel="Sending…"
        disabled={!message.trim()}
      >
        Send reply
      </Button>
    </form>
  );
}

function FeedbackCard({ item }: { item: FeedbackItem }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<FeedbackStatus>(item.status);
  const save = useMutation({
    mutationFn: (next: FeedbackStatus) => feedbackAdminApi.setStatus(item.id, next),
    onSuccess: (result) => {
      setStatus(result.item.status);
      void queryClient.invalidateQueries({ queryKey: feedbackKeys.all });
    },
  });
  return (
    <li>
      <article
        aria-label={`${FEEDBACK_KIND_LABELS[item.kind]} from ${item.sender?.email ?? 'an anonymous visitor'}`}
        className="space-y-3 rounded-xl border border-slate-200 p-4"
      >
        <header className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
          <span className="rounded-full border border-slate-300 bg-slate-50 px-2 py-0.5 font-semibold text-slate-900">
            {FEEDBACK_KIND_LABELS[item.kind]}
          </span>
          <span className={cx('font-semibold', item.status === 'new' ? 'text-brand-800' : 'text-slate-700')}>
            {STATUS_LABELS[item.status]}
          </span>
          <span>{formatWhen(item.createdAt)}</span>
          <span>
            from{' '}
            {item.sender
              ? `${item.sender.name} <${item.sender.email}>`
              : item.contactEmail
                ? `an anonymous visitor <${item.contactEmail}>`
                : 'an anonymous visitor'}
          </span>
          <span>
            on <code className="break-all">{item.page}</code> · version {item.appVersion}
          </span>
        </header>
        <p className="whitespace-pre-wrap break-words text-slate-900">{item.message}</p>
        {item.replies.length > 0 ? (
          <div className="space-y-2 border-l-4 border-slate-200 pl-3">
            <h3 className="text-sm font-semibold text-slate-900">Replies</h3>
            <ul className="space-y-2">
              {item.replies.map((reply) => (
                <li key={reply.id} className="text-sm">
                  <p className="text-slate-600">
                    {formatWhen(reply.createdAt)} to {reply.sentTo}
                    {reply.authorEmail ? ` by ${reply.authorEmail}` : ''}
                  </p>
                  <p className="whitespace-pre-wrap break-words text-slate-800">{reply.message}</p>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="flex flex-wrap items-end gap-3">
          <SelectField
            label="Status"
            compact
            value={status}
            options={FEEDBACK_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }))}
            onChange={(value) => setStatus(value)}
          />
          <Button
            variant="secondary"
            pending={save.isPending}
            pendingLabel="Saving…"
            disabled={status === item.status}
            onClick={() => save.mutate(status)}
          >
            Save status
          </Button>
          {save.isError ? (
            <p role="alert" className="text-sm font-medium text-red-700">
              {describeError(save.error)}
            </p>
          ) : null}
        </div>
        <ReplyForm item={item} />
      </article>
    </li>
  );
}

function Inbox() {
  const [searchParams] = useSearchParams();
  const filters = new URLSearchParams();
  for (const key of ['status', 'kind', 'q']) {
    const value = searchParams.get(key);
    if (value) filters.set(key, value);
  }
  const query = filters.toString();
  const inbox = useInfiniteQuery({
    queryKey: feedbackKeys.list(query),
    queryFn: ({ pageParam }) =>
      feedbackAdminApi.list(
        pageParam ? `${query}${query ? '&' : ''}cursor=${encodeURIComponent(pageParam)}` : query,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Section title="Inbox">
      <Filters counts={inbox.data?.pages[0]?.counts} />
      {!inbox.data ? (
        <LoadState
          error={inbox.error}
          retry={() => void inbox.refetch()}
          retrying={inbox.isFetching}
          what="the inbox"
        />
      ) : items.length === 0 ? (
        <p className="text-slate-600">No feedback matches these filters.</p>
      ) : (
        <>
          <ul aria-label="Feedback" className="space-y-4">
            {items.map((item) => (
              <FeedbackCard key={`${item.id}-${item.status}-${item.replies.length}`} item={item} />
            ))}
          </ul>
          {inbox.hasNextPage ? (
            <Button
              variant="secondary"
              pending={inbox.isFetchingNextPage}
              pendingLabel="Loading…"
              onClick={() => void inbox.fetchNextPage()}
            >
              Show older feedback
            </Button>
          ) : null}
        </>
      )}
      {inbox.isError && inbox.data ? (
        <Alert tone="error">
          <p>{describeError(inbox.error)}</p>
        </Alert>
      ) : null}
    </Section>
  );
}

const share = (row: { up: number; down: number }) =>
  row.up + row.down === 0 ? '–' : `${Math.round((row.up / (row.up + row.down)) * 100)}%`;

function Ratings() {
  const [days, setDays] = useState<(typeof RATING_DAYS)[number]>(30);
  const ratings = useQuery({
    queryKey: feedbackKeys.ratings(days),
    queryFn: () => feedbackAdminApi.ratings(days),
    placeholderData: keepPreviousData,
  });
  const taskColumns: AdminColumn<RatingSummary['byTask'][number]>[] = [
    { header: 'Task', render: (row) => row.task, rowHeader: true },
    { header: 'Thumbs up', render: (row) => row.up, numeric: true },
    { header: 'Thumbs down', render: (row) => row.down, numeric: true },
    { header: 'Share up', render: share, numeric: true },
  ];
  const versionColumns: AdminColumn<RatingSummary['byPromptVersion'][number]>[] = [
    { header: 'Task', render: (row) => row.task, rowHeader: true },
    { header: 'Prompt', render: (row) => row.promptId },
    { header: 'Version', render: (row) => row.promptVersion ?? 'not recorded', numeric: true },
    { header: 'Provider', render: (row) => row.provider ?? 'not recorded' },
    { header: 'Thumbs up', render: (row) => row.up, numeric: true },
    { header: 'Thumbs down', render: (row) => row.down, numeric: true },
    { header: 'Share up', render: share, numeric: true },
  ];
  return (
    <Section
      title="Ratings of AI answers"
      actions={
        <SelectField
          label="Period"
          compact
          value={String(days) as `${(typeof RATING_DAYS)[number]}`}
          options={RATING_DAYS.map((value) => ({
            value: String(value) as `${typeof value}`,
            label: `Last ${value} days`,
          }))}
          onChange={(value) => setDays(Number(value) as (typeof RATING_DAYS)[number])}
        />
      }
    >
      {!ratings.data ? (
        <LoadState
          error={ratings.error}
          retry={() => void ratings.refetch()}
          retrying={ratings.isFetching}
          what="the ratings"
        />
      ) : (
        <div className="space-y-6">
          <div className="space-y-2">
            <h3 className="font-semibold text-slate-900">Per task</h3>
            <AdminTable
              caption="Thumbs up and down per AI task"
              columns={taskColumns}
              rows={ratings.data.byTask}
              rowKey={(row) => row.task}
              empty="No ratings in this period."
            />
          </div>
          <div className="space-y-2">
            <h3 className="font-semibold text-slate-900">Per prompt version and provider</h3>
            <AdminTable
              caption="Thumbs up and down per task, prompt version and provider"
              columns={versionColumns}
              rows={ratings.data.byPromptVersion}
              rowKey={(row) => `${row.task}:${row.promptId}:${row.promptVersion}:${row.provider}`}
              empty="No ratings in this period."
            />
          </div>
          <div className="space-y-2">
            <h3 className="font-semibold text-slate-900">Recent reasons</h3>
            {ratings.data.recentReasons.length === 0 ? (
              <p className="text-slate-600">Nobody gave a reason in this period.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {ratings.data.recentReasons.map((reason) => (
                  <li key={`${reason.createdAt}-${reason.reason}`} className="break-words">
                    <span className="font-semibold">
                      {reason.rating === 'up' ? 'Thumbs up' : 'Thumbs down'}
                    </span>{' '}
                    on {reason.task} (version {reason.promptVersion ?? 'not recorded'},{' '}
                    {reason.provider ?? 'provider not recorded'}
                    ), {formatWhen(reason.createdAt)}: “{reason.reason}”
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </Section>
  );
}

export default function FeedbackPage() {
  return (
    <AdminFrame documentTitle="Feedback · Admin" heading="Feedback" current="feedback">
      <Inbox />
      <Ratings />
    </AdminFrame>
  );
}
