/**
 * The `server_errors` log behind the System page's "Recent errors": every 500 the one error handler
 * produces is written here, fire-and-forget. What is kept is chosen so it can never hold a user's
 * content: request id, method, the route *pattern*, the error's name, its message with addresses,
 * ids and digit runs masked (300 characters at most) and the top frame's file:line — no URL, query,
 * body, header, user or full stack.
 */
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { redactErrorMessage, topFrameOf } from '../../../core/system/redact.ts';
import type { Database } from '../../db/client.ts';
import { serverErrors } from '../../db/schema.ts';
import { daysBefore, deleteInBatches } from '../../platform/data-lifecycle/batches.ts';
import type { RetentionRule } from '../../platform/data-lifecycle/registry.ts';

/** How long rows are kept; the retention job deletes older ones. */
export const SERVER_ERROR_RETENTION_DAYS = 30;
/**
 * Rows written per minute per instance at most: a bug that fails every request must not double the
 * database load while it lasts. The log line and the error reporter still see every failure.
 */
const MAX_RECORDS_PER_MINUTE = 120;
const NAME_MAX = 100;

export interface ServerErrorRecord {
  requestId: string;
  method: string;
  route: string;
  errorName: string;
  message: string;
  location: string | null;
}

/** The row kept for `error` raised while answering `request`; pure apart from reading the cwd. */
export function serverErrorRecordOf(
  error: unknown,
  request: Pick<FastifyRequest, 'id' | 'method' | 'routeOptions'>,
  root = process.cwd(),
): ServerErrorRecord {
  const failure = error instanceof Error ? error : undefined;
  return {
    requestId: String(request.id).slice(0, NAME_MAX),
    method: request.method,
    // The pattern the router matched (`/api/items/:itemId`); the raw URL may carry ids and tokens.
    route: (request.routeOptions.url ?? '(no route)').slice(0, 200),
    errorName: (failure?.name || typeof error).slice(0, NAME_MAX),
    message: redactErrorMessage(failure ? failure.message : String(error)),
    location: topFrameOf(failure?.stack, root),
  };
}

export interface ServerErrorLog {
  /** Never throws and never waits: a failed insert is logged and dropped. */
  record(error: unknown, request: FastifyRequest): void;
  /**
   * Gives the log its database. The error handler is registered before the database is opened, so
   * the two are joined once both exist; nothing is recorded before (no request is served before).
   */
  attach(database: Database, log: FastifyBaseLogger): void;
}

export function createServerErrorLog(now: () => number = Date.now): ServerErrorLog {
  let target: { database: Database; log: FastifyBaseLogger } | undefined;
  let windowStartedAt = 0;
  let writtenInWindow = 0;

  return {
    attach(database, log) {
      target = { database, log };
    },
    record(error, request) {
      if (!target) return;
      const { database, log } = target;
      try {
        const at = now();
        if (at - windowStartedAt >= 60_000) {
          windowStartedAt = at;
          writtenInWindow = 0;
        }
        if (writtenInWindow >= MAX_RECORDS_PER_MINUTE) return;
        writtenInWindow += 1;
        const row = serverErrorRecordOf(error, request);
        database.db
          .insert(serverErrors)
          .values(row)
          .catch((failure: unknown) => {
            // Recording must never turn one failure into two; the error itself was already logged.
            log.warn({ err: failure }, 'could not record the server error');
          });
      } catch (failure) {
        log.warn({ err: failure }, 'could not record the server error');
      }
    },
  };
}

/** Recorded errors are kept for the System page's "Recent errors" for 30 days. */
export function serverErrorRetentionRule(database: Database): RetentionRule {
  return {
    name: 'old:server_errors',
    run: (now) =>
      deleteInBatches(
        database,
        'server_errors',
        'created_at < $1::timestamptz',
        daysBefore(now, SERVER_ERROR_RETENTION_DAYS),
      ),
  };
}
