import { describe, expect, it } from 'vitest';
import { formatCount, formatUsd } from './money.ts';

describe('formatUsd', () => {
  it('shows dollars and cents from micro-dollars', () => {
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(200_000_000)).toBe('$200.00');
    expect(formatUsd(12_345_678)).toBe('$12.35');
  });

  it('keeps fractions of a cent visible instead of rounding them to zero', () => {
    expect(formatUsd(420)).toBe('$0.00042');
    expect(formatUsd(9_999)).toBe('$0.01');
  });

  it('groups thousands in counts', () => {
    expect(formatCount(12345)).toBe('12,345');
  });
});
