/**
 * Opens the database the config names: PGlite in a data folder (the embedded default) or a
 * PostgreSQL pool. Both speak the same dialect, share one schema and one set of migrations.
 * Every query — drizzle's and raw — is timed at the driver, so the slow-query log and the metrics
 * see all of them whichever way they were issued.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { getTableColumns, is, Param, Placeholder, type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { type PgDatabase, PgDialect, type PgQueryResultHKT, type PgTable } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { AppConfig } from '../config.ts';
import * as schema from './schema.ts';
import { createStatementLanes, type StatementLanes } from './statement-lanes.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** One finished query: its SQL text (placeholders, never the parameters) and how long it took. */
export interface QueryEvent {
  text: string;
  durationMs: number;
  ok: boolean;
}

export interface QueryOptions {
  /**
   * The text is one of a fixed set, never built from input (parameters carry the values): on
   * PostgreSQL it becomes a named statement, parsed and planned once per connection and then sent
   * as parameters alone. On this machine that made a save through its one-statement write 40 %
   * faster (ADR 0054). A statement that selects `*` must not be prepared: a migration that adds a
   * column would change its result under a cached plan.
   */
  prepared?: boolean;
}

const statementNames = new Map<string, string>();

/** A stable name per statement text (PostgreSQL keeps one plan per name and connection). */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `q_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    // Prepared texts come from a fixed set of code paths; the cap guards against a dynamic one.
    if (statementNames.size >= 1000) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}

export interface PoolStats {
  /** Connections open (PGlite: its single in-process connection). */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
  /** Statements sent down the pipelined lanes and not yet answered (ADR 0065; 0 on PGlite). */
  pipelined: number;
  max: number;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs raw SQL and returns rows; for the few statements drizzle's builder does not express. */
  query<Row extends Record<string, unknown>>(
    text: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<Row[]>;
  /** Calls `listener` after every query; returns the function that stops it. */
  onQuery(listener: (event: QueryEvent) => void): () => void;
  /**
   * Calls `listener` when a pooled connection dies (PostgreSQL shut down or restarted, terminated
   * the backend, or the network dropped it) — once per connection; the pool replaces it. Never
   * called for PGlite. Returns the function that stops it.
   */
  onConnectionLost(listener: (error: unknown) => void): () => void;
  poolStats(): PoolStats;
  close(): Promise<void>;
}

export interface QueryFingerprint {
  /** The SQL with whitespace collapsed, literals masked and long select lists elided, truncated. */
  name: string;
  /** First 12 hex digits of the normalised SQL's SHA-256: tells apart queries whose names match. */
  hash: string;
}

const FINGERPRINT_MAX_LENGTH = 160;
const fingerprintCache = new Map<string, QueryFingerprint>();

/**
 * A stable name for a query that can be logged: parameters are never part of the text (drizzle and
 * our raw SQL use placeholders), and literals written into the SQL are masked as well.
 */
export function fingerprintQuery(text: string): QueryFingerprint {
  const cached = fingerprintCache.get(text);
  if (cached) return cached;
  const normalised = text
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/(?<![$\w."])\d+(?:\.\d+)?\b/g, '?')
    .replace(/\s+/g, ' ')
    .trim();
  const hash = createHash('sha256').update(normalised).digest('hex').slice(0, 12);
  // drizzle lists every column; the table and the conditions say more about which query it is.
  const elided = normalised.replace(/^(select (?:distinct )?)(.{40,}?)( from )/i, '$1…$3');
  const name =
    elided.length > FINGERPRINT_MAX_LENGTH ? `${elided.slice(0, FINGERPRINT_MAX_LENGTH - 1)}…` : elided;
  const fingerprint = { name, hash };
  // Queries come from a fixed set of code paths, so this stays small; the cap guards against dynamic SQL.
  if (fingerprintCache.size >= 1000) fingerprintCache.clear();
  fingerprintCache.set(text, fingerprint);
  return fingerprint;
}

type QueryFunction = (...args: unknown[]) => unknown;

function sqlTextOf(first: unknown): string | undefined {
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && 'text' in first && typeof first.text === 'string')
    return first.text;
  return undefined;
}

/**
 * Replaces `target.query` with a timed version. Handles the promise form and node-postgres's
 * callback form (which `pool.query` uses internally); streams and cursors pass through untimed.
 */
function timeQueries(
  target: { query: unknown },
  emit: (event: QueryEvent) => void,
  inFlight?: { count: number },
): void {
  const original = (target.query as QueryFunction).bind(target);
  const timed: QueryFunction = (...args) => {
    const text = sqlTextOf(args[0]);
    if (text === undefined) return original(...args);
    const started = performance.now();
    if (inFlight) inFlight.count += 1;
    const finish = (ok: boolean) => {
      if (inFlight) inFlight.count -= 1;
      emit({ text, durationMs: performance.now() - started, ok });
    };
    const last = args.at(-1);
    if (typeof last === 'function') {
      const callback = last as (error: unknown, ...rest: unknown[]) => void;
      args[args.length - 1] = (error: unknown, ...rest: unknown[]) => {
        finish(!error);
        callback(error, ...rest);
      };
      return original(...args);
    }
    let result: unknown;
    try {
      result = original(...args);
    } catch (error) {
      finish(false);
      throw error;
    }
    if (result && typeof (result as PromiseLike<unknown>).then === 'function') {
      (result as PromiseLike<unknown>).then(
        () => finish(true),
        () => finish(false),
      );
    } else if (inFlight) {
      inFlight.count -= 1;
    }
    return result;
  };
  target.query = timed;
}

/**
 * When PostgreSQL shuts down it terminates every connection (FATAL 57P01); a restart, a killed
 * backend or a dropped network does the same. A client the pool holds idle reports that to the pool,
 * but one that is checked out — a transaction between two statements, or mid-query — and a lane emit
 * 'error' on themselves, and with no listener that event would crash the process. The queries in
 * flight are rejected anyway (and answered 503); the pool discards a broken client when it is
 * released, a lane replaces it on its next statement. This listener keeps the process alive and
 * reports the loss once per connection.
 */
export function reportLossOnce(client: Pick<pg.Client, 'on'>, report: (error: unknown) => void): void {
  let reported = false;
  client.on('error', (error) => {
    if (reported) return;
    reported = true;
    report(error);
  });
}

/** A lane whose oldest statement has run this long is passed over (statement-lanes.ts). */
const LANE_STALLED_AFTER_MS = 100;

/**
 * Sends the pool's single statements — drizzle's outside a transaction and `Database.query` — down
 * the pipelined lanes; `pool.connect()`, and with it every transaction, keeps the pool's own
 * connections. The callback form is pg-pool's own and stays on the pool.
 */
function routeStatementsToLanes(pool: pg.Pool, lanes: StatementLanes): void {
  const pooled = (pool.query as QueryFunction).bind(pool);
  const routed: QueryFunction = (...args) => {
    if (typeof args.at(-1) === 'function') return pooled(...args);
    return (
      lanes.run((client) => (client.query as (...queryArgs: unknown[]) => Promise<unknown>)(...args)) ??
      pooled(...args)
    );
  };
  (pool as { query: unknown }).query = routed;
}

function createListeners<Event>() {
  const listeners = new Set<(event: Event) => void>();
  return {
    emit(event: Event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // An observer must never break the query (or connection) that it observes.
        }
      }
    },
    add(listener: (event: Event) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export async function openDatabase(config: AppConfig['database']): Promise<Database> {
  if (config.kind === 'postgres') {
    // Without a timeout a request would wait forever for a connection while the database is down.
    const connectionTimeoutMillis = config.connectTimeoutMs ?? 10_000;
    // The connections are shared between pipelined lanes for single statements and a pool for
    // transactions (ADR 0065); a budget of one is the pool alone.
    const laneCount = Math.floor(config.poolMax / 2);
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolMax - laneCount,
      connectionTimeoutMillis,
      keepAlive: true,
    });
    const events = createListeners<QueryEvent>();
    const connectionsLost = createListeners<unknown>();
    /** Every connection, pooled or a lane: its queries timed, its loss reported once. */
    const watchConnection = (client: pg.Client) => {
      timeQueries(client, events.emit);
      reportLossOnce(client, connectionsLost.emit);
    };
    const lanes = createStatementLanes({
      count: laneCount,
      createClient: () => {
        const client = new pg.Client({
          connectionString: config.url,
          connectionTimeoutMillis,
          keepAlive: true,
          pipeline: true,
        });
        watchConnection(client);
        return client;
      },
      stalledAfterMs: LANE_STALLED_AFTER_MS,
    });
    routeStatementsToLanes(pool, lanes);
    // Every query inside a transaction runs on one of the pool's clients.
    pool.on('connect', watchConnection);
    // The pool's own report of an idle client's loss: already reported above; the pool replaces it.
    pool.on('error', () => {});
    const db = drizzlePostgres({ client: pool, schema });
    return {
      kind: 'postgres',
      db: db as unknown as Db,
      async query(text, params, options) {
        const result = options?.prepared
          ? await pool.query({ name: statementName(text), text, values: params ?? [] })
          : await pool.query(text, params);
        return result.rows;
      },
      onQuery: events.add,
      onConnectionLost: connectionsLost.add,
      poolStats: () => {
        const laneStats = lanes.stats();
        return {
          total: pool.totalCount + laneStats.open,
          idle: pool.idleCount + laneStats.idle,
          waiting: pool.waitingCount,
          pipelined: laneStats.inFlight,
          max: config.poolMax,
        };
      },
      close: async () => {
        await lanes.close();
        await pool.end();
      },
    };
  }
  if (!config.dataDir.startsWith('memory://')) mkdirSync(config.dataDir, { recursive: true });
  // pgvector ships beside PGlite; loading it costs nothing measurable at open, and whether vectors are
  // used is decided at start-up (db/vector.ts, ADR 0036).
  const client = await PGlite.create(config.dataDir, { extensions: { vector } });
  const events = createListeners<QueryEvent>();
  // PGlite runs one query at a time; what is in flight beyond the first is waiting.
  const inFlight = { count: 0 };
  timeQueries(client, events.emit, inFlight);
  const transaction = client.transaction.bind(client);
  client.transaction = (callback) =>
    transaction((tx) => {
      timeQueries(tx, events.emit);
      return callback(tx);
    });
  const db = drizzlePglite({ client, schema });
  return {
    kind: 'pglite',
    db: db as unknown as Db,
    async query(text, params) {
      const result = await client.query(text, params);
      return result.rows as never;
    },
    onQuery: events.add,
    // In-process: there is no connection to lose.
    onConnectionLost: () => () => {},
    poolStats: () => ({
      total: 1,
      idle: inFlight.count > 0 ? 0 : 1,
      waiting: Math.max(0, inFlight.count - 1),
      pipelined: 0,
      max: 1,
    }),
    close: () => client.close(),
  };
}

const dialect = new PgDialect();

/** A named value of a `compiledStatement`, filled in on each run. */
export const placeholder = (name: string): SQL => sql`${sql.placeholder(name)}`;

/** A value of a compiled statement: a named placeholder (encoded as its column wants, if any) or fixed. */
type Slot = (values: Readonly<Record<string, unknown>>) => unknown;

function slotOf(param: unknown): Slot {
  if (is(param, Placeholder)) {
    const { name } = param;
    return (values) => namedValue(values, name);
  }
  if (is(param, Param) && is(param.value, Placeholder)) {
    const { encoder } = param;
    const { name } = param.value;
    return (values) => encoder.mapToDriverValue(namedValue(values, name));
  }
  return () => param;
}

function namedValue(values: Readonly<Record<string, unknown>>, name: string): unknown {
  if (!(name in values)) throw new Error(`No value for the placeholder "${name}"`);
  return values[name];
}

/**
 * A statement composed once with drizzle's `sql` template — for the shapes its builder does not
 * express, such as a data-modifying `WITH` — with every value a `sql.placeholder(name)`. Its text
 * is built on first use and kept; each run only fills in the values and sends a prepared statement
 * (named on PostgreSQL). On the hottest writes composing the SQL cost more CPU than the round-trip
 * (ADR 0055). Name the columns it returns: a prepared `select *` would keep an old plan's columns.
 */
export function compiledStatement<Row extends Record<string, unknown>>(
  build: () => SQL,
): (database: Pick<Database, 'query'>, values: Readonly<Record<string, unknown>>) => Promise<Row[]> {
  let compiled: { text: string; slots: Slot[] } | null = null;
  return async (database, values) => {
    if (!compiled) {
      const query = dialect.sqlToQuery(build());
      compiled = { text: query.sql, slots: query.params.map(slotOf) };
    }
    const { text, slots } = compiled;
    return database.query<Row>(
      text,
      slots.map((slot) => slot(values)),
      { prepared: true },
    );
  };
}

/**
 * Rows of `table` as a compiled statement returns them (column names, driver values) turned into what
 * drizzle's builder would have returned (property names, mapped values): for a statement that
 * ends `returning *` or selects a whole row of the table.
 */
export function tableRows<Table extends PgTable>(
  table: Table,
  rows: Record<string, unknown>[],
): Table['$inferSelect'][] {
  const columns = Object.entries(getTableColumns(table));
  return rows.map((raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = raw[column.name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as Table['$inferSelect'];
  });
}

/**
 * The slow-query log: a warn line with the query's fingerprint and duration for every query that
 * takes `thresholdMs` or longer. Parameters are never logged — they carry emails and content.
 * Returns the function that stops it.
 */
export function logSlowQueries(
  database: Pick<Database, 'onQuery'>,
  options: {
    thresholdMs: number;
    log: { warn(details: Record<string, unknown>, message: string): void };
    onSlow?: () => void;
  },
): () => void {
  return database.onQuery((event) => {
    if (event.durationMs < options.thresholdMs) return;
    const { name, hash } = fingerprintQuery(event.text);
    options.log.warn(
      { query: name, queryHash: hash, durationMs: Math.round(event.durationMs * 10) / 10, ok: event.ok },
      'slow query',
    );
    options.onSlow?.();
  });
}
