import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatDay,
  formatDayMonth,
  formatMonth,
  formatPreciseDateTime,
  formatTime,
  SERVER_TIME_ZONE,
  sameDay,
} from './dates.ts';

const utc = { timeZone: SERVER_TIME_ZONE };
const moment = '2026-11-03T14:05:07Z';

describe('the one date style', () => {
  it('writes days, moments and months the same way wherever they appear', () => {
    expect(formatDay(moment, utc)).toBe('3 Nov 2026');
    expect(formatDayMonth(moment, utc)).toBe('3 Nov');
    expect(formatDateTime(moment, utc)).toBe('3 Nov 2026, 14:05 UTC');
    expect(formatPreciseDateTime(moment, utc)).toBe('3 Nov 2026, 14:05:07 UTC');
    expect(formatTime('2026-11-03T00:30:00Z', utc)).toBe('00:30 UTC');
    expect(formatMonth('2026-03-01T00:00:00Z', utc)).toBe('March 2026');
    expect(formatDay('2026-09-30T12:00:00Z', utc)).toBe('30 Sep 2026');
  });

  it('writes the reader’s zone without naming it, and compares days in that zone', () => {
    const london = { timeZone: 'Europe/London' };
    expect(formatDateTime('2026-07-01T09:00:00Z', london)).toBe('1 Jul 2026, 10:00');
    expect(sameDay('2026-07-01T22:30:00Z', '2026-07-01T23:30:00Z', utc)).toBe(true);
    expect(sameDay('2026-07-01T22:30:00Z', '2026-07-01T23:30:00Z', london)).toBe(false);
  });
});
