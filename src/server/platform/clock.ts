/**
 * The time the scheduler, the retention rules and the account lifecycle go by. Production reads the
 * system clock; tests pass a clock they can move forward to reach the next slot or the end of a grace
 * period without waiting. Every time comparison in those areas uses this clock's value as a query
 * parameter rather than the database's `now()`, so the two can never disagree.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move; for tests. */
export class ManualClock implements Clock {
  #time: number;

  constructor(start: Date = new Date()) {
    this.#time = start.getTime();
  }

  now(): Date {
    return new Date(this.#time);
  }

  advance(ms: number): void {
    this.#time += ms;
  }

  set(to: Date): void {
    this.#time = to.getTime();
  }
}

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
