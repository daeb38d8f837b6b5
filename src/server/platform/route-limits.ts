/**
 * Every `/api` route declares its limit tier in its options (`config: TIER.read`, `TIER.write`,
 * `TIER.public`, `TIER.pdf`, `TIER.newBrand`), the route table records it, and this one plugin
 * enforces it (ADR 0049):
 *
 * - `read` and `write`: per signed-in user per minute; `public`: per client IP per minute. Counted in
 *   process and reconciled with the shared `rate_limits` rows every sync interval
 *   (`shared-counters.ts`), so they hold across instances without a database round-trip per request.
 * - `costly` (a PDF rendered on request, a new brand): counted exactly on the database throttle,
 *   per user and, where it applies, per IP — rare requests, each worth a round-trip.
 *
 * Counting happens after validation (a refused request costs nothing and counts nothing) and before
 * the handler. Every answer of a limited route carries `RateLimit-Limit/Remaining/Reset`; past the
 * limit, `429 RATE_LIMITED` in the error envelope with `Retry-After`. The features' own limits (auth
 * attempts, leads, AI quota, uploads, export) stay where they are and apply on top.
 */
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.ts';
import type { Clock } from './clock.ts';
import { AppError } from './errors.ts';
import { isPublicApiRoute } from './public-routes.ts';
import {
  type CounterVerdict,
  createSharedCounters,
  databaseCounterStore,
  type WindowLimit,
} from './shared-counters.ts';
import type { Throttle, ThrottleResult } from './throttle.ts';

/** What a costly route spends; each kind has its own exact counters and limits. */
export type CostlyKind = 'pdf' | 'brand';

export type RouteLimit =
  | { tier: 'read' }
  | { tier: 'write' }
  | { tier: 'public' }
  | { tier: 'costly'; kind: CostlyKind };
export type LimitTier = RouteLimit['tier'];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's limit tier (platform/route-limits.ts); every `/api` route declares one. */
    limit?: RouteLimit;
  }
}

/** The route options that declare a tier: `config: TIER.read`, or spread beside other config. */
export const TIER = {
  /** A signed-in read: per user per minute. */
  read: { limit: { tier: 'read' } },
  /** A signed-in change: per user per minute. */
  write: { limit: { tier: 'write' } },
  /** A route that answers without a session: per client IP per minute. */
  public: { limit: { tier: 'public' } },
  /** A PDF rendered on request: per user and per IP, exactly. */
  pdf: { limit: { tier: 'costly', kind: 'pdf' } },
  /** A new brand: per user per day, exactly. */
  newBrand: { limit: { tier: 'costly', kind: 'brand' } },
} as const satisfies Record<string, FastifyContextConfig>;

export interface CostlyLimit {
  windowSeconds: number;
  maxPerUser: number;
  /** Null when only the user is counted (the route is never anonymous). */
  maxPerIp: number | null;
}

export interface RouteLimitSettings {
  read: WindowLimit;
  write: WindowLimit;
  public: WindowLimit;
  costly: Record<CostlyKind, CostlyLimit>;
  /** How often each instance reconciles its read/write/public counts with the shared ones. */
  syncIntervalMs: number;
}

export interface RouteLimits {
  /** Sends this instance's counts to the shared counters and reads back the totals now. */
  sync(): Promise<void>;
}

const TOO_FAST =
  'You are sending requests faster than this service allows. Please wait a moment and try again.';
const COSTLY_MESSAGES: Record<CostlyKind, string> = {
  pdf: 'You have downloaded many PDFs in the last few minutes. Please wait a moment and try again.',
  brand: 'You have created many brands today. Please try again tomorrow.',
};

export interface RouteEntry {
  method: string;
  url: string;
  limit?: RouteLimit | undefined;
}

/**
 * What is wrong with the route table's tiers: an `/api` route without one, a public route counted per
 * user (it has none), a signed-in route counted per IP (users behind one address would share it).
 * The route-table test expects an empty list.
 */
export function routeLimitProblems(routes: readonly RouteEntry[]): string[] {
  const problems: string[] = [];
  for (const route of routes) {
    if (!route.url.startsWith('/api/') || route.method === 'OPTIONS') continue;
    const name = `${route.method} ${route.url}`;
    const isPublic = isPublicApiRoute(route.method, route.url);
    if (!route.limit) problems.push(`${name}: no limit tier (add config: TIER.…)`);
    else if (isPublic && (route.limit.tier === 'read' || route.limit.tier === 'write')) {
      problems.push(`${name}: public route with a per-user tier (${route.limit.tier}); use TIER.public`);
    } else if (!isPublic && route.limit.tier === 'public') {
      problems.push(`${name}: signed-in route counted per IP; use TIER.read or TIER.write`);
    }
  }
  return problems;
}

/** The tier a route without one is limited by until it declares its own (the route test fails meanwhile). */
export function fallbackLimit(method: string, url: string): RouteLimit {
  if (isPublicApiRoute(method, url)) return TIER.public.limit;
  return method === 'GET' || method === 'HEAD' ? TIER.read.limit : TIER.write.limit;
}

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

function answer(reply: FastifyReply, verdict: CounterVerdict, message: string): void {
  const headers = {
    'ratelimit-limit': String(verdict.limit),
    'ratelimit-remaining': String(verdict.remaining),
    'ratelimit-reset': String(verdict.resetSeconds),
  };
  if (!verdict.allowed) {
    throw new AppError(429, 'RATE_LIMITED', message, {
      headers: { ...headers, 'retry-after': String(verdict.resetSeconds) },
    });
  }
  reply.headers(headers);
}

export function registerRouteLimits(
  app: FastifyInstance,
  deps: { database: Database; throttle: Throttle; clock: Clock; settings: RouteLimitSettings },
): RouteLimits {
  const { throttle, settings } = deps;
  const counters = createSharedCounters({
    store: databaseCounterStore(deps.database),
    now: () => deps.clock.now().getTime(),
  });

  let failing = false;
  async function sync(): Promise<void> {
    try {
      await counters.sync();
      if (failing) app.log.info('route limits: shared counters reachable again');
      failing = false;
    } catch (error) {
      // Logged once per outage; the instance keeps counting locally meanwhile.
      if (!failing) app.log.warn({ err: error }, 'route limits: could not sync the shared counters');
      failing = true;
    }
  }
  const timer = setInterval(() => {
    if (!counters.syncing()) void sync();
  }, settings.syncIntervalMs);
  timer.unref();
  // Runs before the database closes (onClose hooks run last-added first): the last counts go out.
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await sync();
  });

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.limit) {
      app.log.warn(
        { route: `${[route.method].flat().join(',')} ${route.url}` },
        'route declares no limit tier; limited by its method until it does',
      );
    }
  });

  async function countCostly(request: FastifyRequest, kind: CostlyKind): Promise<CounterVerdict> {
    const limit = settings.costly[kind];
    const rule = (scope: string, max: number) => ({
      name: `costly:${kind}:${scope}`,
      max,
      windowSeconds: limit.windowSeconds,
    });
    const counts: Counted[] = [];
    if (limit.maxPerIp !== null) {
      counts.push({
        max: limit.maxPerIp,
        result: await throttle.hit(rule('ip', limit.maxPerIp), request.ip),
      });
    }
    // Behind the session guard the user is known; on a public route, only if there is a session.
    const userId = (await app.optionalUser(request))?.id;
    if (userId) {
      counts.push({
        max: limit.maxPerUser,
        result: await throttle.hit(rule('user', limit.maxPerUser), userId),
      });
    }
    const [first, ...rest] = counts;
    if (!first) throw new AppError(401, 'UNAUTHENTICATED', 'Please sign in to continue.');
    const { max, result } = tightest([first, ...rest]);
    return {
      allowed: result.allowed,
      limit: max,
      remaining: result.remaining,
      resetSeconds: result.retryAfterSeconds,
    };
  }

  // Callback style: only the costly tier waits (on the shared store), so the others cost no promise.
  // A throw here (429, or 401 from `request.user`) reaches Fastify's error handling through the hook
  // runner's catch, as a rejection would.
  app.addHook('preHandler', (request, reply, done) => {
    const url = request.routeOptions.url;
    if (!url?.startsWith('/api/')) return done();
    const limit = request.routeOptions.config.limit ?? fallbackLimit(request.method, url);
    if (limit.tier === 'costly') {
      const message = COSTLY_MESSAGES[limit.kind];
      countCostly(request, limit.kind)
        .then((verdict) => answer(reply, verdict, message))
        .then(() => done(), done);
      return;
    }
    const key =
      limit.tier === 'public' ? `tier:public:${request.ip}` : `tier:${limit.tier}:${request.user.id}`;
    answer(reply, counters.hit(key, settings[limit.tier]), TOO_FAST);
    done();
  });

  return { sync };
}
