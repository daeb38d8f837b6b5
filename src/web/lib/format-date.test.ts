import { describe, expect, it } from 'vitest';
import {
  describeLastActive,
  describeTimeUntil,
  formatAxisDates,
  formatDayMonth,
  formatReset,
  formatTime,
  formatWhen,
} from './format-date.ts';

const now = new Date('2026-11-26T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();

describe('describeLastActive', () => {
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

  it('says how recently a session was used, as people say it', () => {
    expect(describeLastActive(minutesAgo(0.2), now)).toBe('just now');
    expect(describeLastActive(minutesAgo(2), now)).toBe('2 minutes ago');
    expect(describeLastActive(minutesAgo(1), now)).toBe('1 minute ago');
    expect(describeLastActive(hoursAgo(3), now)).toBe('3 hours ago');
    expect(describeLastActive(hoursAgo(25), now)).toBe('yesterday');
    expect(describeLastActive(hoursAgo(24 * 5 + 3), now)).toBe('5 days ago');
    expect(describeLastActive('2026-09-01T08:00:00Z', now)).toBe('on 1 Sep 2026');
  });
});

describe('describeTimeUntil', () => {
  it('rounds to hours, or minutes in the last hour', () => {
    expect(describeTimeUntil('2026-11-27T00:00:00Z', now)).toBe('in 12 hours');
    expect(describeTimeUntil('2026-11-26T12:20:00Z', now)).toBe('in 20 minutes');
    expect(describeTimeUntil('2026-11-26T11:00:00Z', now)).toBe('in 1 minute');
  });
});

describe('formatWhen and formatReset', () => {
  const noon = new Date(2026, 10, 26, 12, 0);
  const at = (day: number, hour: number) => new Date(2026, 10, day, hour, 5).toISOString();

  it('gives only the time for today, and the day too otherwise', () => {
    expect(formatWhen(at(26, 9), noon)).toBe(formatTime(at(26, 9)));
    expect(formatWhen(at(20, 9), noon)).not.toBe(formatTime(at(20, 9)));
    expect(formatWhen(at(20, 9), noon)).toContain(formatTime(at(20, 9)));
  });

  it('says today or tomorrow for a reset', () => {
    expect(formatReset(at(26, 18), noon)).toBe(`today at ${formatTime(at(26, 18))}`);
    expect(formatReset(at(27, 1), noon)).toBe(`tomorrow at ${formatTime(at(27, 1))}`);
  });
});

describe('formatAxisDates', () => {
  it('adds the time only where two results share a day', () => {
    const morning = new Date(2026, 10, 3, 9, 15).toISOString();
    const evening = new Date(2026, 10, 3, 18, 40).toISOString();
    const later = new Date(2026, 10, 20, 12, 0).toISOString();
    expect(formatAxisDates([morning, evening, later])).toEqual([
      { day: formatDayMonth(morning), time: formatTime(morning) },
      { day: formatDayMonth(evening), time: formatTime(evening) },
      { day: formatDayMonth(later), time: null },
    ]);
    expect(formatTime(morning)).not.toBe(formatTime(evening));
  });

  it('adds the seconds when two results share the minute too', () => {
    const first = new Date(2026, 10, 3, 9, 15, 5).toISOString();
    const second = new Date(2026, 10, 3, 9, 15, 48).toISOString();
    const [a, b] = formatAxisDates([first, second]);
    expect(a?.time).toMatch(/^09:15:05$/);
    expect(b?.time).toMatch(/^09:15:48$/);
  });
});
