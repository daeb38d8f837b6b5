import { describe, expect, it } from 'vitest';
import { type Counted, tightest } from './costly-routes.ts';

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
