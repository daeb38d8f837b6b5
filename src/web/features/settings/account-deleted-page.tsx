import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { NoIndex } from '../../components/no-index.tsx';
import { TextLink, textLinkClasses } from '../../components/text-link.tsx';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { formatDate } from '../../lib/format-date.ts';
import { settingsApi } from './api.ts';

/** The purge date from the link, if it is a real date (the page is public; the value is only shown). */
function purgeDateOf(value: string | null): string | null {
  if (!value || Number.isNaN(Date.parse(value))) return null;
  return formatDate(value);
}

export default function AccountDeletedPage() {
  useDocumentTitle('Account deleted');
  const [searchParams] = useSearchParams();
  const purgeDate = purgeDateOf(searchParams.get('purgeAfter'));
  // The operator's address comes from the server's configuration, never from the link.
  const contact = useQuery({
    queryKey: ['contact'],
    queryFn: settingsApi.contact,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const contactEmail = contact.data?.email;
  const deadline = purgeDate ? `before ${purgeDate}` : 'before the grace period ends';

  return (
    <div className="mx-auto w-full max-w-xl px-4 py-12 sm:py-16">
      <NoIndex />
      <Card className="space-y-5">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
          Your account has been deleted
        </h1>
        <p className="text-slate-700">
          You’ve been signed out on every device, and we’ve emailed you a confirmation.
        </p>
        <p className="text-slate-700">
          {purgeDate ? (
            <>
              Your data will be permanently deleted on <strong className="text-slate-900">{purgeDate}</strong>
              .
            </>
          ) : (
            'Your data will be permanently deleted at the end of the grace period.'
          )}
        </p>
        <p className="text-slate-700">
          Changed your mind?{' '}
          {contactEmail ? (
            <>
              Email{' '}
              <a href={`mailto:${contactEmail}`} className={textLinkClasses}>
                {contactEmail}
              </a>{' '}
              {deadline}:
            </>
          ) : (
            `Contact the IDEA Brand Coach team ${deadline}:`
          )}{' '}
          until then, we can restore your account with everything in it.
        </p>
        <p className="text-slate-700">
          What is kept until then, and for how long, is on the{' '}
          <TextLink to={PAGE_PATHS.privacy}>privacy page</TextLink>; how to reach the people who run this site
          is on the <TextLink to={PAGE_PATHS.contact}>contact page</TextLink>.
        </p>
        <ButtonLink to={PAGE_PATHS.home}>Go to the home page</ButtonLink>
      </Card>
    </div>
  );
}
