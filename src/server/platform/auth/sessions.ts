/**
 * Who is signed in: the session behind a request's cookie, as the session guard and the public
 * `GET /api/session` see it. better-auth owns the session rows; this is the one place that asks it.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from '../../../core/auth/contracts.ts';
import type { Database } from '../../db/client.ts';
import { sessions, users } from '../../db/schema.ts';
import type { Clock } from '../clock.ts';
import { type Auth, CLIENT_IP_HEADER } from './better-auth.ts';
import type { RecordSessionUse } from './session-activity.ts';
import type { SessionCache } from './session-cache.ts';

/** What a call into better-auth needs from the incoming request. */
export interface AuthRequest {
  ip: string;
  headers: FastifyRequest['headers'];
}

export function authRequestOf(request: FastifyRequest): AuthRequest {
  return { ip: request.ip, headers: request.headers };
}

/** Only the headers better-auth needs; the client IP comes from Fastify, never from the caller. */
export function betterAuthHeaders(request: AuthRequest): Headers {
  const headers = new Headers();
  const { cookie, origin } = request.headers;
  const userAgent = request.headers['user-agent'];
  if (cookie) headers.set('cookie', cookie);
  if (origin) headers.set('origin', origin);
  if (userAgent) headers.set('user-agent', userAgent.slice(0, 512));
  headers.set(CLIENT_IP_HEADER, request.ip);
  return headers;
}

export interface AuthOutcome<T> {
  body: T;
  /** `Set-Cookie` values to forward to the browser. */
  cookies: string[];
}

interface BetterAuthUser {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  role?: string | null | undefined;
}

export function toSessionUser(user: BetterAuthUser): SessionUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    emailVerified: user.emailVerified,
    role: user.role === 'admin' ? 'admin' : 'user',
  };
}

/** Forwards the outcome's cookies (a new, renewed or cleared session) and returns its body. */
export function sendWithCookies<T>(reply: FastifyReply, outcome: AuthOutcome<T>): T {
  if (outcome.cookies.length > 0) reply.header('set-cookie', outcome.cookies);
  return outcome.body;
}

export type SessionResolver = (
  requestHeaders: FastifyRequest['headers'],
) => Promise<AuthOutcome<SessionUser | null>>;

/** A session row and its user, as better-auth's lookup reads them. */
export interface LiveSession {
  sessionId: string;
  expiresAt: Date;
  user: BetterAuthUser;
}

/** Re-reads a session by its token: the row and its user while unexpired at `now`, else null. */
export type SessionRecheck = (token: string, now: Date) => Promise<LiveSession | null>;

/**
 * The one statement that re-checks a stale cache entry (ADR 0061): what better-auth's own lookup
 * reads — the session by token, unexpired, with its user — without building the query each time.
 */
export function createSessionRecheck(database: Database): SessionRecheck {
  const read = database.db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      user: {
        id: users.id,
        name: users.name,
        email: users.email,
        emailVerified: users.emailVerified,
        role: users.role,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.token, sql.placeholder('token')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('session_recheck');
  return async (token, now) => {
    const [row] = await read.execute({ token, now });
    return row ?? null;
  };
}

export interface SessionResolverOptions {
  /** Records each session found as used now: what "last active" in Settings shows. */
  recordUse?: RecordSessionUse;
  /** Answers repeated requests of a session from memory for a few seconds (ADR 0044). */
  cache?: SessionCache;
  /** With `cache`: re-checks a stale entry's session in one statement (ADR 0061). */
  recheck?: { read: SessionRecheck; clock: Clock };
  /** better-auth's `session.expiresIn` and `session.updateAge`, in seconds. */
  expiresInSeconds: number;
  updateAgeSeconds: number;
}

/**
 * The session's user, plus any `Set-Cookie` better-auth issues when it slides the session's expiry
 * forward (the browser's cookie must be extended along with the database row). A cached answer is
 * only used until the session would be due that refresh, so the cookie is still extended on time.
 * Concurrent requests carrying the same cookie share one lookup.
 */
export function createSessionResolver(auth: Auth, options: SessionResolverOptions): SessionResolver {
  const { recordUse, cache, recheck } = options;
  const inFlight = new Map<string, Promise<AuthOutcome<SessionUser | null>>>();

  /** From when better-auth would slide a session's expiry forward (ms since the epoch). */
  const refreshDueAt = (expiresAt: Date) =>
    new Date(expiresAt).getTime() - (options.expiresInSeconds - options.updateAgeSeconds) * 1000;

  /** Remembers what was found for `cookie`, unless a revocation came after `mark`. */
  function remember(cookie: string, found: LiveSession, token: string, mark: number): SessionUser {
    const user = toSessionUser(found.user);
    cache?.set(
      cookie,
      {
        user,
        sessionId: found.sessionId,
        token,
        expiresAt: new Date(found.expiresAt).getTime(),
        refreshDueAt: refreshDueAt(found.expiresAt),
      },
      mark,
    );
    return user;
  }

  async function lookUp(cookie: string): Promise<AuthOutcome<SessionUser | null>> {
    const mark = cache?.begin() ?? 0;
    const stale = recheck ? cache?.stale(cookie) : undefined;
    if (stale && recheck) {
      const now = recheck.clock.now();
      const found = await recheck.read(stale.token, now);
      // Still the same live session, and not yet due the refresh only better-auth does: answered.
      // Anything else (revoked, expired, its user gone) is better-auth's to answer, cookies and all.
      if (found && found.sessionId === stale.sessionId && now.getTime() < refreshDueAt(found.expiresAt)) {
        const user = remember(cookie, found, stale.token, mark);
        if (recordUse) await recordUse(found.sessionId);
        return { body: user, cookies: [] };
      }
    }
    const { headers, response } = await auth.api.getSession({
      headers: new Headers({ cookie }),
      returnHeaders: true,
    });
    if (!response) return { body: null, cookies: headers.getSetCookie() };
    const user = remember(
      cookie,
      { sessionId: response.session.id, expiresAt: response.session.expiresAt, user: response.user },
      response.session.token,
      mark,
    );
    if (recordUse) await recordUse(response.session.id);
    return { body: user, cookies: headers.getSetCookie() };
  }

  return async (requestHeaders) => {
    const { cookie } = requestHeaders;
    if (!cookie) return { body: null, cookies: [] };
    const cached = cache?.get(cookie);
    if (cached) {
      if (recordUse) await recordUse(cached.sessionId);
      return { body: cached.user, cookies: [] };
    }
    const pending = inFlight.get(cookie);
    if (pending) return pending;
    const lookup = lookUp(cookie).finally(() => inFlight.delete(cookie));
    inFlight.set(cookie, lookup);
    return lookup;
  };
}
