/**
 * When a scheduled job runs next, for the admin System page. The scheduler (src/server/jobs) runs
 * each slot once; a slot starts at the top of the day (UTC), of the hour, or of the N-minute period.
 */
import { countOf } from '../text/plural.ts';

export type JobScheduleLike = { every: 'day' } | { every: 'hour' } | { everyMinutes: number };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

function periodMs(schedule: JobScheduleLike): number {
  if ('every' in schedule) return schedule.every === 'day' ? DAY_MS : HOUR_MS;
  return Math.max(1, Math.trunc(schedule.everyMinutes)) * MINUTE_MS;
}

/** The start of the slot after the one `at` falls in. */
export function nextSlotStart(schedule: JobScheduleLike, at: Date): Date {
  const period = periodMs(schedule);
  return new Date((Math.floor(at.getTime() / period) + 1) * period);
}

/** "daily", "hourly", "every 15 minutes". */
export function describeSchedule(schedule: JobScheduleLike): string {
  if ('every' in schedule) return schedule.every === 'day' ? 'daily' : 'hourly';
  return schedule.everyMinutes === 1 ? 'every minute' : `every ${countOf(schedule.everyMinutes, 'minute')}`;
}
