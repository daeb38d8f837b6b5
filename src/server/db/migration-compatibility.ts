/**
 * Migrations are backward compatible for one release (ADR 0050): once migration k is applied, the
 * release before it — whose schema is drizzle-kit's snapshot k-1 — must still run, because during a
 * rollout both serve, and a rollback runs it on the new schema. So a migration may add (tables,
 * nullable or defaulted columns, indexes) but not drop, rename or retype what the previous release
 * reads, nor make it NOT NULL without a default; that contract step comes a release later, once the
 * code stopped using the old shape, and is listed in APPROVED_CONTRACTS.
 *
 * Three checks, used by migration-compatibility.test.ts and .int.test.ts:
 * - `incompatibleChanges`: snapshot k-1 against snapshot k (what drizzle-kit generated from schema.ts);
 * - `destructiveStatements`: the migration's SQL, for hand-written drops, renames and retypes;
 * - `previousReleaseProblems`: a database after migration k, against snapshot k-1 — the previous
 *   release's columns can be selected, and nothing it inserts into now needs a value it does not send.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from './client.ts';
import { MIGRATIONS_FOLDER } from './migrate.ts';

export interface SnapshotColumn {
  name: string;
  type: string;
  notNull: boolean;
  default?: unknown;
  /** Set on generated columns and identity columns: PostgreSQL fills them, inserts never name them. */
  generated?: unknown;
  identity?: unknown;
}

export interface SnapshotTable {
  name: string;
  /** '' for public. */
  schema: string;
  columns: Record<string, SnapshotColumn>;
}

/** The part of a drizzle-kit snapshot (meta/NNNN_snapshot.json) the checks read. */
export interface Snapshot {
  tables: Record<string, SnapshotTable>;
}

export interface Migration {
  tag: string;
  sql: string;
  snapshot: Snapshot;
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** The migrations in journal order, each with its SQL and the snapshot of the schema after it. */
export function readMigrations(folder: string = MIGRATIONS_FOLDER): Migration[] {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries.map((entry) => ({
    tag: entry.tag,
    sql: readFileSync(path.join(folder, `${entry.tag}.sql`), 'utf8'),
    snapshot: JSON.parse(
      readFileSync(path.join(folder, 'meta', `${String(entry.idx).padStart(4, '0')}_snapshot.json`), 'utf8'),
    ) as Snapshot,
  }));
}

/**
 * A contract migration: it drops or tightens something the release before it no longer uses
 * (ADR 0050). `changes` are exactly what the checks report for it, so an approval covers nothing
 * else; `why` says which earlier release stopped needing the old shape.
 */
export interface ApprovedContract {
  migration: string;
  changes: string[];
  why: string;
}

export const APPROVED_CONTRACTS: ApprovedContract[] = [
  {
    migration: '0011_chat_sessions_need_a_brand',
    changes: ['set not null chat_sessions.brand_id'],
    why: '0010_chat_brand added the column and its release writes a brand on every new conversation; 0011 backfills the older rows before requiring it',
  },
];

function tableName(table: SnapshotTable): string {
  return table.schema && table.schema !== 'public' ? `${table.schema}.${table.name}` : table.name;
}

/** Whether PostgreSQL fills the column when an insert does not name it. */
function fillsItself(column: SnapshotColumn): boolean {
  return (
    !column.notNull || column.default !== undefined || Boolean(column.generated) || Boolean(column.identity)
  );
}

/**
 * What release k-1 (schema `previous`) cannot run on after migration k (schema `next`): a table or
 * column it reads gone (dropped or renamed), a column retyped, a column it may leave out of an insert
 * made NOT NULL without a default, or a NOT NULL column without a default added to a table it
 * inserts into. Sorted; empty when the migration only expands.
 */
export function incompatibleChanges(previous: Snapshot, next: Snapshot): string[] {
  const changes: string[] = [];
  for (const [key, before] of Object.entries(previous.tables)) {
    const after = next.tables[key];
    const name = tableName(before);
    if (!after) {
      changes.push(`drop table ${name}`);
      continue;
    }
    for (const [columnName, column] of Object.entries(before.columns)) {
      const now = after.columns[columnName];
      if (!now) changes.push(`drop column ${name}.${columnName}`);
      else {
        if (now.type !== column.type)
          changes.push(`retype column ${name}.${columnName} (${column.type} → ${now.type})`);
        if (fillsItself(column) && !fillsItself(now)) changes.push(`set not null ${name}.${columnName}`);
      }
    }
    for (const [columnName, column] of Object.entries(after.columns))
      if (!before.columns[columnName] && !fillsItself(column))
        changes.push(`add not null column without default ${name}.${columnName}`);
  }
  return changes.sort();
}

const DESTRUCTIVE: Array<{ label: string; pattern: RegExp }> = [
  { label: 'drop table', pattern: /\bdrop\s+table\b/i },
  { label: 'drop column', pattern: /\bdrop\s+column\b/i },
  // `rename to` (a table) and `rename [column] x to y`; `rename constraint` is harmless and not matched.
  { label: 'rename', pattern: /\brename\s+to\b|\brename\s+(column\s+)?("[^"]+"|\w+)\s+to\b/i },
  { label: 'retype column', pattern: /\balter\s+column\s+\S+\s+(set\s+data\s+)?type\b/i },
];

/**
 * Statements in a migration's SQL that drop, rename or retype a table or column — the static check
 * for hand-written SQL the snapshots do not describe. Comments are ignored. Each hit is
 * "<label>: <statement>" (the statement cut to 120 characters).
 */
export function destructiveStatements(sql: string): string[] {
  const hits: string[] = [];
  const withoutComments = sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
  for (const statement of withoutComments.split(';')) {
    const text = statement.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    for (const { label, pattern } of DESTRUCTIVE)
      if (pattern.test(text)) hits.push(`${label}: ${text.slice(0, 120)}`);
  }
  return hits;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * Runs the previous release's reads against `database` (migrated one step past `previous`): for
 * every table and column of snapshot k-1, `select <those columns> from <table> limit 0` must succeed.
 * And its inserts: no column of those tables may now be NOT NULL without a default unless the
 * previous release knew it as such. Problems use incompatibleChanges' words (`drop column t.c`,
 * `set not null t.c`, `add not null column without default t.c`, or `cannot read t: <error>`). Sorted.
 */
export async function previousReleaseProblems(database: Database, previous: Snapshot): Promise<string[]> {
  const problems: string[] = [];
  const live = await database.query<{
    table_schema: string;
    table_name: string;
    column_name: string;
    is_nullable: string;
    column_default: string | null;
    is_identity: string;
    is_generated: string;
  }>(
    `select table_schema, table_name, column_name, is_nullable, column_default, is_identity, is_generated
       from information_schema.columns
      where table_schema not in ('pg_catalog', 'information_schema', 'drizzle')`,
  );
  for (const table of Object.values(previous.tables)) {
    const schema = table.schema || 'public';
    const name = tableName(table);
    const columns = Object.keys(table.columns);
    try {
      await database.query(
        `select ${columns.map(quote).join(', ')} from ${quote(schema)}.${quote(table.name)} limit 0`,
      );
    } catch (error) {
      const present = new Set(
        live
          .filter((row) => row.table_schema === schema && row.table_name === table.name)
          .map((row) => row.column_name),
      );
      const missing = columns.filter((column) => !present.has(column));
      if (present.size === 0) problems.push(`drop table ${name}`);
      else if (missing.length > 0)
        for (const column of missing) problems.push(`drop column ${name}.${column}`);
      else problems.push(`cannot read ${name}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const row of live) {
      if (row.table_schema !== schema || row.table_name !== table.name) continue;
      const fillsItselfNow =
        row.is_nullable === 'YES' ||
        row.column_default !== null ||
        row.is_identity === 'YES' ||
        row.is_generated === 'ALWAYS';
      if (fillsItselfNow) continue;
      const known = table.columns[row.column_name];
      if (!known) problems.push(`add not null column without default ${name}.${row.column_name}`);
      else if (fillsItself(known)) problems.push(`set not null ${name}.${row.column_name}`);
    }
  }
  return problems.sort();
}
