/**
 * Every date and time the app shows, in the product's one date style (src/core/text/dates.ts, which
 * the server's PDFs and emails use too) and the reader's own time zone. Pages pick one of these
 * rather than building their own, so the same moment reads the same on every page.
 */
import {
  formatTime as formatClock,
  formatDay,
  formatDayMonthTime,
  formatDateTime as formatMoment,
  formatPreciseDateTime as formatPreciseMoment,
  formatPreciseTime,
  formatDayMonth as formatShortDay,
  sameDay,
} from '../../core/text/dates.ts';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** "3 Nov 2026": a day (a deletion date, a result's day). */
export function formatDate(iso: string): string {
  return formatDay(iso);
}

/** "3 Nov": for chart axes, where space is short. */
export function formatDayMonth(iso: string): string {
  return formatShortDay(iso);
}

/** "14:05" */
export function formatTime(iso: string): string {
  return formatClock(iso);
}

/** "3 Nov 2026, 14:05": precise enough to tell two events on the same day apart. */
export function formatDateTime(iso: string): string {
  return formatMoment(iso);
}

/** "3 Nov 2026, 14:05:07": for autosaved versions, which can be seconds apart. */
export function formatPreciseDateTime(iso: string): string {
  return formatPreciseMoment(iso);
}

/**
 * Labels for a chart axis of moments, oldest first: the day ("3 Nov"), with the time wherever another
 * moment on the axis falls on the same day — to the second if they share the minute too — so two
 * results of one day can always be told apart.
 */
export function formatAxisDates(isos: readonly string[]): { day: string; time: string | null }[] {
  const days = isos.map((iso) => formatShortDay(iso));
  const times = isos.map((iso) => formatClock(iso));
  const count = <T>(list: readonly T[], value: T) => list.filter((entry) => entry === value).length;
  return isos.map((iso, index) => {
    const day = days[index] ?? '';
    if (count(days, day) < 2) return { day, time: null };
    const minute = `${day} ${times[index]}`;
    const sameMinute = count(
      isos.map((_, at) => `${days[at]} ${times[at]}`),
      minute,
    );
    return { day, time: sameMinute > 1 ? formatPreciseTime(iso) : (times[index] ?? null) };
  });
}

/** "14:05" today, "3 Nov, 14:05" otherwise: for lists of recent things. */
export function formatWhen(iso: string, now = new Date()): string {
  return sameDay(iso, now) ? formatClock(iso) : formatDayMonthTime(iso);
}

/** When a daily allowance resets, said the way people read it: "today at 01:00", "tomorrow at 01:00". */
export function formatReset(iso: string, now = new Date()): string {
  const time = formatClock(iso);
  if (sameDay(iso, now)) return `today at ${time}`;
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  if (sameDay(iso, tomorrow)) return `tomorrow at ${time}`;
  return formatDayMonthTime(iso);
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/**
 * How long ago something was last used, as people say it: "just now", "2 minutes ago", "3 hours
 * ago", "yesterday", "5 days ago", then the day ("on 3 Nov 2026").
 */
export function describeLastActive(iso: string, now: Date): string {
  const age = Math.max(0, now.getTime() - new Date(iso).getTime());
  if (age < MINUTE_MS) return 'just now';
  if (age < HOUR_MS) return relative.format(-Math.floor(age / MINUTE_MS), 'minute');
  if (age < DAY_MS) return relative.format(-Math.floor(age / HOUR_MS), 'hour');
  const days = Math.floor(age / DAY_MS);
  if (days < 30) return relative.format(-days, 'day');
  return `on ${formatDay(iso)}`;
}

/** "in 5 hours", "in 20 minutes": when today's AI allowance starts again. */
export function describeTimeUntil(iso: string, now: Date): string {
  const remaining = Math.max(0, new Date(iso).getTime() - now.getTime());
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
  if (remaining >= HOUR_MS) return format.format(Math.round(remaining / HOUR_MS), 'hour');
  return format.format(Math.max(1, Math.ceil(remaining / MINUTE_MS)), 'minute');
}
