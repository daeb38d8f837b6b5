import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next.ts';

describe('safeNextPath', () => {
  it.each([
    ['/app', '/app'],
    ['/app/settings?tab=profile#top', '/app/settings?tab=profile#top'],
    ['/diagnostic', '/diagnostic'],
  ])('keeps the same-site path %s', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    [null],
    [undefined],
    [''],
    ['app'],
    ['//evil.example'],
    ['/\\evil.example'],
    ['https://evil.example/app'],
    ['javascript:alert(1)'],
    ['/app\u0000'],
    ['/\tevil'],
    [`/${'a'.repeat(3000)}`],
  ])('falls back for %j', (input) => {
    expect(safeNextPath(input)).toBe('/app');
  });
});
