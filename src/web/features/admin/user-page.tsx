import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { AdminUserDetail, AdminUserSummary } from '../../../core/admin/user-contracts.ts';
import { BETA_STEP_INFO } from '../../../core/beta/journey.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { describeError } from '../../lib/api-client.ts';
import { formatDate, formatDateTime, formatWhen } from '../../lib/format-date.ts';
import { useSession } from '../../lib/session.ts';
import { AdminFrame, LoadState, Section } from './admin-parts.tsx';
import { AdminTable } from './admin-table.tsx';
import { adminApi } from './api.ts';
import { formatCount, formatUsd } from './money.ts';
import { adminKeys, auditLogQuery, userQuery } from './queries.ts';

type ActionName = 'grant-admin' | 'revoke-admin' | 'disable' | 'enable' | 'resend' | 'restore';

interface ActionInfo {
  label: string;
  title: string;
  explanation: (user: AdminUserSummary) => string;
  done: string;
  tone: 'danger' | 'primary';
  run: (userId: string) => Promise<unknown>;
}

const ACTIONS: Record<ActionName, ActionInfo> = {
  'grant-admin': {
    label: 'Make admin',
    title: 'Make this user an admin?',
    explanation: (user) => `${user.name} will be able to open the admin console and act on every account.`,
    done: 'The user is now an admin.',
    tone: 'primary',
    run: (userId) => adminApi.setUserRole(userId, 'admin'),
  },
  'revoke-admin': {
    label: 'Remove admin role',
    title: 'Remove the admin role?',
    explanation: (user) => `${user.name} will no longer be able to open the admin console.`,
    done: 'The admin role was removed.',
    tone: 'danger',
    run: (userId) => adminApi.setUserRole(userId, 'user'),
  },
  disable: {
    label: 'Disable sign-in',
    title: 'Disable sign-in for this account?',
    explanation: (user) =>
      `${user.name} is signed out everywhere at once and cannot sign in until sign-in is enabled again. Their data is kept.`,
    done: 'Sign-in is disabled and every session has ended.',
    tone: 'danger',
    run: (userId) => adminApi.setUserSignIn(userId, false),
  },
  enable: {
    label: 'Enable sign-in',
    title: 'Enable sign-in again?',
    explanation: (user) => `${user.name} will be able to sign in again.`,
    done: 'Sign-in is enabled.',
    tone: 'primary',
    run: (userId) => adminApi.setUserSignIn(userId, true),
  },
  resend: {
    label: 'Resend verification email',
    title: 'Send the verification email again?',
    explanation: (user) => `A new verification link goes to ${user.email}.`,
    done: 'The verification email was sent.',
    tone: 'primary',
    run: (userId) => adminApi.resendUserVerification(userId),
  },
  restore: {
    label: 'Restore account',
    title: 'Restore this account?',
    explanation: (user) =>
      `The deletion of ${user.name}’s account is cancelled and nothing is purged. They can sign in again.`,
    done: 'The account is restored; the user can sign in again.',
    tone: 'primary',
    run: (userId) => adminApi.restoreUser(userId),
  },
};

function availableActions(user: AdminUserSummary, isSelf: boolean): ActionName[] {
  const actions: ActionName[] = [];
  if (user.pendingDeletionPurgeAfter) actions.push('restore');
  actions.push(user.role === 'admin' ? 'revoke-admin' : 'grant-admin');
  if (user.signInDisabled) actions.push('enable');
  else if (!isSelf) actions.push('disable');
  if (!user.emailVerified) actions.push('resend');
  return actions;
}

function Actions({ user, isSelf }: { user: AdminUserSummary; isSelf: boolean }) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<ActionName | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const action = useMutation({
    mutationFn: (name: ActionName) => ACTIONS[name].run(user.id),
    onSuccess: async (_result, name) => {
      setOutcome(ACTIONS[name].done);
      setPending(null);
      await queryClient.invalidateQueries({ queryKey: adminKeys.all });
    },
  });
  const current = pending ? ACTIONS[pending] : null;
  return (
    <div className="space-y-4">
      {outcome ? <Alert tone="success">{outcome}</Alert> : null}
      {action.error && !pending ? <Alert tone="error">{describeError(action.error)}</Alert> : null}
      <div className="flex flex-wrap gap-3">
        {availableActions(user, isSelf).map((name) => (
          <Button
            key={name}
            variant={ACTIONS[name].tone === 'danger' ? 'danger' : 'secondary'}
            onClick={() => {
              setOutcome(null);
              action.reset();
              setPending(name);
            }}
          >
            {ACTIONS[name].label}
          </Button>
        ))}
      </div>
      {isSelf ? (
        <p className="text-sm text-slate-600">
          This is your own account: you cannot disable your own sign-in, and you can give up the admin role
          only while another admin remains.
        </p>
      ) : null}
      <ConfirmDialog
        open={current !== null}
        title={current?.title ?? ''}
        confirmLabel={current?.label ?? ''}
        tone={current?.tone ?? 'primary'}
        pending={action.isPending}
        onConfirm={() => {
          if (pending) action.mutate(pending);
        }}
        onCancel={() => {
          setPending(null);
        }}
      >
        <p>{current ? current.explanation(user) : null}</p>
        {action.error && pending ? (
          <p className="mt-2 font-medium text-red-800">{describeError(action.error)}</p>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}

function AccountFacts({ user }: { user: AdminUserSummary }) {
  const facts: [string, string][] = [
    ['Email', user.email],
    ['Role', user.role === 'admin' ? 'Admin' : 'User'],
    ['Email verified', user.emailVerified ? 'Yes' : 'No'],
    ['Created', formatDateTime(user.createdAt)],
    ['Last active', user.lastActiveAt ? formatWhen(user.lastActiveAt) : 'No current session'],
    ['Sign-in', user.signInDisabled ? 'Disabled by an admin' : 'Allowed'],
    [
      'Deletion',
      user.pendingDeletionPurgeAfter
        ? `Pending: purged on ${formatDate(user.pendingDeletionPurgeAfter)} unless restored`
        : 'Not requested',
    ],
  ];
  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {facts.map(([term, value]) => (
        <div key={term} className="rounded-xl border border-slate-200 px-4 py-3">
          <dt className="text-sm text-slate-600">{term}</dt>
          <dd className="break-all font-semibold text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function UserDetail({ detail, isSelf }: { detail: AdminUserDetail; isSelf: boolean }) {
  const { user, brands, usage, sessions, beta } = detail;
  const history = useQuery(
    auditLogQuery(new URLSearchParams({ targetType: 'user', targetId: user.id }).toString()),
  );
  return (
    <>
      <Section title="Account">
        <AccountFacts user={user} />
        <Actions user={user} isSelf={isSelf} />
      </Section>

      <Section title="Brands">
        <AdminTable
          caption={`${user.name}’s brands`}
          columns={[
            { header: 'Brand', rowHeader: true, render: (brand) => brand.name },
            { header: 'Items', numeric: true, render: (brand) => formatCount(brand.items) },
            { header: 'Created', render: (brand) => formatDate(brand.createdAt) },
            {
              header: 'State',
              render: (brand) =>
                brand.deletedAt
                  ? `Deleted ${formatDate(brand.deletedAt)}`
                  : brand.isDefault
                    ? 'Default'
                    : 'Active',
            },
          ]}
          rows={brands}
          rowKey={(brand) => brand.id}
          empty="No brands."
        />
      </Section>

      <Section title="AI usage">
        <p className="text-slate-700">
          <strong className="text-slate-900">{formatCount(usage.calls)}</strong> AI calls costing{' '}
          <strong className="text-slate-900">{formatUsd(usage.costMicros)}</strong> in the last {usage.days}{' '}
          days; <strong className="text-slate-900">{formatUsd(usage.monthSpentMicros)}</strong> spent this
          month.
        </p>
      </Section>

      <Section title="Sessions">
        <AdminTable
          caption={`${user.name}’s current sessions, most recently active first`}
          columns={[
            { header: 'Device', rowHeader: true, render: (session) => session.device },
            { header: 'Network', render: (session) => session.network ?? 'Unknown' },
            { header: 'Signed in', render: (session) => formatDateTime(session.signedInAt) },
            { header: 'Last active', render: (session) => formatWhen(session.lastActiveAt) },
            { header: 'Expires', render: (session) => formatDateTime(session.expiresAt) },
          ]}
          rows={sessions}
          rowKey={(session) => session.id}
          empty="No current sessions."
        />
      </Section>

      <Section title="Beta programme">
        {beta.membership ? (
          <div className="space-y-3">
            <p className="text-slate-700">
              Joined {formatDate(beta.membership.joinedAt)} (consent text {beta.membership.textVersion}).
            </p>
            <AdminTable
              caption={`${user.name}’s beta journey`}
              columns={[
                { header: 'Step', rowHeader: true, render: (step) => BETA_STEP_INFO[step.step].label },
                { header: 'Done', render: (step) => (step.done ? 'Yes' : 'Not yet') },
                {
                  header: 'Their feedback',
                  render: (step) =>
                    step.feedback
                      ? `${step.feedback.rating}${step.feedback.comment ? `: ${step.feedback.comment}` : ''}`
                      : '—',
                },
              ]}
              rows={beta.journey}
              rowKey={(step) => step.step}
            />
          </div>
        ) : (
          <p className="text-slate-700">Not in the beta programme.</p>
        )}
      </Section>

      <Section title="Admin actions on this account">
        {history.data ? (
          <AdminTable
            caption="Admin actions on this account, newest first"
            columns={[
              {
                header: 'When',
                className: 'whitespace-nowrap',
                render: (entry) => formatDateTime(entry.createdAt),
              },
              { header: 'Action', rowHeader: true, render: (entry) => entry.action },
              { header: 'By', className: 'break-all', render: (entry) => entry.actorEmail ?? entry.actorId },
            ]}
            rows={history.data.entries}
            rowKey={(entry) => entry.id}
            empty="No admin has acted on this account yet."
          />
        ) : (
          <LoadState
            what="the account’s history"
            error={history.error}
            retry={() => void history.refetch()}
            retrying={history.isFetching}
          />
        )}
        <p className="text-sm text-slate-700">
          Everything admins did is on the <TextLink to={PAGE_PATHS.adminAuditLog}>audit log</TextLink>.
        </p>
      </Section>
    </>
  );
}

export default function UserPage() {
  const { userId = '' } = useParams();
  const detail = useQuery(userQuery(userId));
  const session = useSession();
  const name = detail.data?.user.name;
  return (
    <AdminFrame
      documentTitle={name ? `Admin: ${name}` : 'Admin: user'}
      heading={name ?? 'User'}
      current="users"
    >
      <p>
        <TextLink to={PAGE_PATHS.adminUsers}>Back to all users</TextLink>
      </p>
      {detail.data ? (
        <UserDetail detail={detail.data} isSelf={session.data?.user?.id === detail.data.user.id} />
      ) : (
        <LoadState
          what="this user"
          error={detail.error}
          retry={() => void detail.refetch()}
          retrying={detail.isFetching}
        />
      )}
    </AdminFrame>
  );
}
