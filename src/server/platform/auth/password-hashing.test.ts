import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { createPasswordHashing, type PasswordHasher } from './password-hashing.ts';

/** A hasher whose every call waits until the test finishes it, so the test sees what runs at once. */
function heldHasher() {
  const pending: Array<{ finish: () => void; fail: (error: Error) => void }> = [];
  let peak = 0;
  let running = 0;
  const held = <Result>(result: Result) =>
    new Promise<Result>((resolve, reject) => {
      running += 1;
      peak = Math.max(peak, running);
      const done = () => {
        running -= 1;
      };
      pending.push({
        finish: () => {
          done();
          resolve(result);
        },
        fail: (error) => {
          done();
          reject(error);
        },
      });
    });
  const hasher: PasswordHasher = {
    hash: (password) => held(`hashed:${password}`),
    verify: ({ hash, password }) => held(hash === `hashed:${password}`),
  };
  return { hasher, pending, peak: () => peak };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('password hashing', () => {
  it('runs at most `concurrency` hashes and checks at once, the rest in arrival order', async () => {
    const { hasher, pending, peak } = heldHasher();
    const hashing = createPasswordHashing({ concurrency: 2, maxWaitMs: 10_000, hasher });
    const results = [
      hashing.hash('one'),
      hashing.verify({ hash: 'hashed:two', password: 'two' }),
      hashing.hash('three'),
      hashing.verify({ hash: 'hashed:four', password: 'wrong' }),
    ];
    await settle();
    expect(hashing.stats()).toEqual({ running: 2, waiting: 2 });
    while (pending.length > 0) {
      pending.shift()?.finish();
      await settle();
    }
    expect(await Promise.all(results)).toEqual(['hashed:one', true, 'hashed:three', false]);
    expect(peak()).toBe(2);
    expect(hashing.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('answers 503 OVERLOADED with Retry-After when the wait runs out, and the hash never runs', async () => {
    const { hasher, pending } = heldHasher();
    const hashing = createPasswordHashing({ concurrency: 1, maxWaitMs: 20, hasher });
    const first = hashing.hash('first');
    await settle();
    const turnedAway = await hashing.hash('second').catch((error: unknown) => error);
    expect(turnedAway).toBeInstanceOf(AppError);
    expect(turnedAway).toMatchObject({
      statusCode: 503,
      code: 'OVERLOADED',
      headers: { 'retry-after': '1' },
    });
    expect(pending).toHaveLength(1);
    pending.shift()?.finish();
    expect(await first).toBe('hashed:first');
  });

  it('gives the turn back when a hash fails', async () => {
    const { hasher, pending } = heldHasher();
    const hashing = createPasswordHashing({ concurrency: 1, maxWaitMs: 10_000, hasher });
    const failing = hashing.hash('broken').catch((error: Error) => error.message);
    const next = hashing.hash('next');
    await settle();
    pending.shift()?.fail(new Error('scrypt failed'));
    expect(await failing).toBe('scrypt failed');
    await settle();
    expect(hashing.stats()).toEqual({ running: 1, waiting: 0 });
    pending.shift()?.finish();
    expect(await next).toBe('hashed:next');
    expect(hashing.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('hashes with better-auth’s scrypt by default, and checks what it hashed', async () => {
    const hashing = createPasswordHashing({ concurrency: 2, maxWaitMs: 10_000 });
    const hash = await hashing.hash('Granite-Otter-47');
    expect(hash).not.toContain('Granite-Otter-47');
    expect(await hashing.verify({ hash, password: 'Granite-Otter-47' })).toBe(true);
    expect(await hashing.verify({ hash, password: 'Granite-Otter-48' })).toBe(false);
  });
});
