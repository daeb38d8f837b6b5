import { describe, expect, it } from 'vitest';
import { INT4_MAX, idParam, int4, integerParam } from './params.ts';

describe('integerParam (path and query numbers)', () => {
  const version = integerParam();

  it('reads whole numbers from text, up to int4', () => {
    expect(version.parse('1')).toBe(1);
    expect(version.parse(String(INT4_MAX))).toBe(INT4_MAX);
  });

  it.each([
    ['2^31', '2147483648', 'Must be at most 2147483647'],
    ['2^63', '9223372036854775808', 'Must be at most 2147483647'],
    ['zero (below the default minimum)', '0', 'Must be at least 1'],
    ['a negative number', '-1', 'Must be at least 1'],
    ['a fraction', '1.5', 'Must be a whole number'],
    ['NaN', 'NaN', 'Must be a whole number'],
    ['Infinity', 'Infinity', 'Must be a whole number'],
    ['a word', 'abc', 'Must be a whole number'],
  ])('refuses %s with a clear message', (_label, text, message) => {
    const result = version.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it('never allows more than int4, even when asked to', () => {
    expect(integerParam({ max: Number.MAX_SAFE_INTEGER }).safeParse('2147483648').success).toBe(false);
    expect(integerParam({ min: 0, max: 366 }).parse('0')).toBe(0);
    expect(integerParam({ max: 366 }).safeParse('367').success).toBe(false);
  });
});

describe('int4 (body numbers)', () => {
  it('takes JSON numbers within int4 only', () => {
    expect(int4({ min: 0 }).parse(0)).toBe(0);
    expect(int4().safeParse(2_147_483_648).success).toBe(false);
    expect(int4().safeParse('1').success).toBe(false);
    expect(int4().safeParse(1.5).success).toBe(false);
  });
});

describe('idParam', () => {
  it('accepts UUIDs and names the problem otherwise', () => {
    expect(idParam().parse('0b5ed8b4-4c6c-4e0e-9a87-7a4b0a4d1c11')).toBe(
      '0b5ed8b4-4c6c-4e0e-9a87-7a4b0a4d1c11',
    );
    expect(idParam('The user id must be a UUID').safeParse('not-a-uuid').error?.issues[0]?.message).toBe(
      'The user id must be a UUID',
    );
  });
});
