/**
 * Password hashing and checking, a bounded number at a time (ADR 0066).
 *
 * better-auth hashes with scrypt (N 16384, r 16): each hash or check holds 32 MB of memory for about
 * 80 ms of CPU on a libuv pool thread. Left alone, a burst of sign-ups or sign-ins runs as many at
 * once as the pool has threads (four): 128 MB on top of the process, and no thread left for the file
 * reads and address lookups that share the pool. Through this gate at most `concurrency` run; the
 * rest wait their turn in arrival order, and one that has waited `maxWaitMs` is answered 503
 * OVERLOADED with Retry-After, before anything is written. On a machine with as many cores as
 * hashes allowed, the gate costs no throughput: the hashes share the same cores either way.
 */
import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { createAdmission } from '../admission.ts';
import { AppError, OVERLOADED_MESSAGE } from '../errors.ts';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(data: { hash: string; password: string }): Promise<boolean>;
}

export interface PasswordHashing extends PasswordHasher {
  /** Hashes and checks running now, and waiting for a turn. */
  stats(): { running: number; waiting: number };
}

export interface PasswordHashingOptions {
  concurrency: number;
  maxWaitMs: number;
  /** better-auth's own scrypt by default; tests pass a slower or failing one. */
  hasher?: PasswordHasher;
}

const betterAuthHasher: PasswordHasher = { hash: hashPassword, verify: verifyPassword };

export function createPasswordHashing({
  concurrency,
  maxWaitMs,
  hasher = betterAuthHasher,
}: PasswordHashingOptions): PasswordHashing {
  const gate = createAdmission({ maxConcurrent: concurrency, maxWaitMs });
  const retryAfterSeconds = String(Math.max(1, Math.ceil(maxWaitMs / 1000)));

  async function inTurn<Result>(work: () => Promise<Result>): Promise<Result> {
    if (!(await gate.acquire())) {
      throw new AppError(503, 'OVERLOADED', OVERLOADED_MESSAGE, {
        headers: { 'retry-after': retryAfterSeconds },
      });
    }
    try {
      return await work();
    } finally {
      gate.release();
    }
  }

  return {
    hash: (password) => inTurn(() => hasher.hash(password)),
    verify: (data) => inTurn(() => hasher.verify(data)),
    stats: gate.stats,
  };
}
