import { describe, expect, it } from 'vitest';
import { createAdmission } from './admission.ts';

describe('admission', () => {
  it('admits up to the limit at once and the rest in arrival order as slots come back', async () => {
    const admission = createAdmission({ maxConcurrent: 2, maxWaitMs: 10_000 });
    expect(await admission.acquire()).toBe(true);
    expect(await admission.acquire()).toBe(true);
    const order: string[] = [];
    const third = admission.acquire().then((admitted) => order.push(`third ${admitted}`));
    const fourth = admission.acquire().then((admitted) => order.push(`fourth ${admitted}`));
    expect(admission.stats()).toEqual({ running: 2, waiting: 2 });
    admission.release();
    await third;
    expect(order).toEqual(['third true']);
    expect(admission.stats()).toEqual({ running: 2, waiting: 1 });
    admission.release();
    await fourth;
    expect(order).toEqual(['third true', 'fourth true']);
    admission.release();
    admission.release();
    expect(admission.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('turns a request away when its wait runs out, and forgets it', async () => {
    const admission = createAdmission({ maxConcurrent: 1, maxWaitMs: 20 });
    expect(await admission.acquire()).toBe(true);
    expect(await admission.acquire()).toBe(false);
    expect(admission.stats()).toEqual({ running: 1, waiting: 0 });
    admission.release();
    expect(admission.stats()).toEqual({ running: 0, waiting: 0 });
    expect(await admission.acquire()).toBe(true);
  });

  it('never lets a newcomer pass someone already waiting', async () => {
    const admission = createAdmission({ maxConcurrent: 1, maxWaitMs: 10_000 });
    await admission.acquire();
    const waiter = admission.acquire();
    admission.release();
    // The freed slot went to the waiter, so a newcomer now waits too.
    const newcomer = admission.acquire();
    expect(await waiter).toBe(true);
    expect(admission.stats()).toEqual({ running: 1, waiting: 1 });
    admission.release();
    expect(await newcomer).toBe(true);
  });
});
