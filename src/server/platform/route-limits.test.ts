import { describe, expect, it } from 'vitest';
import { type Counted, fallbackLimit, routeLimitProblems, TIER, tightest } from './route-limits.ts';

const count = (max: number, allowed: boolean, remaining: number, retryAfterSeconds: number): Counted => ({
  max,
  result: { allowed, remaining, retryAfterSeconds },
});

describe('tightest', () => {
  it('reports the limit with the fewest requests left while none is exceeded', () => {
    const perIp = count(60, true, 12, 300);
    const perUser = count(30, true, 3, 500);
    expect(tightest([perIp, perUser])).toBe(perUser);
    expect(tightest([perIp])).toBe(perIp);
  });

  it('reports an exceeded limit, and of two the one that frees up last', () => {
    const perIp = count(60, false, 0, 120);
    const perUser = count(30, true, 0, 500);
    expect(tightest([perIp, perUser])).toBe(perIp);
    const bothExceeded = count(30, false, 0, 500);
    expect(tightest([perIp, bothExceeded])).toBe(bothExceeded);
  });
});

describe('routeLimitProblems', () => {
  it('accepts a table where every /api route has a tier that fits its guard', () => {
    expect(
      routeLimitProblems([
        { method: 'GET', url: '/api/brands', limit: TIER.read.limit },
        { method: 'HEAD', url: '/api/brands', limit: TIER.read.limit },
        { method: 'POST', url: '/api/brands', limit: TIER.newBrand.limit },
        { method: 'PUT', url: '/api/items/:itemId', limit: TIER.write.limit },
        { method: 'POST', url: '/api/auth/sign-in', limit: TIER.public.limit },
        { method: 'GET', url: '/api/diagnostic/results/:id/report.pdf', limit: TIER.pdf.limit },
        // Outside /api (probes, static files) and CORS preflights carry no tier.
        { method: 'GET', url: '/healthz', limit: undefined },
        { method: 'OPTIONS', url: '/api/brands', limit: undefined },
      ]),
    ).toEqual([]);
  });

  it('names a route without a tier, a public route counted per user and a signed-in one counted per IP', () => {
    expect(
      routeLimitProblems([
        { method: 'GET', url: '/api/untiered', limit: undefined },
        { method: 'POST', url: '/api/auth/sign-in', limit: TIER.write.limit },
        { method: 'GET', url: '/api/brands', limit: TIER.public.limit },
      ]),
    ).toEqual([
      'GET /api/untiered: no limit tier (add config: TIER.…)',
      'POST /api/auth/sign-in: public route with a per-user tier (write); use TIER.public',
      'GET /api/brands: signed-in route counted per IP; use TIER.read or TIER.write',
    ]);
  });
});

describe('fallbackLimit', () => {
  it('limits an untiered route by its guard and method until it declares a tier', () => {
    expect(fallbackLimit('GET', '/api/untiered')).toEqual({ tier: 'read' });
    expect(fallbackLimit('HEAD', '/api/untiered')).toEqual({ tier: 'read' });
    expect(fallbackLimit('DELETE', '/api/untiered')).toEqual({ tier: 'write' });
    expect(fallbackLimit('POST', '/api/auth/sign-in')).toEqual({ tier: 'public' });
  });
});
