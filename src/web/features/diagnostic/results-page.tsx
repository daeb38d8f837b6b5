import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { NoIndex } from '../../components/no-index.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { useSession } from '../../lib/session.ts';
import { isResultId } from './api.ts';
import { resultQuery } from './queries.ts';
import { ResultsView } from './results-view.tsx';

function ResultNotFound() {
  return (
    <div className="mx-auto w-full max-w-xl px-4 py-16 sm:py-24">
      <Card className="space-y-4 text-center">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">We couldn’t find this result</h1>
        <p className="text-slate-700">
          Results are private to the browser or account that took them. If you took the diagnostic on another
          device, sign in there, or take it again here: it only takes about 3 minutes.
        </p>
        <ButtonLink to={PAGE_PATHS.diagnostic} size="lg">
          Take the diagnostic
        </ButtonLink>
      </Card>
    </div>
  );
}

export default function ResultsPage() {
  const { id = '' } = useParams();
  const validId = isResultId(id);
  const result = useQuery({ ...resultQuery(id), enabled: validId });
  const session = useSession();
  const notFound =
    !validId || (isApiError(result.error) && (result.error.status === 404 || result.error.status === 400));
  useDocumentTitle(notFound ? 'Result not found' : 'Your diagnostic results');

  // Results are personal: never worth indexing, whatever the outcome.
  const noIndex = <NoIndex />;
  if (notFound) {
    return (
      <>
        {noIndex}
        <ResultNotFound />
      </>
    );
  }
  if (result.isError) {
    return (
      <div className="mx-auto w-full max-w-xl px-4 py-16">
        {noIndex}
        <h1 className="sr-only">Your diagnostic results</h1>
        <Alert tone="error" title="We couldn’t load your results">
          <p>{describeError(result.error)}</p>
          <Button variant="secondary" pending={result.isFetching} onClick={() => void result.refetch()}>
            Try again
          </Button>
        </Alert>
      </div>
    );
  }
  if (!result.data) {
    return (
      <>
        {noIndex}
        <PageLoader label="Loading your results…" />
      </>
    );
  }
  const signedIn = session.data ? Boolean(session.data.user) : session.isError ? false : null;
  return (
    <>
      {noIndex}
      <ResultsView result={result.data.result} signedIn={signedIn} />
    </>
  );
}
