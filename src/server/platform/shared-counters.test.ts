import { describe, expect, it } from 'vitest';
import {
  type CounterIncrement,
  type CounterStore,
  createSharedCounters,
  windowAt,
} from './shared-counters.ts';

/** The shared table as the database keeps it: one row per key, restarted when a later window arrives. */
function sharedTable() {
  const rows = new Map<string, { windowStartMs: number; hits: number }>();
  const statements: CounterIncrement[][] = [];
  let failNext = false;
  const store: CounterStore = async (increments) => {
    statements.push(increments);
    if (failNext) {
      failNext = false;
      throw new Error('database unavailable');
    }
    const totals = new Map<string, number>();
    for (const increment of increments) {
      const row = rows.get(increment.key);
      if (!row || row.windowStartMs < increment.windowStartMs) {
        rows.set(increment.key, { windowStartMs: increment.windowStartMs, hits: increment.hits });
      } else if (row.windowStartMs === increment.windowStartMs) {
        row.hits += increment.hits;
      }
      const current = rows.get(increment.key);
      if (current?.windowStartMs === increment.windowStartMs) totals.set(increment.key, current.hits);
    }
    return totals;
  };
  return { rows, statements, store, failOnce: () => (failNext = true) };
}

const MINUTE = { max: 5, windowSeconds: 60 };
// 10 s into a minute-aligned window.
const START = Date.UTC(2026, 11, 4, 20, 0, 10);

describe('windowAt', () => {
  it('aligns windows to the epoch, so every instance computes the same one', () => {
    expect(windowAt(START, 60)).toEqual({ startMs: START - 10_000, endMs: START + 50_000 });
    expect(windowAt(START - 10_000, 60).startMs).toBe(START - 10_000);
    expect(windowAt(START + 50_000, 60).startMs).toBe(START + 50_000);
    expect(windowAt(START, 86_400).startMs).toBe(Date.UTC(2026, 11, 4));
  });
});

describe('shared counters', () => {
  it('admits up to the limit, then refuses until the window ends; the next window starts at zero', () => {
    let now = START;
    const counters = createSharedCounters({ store: sharedTable().store, now: () => now });
    const verdicts = Array.from({ length: 6 }, () => counters.hit('user:a', MINUTE));
    expect(verdicts.map((verdict) => verdict.allowed)).toEqual([true, true, true, true, true, false]);
    expect(verdicts.map((verdict) => verdict.remaining)).toEqual([4, 3, 2, 1, 0, 0]);
    expect(verdicts[5]).toEqual({ allowed: false, limit: 5, remaining: 0, resetSeconds: 50 });
    // Another subject has its own count.
    expect(counters.hit('user:b', MINUTE).remaining).toBe(4);
    now += 49_500;
    expect(counters.hit('user:a', MINUTE)).toMatchObject({ allowed: false, resetSeconds: 1 });
    now += 500;
    expect(counters.hit('user:a', MINUTE)).toMatchObject({ allowed: true, remaining: 4, resetSeconds: 60 });
  });

  it('never touches the store on a hit, and syncs every changed counter in one statement', async () => {
    const table = sharedTable();
    const counters = createSharedCounters({ store: table.store, now: () => START });
    counters.hit('user:a', MINUTE);
    counters.hit('user:a', MINUTE);
    counters.hit('user:b', MINUTE);
    expect(table.statements).toHaveLength(0);
    await counters.sync();
    expect(table.statements).toEqual([
      [
        { key: 'user:a', hits: 2, windowStartMs: START - 10_000, windowEndMs: START + 50_000 },
        { key: 'user:b', hits: 1, windowStartMs: START - 10_000, windowEndMs: START + 50_000 },
      ],
    ]);
    // Nothing changed since: no statement at all.
    await counters.sync();
    expect(table.statements).toHaveLength(1);
    counters.hit('user:b', MINUTE);
    await counters.sync();
    expect(table.statements[1]).toEqual([expect.objectContaining({ key: 'user:b', hits: 1 })]);
    expect(table.rows.get('user:b')?.hits).toBe(2);
  });

  it('learns what other instances counted at its next sync: past the limit an instance admits only until then', async () => {
    const table = sharedTable();
    const first = createSharedCounters({ store: table.store, now: () => START });
    const second = createSharedCounters({ store: table.store, now: () => START });
    for (let index = 0; index < 5; index += 1) expect(first.hit('user:a', MINUTE).allowed).toBe(true);
    expect(first.hit('user:a', MINUTE).allowed).toBe(false);
    await first.sync();
    // The second instance has not synced since: it admits (the overshoot), at most until its sync…
    expect(second.hit('user:a', MINUTE).allowed).toBe(true);
    expect(second.hit('user:a', MINUTE).allowed).toBe(true);
    await second.sync();
    // …which reads the global total back.
    expect(table.rows.get('user:a')?.hits).toBe(7);
    expect(second.hit('user:a', MINUTE)).toMatchObject({ allowed: false, remaining: 0 });
  });

  it('never lets one instance admit more than the limit in a window, however stale its view', () => {
    const table = sharedTable();
    const instances = [1, 2, 3].map(() => createSharedCounters({ store: table.store, now: () => START }));
    const admitted = instances.map((counters) =>
      Array.from({ length: 20 }, () => counters.hit('user:a', MINUTE)).filter((verdict) => verdict.allowed),
    );
    expect(admitted.map((list) => list.length)).toEqual([5, 5, 5]);
  });

  it('admits at most the limit plus what each instance receives in one sync interval', async () => {
    // Three instances, a client sending 4 requests to each per interval, syncing every interval.
    const table = sharedTable();
    const limit = { max: 50, windowSeconds: 60 };
    const instances = [1, 2, 3].map(() => createSharedCounters({ store: table.store, now: () => START }));
    const perInstancePerInterval = 4;
    let admitted = 0;
    for (let interval = 0; interval < 30; interval += 1) {
      for (const counters of instances) {
        for (let request = 0; request < perInstancePerInterval; request += 1) {
          if (counters.hit('user:a', limit).allowed) admitted += 1;
        }
      }
      await Promise.all(instances.map((counters) => counters.sync()));
    }
    // Never refuses below the limit (each view is a lower bound of the true count)…
    expect(admitted).toBeGreaterThanOrEqual(limit.max);
    // …and overshoots by at most one interval's requests per instance.
    expect(admitted).toBeLessThanOrEqual(limit.max + instances.length * perInstancePerInterval);
  });

  it('keeps the hits of a failed sync and sends them with the next one', async () => {
    const table = sharedTable();
    const counters = createSharedCounters({ store: table.store, now: () => START });
    counters.hit('user:a', MINUTE);
    counters.hit('user:a', MINUTE);
    table.failOnce();
    await expect(counters.sync()).rejects.toThrow('database unavailable');
    // Still counted locally meanwhile.
    expect(counters.hit('user:a', MINUTE).remaining).toBe(2);
    await counters.sync();
    expect(table.rows.get('user:a')?.hits).toBe(3);
  });

  it('counts hits that arrive during a sync in flight and sends them with the next call', async () => {
    const table = sharedTable();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowStore: CounterStore = async (increments) => {
      await gate;
      return table.store(increments);
    };
    const counters = createSharedCounters({ store: slowStore, now: () => START });
    counters.hit('user:a', MINUTE);
    const first = counters.sync();
    expect(counters.syncing()).toBe(true);
    counters.hit('user:a', MINUTE);
    expect(counters.hit('user:a', MINUTE).remaining).toBe(2);
    const second = counters.sync();
    release();
    await Promise.all([first, second]);
    expect(table.statements.map((statement) => statement.map((increment) => increment.hits))).toEqual([
      [1],
      [2],
    ]);
    expect(table.rows.get('user:a')?.hits).toBe(3);
    expect(counters.syncing()).toBe(false);
  });

  it('drops finished windows at the next sync instead of sending them', async () => {
    let now = START;
    const table = sharedTable();
    const counters = createSharedCounters({ store: table.store, now: () => now });
    counters.hit('user:a', MINUTE);
    now += 60_000;
    await counters.sync();
    expect(table.statements).toHaveLength(0);
    expect(counters.size()).toBe(0);
    counters.hit('user:a', MINUTE);
    await counters.sync();
    expect(table.rows.get('user:a')).toEqual({ windowStartMs: START + 50_000, hits: 1 });
  });
});
