import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { PAGE_PATHS } from '../../core/navigation/pages.ts';
import { safeNextPath } from '../../core/navigation/safe-next.ts';
import { Alert } from '../components/alert.tsx';
import { Button, ButtonLink } from '../components/button.tsx';
import { Card } from '../components/card.tsx';
import { NoIndex } from '../components/no-index.tsx';
import { PageLoader } from '../components/spinner.tsx';
import { describeError } from '../lib/api-client.ts';
import { signInPath } from '../lib/auth-paths.ts';
import { useSession } from '../lib/session.ts';

/**
 * Renders signed-in pages only once the session is known, so a visitor never glimpses protected
 * content (not even for one frame) before being sent to sign in.
 */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();

  if (session.data) {
    if (session.data.user) return <Outlet />;
    return <Navigate replace to={signInPath(`${location.pathname}${location.search}`)} />;
  }
  if (session.isError) {
    // Unknown is not "signed out": redirecting would lose the page for someone who is signed in.
    return (
      <div className="mx-auto max-w-lg px-4 py-16">
        <Alert tone="error" title="We couldn’t check whether you’re signed in">
          <p>{describeError(session.error)}</p>
          <Button variant="secondary" onClick={() => void session.refetch()} pending={session.isFetching}>
            Try again
          </Button>
        </Alert>
      </div>
    );
  }
  return <PageLoader label="Checking your session…" />;
}

/**
 * Admin pages: the same session handling as signed-in pages, and for anyone else a plain "for
 * administrators only" page (the server answers 403 to their API calls regardless).
 */
export function RequireAdmin() {
  const session = useSession();
  const user = session.data?.user;
  if (user && user.role !== 'admin') {
    return (
      <div className="mx-auto w-full max-w-xl px-4 py-16 sm:py-24">
        <NoIndex />
        <Card className="space-y-4 text-center">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">For administrators only</h1>
          <p className="text-slate-700">
            This page is part of the admin console. Your account doesn’t have access to it.
          </p>
          <ButtonLink to={PAGE_PATHS.dashboard}>Go to your dashboard</ButtonLink>
        </Card>
      </div>
    );
  }
  return <RequireAuth />;
}

/**
 * Sign-in and sign-up make no sense when already signed in: continue to where the user was going.
 * These pages are public, so they render at once rather than waiting for the session check; a
 * signed-in user sees the form for a moment before moving on, which beats every visitor waiting.
 */
export function GuestOnly() {
  const session = useSession();
  const [searchParams] = useSearchParams();

  if (session.data?.user) return <Navigate replace to={safeNextPath(searchParams.get('next'))} />;
  return <Outlet />;
}
