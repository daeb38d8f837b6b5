/**
 * The one way the product writes dates, shared by the web app, the PDFs and the emails so the same
 * moment reads the same everywhere: "3 Nov 2026" for a day, "3 Nov 2026, 14:05" for a moment, in
 * British English (the product's language). Only the time zone differs: the browser shows the
 * reader's own, the server — which does not know it — writes UTC and says so.
 */

export const DATE_LOCALE = 'en-GB';

/** Where the server writes dates: it cannot know the reader's zone, so it names UTC. */
export const SERVER_TIME_ZONE = 'UTC';

type Style =
  | 'day'
  | 'dayMonth'
  | 'time'
  | 'preciseTime'
  | 'dayMonthTime'
  | 'dateTime'
  | 'preciseDateTime'
  | 'month';

const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
  /** "3 Nov 2026" */
  day: { day: 'numeric', month: 'short', year: 'numeric' },
  /** "3 Nov" */
  dayMonth: { day: 'numeric', month: 'short' },
  /** "14:05" */
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  /** "14:05:07" */
  preciseTime: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
  /** "3 Nov, 14:05" */
  dayMonthTime: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  /** "3 Nov 2026, 14:05" */
  dateTime: {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  },
  /** "3 Nov 2026, 14:05:07" */
  preciseDateTime: {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  },
  /** "November 2026" */
  month: { month: 'long', year: 'numeric' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: Style, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${style}|${timeZone ?? ''}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(DATE_LOCALE, { ...STYLES[style], ...(timeZone ? { timeZone } : {}) });
    formatters.set(key, cached);
  }
  return cached;
}

export type DateInput = Date | string;

/** Options every formatter takes: the zone to write in (the reader's own when left out). */
export interface ZoneOption {
  timeZone?: string;
}

function format(style: Style, value: DateInput, options: ZoneOption = {}): string {
  // en-GB writes "Sept" for September in some engines' short month; the product writes "Sep".
  return formatter(style, options.timeZone).format(new Date(value)).replace('Sept', 'Sep');
}

function zoneSuffix(options: ZoneOption): string {
  return options.timeZone === SERVER_TIME_ZONE ? ' UTC' : '';
}

/** "3 Nov 2026": a day. */
export function formatDay(value: DateInput, options?: ZoneOption): string {
  return format('day', value, options);
}

/** "3 Nov": a day where the year is plain from the context (chart axes). */
export function formatDayMonth(value: DateInput, options?: ZoneOption): string {
  return format('dayMonth', value, options);
}

/** "14:05" (" UTC" added when written in UTC). */
export function formatTime(value: DateInput, options: ZoneOption = {}): string {
  return `${format('time', value, options)}${zoneSuffix(options)}`;
}

/** "14:05:07": a time to the second (two moments in the same minute). */
export function formatPreciseTime(value: DateInput, options: ZoneOption = {}): string {
  return `${format('preciseTime', value, options)}${zoneSuffix(options)}`;
}

/** "3 Nov, 14:05": a moment this year, in a list of recent things. */
export function formatDayMonthTime(value: DateInput, options: ZoneOption = {}): string {
  return `${format('dayMonthTime', value, options)}${zoneSuffix(options)}`;
}

/** "3 Nov 2026, 14:05": a moment, precise enough to tell two on the same day apart. */
export function formatDateTime(value: DateInput, options: ZoneOption = {}): string {
  return `${format('dateTime', value, options)}${zoneSuffix(options)}`;
}

/** "3 Nov 2026, 14:05:07": for autosaved versions, which can be seconds apart. */
export function formatPreciseDateTime(value: DateInput, options: ZoneOption = {}): string {
  return `${format('preciseDateTime', value, options)}${zoneSuffix(options)}`;
}

/** "November 2026": a calendar month (spending periods). */
export function formatMonth(value: DateInput, options?: ZoneOption): string {
  return format('month', value, options);
}

/** Whether two moments fall on the same calendar day in the zone. */
export function sameDay(a: DateInput, b: DateInput, options?: ZoneOption): boolean {
  return formatDay(a, options) === formatDay(b, options);
}
