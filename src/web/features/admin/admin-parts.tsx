import { type ComponentProps, lazy, type ReactNode, Suspense } from 'react';
import { ErrorBoundary } from '../../app/error-boundaries.tsx';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { cx } from '../../components/cx.ts';
import { PageLoader } from '../../components/spinner.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { describeError } from '../../lib/api.ts';

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

export const cell = 'border-b border-slate-200 px-3 py-2 text-left align-top text-sm';
export const headCell = cx(cell, 'bg-slate-50 font-semibold text-slate-700');
export const numCell = cx(cell, 'text-right tabular-nums');
export const numHeadCell = cx(headCell, 'text-right');

/** A table that scrolls sideways on its own on a phone; focusable so keyboards can scroll it too. */
export function Table({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <section
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
      tabIndex={0}
      className="overflow-x-auto rounded-xl border border-slate-200"
    >
      <table className="w-full border-collapse bg-white text-slate-900">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </section>
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

export function AdminNav({ current }: { current: 'overview' | 'prompts' | 'system' }) {
  return (
    <nav aria-label="Admin console" className="flex flex-wrap gap-4 text-sm">
      {current === 'overview' ? (
        <span aria-current="page" className="font-semibold text-slate-900">
          AI usage and spend
        </span>
      ) : (
        <TextLink to="/app/admin">AI usage and spend</TextLink>
      )}
      {current === 'prompts' ? (
        <span aria-current="page" className="font-semibold text-slate-900">
          Prompts
        </span>
      ) : (
        <TextLink to="/app/admin/prompts">Prompts</TextLink>
      )}
      {current === 'system' ? (
        <span aria-current="page" className="font-semibold text-slate-900">
          System
        </span>
      ) : (
        <TextLink to="/app/admin/system">System</TextLink>
      )}
    </nav>
  );
}
