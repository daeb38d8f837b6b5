import { useLocation } from 'react-router';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { NoIndex } from '../../components/no-index.tsx';
import { useDocumentTitle } from '../../lib/document-title.ts';

export default function NotFoundPage() {
  useDocumentTitle('Page not found');
  const { pathname } = useLocation();
  return (
    <div className="mx-auto w-full max-w-xl px-4 py-16 sm:py-24">
      <NoIndex />
      <Card className="space-y-4 text-center">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Error 404</p>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Page not found</h1>
        <p className="text-slate-700">
          There is no page at <code className="rounded bg-slate-100 px-1.5 py-0.5 break-all">{pathname}</code>
          . It may have moved, or the address may have a typo.
        </p>
        <ButtonLink to={PAGE_PATHS.home} size="lg">
          Go to the home page
        </ButtonLink>
      </Card>
    </div>
  );
}
