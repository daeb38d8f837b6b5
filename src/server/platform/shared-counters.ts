/**
 * Fixed-window request counters kept in process and reconciled with the shared `rate_limits` rows in
 * batches (ADR 0049). A check never waits on the database: it compares what this instance last
 * learnt of the global count plus its own hits since then with the limit. Every sync sends, in one
 * statement, the hits of every counter that changed since the previous sync and reads back each
 * counter's global total, so an instance learns what the others counted at most one interval late.
 *
 * What an instance believes is a lower bound of the true count (the global total it last read,
 * plus its own hits not yet sent), so it never refuses a request the shared count would allow. The
 * price is overshoot: once a counter is past its limit, each instance may still admit what the
 * client sends it until its next sync — at most one sync interval's worth of that client's requests
 * per instance, and never more than `max` per instance in a window.
 */
import type { Database } from '../db/client.ts';

/** A limit of `max` hits per fixed window of `windowSeconds`, windows aligned to the epoch. */
export interface WindowLimit {
  max: number;
  windowSeconds: number;
}

export interface CounterVerdict {
  allowed: boolean;
  limit: number;
  /** Hits left in the window as this instance knows it (an upper bound of the true number). */
  remaining: number;
  /** Seconds until the window ends and the count starts again (at least 1). */
  resetSeconds: number;
}

/** One counter's hits to add to its shared row, for one window. */
export interface CounterIncrement {
  key: string;
  hits: number;
  windowStartMs: number;
  windowEndMs: number;
}

/**
 * Adds every increment (at most one per key) in one statement and answers, per key, the global
 * total of the window it was sent for; a key whose shared row is on another window is left out.
 */
export type CounterStore = (increments: CounterIncrement[]) => Promise<Map<string, number>>;

export interface SharedCounters {
  /** Counts one hit of `key` against `limit` unless that would pass it. Never waits on anything. */
  hit(key: string, limit: WindowLimit): CounterVerdict;
  /**
   * Sends every hit counted before the call and reads back the global totals, in one statement;
   * syncs never overlap.
   */
  sync(): Promise<void>;
  /** Whether a sync is in flight (the periodic timer skips a beat rather than queue behind it). */
  syncing(): boolean;
  /** Counters held in memory (for tests and metrics). */
  size(): number;
}

interface Counter {
  key: string;
  windowStartMs: number;
  windowEndMs: number;
  /** The global count as read at the last sync (this instance's synced hits included). */
  known: number;
  /** Hits sent in the running sync, not yet part of `known`. */
  sending: number;
  /** Hits counted here since then, not yet sent. */
  pending: number;
}

/** The fixed window `nowMs` falls in; every instance computes the same one from its own clock. */
export function windowAt(nowMs: number, windowSeconds: number): { startMs: number; endMs: number } {
  const lengthMs = windowSeconds * 1000;
  const startMs = Math.floor(nowMs / lengthMs) * lengthMs;
  return { startMs, endMs: startMs + lengthMs };
}

export function createSharedCounters(options: { store: CounterStore; now: () => number }): SharedCounters {
  const { store, now } = options;
  // Keyed by counter and window, so a sync still in flight for the last window never mixes with the
  // new one's hits.
  const counters = new Map<string, Counter>();
  let running: Promise<void> | null = null;

  function hit(key: string, limit: WindowLimit): CounterVerdict {
    const nowMs = now();
    const window = windowAt(nowMs, limit.windowSeconds);
    const slot = `${window.startMs}:${key}`;
    let counter = counters.get(slot);
    if (!counter) {
      counter = {
        key,
        windowStartMs: window.startMs,
        windowEndMs: window.endMs,
        known: 0,
        sending: 0,
        pending: 0,
      };
      counters.set(slot, counter);
    }
    const counted = counter.known + counter.sending + counter.pending;
    const resetSeconds = Math.max(1, Math.ceil((window.endMs - nowMs) / 1000));
    if (counted >= limit.max) return { allowed: false, limit: limit.max, remaining: 0, resetSeconds };
    counter.pending += 1;
    return { allowed: true, limit: limit.max, remaining: limit.max - counted - 1, resetSeconds };
  }

  async function syncOnce(): Promise<void> {
    // A finished window's hits change nothing any more, here or elsewhere: drop them, which also
    // leaves at most one window per counter to send.
    const nowMs = now();
    for (const [slot, counter] of counters) {
      if (counter.windowEndMs <= nowMs) counters.delete(slot);
    }
    const batch = [...counters.values()].filter((counter) => counter.pending > 0);
    if (batch.length === 0) return;
    for (const counter of batch) {
      counter.sending = counter.pending;
      counter.pending = 0;
    }
    let totals: Map<string, number>;
    try {
      totals = await store(
        batch.map((counter) => ({
          key: counter.key,
          hits: counter.sending,
          windowStartMs: counter.windowStartMs,
          windowEndMs: counter.windowEndMs,
        })),
      );
    } catch (error) {
      // Nothing is lost: the hits go out with the next sync, and until then this instance keeps
      // counting on its own (it still never admits more than the limit itself).
      for (const counter of batch) {
        counter.pending += counter.sending;
        counter.sending = 0;
      }
      throw error;
    }
    for (const counter of batch) {
      // No total means the shared row has moved on to a later window: this one is over anyway.
      counter.known = Math.max(counter.known + counter.sending, totals.get(counter.key) ?? 0);
      counter.sending = 0;
    }
  }

  return {
    hit,
    async sync() {
      // A sync in flight went out before some of the hits counted since; wait for it, then send
      // those too, so that a finished `sync()` has sent every hit counted before it was called.
      while (running) await running.catch(() => undefined);
      running = syncOnce().finally(() => {
        running = null;
      });
      return running;
    },
    syncing: () => running !== null,
    size: () => counters.size,
  };
}

/**
 * The store on the shared `rate_limits` table: one row per counter (not per window), so rows stay as
 * many as active users and addresses. A row on an older window starts again at this sync's hits; an
 * increment for a window the row has already left (a late sync, a skewed clock) changes nothing.
 */
export function databaseCounterStore(database: Database): CounterStore {
  return async (increments) => {
    const rows = await database.query<{ key: string; hits: number; started_ms: number }>(
      `insert into rate_limits as r (key, hits, window_started_at, window_ends_at)
         select key, hits, to_timestamp(started_ms / 1000.0), to_timestamp(ends_ms / 1000.0)
           from jsonb_to_recordset($1::jsonb) as t(key text, hits int, started_ms float8, ends_ms float8)
       on conflict (key) do update set
         hits = case
           when r.window_started_at = excluded.window_started_at then r.hits + excluded.hits
           when r.window_started_at < excluded.window_started_at then excluded.hits
           else r.hits
         end,
         window_started_at = greatest(r.window_started_at, excluded.window_started_at),
         window_ends_at = greatest(r.window_ends_at, excluded.window_ends_at)
       returning key, hits, (extract(epoch from window_started_at) * 1000)::float8 as started_ms`,
      [
        JSON.stringify(
          increments.map((increment) => ({
            key: increment.key,
            hits: increment.hits,
            started_ms: increment.windowStartMs,
            ends_ms: increment.windowEndMs,
          })),
        ),
      ],
    );
    const sentWindow = new Map(increments.map((increment) => [increment.key, increment.windowStartMs]));
    const totals = new Map<string, number>();
    for (const row of rows) {
      if (Math.round(Number(row.started_ms)) === sentWindow.get(row.key))
        totals.set(row.key, Number(row.hits));
    }
    return totals;
  };
}
