import { useMutation } from '@tanstack/react-query';
import type { SessionUser } from '../../../core/auth/contracts.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { api, describeError } from '../../lib/api.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { useSession, useSignOut } from '../../lib/session.ts';

function EmailStatus({ user }: { user: SessionUser }) {
  const resend = useMutation({ mutationFn: api.sendVerificationEmail });

  if (user.emailVerified) {
    return (
      <p className="flex items-center gap-2 text-sm font-medium text-emerald-800">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-emerald-700">
          <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm3.7 5.3 1.4 1.4-6 6-3.4-3.4 1.4-1.4 2 2 4.6-4.6Z" />
        </svg>
        Email verified
      </p>
    );
  }

  return (
    <div className="space-y-3">
      <Alert tone="warning" title="Please verify your email">
        <p>
          We sent a link to <strong className="break-all">{user.email}</strong>. Verifying lets us reach you
          about your account, for example to reset your password.
        </p>
      </Alert>
      {resend.isSuccess ? (
        <Alert tone="success">
          <p>We’ve sent a new verification link. It may take a minute to arrive.</p>
        </Alert>
      ) : null}
      {resend.isError ? (
        <Alert key={resend.submittedAt} tone="error">
          <p>{describeError(resend.error)}</p>
        </Alert>
      ) : null}
      <Button
        variant="secondary"
        pending={resend.isPending}
        pendingLabel="Sending…"
        onClick={() => resend.mutate()}
      >
        Resend verification email
      </Button>
    </div>
  );
}

export default function DashboardPage() {
  useDocumentTitle('Dashboard');
  const session = useSession();
  const signOut = useSignOut();
  // The signed-in guard renders this page only with a user; the check keeps the types honest.
  const user = session.data?.user;
  if (!user) return null;

  return (
    <div className="mx-auto w-full max-w-4xl space-y-8 px-4 py-10 sm:px-6 sm:py-14">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Welcome, {user.name}</h1>
        <p className="text-lg text-slate-700">Here’s your account at a glance.</p>
      </div>

      <Card className="space-y-5">
        <div className="space-y-1">
          <h2 className="text-lg font-semibold text-slate-900">Your account</h2>
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-600">Name</dt>
            <dd className="font-medium text-slate-900">{user.name}</dd>
            <dt className="text-slate-600">Email</dt>
            <dd className="font-medium break-all text-slate-900">{user.email}</dd>
          </dl>
        </div>
        <EmailStatus user={user} />
      </Card>

      <Card className="space-y-4">
        <h2 className="text-lg font-semibold text-slate-900">Signed in on this device</h2>
        <p className="text-sm text-slate-700">
          Signing out ends this session. On a shared computer, sign out when you’re done.
        </p>
        {signOut.isError ? (
          <Alert key={signOut.submittedAt} tone="error">
            <p>{describeError(signOut.error)}</p>
          </Alert>
        ) : null}
        <Button
          variant="secondary"
          pending={signOut.isPending}
          pendingLabel="Signing out…"
          onClick={() => signOut.mutate()}
        >
          Sign out
        </Button>
      </Card>
    </div>
  );
}
