import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { CHAT_SEARCH_MAX } from '../../../core/ai/chat-limits.ts';
import { coachSessionPath } from '../../../core/navigation/pages.ts';
import { countOf, plural } from '../../../core/text/plural.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { cx } from '../../components/cx.ts';
import { PageLoader } from '../../components/spinner.tsx';
import { BRAND_NOT_READY, createChatSession, rememberNewSession } from '../../kit/coach/sessions.ts';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { describeError } from '../../lib/api-client.ts';
import { formatWhen } from '../../lib/format-date.ts';
import { sessionListQuery } from './queries.ts';

const SEARCH_DELAY_MS = 300;

function useDebounced(value: string, delay: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/** Starts a conversation and opens it; shared by the list and the empty state. */
export function useStartConversation() {
  const queryClient = useQueryClient();
  // New conversations belong to the brand being worked on; the coach reads its workspace.
  const { brand } = useCurrentBrand();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (title?: string) => {
      if (!brand) throw new Error(BRAND_NOT_READY);
      return createChatSession({ title, brandId: brand.id });
    },
    onSuccess: (session) => {
      rememberNewSession(queryClient, session);
      void navigate(coachSessionPath(session.id));
    },
  });
}

export function SessionList({ activeId }: { activeId: string | null }) {
  const searchId = useId();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), SEARCH_DELAY_MS);
  const { brand } = useCurrentBrand();
  const sessions = useQuery({ ...sessionListQuery(brand?.id ?? null, query), enabled: brand !== null });
  const start = useStartConversation();

  return (
    <div className="space-y-4">
      <Button
        className="w-full"
        disabled={!brand}
        pending={start.isPending}
        pendingLabel="Starting…"
        onClick={() => start.mutate(undefined)}
      >
        New conversation
      </Button>
      {start.isError ? (
        <Alert key={start.submittedAt} tone="error">
          <p>{describeError(start.error)}</p>
        </Alert>
      ) : null}
      <div className="space-y-1.5">
        <label htmlFor={searchId} className="block text-sm font-semibold text-slate-900">
          Search conversations
        </label>
        <input
          id={searchId}
          type="search"
          value={search}
          maxLength={CHAT_SEARCH_MAX}
          onChange={(event) => setSearch(event.target.value)}
          className="block min-h-11 w-full rounded-lg border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 shadow-sm"
        />
      </div>
      {sessions.isError ? (
        <Alert tone="error" title="We couldn’t load your conversations">
          <p>{describeError(sessions.error)}</p>
          <Button variant="secondary" pending={sessions.isFetching} onClick={() => void sessions.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : !sessions.data ? (
        <PageLoader variant="inline" label="Loading conversations…" />
      ) : sessions.data.sessions.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
          {query ? `No conversations match “${query}”.` : 'No conversations yet. Start one to ask the coach.'}
        </p>
      ) : (
        <nav aria-label="Conversations">
          {/* Results change as you type; say how many there are without moving focus. */}
          <p className="sr-only" role="status">
            {query
              ? `${countOf(sessions.data.sessions.length, 'conversation')} ${plural(sessions.data.sessions.length, 'matches', 'match')}.`
              : ''}
          </p>
          <ul className="space-y-1">
            {sessions.data.sessions.map((session) => (
              <li key={session.id}>
                <NavLink
                  to={coachSessionPath(session.id)}
                  className={cx(
                    'block rounded-lg px-3 py-2.5 hover:bg-slate-100',
                    session.id === activeId ? 'bg-brand-50 ring-1 ring-brand-200' : null,
                  )}
                  aria-current={session.id === activeId ? 'page' : undefined}
                >
                  <span className="block truncate font-medium text-slate-900">{session.title}</span>
                  <span className="block text-xs text-slate-600">{formatWhen(session.lastMessageAt)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
