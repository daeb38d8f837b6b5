/**
 * The pipelined lanes on a real PostgreSQL server (ADR 0065): statements from many requests share a
 * lane and each gets its own answer or its own error; transactions keep the pool; a lane stalled
 * behind a slow statement is passed over; a lane whose backend is terminated reconnects.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../testing/harness.ts';
import { createPostgresDatabase } from '../testing/scratch-postgres.ts';
import { type Database, openDatabase } from './client.ts';

describe.skipIf(!TEST_DATABASE_URL)('statement lanes [PostgreSQL]', () => {
  let scratch: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let database: Database;
  const lost: unknown[] = [];

  /** The app's backends on the scratch database, as PostgreSQL sees them. */
  async function appBackends(): Promise<Array<{ pid: number; state: string | null }>> {
    const admin = new pg.Client({ connectionString: scratch.url });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ pid: number; state: string | null }>(
        'select pid, state from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      return rows;
    } finally {
      await admin.end();
    }
  }

  beforeAll(async () => {
    scratch = await createPostgresDatabase();
    // Four connections: two pipelined lanes and a pool of two for transactions.
    database = await openDatabase({ kind: 'postgres', url: scratch.url, poolMax: 4 });
    database.onConnectionLost((error) => lost.push(error));
  });

  afterAll(async () => {
    await database?.close();
    await scratch?.drop();
  });

  it('answers each of many concurrent statements with its own rows, and fails only the bad ones', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 300 }, (_, index) =>
        // Every seventh statement divides by zero; the statements pipelined behind it must not notice.
        database.query<{ value: number }>('select 700 / ($1::int % 7) + $1::int * 1000 as value', [index]),
      ),
    );
    outcomes.forEach((outcome, index) => {
      if (index % 7 === 0) {
        expect(outcome.status).toBe('rejected');
        if (outcome.status === 'rejected') expect(String(outcome.reason)).toMatch(/division by zero/);
      } else {
        expect(outcome).toEqual({
          status: 'fulfilled',
          value: [{ value: Math.trunc(700 / (index % 7)) + index * 1000 }],
        });
      }
    });
    // The same through drizzle's builder path, prepared statements included.
    const prepared = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        database.query<{ doubled: number }>('select $1::int * 2 as doubled', [index], { prepared: true }),
      ),
    );
    expect(prepared.map((rows) => rows[0]?.doubled)).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
    // node-postgres's result object; `Db` leaves its type open because PGlite's differs.
    const fromDrizzle = (await database.db.execute(sql`select 42 as answer`)) as { rows: unknown[] };
    expect(fromDrizzle.rows).toEqual([{ answer: 42 }]);
    expect(database.poolStats().total).toBeLessThanOrEqual(4);
  });

  it('keeps transactions on the pool while the lanes serve single statements', async () => {
    await database.query('create table if not exists lane_ledger (id int primary key, note text)');
    let releaseTransactions: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      releaseTransactions = resolve;
    });
    let inside = 0;
    // Both of the pool's connections sit inside open transactions…
    const transactions = [1, 2].map((id) =>
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into lane_ledger (id, note) values (${id}, 'pending')`);
        inside += 1;
        await held;
        if (id === 2) tx.rollback();
      }),
    );
    while (inside < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    // …and single statements still run (on the lanes), without seeing the uncommitted rows.
    const seen = await database.query<{ count: number }>('select count(*)::int as count from lane_ledger');
    expect(seen).toEqual([{ count: 0 }]);
    releaseTransactions();
    const [committed, rolledBack] = await Promise.allSettled(transactions);
    expect(committed?.status).toBe('fulfilled');
    expect(rolledBack?.status).toBe('rejected');
    expect(await database.query('select id, note from lane_ledger order by id')).toEqual([
      { id: 1, note: 'pending' },
    ]);
  });

  it('passes over lanes stalled behind slow statements', async () => {
    let slowDone = false;
    const slow = Promise.all([
      database.query('select pg_sleep(2)'),
      database.query('select pg_sleep(2)'),
    ]).then(() => {
      slowDone = true;
    });
    // Both lanes are now behind a two-second statement; once they count as stalled, statements
    // take the pool and are answered while the slow ones still run.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await database.query('select 1 as one')).toEqual([{ one: 1 }]);
    expect(slowDone).toBe(false);
    await slow;
  });

  it('reconnects a lane whose backend was terminated, and reports the loss', async () => {
    await Promise.all([database.query('select 1'), database.query('select 2')]);
    const before = await appBackends();
    expect(before.length).toBeGreaterThanOrEqual(2);
    const admin = new pg.Client({ connectionString: scratch.url });
    await admin.connect();
    try {
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
    } finally {
      await admin.end();
    }
    await expect.poll(() => lost.length).toBeGreaterThanOrEqual(1);
    // A statement may still meet a connection that had not heard of its end: it fails as a lost
    // connection (a 503 to the user, platform/errors.ts), never with a wrong answer; within a few
    // tries every lane is back.
    const answers: number[] = [];
    for (let attempt = 0; attempt < 20 && answers.length < 10; attempt += 1) {
      try {
        const [row] = await database.query<{ value: number }>('select $1::int as value', [attempt]);
        answers.push(row?.value ?? -1);
      } catch (error) {
        expect(String(error)).toMatch(/terminat|Connection|not queryable/i);
      }
    }
    expect(answers).toHaveLength(10);
    const after = await appBackends();
    expect(after.every((backend) => !before.some((old) => old.pid === backend.pid))).toBe(true);
  });
});
