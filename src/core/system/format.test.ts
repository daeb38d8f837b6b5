import { describe, expect, it } from 'vitest';
import { formatAge, formatBytes, formatDurationMs, shortChecksum } from './format.ts';
import { describeSchedule, nextSlotStart } from './schedule.ts';

describe('system formatting', () => {
  it('formats sizes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
    expect(formatBytes(-1)).toBe('—');
  });
  it('formats durations and ages', () => {
    expect(formatDurationMs(850)).toBe('850 ms');
    expect(formatDurationMs(12_400)).toBe('12.4 s');
    expect(formatDurationMs(125_000)).toBe('2 min 5 s');
    expect(formatAge(45)).toBe('45 s');
    expect(formatAge(12 * 60 + 3)).toBe('12 min');
    expect(formatAge(3 * 3600 + 5 * 60)).toBe('3 h 5 min');
    expect(formatAge(2 * 86_400 + 4 * 3600)).toBe('2 d 4 h');
  });
  it('shortens checksums', () => {
    expect(shortChecksum(`${'a'.repeat(60)}beef`)).toBe(`${'a'.repeat(12)}…beef`);
    expect(shortChecksum('abc')).toBe('abc');
  });
});

describe('job schedules', () => {
  const at = new Date('2026-11-26T14:37:12Z');
  it('gives the start of the next slot', () => {
    expect(nextSlotStart({ every: 'day' }, at).toISOString()).toBe('2026-11-27T00:00:00.000Z');
    expect(nextSlotStart({ every: 'hour' }, at).toISOString()).toBe('2026-11-26T15:00:00.000Z');
    expect(nextSlotStart({ everyMinutes: 15 }, at).toISOString()).toBe('2026-11-26T14:45:00.000Z');
  });
  it('describes a schedule', () => {
    expect(describeSchedule({ every: 'day' })).toBe('daily');
    expect(describeSchedule({ every: 'hour' })).toBe('hourly');
    expect(describeSchedule({ everyMinutes: 1 })).toBe('every minute');
    expect(describeSchedule({ everyMinutes: 5 })).toBe('every 5 minutes');
  });
});
