/**
 * Error reporting to Sentry (or any server speaking its envelope protocol), active only when
 * `SENTRY_DSN` is set: without it the SDK is not even loaded and nothing is ever sent. The app owns
 * its own client and scope instead of the SDK's process-wide `init`, so nothing is patched globally
 * (no auto-instrumentation, no tracing) and several apps in one process stay independent.
 *
 * A report carries the error, the request id, route and method as tags, and the user's id — the
 * event is scrubbed by `scrubEvent` before it leaves (no email, IP, cookies, headers or bodies).
 */
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { scrubEvent } from '../../core/observability/scrub-event.ts';
import type { AppConfig } from '../config.ts';

export interface ErrorReporter {
  readonly enabled: boolean;
  /** An unexpected failure while answering a request (the error handler's 500s). */
  captureRequestError(error: unknown, request: FastifyRequest): void;
  /** A failure outside a request (a background job, an unhandled rejection). */
  captureException(error: unknown, tags?: Record<string, string>): void;
  /**
   * Resolves once every report captured so far has been sent and answered (true), or after
   * `timeoutMs` with reports still pending (false). Lets a test assert what was, or was not, sent.
   */
  flush(timeoutMs?: number): Promise<boolean>;
  /** Sends what is queued, waiting at most `timeoutMs`; called on shutdown. */
  close(timeoutMs?: number): Promise<void>;
}

export const disabledErrorReporter: ErrorReporter = {
  enabled: false,
  captureRequestError() {},
  captureException() {},
  // No client, so nothing is ever queued.
  flush: async () => true,
  async close() {},
};

export async function createErrorReporter(
  config: AppConfig['observability']['sentry'],
  log: FastifyBaseLogger,
): Promise<ErrorReporter> {
  if (!config) return disabledErrorReporter;
  // Loaded only when configured: it is a large package and most installations never need it.
  const sentry = await import('@sentry/node');
  const client = new sentry.NodeClient({
    dsn: config.dsn,
    environment: config.environment,
    ...(config.release ? { release: config.release } : {}),
    sampleRate: config.sampleRate,
    transport: sentry.makeNodeTransport,
    stackParser: sentry.defaultStackParser,
    // Only what explains the error itself; nothing that reads requests, consoles or variables.
    integrations: [sentry.linkedErrorsIntegration(), sentry.dedupeIntegration()],
    // Collect nothing about users, requests or queries; the tags set below are all a report carries.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      httpBodies: [],
      urlQueryParams: false,
      databaseQueryData: false,
      queues: false,
      stackFrameVariables: false,
      genAI: { inputs: false, outputs: false },
    },
    beforeSend: (event) => scrubEvent(event),
    beforeBreadcrumb: () => null,
  });
  const scope = new sentry.Scope();
  scope.setClient(client);
  client.init();
  log.info({ environment: config.environment }, 'error reporting enabled');

  function capture(error: unknown, tags: Record<string, string>, userId?: string): void {
    try {
      const eventScope = scope.clone();
      eventScope.setTags(tags);
      if (userId) eventScope.setUser({ id: userId });
      eventScope.captureException(error);
    } catch (failure) {
      // Reporting must never turn one failure into two.
      log.warn({ err: failure }, 'error report could not be queued');
    }
  }

  return {
    enabled: true,
    captureRequestError(error, request) {
      capture(
        error,
        {
          requestId: String(request.id),
          method: request.method,
          route: request.routeOptions.url ?? 'unmatched',
        },
        request.user?.id,
      );
    },
    captureException(error, tags = {}) {
      capture(error, tags);
    },
    async flush(timeoutMs = 5000) {
      return client.flush(timeoutMs);
    },
    async close(timeoutMs = 2000) {
      await client.close(timeoutMs);
    },
  };
}
