import { type ComponentProps, lazy, type ReactNode, Suspense } from 'react';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ErrorBoundary } from '../../components/error-boundaries.tsx';
import { NoIndex } from '../../components/no-index.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { describeError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';

const LazyUsageBars = lazy(() => import('./usage-bars.tsx'));

/** The per-day bars, fetched only when shown; the table next to them carries the same numbers. */
export function UsageBars(props: ComponentProps<typeof LazyUsageBars>) {
  return (
    <ErrorBoundary fallback={() => <p className="text-sm text-slate-600">The chart couldn’t be loaded.</p>}>
      <Suspense fallback={<div className="min-h-16" />}>
        <LazyUsageBars {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}

export function Section({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="space-y-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold text-slate-900">{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function LoadState({
  error,
  retry,
  retrying,
  what,
}: {
  error: unknown;
  retry: () => void;
  retrying: boolean;
  what: string;
}) {
  if (!error) return <PageLoader variant="inline" label={`Loading ${what}…`} />;
  return (
    <Alert tone="error" title={`We couldn’t load ${what}`}>
      <p>{describeError(error)}</p>
      <Button variant="secondary" pending={retrying} onClick={retry}>
        Try again
      </Button>
    </Alert>
  );
}

const ADMIN_PAGES = [
  { page: 'overview', label: 'AI usage and spend', path: PAGE_PATHS.admin },
  { page: 'prompts', label: 'Prompts', path: PAGE_PATHS.adminPrompts },
  { page: 'users', label: 'Users', path: PAGE_PATHS.adminUsers },
  { page: 'leads', label: 'Leads', path: PAGE_PATHS.adminLeads },
  { page: 'beta', label: 'Beta testers', path: PAGE_PATHS.adminBeta },
  { page: 'feedback', label: 'Feedback', path: PAGE_PATHS.adminFeedback },
  { page: 'system', label: 'System', path: PAGE_PATHS.adminSystem },
  { page: 'audit-log', label: 'Audit log', path: PAGE_PATHS.adminAuditLog },
] as const;

type AdminPageName = (typeof ADMIN_PAGES)[number]['page'];

function AdminNav({ current }: { current: AdminPageName }) {
  return (
    <nav aria-label="Admin console" className="flex flex-wrap gap-4 text-sm">
      {ADMIN_PAGES.map(({ page, label, path }) =>
        page === current ? (
          <span key={page} aria-current="page" className="font-semibold text-slate-900">
            {label}
          </span>
        ) : (
          <TextLink key={page} to={path}>
            {label}
          </TextLink>
        ),
      )}
    </nav>
  );
}

/** The frame of every admin page: its heading, the console's navigation, and no indexing. */
export function AdminFrame({
  documentTitle,
  heading,
  current,
  children,
}: {
  documentTitle: string;
  heading: string;
  current: AdminPageName;
  children: ReactNode;
}) {
  useDocumentTitle(documentTitle);
  return (
    <div className="mx-auto w-full max-w-6xl space-y-8 px-4 py-8 sm:px-6 sm:py-10">
      <NoIndex />
      <div className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{heading}</h1>
        <AdminNav current={current} />
      </div>
      {children}
    </div>
  );
}
