/**
 * Who is signed in: the session behind a request's cookie, as the session guard and the public
 * `GET /api/session` see it. better-auth owns the session rows; this is the one place that asks it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from '../../../core/auth/contracts.ts';
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

export interface SessionResolverOptions {
  /** Records each session found as used now: what "last active" in Settings shows. */
  recordUse?: RecordSessionUse;
  /** Answers repeated requests of a session from memory for a few seconds (ADR 0044). */
  cache?: SessionCache;
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
  const { recordUse, cache } = options;
  const inFlight = new Map<string, Promise<AuthOutcome<SessionUser | null>>>();

  async function lookUp(cookie: string): Promise<AuthOutcome<SessionUser | null>> {
    const mark = cache?.begin() ?? 0;
    const { headers, response } = await auth.api.getSession({
      headers: new Headers({ cookie }),
      returnHeaders: true,
    });
    if (!response) return { body: null, cookies: headers.getSetCookie() };
    const user = toSessionUser(response.user);
    const expiresAt = new Date(response.session.expiresAt).getTime();
    cache?.set(
      cookie,
      {
        user,
        sessionId: response.session.id,
        token: response.session.token,
        expiresAt,
        refreshDueAt: expiresAt - (options.expiresInSeconds - options.updateAgeSeconds) * 1000,
      },
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
