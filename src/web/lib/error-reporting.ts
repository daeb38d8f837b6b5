/**
 * Browser error reporting, active only in a build made with `VITE_SENTRY_DSN`. The SDK is not part
 * of any page's initial JavaScript: it is fetched the first time there is an error to report, so
 * visitors who never hit one never download it. Reports carry the error, the page's path and the
 * signed-in user's id — scrubbed of emails, query strings and breadcrumbs (see `scrubEvent`).
 */

import type { ErrorContext } from './error-context.ts';

export type { ErrorContext };

const dsn: string | undefined = import.meta.env.VITE_SENTRY_DSN;

export const errorReportingEnabled = Boolean(dsn);

let currentUserId: () => string | undefined = () => undefined;
let loading: Promise<import('./sentry-browser.ts').BrowserReporter> | undefined;

function reporter() {
  loading ??= import('./sentry-browser.ts').then(
    ({ startBrowserReporter }) =>
      startBrowserReporter({
        dsn: dsn ?? '',
        // Empty build arguments arrive as empty strings, which mean "not set".
        environment: import.meta.env.VITE_SENTRY_ENVIRONMENT || import.meta.env.MODE,
        release: import.meta.env.VITE_SENTRY_RELEASE || undefined,
      }),
    (error: unknown) => {
      // Offline or blocked: let the next error try to load it again.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export function reportError(error: unknown, context: ErrorContext): void {
  if (!dsn) return;
  const userId = currentUserId();
  reporter()
    .then((loaded) => loaded.capture(error, context, userId))
    // Reporting is best effort: a blocked or offline reporter must not cause errors of its own.
    .catch(() => {});
}

/**
 * Reports uncaught errors and unhandled promise rejections from anywhere on the page. `userId`
 * is asked at report time, so it follows sign-in and sign-out.
 */
export function installErrorReporting(userId: () => string | undefined): void {
  if (!dsn) return;
  currentUserId = userId;
  window.addEventListener('error', (event) =>
    reportError(event.error ?? event.message, { source: 'window' }),
  );
  window.addEventListener('unhandledrejection', (event) =>
    reportError(event.reason, { source: 'unhandledrejection' }),
  );
}
