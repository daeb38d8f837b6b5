/**
 * Default deny: every `/api` route needs a valid session unless it is on the public list. Runs at
 * `onRequest`, before the body is even parsed, so anonymous callers cost almost nothing.
 */
import type { FastifyInstance } from 'fastify';
import type { SessionUser } from '../../core/auth/contracts.ts';
import type { AuthService } from '../features/auth/service.ts';
import { AppError } from './errors.ts';
import { isPublicApiRoute } from './public-routes.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user; set on every non-public `/api` route (the guard rejects the rest). */
    user: SessionUser | null;
  }
}

export function requireUser(user: SessionUser | null): SessionUser {
  if (!user) throw new AppError(401, 'UNAUTHENTICATED', 'Please sign in to continue.');
  return user;
}

/** Admin-only routes: the role is checked on the server, whatever the UI shows. */
export function requireAdmin(user: SessionUser | null): SessionUser {
  const signedIn = requireUser(user);
  if (signedIn.role !== 'admin')
    throw new AppError(403, 'FORBIDDEN', 'This page is for administrators only.');
  return signedIn;
}

export function registerAuthGuard(
  app: FastifyInstance,
  authService: Pick<AuthService, 'resolveSession'>,
): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request, reply) => {
    const url = request.routeOptions.url;
    if (!url?.startsWith('/api/') || isPublicApiRoute(request.method, url)) return;
    const session = await authService.resolveSession(request.headers);
    if (session.cookies.length > 0) reply.header('set-cookie', session.cookies);
    request.user = requireUser(session.body);
  });
}
