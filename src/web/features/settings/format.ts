/** Dates and times on the Settings page, in the reader's own locale and time zone. */

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export function formatDateTime(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso));
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
  return `on ${formatDate(iso, locale)}`;
}

/** "in 5 hours", "in 20 minutes": when today's AI allowance starts again. */
export function describeTimeUntil(iso: string, now: Date, locale = 'en'): string {
  const remaining = Math.max(0, new Date(iso).getTime() - now.getTime());
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  if (remaining >= HOUR_MS) return format.format(Math.round(remaining / HOUR_MS), 'hour');
  return format.format(Math.max(1, Math.ceil(remaining / 60_000)), 'minute');
}
