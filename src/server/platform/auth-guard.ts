/**
 * Default deny: every `/api` route needs a valid session unless it is on the public list, and every
 * `/api/admin/` route needs the admin role. Runs at `onRequest`, before the body is even parsed, so
 * anonymous callers cost almost nothing. Handlers behind the guard read `request.user`, which is
 * always set there; public routes that can use a session when there is one call `optionalUser`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionUser } from '../../core/auth/contracts.ts';
import type { SessionResolver } from './auth/sessions.ts';
import { AppError } from './errors.ts';
import { isAdminApiRoute, isPublicApiRoute } from './public-routes.ts';

const resolvedUser = Symbol('resolvedUser');

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The signed-in user. The guard sets it before any handler of a non-public `/api` route runs;
     * reading it anywhere else is a programming error and answers 401 rather than leaking.
     */
    readonly user: SessionUser;
    [resolvedUser]: SessionUser | null;
  }
  interface FastifyInstance {
    /** The session's user on a public route (which the guard skips), or null when signed out. */
    optionalUser(request: FastifyRequest): Promise<SessionUser | null>;
  }
}

export function registerAuthGuard(app: FastifyInstance, resolveSession: SessionResolver): void {
  app.decorateRequest(resolvedUser, null);
  app.decorateRequest('user', {
    getter(this: FastifyRequest): SessionUser {
      const user = this[resolvedUser];
      if (!user) throw new AppError(401, 'UNAUTHENTICATED', 'Please sign in to continue.');
      return user;
    },
  });
  app.decorate('optionalUser', async (request: FastifyRequest) => {
    request[resolvedUser] ??= (await resolveSession(request.headers)).body;
    return request[resolvedUser];
  });
  app.addHook('onRequest', async (request, reply) => {
    const url = request.routeOptions.url;
    if (!url?.startsWith('/api/') || isPublicApiRoute(request.method, url)) return;
    const session = await resolveSession(request.headers);
    if (session.cookies.length > 0) reply.header('set-cookie', session.cookies);
    if (!session.body) throw new AppError(401, 'UNAUTHENTICATED', 'Please sign in to continue.');
    // The role is checked on the server, whatever the UI shows.
    if (isAdminApiRoute(url) && session.body.role !== 'admin') {
      throw new AppError(403, 'FORBIDDEN', 'This page is for administrators only.');
    }
    request[resolvedUser] = session.body;
  });
}
