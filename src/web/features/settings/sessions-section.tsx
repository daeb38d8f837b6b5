import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ActiveSession } from '../../../core/settings/contracts.ts';
import { countOf } from '../../../core/text/plural.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { describeError } from '../../lib/api-client.ts';
import { describeLastActive, formatDateTime } from '../../lib/format-date.ts';
import { settingsApi } from './api.ts';
import { activeSessionsQuery, settingsKeys } from './queries.ts';
import { SettingsSection } from './settings-section.tsx';

const deviceIcons: Record<ActiveSession['deviceKind'], string> = {
  desktop: 'M3 5h18v11H3zM8 20h8M12 16v4',
  mobile: 'M7 2h10v20H7zM11 18h2',
  tablet: 'M4 3h16v18H4zM11 18h2',
  unknown:
    'M12 17h.01M9.1 9a3 3 0 1 1 4.2 2.7c-.8.4-1.3 1.1-1.3 2V14M12 22a10 10 0 1 1 0-20 10 10 0 0 1 0 20Z',
};

function DeviceIcon({ kind }: { kind: ActiveSession['deviceKind'] }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      className="mt-0.5 size-6 shrink-0 text-slate-600"
    >
      <path d={deviceIcons[kind]} />
    </svg>
  );
}

interface SessionItemProps {
  session: ActiveSession;
  now: Date;
  onRevoke?: () => void;
  revoking?: boolean;
}

function SessionItem({ session, now, onRevoke, revoking = false }: SessionItemProps) {
  return (
    <li className="flex flex-wrap items-start justify-between gap-x-4 gap-y-3 px-4 py-4">
      <div className="flex min-w-0 gap-3">
        <DeviceIcon kind={session.deviceKind} />
        <div className="min-w-0 space-y-1">
          <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
            {session.device}{' '}
            {session.current ? (
              <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-sm font-semibold text-brand-800">
                This device
              </span>
            ) : null}
          </p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-sm text-slate-700">
            <dt>Signed in</dt>
            <dd>{formatDateTime(session.signedInAt)}</dd>
            <dt>Last active</dt>
            <dd>
              {session.current ? (
                'now'
              ) : (
                <time dateTime={session.lastActiveAt} title={formatDateTime(session.lastActiveAt)}>
                  {describeLastActive(session.lastActiveAt, now)}
                </time>
              )}
            </dd>
            {session.network ? (
              <>
                <dt>Network</dt>
                <dd className="break-all">{session.network}</dd>
              </>
            ) : null}
          </dl>
        </div>
      </div>
      {onRevoke ? (
        <Button variant="secondary" pending={revoking} pendingLabel="Signing out…" onClick={onRevoke}>
          Sign out
          <span className="sr-only">
            {' '}
            {session.device}, signed in {formatDateTime(session.signedInAt)}
          </span>
        </Button>
      ) : null}
    </li>
  );
}

export function SessionsSection() {
  const queryClient = useQueryClient();
  const sessions = useQuery(activeSessionsQuery);
  const refresh = () => queryClient.invalidateQueries({ queryKey: settingsKeys.sessions });

  const revokeOne = useMutation({
    mutationFn: (session: ActiveSession) => settingsApi.revokeSession(session.id),
    onSettled: refresh,
  });
  const revokeOthers = useMutation({ mutationFn: settingsApi.revokeOtherSessions, onSettled: refresh });

  let content: ReactNode;
  if (sessions.isError) {
    content = (
      <Alert tone="error" title="We couldn’t load your devices">
        <p>{describeError(sessions.error)}</p>
        <Button variant="secondary" pending={sessions.isFetching} onClick={() => void sessions.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  } else if (!sessions.data) {
    content = <PageLoader variant="inline" label="Loading your devices…" />;
  } else {
    const now = new Date();
    const list = sessions.data.sessions;
    const others = list.filter((session) => !session.current);
    content = (
      <div className="space-y-4">
        <ul
          aria-label="Signed-in devices"
          className="divide-y divide-slate-200 rounded-xl border border-slate-200"
        >
          {list.map((session) => (
            <SessionItem
              key={session.id}
              session={session}
              now={now}
              {...(session.current
                ? {}
                : {
                    onRevoke: () => {
                      revokeOthers.reset();
                      revokeOne.mutate(session);
                    },
                    revoking: revokeOne.isPending && revokeOne.variables?.id === session.id,
                  })}
            />
          ))}
        </ul>
        {others.length === 0 ? (
          <p className="text-slate-700">You’re signed in on this device only.</p>
        ) : (
          <Button
            variant="secondary"
            pending={revokeOthers.isPending}
            pendingLabel="Signing out…"
            onClick={() => {
              revokeOne.reset();
              revokeOthers.mutate();
            }}
          >
            Sign out all other devices
          </Button>
        )}
      </div>
    );
  }

  return (
    <SettingsSection
      id="sessions"
      title="Signed-in devices"
      description={
        <p>
          Everywhere you’re signed in right now. If you don’t recognise a device, sign it out and change your
          password. Network addresses are shortened to protect your privacy.
        </p>
      }
    >
      {/* Outcomes are announced once, when they appear. */}
      {revokeOne.isSuccess ? (
        <Alert key={revokeOne.submittedAt} tone="success">
          <p>Signed out {revokeOne.variables.device}.</p>
        </Alert>
      ) : null}
      {revokeOthers.isSuccess ? (
        <Alert key={revokeOthers.submittedAt} tone="success">
          <p>Signed out {countOf(revokeOthers.data.revoked, 'other device')}.</p>
        </Alert>
      ) : null}
      {revokeOne.isError ? (
        <Alert key={revokeOne.submittedAt} tone="error">
          <p>{describeError(revokeOne.error)}</p>
        </Alert>
      ) : null}
      {revokeOthers.isError ? (
        <Alert key={revokeOthers.submittedAt} tone="error">
          <p>{describeError(revokeOthers.error)}</p>
        </Alert>
      ) : null}
      {content}
    </SettingsSection>
  );
}
