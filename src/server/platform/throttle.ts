/**
 * Fixed-window throttling counted in the database, so every app instance sees the same counts
 * (process memory is never the source of truth for limits). One atomic upsert per check.
 */
import type { Database } from '../db/client.ts';
import { AppError } from './errors.ts';

export interface ThrottleRule {
  /** Namespaces the key, e.g. "auth:ip". */
  name: string;
  max: number;
  windowSeconds: number;
}

export interface ThrottleResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

export interface Throttle {
  hit(rule: ThrottleRule, subject: string): Promise<ThrottleResult>;
  /** Counts a hit and throws a 429 `RATE_LIMITED` AppError when over the limit. */
  enforce(rule: ThrottleRule, subject: string, message?: string): Promise<void>;
}

export function createThrottle(database: Database): Throttle {
  async function hit(rule: ThrottleRule, subject: string): Promise<ThrottleResult> {
    const key = `${rule.name}:${subject}`;
    const [row] = await database.query<{ hits: number; retry_after: number }>(
      `insert into rate_limits as r (key, hits, window_started_at, window_ends_at)
         values ($1, 1, now(), now() + make_interval(secs => $2))
       on conflict (key) do update set
         hits = case when r.window_ends_at <= now() then 1 else r.hits + 1 end,
         window_started_at = case when r.window_ends_at <= now() then now() else r.window_started_at end,
         window_ends_at = case when r.window_ends_at <= now() then now() + make_interval(secs => $2) else r.window_ends_at end
       returning hits, greatest(1, ceil(extract(epoch from (window_ends_at - now()))))::int as retry_after`,
      [key, rule.windowSeconds],
    );
    if (!row) throw new Error('throttle upsert returned no row');
    // Expired windows are dead weight; about one hit in a hundred sweeps them, so the table stays
    // small without a scheduler.
    if (Math.random() < 0.01) await database.query('delete from rate_limits where window_ends_at < now()');
    return {
      allowed: row.hits <= rule.max,
      remaining: Math.max(0, rule.max - row.hits),
      retryAfterSeconds: row.retry_after,
    };
  }

  return {
    hit,
    async enforce(rule, subject, message = 'Too many attempts. Please wait a moment and try again.') {
      const result = await hit(rule, subject);
      if (!result.allowed) {
        throw new AppError(429, 'RATE_LIMITED', message, {
          headers: { 'retry-after': String(result.retryAfterSeconds) },
        });
      }
    },
  };
}
