import { describe, expect, it } from 'vitest';
import { retryDelayMs, slotOf } from './schedule.ts';

describe('slotOf', () => {
  const at = new Date('2026-11-26T14:37:12.345Z');

  it('names daily and hourly slots by the UTC date and hour', () => {
    expect(slotOf({ every: 'day' }, at)).toBe('2026-11-26');
    expect(slotOf({ every: 'hour' }, at)).toBe('2026-11-26T14');
    // One millisecond before midnight UTC is still the previous day's slot.
    expect(slotOf({ every: 'day' }, new Date('2026-11-26T23:59:59.999Z'))).toBe('2026-11-26');
    expect(slotOf({ every: 'day' }, new Date('2026-11-27T00:00:00.000Z'))).toBe('2026-11-27');
  });

  it('aligns minute periods to the epoch, so every instance computes the same slot', () => {
    expect(slotOf({ everyMinutes: 15 }, at)).toBe('m15:2026-11-26T14:30');
    expect(slotOf({ everyMinutes: 15 }, new Date('2026-11-26T14:44:59.999Z'))).toBe('m15:2026-11-26T14:30');
    expect(slotOf({ everyMinutes: 15 }, new Date('2026-11-26T14:45:00.000Z'))).toBe('m15:2026-11-26T14:45');
    expect(() => slotOf({ everyMinutes: 0 }, at)).toThrow();
    expect(() => slotOf({ everyMinutes: 1.5 }, at)).toThrow();
  });
});

describe('retryDelayMs', () => {
  const policy = { baseMs: 30_000, maxMs: 600_000 };

  it('doubles from the base after each failure and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(attempt, policy))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 600_000,
    ]);
    expect(retryDelayMs(1_000, policy)).toBe(600_000);
  });
});
