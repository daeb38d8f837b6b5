/** Dates and times as the coach pages show them, in the reader's own locale and time zone. */

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayTimeFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});
const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

function sameDay(a: Date, b: Date): boolean {
  return a.toDateString() === b.toDateString();
}

/** "14:05" today, "3 Nov, 14:05" otherwise. */
export function formatWhen(iso: string, now = new Date()): string {
  const date = new Date(iso);
  return sameDay(date, now) ? timeFormat.format(date) : dayTimeFormat.format(date);
}

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** When the daily quota resets, said the way people read it: "at 01:00" or "tomorrow at 01:00". */
export function formatReset(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const time = timeFormat.format(date);
  if (sameDay(date, now)) return `today at ${time}`;
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  if (sameDay(date, tomorrow)) return `tomorrow at ${time}`;
  return dayTimeFormat.format(date);
}
