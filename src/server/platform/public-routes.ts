/**
 * The one list of `/api` routes that answer without a session. Every other `/api` route requires a
 * valid session (default deny); `auth-guard.int.test.ts` walks the route table to prove it.
 */
export const PUBLIC_API_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/session',
  'GET /api/openapi.json',
  'POST /api/auth/sign-up',
  'POST /api/auth/sign-in',
  'POST /api/auth/verify-email',
  'POST /api/auth/request-password-reset',
  'POST /api/auth/reset-password',
  'POST /api/diagnostic/results',
  'GET /api/diagnostic/results/:id',
  'GET /api/diagnostic/results/:id/report.pdf',
  'GET /api/diagnostic/altcha-challenge',
  'POST /api/diagnostic/results/:id/lead',
]);

export function isPublicApiRoute(method: string, url: string): boolean {
  // Fastify answers HEAD through the matching GET route.
  const effectiveMethod = method === 'HEAD' ? 'GET' : method;
  return PUBLIC_API_ROUTES.has(`${effectiveMethod} ${url}`);
}
