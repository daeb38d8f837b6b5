import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonLink } from '../../components/button.tsx';
import { NoIndex } from '../../components/no-index.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { ResendVerificationEmail } from '../../kit/account/resend-verification.tsx';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { signInPath } from '../../lib/auth-paths.ts';
import { sessionQueryKey, useSession } from '../../lib/session.ts';
import { authApi } from './api.ts';
import { AuthLayout } from './auth-layout.tsx';
import { DeadLink, type DeadLinkReason } from './dead-link.tsx';

function NextStep({ signedIn }: { signedIn: boolean }) {
  return signedIn ? (
    <ButtonLink to={PAGE_PATHS.dashboard} size="lg" className="w-full">
      Go to your dashboard
    </ButtonLink>
  ) : (
    <ButtonLink to={signInPath(PAGE_PATHS.dashboard)} size="lg" className="w-full">
      Sign in
    </ButtonLink>
  );
}

/** A dead link, with the way to a new one: right here when signed in, after signing in otherwise. */
function DeadVerificationLink({ reason }: { reason: DeadLinkReason }) {
  const session = useSession();
  const user = session.data?.user;
  if (user?.emailVerified) {
    return (
      <AuthLayout title="Your email is already verified">
        <Alert tone="success">
          <p>There is nothing more to do with this link.</p>
        </Alert>
        <NextStep signedIn />
      </AuthLayout>
    );
  }
  return (
    <DeadLink reason={reason} what="verification link">
      {user ? (
        <div className="space-y-3">
          <ResendVerificationEmail />
          <NextStep signedIn />
        </div>
      ) : (
        <>
          <p className="text-slate-700">Sign in to send yourself a new one from your dashboard.</p>
          <NextStep signedIn={false} />
        </>
      )}
    </DeadLink>
  );
}

function CouldNotVerify({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <AuthLayout title="We couldn’t verify your email">
      <Alert tone="error">
        <p>{describeError(error)}</p>
      </Alert>
      <Button size="lg" className="w-full" onClick={retry}>
        Try again
      </Button>
    </AuthLayout>
  );
}

function VerifyToken({ token }: { token: string }) {
  const queryClient = useQueryClient();
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  // First whether the link still works, so a used or expired one is explained rather than failed.
  const status = useQuery({
    queryKey: ['link-status', 'verify-email', token],
    queryFn: () => authApi.linkStatus('verify-email', token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  // A query rather than a mutation: it runs once per token even when React mounts the page twice,
  // and a token can only be spent once.
  const verification = useQuery({
    queryKey: ['verify-email', token],
    queryFn: async () => {
      const result = await authApi.verifyEmail({ token });
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      return result;
    },
    enabled: status.data?.status === 'valid',
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  if (status.isError) {
    // A malformed token fails validation rather than lookup; to the user both mean the link is dead.
    if (isApiError(status.error) && status.error.code === 'VALIDATION_FAILED') {
      return <DeadVerificationLink reason="incomplete" />;
    }
    return <CouldNotVerify error={status.error} retry={() => void status.refetch()} />;
  }
  if (status.data && status.data.status !== 'valid') {
    return <DeadVerificationLink reason={status.data.status} />;
  }
  if (verification.isSuccess) {
    return (
      <AuthLayout title="Your email is verified">
        <Alert tone="success">
          <p>Thanks for confirming your email address.</p>
        </Alert>
        <NextStep signedIn={signedIn} />
      </AuthLayout>
    );
  }
  if (verification.isError) {
    // Spent between the check and the click (another tab): look again, which explains it.
    if (isApiError(verification.error) && verification.error.code === 'INVALID_TOKEN') {
      return <DeadVerificationLink reason="used" />;
    }
    return <CouldNotVerify error={verification.error} retry={() => void verification.refetch()} />;
  }
  return (
    <AuthLayout title="Verifying your email">
      <PageLoader variant="inline" label="Verifying your email…" />
    </AuthLayout>
  );
}

export default function VerifyEmailPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  return (
    <>
      <NoIndex />
      {token ? <VerifyToken key={token} token={token} /> : <DeadVerificationLink reason="incomplete" />}
    </>
  );
}
