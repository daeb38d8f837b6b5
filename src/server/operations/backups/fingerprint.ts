/**
 * A row count and content checksum per table, computed in SQL the same way on any database: md5 of
 * every row's text form, in primary-key order. Two databases with equal fingerprints hold the same
 * data; the restore drill and the restore command's summary use it.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';

export interface TableFingerprint {
  /** schema.table */
  table: string;
  rows: number;
  md5: string;
}

interface TableRow extends Record<string, unknown> {
  schema: string;
  name: string;
  order_by: string | null;
}

/** Every ordinary table outside the system schemas, with its primary-key columns as an ORDER BY list. */
const TABLES_SQL = `
  select n.nspname as schema, c.relname as name,
    (select string_agg(format('t.%I', a.attname), ', ' order by k.ordinality)
       from pg_index i
       cross join lateral unnest(i.indkey) with ordinality as k(attnum, ordinality)
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
      where i.indrelid = c.oid and i.indisprimary) as order_by
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
    and n.nspname not like 'pg\\_%'
  order by 1, 2`;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface TableRowCount {
  table: string;
  rows: number;
}

/** Row counts only: cheap enough to print after restoring a large database. */
export async function tableRowCounts(database: Database): Promise<TableRowCount[]> {
  const tables = await database.query<TableRow>(TABLES_SQL);
  const counts: TableRowCount[] = [];
  for (const table of tables) {
    const [row] = await database.query<{ rows: number }>(
      `select count(*)::int as rows from ${quoteIdent(table.schema)}.${quoteIdent(table.name)}`,
    );
    counts.push({ table: `${table.schema}.${table.name}`, rows: row?.rows ?? 0 });
  }
  return counts;
}

export async function tableFingerprints(database: Database): Promise<TableFingerprint[]> {
  return database.db.transaction(async (tx) => {
    // Row text includes timestamps, which render in the session's time zone: pin it.
    await tx.execute(sql.raw(`set local timezone = 'UTC'`));
    const tables = (await tx.execute(sql.raw(TABLES_SQL))) as unknown as { rows: TableRow[] };
    const fingerprints: TableFingerprint[] = [];
    for (const table of tables.rows) {
      const qualified = `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
      // Tables without a primary key are ordered by their whole row text.
      const orderBy = table.order_by ?? 't::text';
      const result = (await tx.execute(
        sql.raw(
          `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by ${orderBy}), '')) as md5 from ${qualified} t`,
        ),
      )) as unknown as { rows: { rows: number; md5: string }[] };
      const [summary] = result.rows;
      fingerprints.push({
        table: `${table.schema}.${table.name}`,
        rows: summary?.rows ?? 0,
        md5: summary?.md5 ?? '',
      });
    }
    return fingerprints;
  });
}
