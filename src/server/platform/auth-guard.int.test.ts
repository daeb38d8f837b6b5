import { afterEach, expect, it, vi } from 'vitest';
import { describeOnEachDatabase, type ErrorBody, signUp, type TestApp } from '../testing/harness.ts';
import { isAdminApiRoute, isPublicApiRoute, PUBLIC_API_ROUTES } from './public-routes.ts';
import { routeLimitProblems } from './route-limits.ts';

const SAMPLE_UUID = '6f1d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e5f';

function protectedRoutes(testApp: TestApp) {
  return testApp.app.routeTable.filter(
    (route) =>
      route.url.startsWith('/api/') &&
      route.method !== 'OPTIONS' &&
      !isPublicApiRoute(route.method, route.url),
  );
}

function concrete(url: string): string {
  return url.replace(/:[A-Za-z]+/g, SAMPLE_UUID).replace(/\*$/, 'anything');
}

const SESSION_TTL_SECONDS = 600;

describeOnEachDatabase(
  'default deny',
  (getApp) => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('has protected routes to check and a public list that names only real routes', () => {
      expect(protectedRoutes(getApp()).length).toBeGreaterThan(0);
      const registered = new Set(getApp().app.routeTable.map((route) => `${route.method} ${route.url}`));
      for (const entry of PUBLIC_API_ROUTES) expect(registered, entry).toContain(entry);
    });

    it('gives every /api route a limit tier that fits its guard (route-limits.int.test.ts shows an untiered one caught)', () => {
      const routes = getApp().app.routeTable.filter((route) => route.url.startsWith('/api/'));
      expect(routes.length).toBeGreaterThan(50);
      expect(routeLimitProblems(routes)).toEqual([]);
    });

    it('answers 401 on every non-public /api route without a cookie, with a forged one and with an expired one', async () => {
      const testApp = getApp();
      const browser = testApp.client();
      // better-auth judges expiry by the wall clock (Date): move it past the session's lifetime
      // instead of waiting for it; timers and I/O stay real.
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
      await signUp(browser);
      const sessionCookie = browser.cookieHeader();
      expect((await browser.get<{ user: unknown }>('/api/session')).body.user).not.toBeNull();
      // From here on, the real session is past its lifetime.
      vi.setSystemTime(Date.now() + (SESSION_TTL_SECONDS + 1) * 1000);

      const forgedCookies = [
        'ibc.session_token=forged-token.forged-signature',
        `ibc.session_token=${encodeURIComponent('a'.repeat(32))}.${encodeURIComponent('b'.repeat(44))}`,
        'other_cookie=1',
      ];
      for (const route of protectedRoutes(testApp)) {
        const url = concrete(route.url);
        const attempts: Record<string, string | undefined> = {
          'no cookie': undefined,
          expired: sessionCookie,
          ...Object.fromEntries(forgedCookies.map((cookie, index) => [`forged #${index + 1}`, cookie])),
        };
        for (const [label, cookie] of Object.entries(attempts)) {
          const response = await fetch(new URL(url, testApp.baseUrl), {
            method: route.method,
            headers: {
              ...(cookie ? { cookie } : {}),
              ...(route.method === 'GET' || route.method === 'HEAD'
                ? {}
                : { 'content-type': 'application/json' }),
            },
            ...(route.method === 'GET' || route.method === 'HEAD' ? {} : { body: '{}' }),
          });
          expect(response.status, `${route.method} ${route.url} (${label})`).toBe(401);
          if (route.method !== 'HEAD') {
            const body = (await response.json()) as ErrorBody;
            expect(body.error.code).toBe('UNAUTHENTICATED');
          }
        }
      }
    });

    it('answers 403 on every /api/admin/ route to a signed-in user who is not an admin', async () => {
      const testApp = getApp();
      const browser = testApp.client();
      await signUp(browser);
      const adminRoutes = protectedRoutes(testApp).filter((route) => isAdminApiRoute(route.url));
      expect(adminRoutes.length).toBeGreaterThan(5);
      for (const route of adminRoutes) {
        const body = route.method === 'GET' || route.method === 'HEAD' ? undefined : {};
        const response = await browser.request<ErrorBody>(route.method, concrete(route.url), { json: body });
        expect(response.status, `${route.method} ${route.url}`).toBe(403);
        if (route.method !== 'HEAD') expect(response.body.error.code).toBe('FORBIDDEN');
      }
    });

    it('marks every /api answer as not cacheable unless the route says otherwise', async () => {
      const testApp = getApp();
      const browser = testApp.client();
      await signUp(browser);
      const reads = protectedRoutes(testApp).filter(
        (route) => route.method === 'GET' && !isAdminApiRoute(route.url),
      );
      for (const route of reads) {
        const response = await browser.get(concrete(route.url));
        expect(response.headers.get('cache-control'), `GET ${route.url} (${response.status})`).toBe(
          'private, no-store',
        );
      }
      const anonymous = await testApp.client().get('/api/session');
      expect(anonymous.headers.get('cache-control')).toBe('private, no-store');
    });

    it('lets a valid session through', async () => {
      const browser = getApp().client();
      await signUp(browser);
      const response = await browser.post('/api/auth/send-verification-email');
      expect(response.status).toBe(200);
    });
  },
  { env: { SESSION_TTL_SECONDS: String(SESSION_TTL_SECONDS) } },
);
