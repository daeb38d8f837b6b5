import { describe, expect, it } from 'vitest';
import { describeLastActive, describeTimeUntil } from './format.ts';

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
