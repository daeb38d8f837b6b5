/**
 * The daily AI quota: requests per user per UTC day, counted by one conditional upsert so it holds
 * under any concurrency and across instances — the row is only incremented while below the limit,
 * so exactly `limit` requests a day get through.
 */
import type { Database } from '../db/client.ts';
import { AppError } from '../platform/errors.ts';

export interface QuotaState {
  used: number;
  limit: number;
  remaining: number;
  resetsAt: Date;
}

export interface QuotaGrant extends QuotaState {
  allowed: boolean;
  /** The UTC day the request was counted on, so a refund hits the same row. */
  day: string | null;
}

/** Midnight UTC after `now`: when today's count stops mattering. */
export function nextUtcMidnight(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

/** The IETF RateLimit headers for a quota state. */
export function quotaHeaders(quota: QuotaState): Record<string, string> {
  const reset = String(Math.max(1, Math.ceil((quota.resetsAt.getTime() - Date.now()) / 1000)));
  return {
    'ratelimit-limit': String(quota.limit),
    'ratelimit-remaining': String(quota.remaining),
    'ratelimit-reset': reset,
  };
}

export function createQuota(database: Database, limit: number, hooks: { onRejected?: () => void } = {}) {
  const state = (used: number): QuotaState => ({
    used,
    limit,
    remaining: Math.max(0, limit - used),
    resetsAt: nextUtcMidnight(),
  });

  async function consume(userId: string): Promise<QuotaGrant> {
    if (limit <= 0) return { ...state(0), allowed: false, day: null };
    const [row] = await database.query<{ used: number; day: string }>(
      `insert into ai_daily_usage as u (user_id, day, used)
         values ($1, (now() at time zone 'utc')::date, 1)
       on conflict (user_id, day) do update set used = u.used + 1, updated_at = now()
         where u.used < $2
       returning used, day::text as day`,
      [userId, limit],
      { prepared: true },
    );
    if (row) return { ...state(row.used), allowed: true, day: row.day };
    return { ...state(limit), allowed: false, day: null };
  }

  return {
    consume,

    /** Counts one request, or throws the 429 (with Retry-After and RateLimit headers) when none is left. */
    async consumeOrThrow(userId: string): Promise<QuotaGrant & { day: string }> {
      const grant = await consume(userId);
      if (grant.allowed && grant.day) return { ...grant, day: grant.day };
      hooks.onRejected?.();
      const headers = quotaHeaders(grant);
      throw new AppError(
        429,
        'QUOTA_EXCEEDED',
        `You have used all ${grant.limit} AI requests for today. The count resets at midnight UTC.`,
        { headers: { ...headers, 'retry-after': headers['ratelimit-reset'] ?? '60' } },
      );
    },

    /** Gives a counted request back when it produced no answer (provider error, bad output). */
    async refund(userId: string, day: string): Promise<void> {
      await database.query(
        'update ai_daily_usage set used = greatest(used - 1, 0), updated_at = now() where user_id = $1 and day = $2::date',
        [userId, day],
      );
    },

    async usage(userId: string): Promise<QuotaState> {
      const [row] = await database.query<{ used: number }>(
        `select used from ai_daily_usage where user_id = $1 and day = (now() at time zone 'utc')::date`,
        [userId],
      );
      return state(row?.used ?? 0);
    },
  };
}
export type Quota = ReturnType<typeof createQuota>;
