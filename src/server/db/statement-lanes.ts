/**
 * Pipelined connections ("lanes") for single statements on PostgreSQL (ADR 0065).
 *
 * A pooled connection carries one statement at a time: the app writes it, the backend wakes up,
 * answers and goes back to sleep until the pool hands the connection to the next statement. On two
 * vCPUs under load that write and the wake-up it causes were the largest single cost of a signed-in
 * request (the app's `writev` to PostgreSQL: 16 % of its main thread under the load test's mix).
 * In node-postgres's pipeline mode a statement is written on a connection that is still answering
 * earlier ones: the backend works through them back to back and its answers arrive together. Each
 * statement keeps its own Sync, so it is its own implicit transaction and an error ends only it.
 *
 * Only statements outside a transaction take a lane; a transaction needs a connection of its own
 * and keeps the pool. A lane stalled behind a slow statement (an export, a retention sweep) takes no
 * more until it moves; when every lane is stalled the statement goes to the pool instead.
 */
import type pg from 'pg';

export interface StatementLanesOptions {
  /** How many pipelined connections to open (lazily, on first use). */
  count: number;
  /**
   * A new, unconnected client with `pipeline: true`, its 'error' event already listened to (the
   * connection's loss is reported by the caller, as for the pool's clients).
   */
  createClient(): pg.Client;
  /** A lane whose oldest statement has been in flight this long takes no new ones. */
  stalledAfterMs: number;
  now?: () => number;
}

export interface StatementLanes {
  /**
   * Runs `statement` on the least busy lane that is not stalled; null when every lane is stalled
   * (the caller runs it on the pool). A lane whose connection is gone reconnects on its next use.
   */
  run<T>(statement: (client: pg.Client) => Promise<T>): Promise<T> | null;
  stats(): { open: number; idle: number; inFlight: number };
  close(): Promise<void>;
}

interface Lane {
  client: pg.Client | null;
  connecting: Promise<pg.Client> | null;
  /** When each statement in flight started, oldest first (a pipeline answers in order). */
  startedAt: number[];
}

export function createStatementLanes(options: StatementLanesOptions): StatementLanes {
  const now = options.now ?? (() => performance.now());
  const lanes: Lane[] = Array.from({ length: options.count }, () => ({
    client: null,
    connecting: null,
    startedAt: [],
  }));
  let closed = false;

  function connect(lane: Lane): Promise<pg.Client> {
    if (lane.connecting) return lane.connecting;
    const client = options.createClient();
    const drop = () => {
      if (lane.client === client) lane.client = null;
    };
    client.on('error', drop);
    client.on('end', drop);
    lane.connecting = client.connect().then(
      () => {
        lane.connecting = null;
        if (closed) {
          void client.end().catch(() => {});
          throw new Error('Client was closed and is not queryable');
        }
        lane.client = client;
        return client;
      },
      (error: unknown) => {
        lane.connecting = null;
        // A failed connect leaves a client that cannot be reused; the next statement tries anew.
        void client.end().catch(() => {});
        throw error;
      },
    );
    return lane.connecting;
  }

  function pick(): Lane | null {
    const stalledBefore = now() - options.stalledAfterMs;
    let best: Lane | null = null;
    for (const lane of lanes) {
      const oldest = lane.startedAt[0];
      if (oldest !== undefined && oldest <= stalledBefore) continue;
      if (!best || lane.startedAt.length < best.startedAt.length) best = lane;
    }
    return best;
  }

  async function runOn<T>(lane: Lane, statement: (client: pg.Client) => Promise<T>): Promise<T> {
    lane.startedAt.push(now());
    try {
      const client = lane.client ?? (await connect(lane));
      return await statement(client);
    } finally {
      lane.startedAt.shift();
    }
  }

  return {
    run(statement) {
      if (closed) return null;
      const lane = pick();
      return lane ? runOn(lane, statement) : null;
    },
    stats() {
      let open = 0;
      let idle = 0;
      let inFlight = 0;
      for (const lane of lanes) {
        if (lane.client) open += 1;
        if (lane.client && lane.startedAt.length === 0) idle += 1;
        inFlight += lane.startedAt.length;
      }
      return { open, idle, inFlight };
    },
    async close() {
      closed = true;
      const clients = lanes.map((lane) => lane.client).filter((client) => client !== null);
      for (const lane of lanes) lane.client = null;
      await Promise.all(clients.map((client) => client.end().catch(() => {})));
    },
  };
}
