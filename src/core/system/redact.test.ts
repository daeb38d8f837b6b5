import { describe, expect, it } from 'vitest';
import { maskEmailAddress, redactErrorMessage, topFrameOf } from './redact.ts';

describe('maskEmailAddress', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmailAddress('ada@example.com')).toBe('a***@example.com');
    expect(maskEmailAddress('Zed.Long+tag@mail.example.org')).toBe('Z***@mail.example.org');
  });
  it('hides anything that is not an address', () => {
    expect(maskEmailAddress('no-at-sign')).toBe('***');
    expect(maskEmailAddress('@example.com')).toBe('***');
    expect(maskEmailAddress('ada@')).toBe('***');
  });
});

describe('redactErrorMessage', () => {
  it('masks emails, ids and digit runs', () => {
    expect(
      redactErrorMessage(
        'duplicate key for ada@example.com (user 3f2a1b4c-0d9e-4f00-8a1b-123456789abc, card 4111111111111111, code 42)',
      ),
    ).toBe('duplicate key for [email] (user [id], card #, code 42)');
  });
  it('collapses whitespace and truncates to the limit with an ellipsis', () => {
    expect(redactErrorMessage('a\n\n  b')).toBe('a b');
    const long = redactErrorMessage('x'.repeat(500));
    expect(long).toHaveLength(300);
    expect(long.endsWith('…')).toBe(true);
    expect(redactErrorMessage('short', 10)).toBe('short');
  });
});

describe('topFrameOf', () => {
  const root = '/srv/app';
  it('gives the first frame as a path relative to the root', () => {
    const stack =
      'Error: boom\n    at explode (file:///srv/app/src/server/x.ts:12:9)\n    at next (/srv/app/y.ts:1:1)';
    expect(topFrameOf(stack, root)).toBe('src/server/x.ts:12');
  });
  it('handles anonymous frames and paths outside the root', () => {
    expect(topFrameOf('Error\n    at /home/someone/lib/z.js:7:3', root)).toBe('z.js:7');
    expect(topFrameOf('Error\n    at node:internal/process/task_queues:95:5', root)).toBe(
      'node:internal/process/task_queues:95',
    );
  });
  it('is null without a frame', () => {
    expect(topFrameOf(undefined, root)).toBeNull();
    expect(topFrameOf('Error: no frames', root)).toBeNull();
  });
});
