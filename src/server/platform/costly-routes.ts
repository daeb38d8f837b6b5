/**
 * Routes whose every request costs real work (a PDF rendered on request) are limited per signed-in
 * user and per client IP, on the database-backed throttle, so the limit holds across instances. A
 * route opts in with `config: COSTLY_PDF` in its options; one hook here does the counting, after
 * validation (a refused request costs nothing and counts nothing) and before the handler. Every
 * answer carries `RateLimit-Limit/Remaining/Reset` for the tighter of the two limits; past either,
 * `429 RATE_LIMITED` with `Retry-After`.
 */
import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import type { Throttle, ThrottleResult } from './throttle.ts';

/** What a costly route costs; each kind has its own limits and counters. */
export type CostlyKind = 'pdf';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on routes whose requests are limited as costly (see platform/costly-routes.ts). */
    costly?: CostlyKind;
  }
}

/** The route option that limits a route as a PDF download. */
export const COSTLY_PDF = { costly: 'pdf' } as const satisfies FastifyContextConfig;

export interface CostlyLimit {
  windowSeconds: number;
  maxPerUser: number;
  maxPerIp: number;
}

const MESSAGES: Record<CostlyKind, string> = {
  pdf: 'You have downloaded many PDFs in the last few minutes. Please wait a moment and try again.',
};

export interface Counted {
  max: number;
  result: ThrottleResult;
}

/**
 * The limit a client should pace itself by: when one is exceeded, the exceeded one that frees up
 * last; otherwise the one with the fewest requests left.
 */
export function tightest(counts: [Counted, ...Counted[]]): Counted {
  const exceeded = counts.filter((count) => !count.result.allowed);
  if (exceeded.length > 0) {
    return exceeded.reduce((last, count) =>
      count.result.retryAfterSeconds > last.result.retryAfterSeconds ? count : last,
    );
  }
  return counts.reduce((fewest, count) =>
    count.result.remaining < fewest.result.remaining ? count : fewest,
  );
}

export function registerCostlyRouteLimits(
  app: FastifyInstance,
  throttle: Throttle,
  limits: Record<CostlyKind, CostlyLimit>,
): void {
  async function userIdOf(request: FastifyRequest): Promise<string | null> {
    // Behind the session guard the user is known; on a public route, only if there is a session.
    return (await app.optionalUser(request))?.id ?? null;
  }

  app.addHook('preHandler', async (request, reply) => {
    const kind = request.routeOptions.config.costly;
    if (!kind) return;
    const limit = limits[kind];
    const rule = (scope: string, max: number) => ({
      name: `costly:${kind}:${scope}`,
      max,
      windowSeconds: limit.windowSeconds,
    });
    const counts: [Counted, ...Counted[]] = [
      { max: limit.maxPerIp, result: await throttle.hit(rule('ip', limit.maxPerIp), request.ip) },
    ];
    const userId = await userIdOf(request);
    if (userId) {
      counts.push({
        max: limit.maxPerUser,
        result: await throttle.hit(rule('user', limit.maxPerUser), userId),
      });
    }
    const { max, result } = tightest(counts);
    const headers = {
      'ratelimit-limit': String(max),
      'ratelimit-remaining': String(result.remaining),
      'ratelimit-reset': String(result.retryAfterSeconds),
    };
    if (!result.allowed) {
      throw new AppError(429, 'RATE_LIMITED', MESSAGES[kind], {
        headers: { ...headers, 'retry-after': String(result.retryAfterSeconds) },
      });
    }
    reply.headers(headers);
  });
}
