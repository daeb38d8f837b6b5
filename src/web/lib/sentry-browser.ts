/**
 * The Sentry browser SDK, loaded on demand by `error-reporting.ts` (never in the initial bundle).
 * It uses its own client and scope with an explicit, minimal set of integrations: no breadcrumbs,
 * no session replay, no tracing, no automatic global handlers (ours call `capture`).
 */
import {
  BrowserClient,
  dedupeIntegration,
  defaultStackParser,
  linkedErrorsIntegration,
  makeFetchTransport,
  Scope,
} from '@sentry/browser';
import { scrubEvent } from '../../core/observability/scrub-event.ts';
import type { ErrorContext } from './error-context.ts';

export interface BrowserReporter {
  capture(error: unknown, context: ErrorContext, userId: string | undefined): void;
}

export function startBrowserReporter(options: {
  dsn: string;
  environment: string;
  release: string | undefined;
}): BrowserReporter {
  const client = new BrowserClient({
    dsn: options.dsn,
    environment: options.environment,
    ...(options.release ? { release: options.release } : {}),
    transport: makeFetchTransport,
    stackParser: defaultStackParser,
    integrations: [linkedErrorsIntegration(), dedupeIntegration()],
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      httpBodies: [],
      urlQueryParams: false,
      stackFrameVariables: false,
    },
    beforeSend: (event) => scrubEvent(event),
    beforeBreadcrumb: () => null,
  });
  const scope = new Scope();
  scope.setClient(client);
  client.init();

  return {
    capture(error, context, userId) {
      const eventScope = scope.clone();
      eventScope.setTag('source', context.source);
      eventScope.setTag('path', window.location.pathname);
      if (userId) eventScope.setUser({ id: userId });
      if (context.componentStack) eventScope.setContext('react', { componentStack: context.componentStack });
      eventScope.captureException(error);
    },
  };
}
