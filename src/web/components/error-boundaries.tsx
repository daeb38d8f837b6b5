import { Component, type ErrorInfo, type ReactNode } from 'react';
import { PAGE_PATHS } from '../../core/navigation/pages.ts';
import { reportError } from '../lib/error-reporting.ts';
import { buttonClasses } from './button.tsx';
import { Card } from './card.tsx';

interface ErrorExplanation {
  title: string;
  message: string;
}

/** True for a page chunk that failed to download, typically an old tab after a deploy. */
function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|module script|importing a module|Failed to fetch/i.test(error.message)
  );
}

function explain(error: unknown): ErrorExplanation {
  if (isChunkLoadError(error)) {
    return {
      title: 'This page needs a refresh',
      message:
        'We couldn’t load this page. You may be offline, or a newer version may be available. Reload to continue.',
    };
  }
  return {
    title: 'Something went wrong',
    message:
      'This page ran into a problem. Reloading usually helps; if it keeps happening, please try again later.',
  };
}

function ErrorPanel({ error }: { error: unknown }) {
  const { title, message } = explain(error);
  return (
    <div className="mx-auto w-full max-w-xl px-4 py-16 sm:py-24">
      <Card role="alert" className="space-y-4 text-center">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
        <p className="text-slate-700">{message}</p>
        <div className="flex flex-col justify-center gap-3 sm:flex-row">
          {/* Plain anchors and reloads: after a failure, client-side routing may be the broken part. */}
          <a href={PAGE_PATHS.home} className={buttonClasses('primary')}>
            Go to the home page
          </a>
          <button
            type="button"
            className={buttonClasses('secondary')}
            onClick={() => window.location.reload()}
          >
            Reload the page
          </button>
        </div>
      </Card>
    </div>
  );
}

export interface ErrorBoundaryProps {
  children: ReactNode;
  fallback: (error: unknown) => ReactNode;
}

interface ErrorBoundaryState {
  error: unknown;
  failed: boolean;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
    // A page chunk missing after a deploy is expected and explained to the user; it is not a bug.
    if (!isChunkLoadError(error)) {
      reportError(error, { source: 'error-boundary', componentStack: info.componentStack ?? undefined });
    }
  }

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/**
 * Around each page, inside the shell: the header and footer keep working while one page fails, and
 * the router remounts it (clearing the error) when the user navigates to another page.
 */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  return <ErrorBoundary fallback={(error) => <ErrorPanel error={error} />}>{children}</ErrorBoundary>;
}

/** Last resort when the shell itself failed: a complete page on its own. */
export function RootErrorBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary
      fallback={(error) => (
        <main id="main" className="min-h-screen">
          <ErrorPanel error={error} />
        </main>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
