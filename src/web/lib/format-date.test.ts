import { describe, expect, it } from 'vitest';
import { describeLastActive, describeTimeUntil, formatReset, formatTime, formatWhen } from './format-date.ts';

const now = new Date('2026-11-26T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();

describe('describeLastActive', () => {
  it('does not claim more precision than the once-a-day refresh gives', () => {
    expect(describeLastActive(hoursAgo(0.1), now)).toBe('within the past day');
    expect(describeLastActive(hoursAgo(23), now)).toBe('within the past day');
  });

  it('counts whole days after that, then falls back to the date', () => {
    expect(describeLastActive(hoursAgo(25), now)).toBe('yesterday');
    expect(describeLastActive(hoursAgo(24 * 5 + 3), now)).toBe('5 days ago');
    expect(describeLastActive('2026-09-01T08:00:00Z', now)).toMatch(/^on .*2026$/);
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
