/**
 * Pure scheduling rules: which slot a moment falls in, and how long to wait before a retry. A slot is
 * the run key of a scheduled job; the unique (name, run_key) index turns "enqueue this slot" into an
 * idempotent insert, which is what makes a scheduled job run once per slot across instances.
 */
import { MINUTE_MS } from '../platform/clock.ts';

export type Schedule = { every: 'day' } | { every: 'hour' } | { everyMinutes: number };

/** `2026-11-26` (daily), `2026-11-26T14` (hourly), or `m15:2026-11-26T14:30` (every 15 minutes). */
export function slotOf(schedule: Schedule, at: Date): string {
  const iso = at.toISOString();
  if ('every' in schedule) return schedule.every === 'day' ? iso.slice(0, 10) : iso.slice(0, 13);
  const period = schedule.everyMinutes * MINUTE_MS;
  if (!Number.isInteger(schedule.everyMinutes) || schedule.everyMinutes < 1) {
    throw new Error(`everyMinutes must be a positive integer, got ${schedule.everyMinutes}`);
  }
  const start = new Date(Math.floor(at.getTime() / period) * period);
  return `m${schedule.everyMinutes}:${start.toISOString().slice(0, 16)}`;
}

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * Delay before the next attempt after `attempt` failures: doubling from `baseMs`, capped at `maxMs`.
 * Deterministic (no jitter): runs are spread by the poll interval and by which instance claims first.
 */
export function retryDelayMs(attempt: number, policy: BackoffPolicy): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 30));
}
