import { useMutation } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { UNSUBSCRIBE_TOKEN_PATTERN } from '../../../core/email-consent/unsubscribe-token.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { NoIndex } from '../../components/no-index.tsx';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { emailConsentApi } from './api.ts';

function Layout({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-xl px-4 py-12 sm:py-16">
      <NoIndex />
      <Card className="space-y-5">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
        {children}
      </Card>
    </div>
  );
}

function InvalidLink() {
  return (
    <Layout title="This unsubscribe link doesn’t work">
      <Alert tone="error">
        <p>
          The link is incomplete or was changed. Open it again from the email, or copy the whole link into
          your browser.
        </p>
      </Alert>
      <p className="text-slate-700">
        If you have an account, you can also turn tips off in Settings, under Email preferences.
      </p>
    </Layout>
  );
}

/**
 * Where a marketing email's "Unsubscribe" link leads; works signed out. Opening the page changes
 * nothing (mail scanners open links): the button does, with the token the link carries.
 */
export default function UnsubscribePage() {
  useDocumentTitle('Unsubscribe');
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const unsubscribe = useMutation({ mutationFn: () => emailConsentApi.unsubscribe(token) });

  if (!UNSUBSCRIBE_TOKEN_PATTERN.test(token)) return <InvalidLink />;
  if (
    unsubscribe.isError &&
    isApiError(unsubscribe.error) &&
    unsubscribe.error.code === 'VALIDATION_FAILED'
  ) {
    return <InvalidLink />;
  }
  if (unsubscribe.isSuccess) {
    return (
      <Layout title="You’re unsubscribed">
        <Alert tone="success">
          <p>
            {unsubscribe.data.alreadyUnsubscribed
              ? 'This address was already unsubscribed from brand-strategy tips.'
              : 'We won’t send you any more brand-strategy tips.'}
          </p>
        </Alert>
        <p className="text-slate-700">
          Emails you need for an account, such as password resets, still arrive. Changed your mind? Take the
          diagnostic again and tick the box when you ask for your report.
        </p>
        <ButtonLink to={PAGE_PATHS.home} variant="secondary" className="w-full">
          Go to the home page
        </ButtonLink>
      </Layout>
    );
  }
  return (
    <Layout title="Unsubscribe from brand-strategy tips">
      <p className="text-slate-700">
        You’ll get no more tips from IDEA Brand Coach at the address this email was sent to. You don’t need to
        sign in.
      </p>
      {unsubscribe.isError ? (
        <Alert key={unsubscribe.submittedAt} tone="error">
          <p>{describeError(unsubscribe.error)}</p>
        </Alert>
      ) : null}
      <Button
        size="lg"
        className="w-full"
        pending={unsubscribe.isPending}
        pendingLabel="Unsubscribing…"
        onClick={() => unsubscribe.mutate()}
      >
        Unsubscribe
      </Button>
    </Layout>
  );
}
