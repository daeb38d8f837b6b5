import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { cx } from '../../components/cx.ts';
import { PageLoader } from '../../components/spinner.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { BrandSwitcher } from '../../kit/workspace/brand-switcher.tsx';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { sessionQuery } from './queries.ts';
import { QuotaStatus } from './quota-status.tsx';
import { SessionList, useStartConversation } from './session-list.tsx';
import { Thread } from './thread.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function NoConversationChosen() {
  const start = useStartConversation();
  return (
    <div className="rounded-2xl border border-dashed border-slate-300 px-6 py-10 text-center">
      <h2 className="text-xl font-semibold text-slate-900">Talk your brand through with the coach</h2>
      <p className="mx-auto mt-2 max-w-prose text-slate-700">
        Ask about positioning, your customers, your story or your diagnostic scores. The coach answers with
        the IDEA framework and what it knows about your brand.
      </p>
      <Button
        className="mt-5"
        pending={start.isPending}
        pendingLabel="Starting…"
        onClick={() => start.mutate(undefined)}
      >
        Start a conversation
      </Button>
      {start.isError ? (
        <Alert key={start.submittedAt} tone="error" className="mt-4 text-left">
          <p>{describeError(start.error)}</p>
        </Alert>
      ) : null}
    </div>
  );
}

function MissingConversation() {
  return (
    <Alert tone="error" title="We couldn’t find this conversation">
      <p>It may have been deleted, or the link is wrong.</p>
      <p>
        <TextLink to={PAGE_PATHS.coach}>See all your conversations</TextLink>
      </p>
    </Alert>
  );
}

/** The conversation in the URL, loaded by id (it may belong to another of the user's brands). */
function ActiveConversation({ sessionId }: { sessionId: string }) {
  const valid = UUID.test(sessionId);
  const session = useQuery({ ...sessionQuery(sessionId), enabled: valid });
  if (!valid) return <MissingConversation />;
  if (session.isError) {
    if (isApiError(session.error) && session.error.status === 404) return <MissingConversation />;
    return (
      <Alert tone="error" title="We couldn’t load this conversation">
        <p>{describeError(session.error)}</p>
        <Button variant="secondary" pending={session.isFetching} onClick={() => void session.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (!session.data) return <PageLoader variant="inline" label="Loading the conversation…" />;
  return <Thread key={session.data.id} session={session.data} />;
}

/**
 * Which brand the coach is working on: its conversations are listed and new ones belong to it. With
 * several brands it is a switcher, and switching shows that brand's conversations.
 */
function CoachingBrand() {
  const { brand, brands } = useCurrentBrand();
  const navigate = useNavigate();
  if (!brand) return null;
  if (brands.length < 2)
    return (
      <p className="min-w-0 text-sm text-slate-700" data-testid="coaching-brand">
        Coaching <strong className="font-semibold break-words text-slate-900">{brand.name}</strong>
      </p>
    );
  // An open conversation belongs to the previous brand: go back to the new brand's list.
  return <BrandSwitcher label="Coaching" onSwitch={() => void navigate(PAGE_PATHS.coach)} />;
}

export default function CoachPage() {
  const { sessionId = null } = useParams();
  useDocumentTitle('AI coach');

  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0 space-y-1">
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">AI coach</h1>
          <p className="text-slate-700">
            Your brand-strategy coach, with your diagnostic and your brand’s workspace in mind.
          </p>
        </div>
        <div className="flex min-w-0 flex-col gap-2 sm:items-end">
          <CoachingBrand />
          <QuotaStatus />
          <TextLink to={PAGE_PATHS.brandMemory} className="text-sm">
            What the coach remembers
          </TextLink>
        </div>
      </div>
      <div className="grid gap-6 md:grid-cols-[18rem_minmax(0,1fr)]">
        {/* On a phone the list and the conversation take turns: the list when none is open. The list
            is a grid item: without min-w-0 a long conversation title would widen the whole page. */}
        <aside
          aria-label="Your conversations"
          className={cx('min-w-0', sessionId ? 'hidden md:block' : null)}
        >
          <SessionList activeId={sessionId} />
        </aside>
        <div className={cx('min-w-0', sessionId ? null : 'hidden md:block')}>
          {sessionId ? (
            <>
              <p className="mb-4 md:hidden">
                <TextLink to={PAGE_PATHS.coach}>← All conversations</TextLink>
              </p>
              <ActiveConversation sessionId={sessionId} />
            </>
          ) : (
            <NoConversationChosen />
          )}
        </div>
      </div>
    </div>
  );
}
