/**
 * Which `/api` routes answer without a session (this one list), and which need an admin (one
 * prefix). Every other `/api` route requires a valid session (default deny); `auth-guard.int.test.ts`
 * walks the route table to prove both.
 */
export const PUBLIC_API_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/session',
  'GET /api/openapi.json',
  'POST /api/auth/sign-up',
  'POST /api/auth/sign-in',
  'POST /api/auth/verify-email',
  'GET /api/auth/verify-email/status',
  'POST /api/auth/request-password-reset',
  'POST /api/auth/reset-password',
  'GET /api/auth/reset-password/status',
  'GET /api/contact',
  'GET /api/legal',
  'POST /api/diagnostic/results',
  'GET /api/diagnostic/results/:id',
  'GET /api/diagnostic/results/:id/report.pdf',
  'GET /api/diagnostic/altcha-challenge',
  'POST /api/diagnostic/results/:id/lead',
  'POST /api/email/unsubscribe',
  'GET /api/public/surveys/:slug',
  'GET /api/public/surveys/:slug/challenge',
  'POST /api/public/surveys/:slug/responses',
  'GET /api/feedback/challenge',
  'POST /api/feedback',
]);

/** Every route under this prefix is for admins only; the session guard answers 403 to anyone else. */
export const ADMIN_API_PREFIX = '/api/admin/';

export function isAdminApiRoute(url: string): boolean {
  return url.startsWith(ADMIN_API_PREFIX);
}

export function isPublicApiRoute(method: string, url: string): boolean {
  // Fastify answers HEAD through the matching GET route.
  const effectiveMethod = method === 'HEAD' ? 'GET' : method;
  return PUBLIC_API_ROUTES.has(`${effectiveMethod} ${url}`);
}
