import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonLink } from '../../components/button.tsx';
import { NoIndex } from '../../components/no-index.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { signInPath } from '../../lib/auth-paths.ts';
import { sessionQueryKey, useSession } from '../../lib/session.ts';
import { authApi } from './api.ts';
import { AuthLayout } from './auth-layout.tsx';

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

function VerifyToken({ token }: { token: string }) {
  const queryClient = useQueryClient();
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  // A query rather than a mutation: it runs once per token even when React mounts the page twice,
  // and a token can only be spent once.
  const verification = useQuery({
    queryKey: ['verify-email', token],
    queryFn: async () => {
      const result = await authApi.verifyEmail({ token });
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      return result;
    },
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  if (verification.isPending) {
    return (
      <AuthLayout title="Verifying your email">
        <PageLoader variant="inline" label="Verifying your email…" />
      </AuthLayout>
    );
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
  // A malformed token fails validation rather than lookup; to the user both mean the link is dead.
  const code = isApiError(verification.error) ? verification.error.code : null;
  if (code === 'INVALID_TOKEN' || code === 'VALIDATION_FAILED') {
    return (
      <AuthLayout title="This link doesn’t work">
        <Alert tone="error">
          <p>
            This verification link has expired or has already been used.{' '}
            {signedIn
              ? 'You can send yourself a new one from your dashboard.'
              : 'Sign in to send yourself a new one from your dashboard.'}
          </p>
        </Alert>
        <NextStep signedIn={signedIn} />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="We couldn’t verify your email">
      <Alert tone="error">
        <p>{describeError(verification.error)}</p>
      </Alert>
      <Button size="lg" className="w-full" onClick={() => void verification.refetch()}>
        Try again
      </Button>
    </AuthLayout>
  );
}

export default function VerifyEmailPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  const session = useSession();
  return (
    <>
      <NoIndex />
      {token ? (
        <VerifyToken key={token} token={token} />
      ) : (
        <AuthLayout title="This link doesn’t work">
          <Alert tone="error">
            <p>This verification link is incomplete — it may have been cut short when it was copied.</p>
          </Alert>
          <NextStep signedIn={Boolean(session.data?.user)} />
        </AuthLayout>
      )}
    </>
  );
}
