/**
 * Reading a request's cookies. @fastify/cookie is registered without its parsing hook (app.ts): only
 * a couple of public routes read a cookie of their own, and parsing every request's `Cookie` header
 * into an object cost every signed-in request ~2 % of its CPU for nothing (the session is found by
 * the whole header, see auth/sessions.ts). Setting cookies (`reply.setCookie`) works as before.
 */
import type { FastifyRequest } from 'fastify';

/** The value of the cookie `name` on this request, parsed on demand; undefined when absent. */
export function requestCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  request.cookies ??= request.server.parseCookie(header);
  return request.cookies[name];
}
