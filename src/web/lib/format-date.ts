/**
 * Every date and time the app shows, in the reader's own locale and time zone. Pages pick one of
 * these formats rather than building their own, so the same moment reads the same on every page.
 */

const formats = {
  /** "3 November 2026" */
  date: new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }),
  /** "3 Nov 2026" */
  mediumDate: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }),
  /** "3 Nov" */
  dayMonth: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }),
  /** "14:05" */
  time: new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }),
  /** "3 Nov, 14:05" */
  dayMonthTime: new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }),
  /** "3 Nov 2026, 14:05" */
  dateTime: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
  /** "3 Nov 2026, 14:05:07" */
  preciseDateTime: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }),
};

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** "3 November 2026": a day on its own (a deletion date). */
export function formatDate(iso: string): string {
  return formats.date.format(new Date(iso));
}

/** "3 Nov 2026": a day inside a sentence or a title. */
export function formatMediumDate(iso: string): string {
  return formats.mediumDate.format(new Date(iso));
}

/** "3 Nov": for chart axes, where space is short. */
export function formatDayMonth(iso: string): string {
  return formats.dayMonth.format(new Date(iso));
}

/** "14:05" */
export function formatTime(iso: string): string {
  return formats.time.format(new Date(iso));
}

/** "3 Nov 2026, 14:05": precise enough to tell two events on the same day apart. */
export function formatDateTime(iso: string): string {
  return formats.dateTime.format(new Date(iso));
}

/** "3 Nov 2026, 14:05:07": for autosaved versions, which can be seconds apart. */
export function formatPreciseDateTime(iso: string): string {
  return formats.preciseDateTime.format(new Date(iso));
}

function sameDay(a: Date, b: Date): boolean {
  return a.toDateString() === b.toDateString();
}

/** "14:05" today, "3 Nov, 14:05" otherwise: for lists of recent things. */
export function formatWhen(iso: string, now = new Date()): string {
  const date = new Date(iso);
  return sameDay(date, now) ? formats.time.format(date) : formats.dayMonthTime.format(date);
}

/** When a daily allowance resets, said the way people read it: "today at 01:00", "tomorrow at 01:00". */
export function formatReset(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const time = formats.time.format(date);
  if (sameDay(date, now)) return `today at ${time}`;
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  if (sameDay(date, tomorrow)) return `tomorrow at ${time}`;
  return formats.dayMonthTime.format(date);
}

/**
 * A session's last activity. The server refreshes sessions at most once a day, so anything under a
 * day reads "within the past day" rather than pretending to minute precision.
 */
export function describeLastActive(iso: string, now: Date, locale = 'en'): string {
  const age = now.getTime() - new Date(iso).getTime();
  if (age < DAY_MS) return 'within the past day';
  const days = Math.floor(age / DAY_MS);
  if (days < 30) return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-days, 'day');
  return `on ${new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso))}`;
}

/** "in 5 hours", "in 20 minutes": when today's AI allowance starts again. */
export function describeTimeUntil(iso: string, now: Date, locale = 'en'): string {
  const remaining = Math.max(0, new Date(iso).getTime() - now.getTime());
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  if (remaining >= HOUR_MS) return format.format(Math.round(remaining / HOUR_MS), 'hour');
  return format.format(Math.max(1, Math.ceil(remaining / 60_000)), 'minute');
}
