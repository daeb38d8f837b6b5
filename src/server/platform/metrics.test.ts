import { describe, expect, it } from 'vitest';
import { bearerTokenMatches } from './metrics.ts';

describe('bearerTokenMatches', () => {
  const token = 'a'.repeat(40);
  it('accepts only the exact bearer token', () => {
    expect(bearerTokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerTokenMatches(`bearer ${token}`, token)).toBe(true);
    expect(bearerTokenMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(bearerTokenMatches(token, token)).toBe(false);
    expect(bearerTokenMatches('Bearer ', token)).toBe(false);
    expect(bearerTokenMatches(undefined, token)).toBe(false);
  });
});
