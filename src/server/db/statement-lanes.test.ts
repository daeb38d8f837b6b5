import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { reportLossOnce } from './client.ts';
import { createStatementLanes } from './statement-lanes.ts';

/** A stand-in for a pipelined pg.Client: connects at once (or fails), and records what ran on it. */
class FakeClient extends EventEmitter {
  static created: FakeClient[] = [];
  readonly ran: string[] = [];
  ended = false;
  private readonly connectError: Error | undefined;
  constructor(connectError?: Error) {
    super();
    this.connectError = connectError;
    FakeClient.created.push(this);
  }
  connect(): Promise<void> {
    return this.connectError ? Promise.reject(this.connectError) : Promise.resolve();
  }
  end(): Promise<void> {
    this.ended = true;
    return Promise.resolve();
  }
}

interface Deferred {
  promise: Promise<string>;
  resolve(value: string): void;
}
function deferred(): Deferred {
  let resolve: (value: string) => void = () => {};
  const promise = new Promise<string>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function setUp(count: number, options: { failConnects?: number } = {}) {
  FakeClient.created = [];
  let clock = 0;
  let failConnects = options.failConnects ?? 0;
  const lost: unknown[] = [];
  const lanes = createStatementLanes({
    count,
    createClient: () => {
      const failure = failConnects > 0 ? new Error('connect ECONNREFUSED') : undefined;
      failConnects -= 1;
      const client = new FakeClient(failure) as unknown as pg.Client;
      // As openDatabase wires every connection, pooled or a lane.
      reportLossOnce(client, (error) => lost.push(error));
      return client;
    },
    stalledAfterMs: 100,
    now: () => clock,
  });
  /** Starts a statement that finishes when its deferred is resolved; records which client ran it. */
  const start = (name: string) => {
    const done = deferred();
    const result = lanes.run(async (client) => {
      (client as unknown as FakeClient).ran.push(name);
      return done.promise;
    });
    return { result, done };
  };
  return {
    lanes,
    lost,
    start,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('statement lanes', () => {
  it('spreads statements over the least busy lanes and opens each lane once', async () => {
    const { lanes, start } = setUp(2);
    const first = start('a');
    const second = start('b');
    const third = start('c');
    await flush();
    expect(FakeClient.created).toHaveLength(2);
    expect(FakeClient.created.map((client) => client.ran)).toEqual([['a', 'c'], ['b']]);
    expect(lanes.stats()).toEqual({ open: 2, idle: 0, inFlight: 3 });
    second.done.resolve('b done');
    expect(await second.result).toBe('b done');
    // The second lane is idle again: the next statement goes there, not behind 'a' and 'c'.
    start('d');
    await flush();
    expect(FakeClient.created[1]?.ran).toEqual(['b', 'd']);
    first.done.resolve('a done');
    third.done.resolve('c done');
    expect(await Promise.all([first.result, third.result])).toEqual(['a done', 'c done']);
    expect(FakeClient.created).toHaveLength(2);
  });

  it('passes over a stalled lane and answers null when every lane is stalled', async () => {
    const { lanes, start, advance } = setUp(2);
    const slow = start('slow');
    await flush();
    advance(100);
    // The first lane's statement has run 100 ms: new ones go to the other lane even when it is busier.
    start('x');
    start('y');
    await flush();
    expect(FakeClient.created.map((client) => client.ran)).toEqual([['slow'], ['x', 'y']]);
    advance(100);
    expect(lanes.run(async () => 'never')).toBeNull();
    slow.done.resolve('done');
    await slow.result;
    // The slow statement finished: its lane takes statements again.
    const next = lanes.run(async () => 'ran');
    expect(await next).toBe('ran');
  });

  it('reconnects a lane whose connection was lost, and reports the loss once per connection', async () => {
    const { lanes, lost, start } = setUp(1);
    const first = start('a');
    first.done.resolve('a');
    await first.result;
    const client = FakeClient.created[0] as FakeClient;
    const failure = Object.assign(new Error('terminating connection'), { code: '57P01' });
    client.emit('error', failure);
    client.emit('error', failure);
    expect(lost).toEqual([failure]);
    const second = start('b');
    second.done.resolve('b');
    await second.result;
    expect(FakeClient.created).toHaveLength(2);
    expect(FakeClient.created[1]?.ran).toEqual(['b']);
    expect(lanes.stats()).toMatchObject({ open: 1, inFlight: 0 });
  });

  it('fails the statements of a connect that fails, then tries a new connection', async () => {
    const { lanes } = setUp(1, { failConnects: 1 });
    const refused = lanes.run(async () => 'unreachable');
    await expect(refused).rejects.toThrow('ECONNREFUSED');
    expect(FakeClient.created[0]?.ended).toBe(true);
    expect(await lanes.run(async () => 'reached')).toBe('reached');
    expect(lanes.stats()).toEqual({ open: 1, idle: 1, inFlight: 0 });
  });

  it('ends every connection on close and takes nothing afterwards', async () => {
    const { lanes, start } = setUp(2);
    const a = start('a');
    const b = start('b');
    a.done.resolve('a');
    b.done.resolve('b');
    await Promise.all([a.result, b.result]);
    await lanes.close();
    expect(FakeClient.created.every((client) => client.ended)).toBe(true);
    expect(lanes.run(async () => 'after close')).toBeNull();
  });
});
