/**
 * Removes everything a user owns, then the user. Generic over the schema (see tables.ts): each table
 * with a `user_id` column is emptied of the user's rows, children before parents; rows owned through
 * a parent go with it by their cascading foreign key. Not one transaction — a heavy account would
 * hold locks for long — but idempotent: the `users` row goes last, so a purge cut short is simply
 * finished by the next run.
 */
import type { Database } from '../../db/client.ts';
import { childrenFirst, ownedTables, quoteIdentifier, schemaTables } from './tables.ts';

export interface PurgeResult {
  userId: string;
  /** Rows deleted per table (only tables that had some). */
  deleted: Record<string, number>;
}

export async function purgeUser(database: Database, userId: string): Promise<PurgeResult> {
  const tables = schemaTables();
  const direct = new Set(
    ownedTables(tables)
      .filter((owned) => owned.direct)
      .map((owned) => owned.table.name),
  );
  const deleted: Record<string, number> = {};
  for (const table of childrenFirst(tables)) {
    // The pending-deletion row must outlive everything else (it keeps the account locked), so it
    // goes last, with the user, by its cascade.
    if (!direct.has(table.name) || table.name === 'account_deletions') continue;
    const [row] = await database.query<{ count: number }>(
      `with gone as (delete from ${quoteIdentifier(table.name)} where user_id = $1 returning 1)
       select count(*)::int as count from gone`,
      [userId],
    );
    if (row && row.count > 0) deleted[table.name] = row.count;
  }
  const [user] = await database.query<{ count: number }>(
    'with gone as (delete from users where id = $1 returning 1) select count(*)::int as count from gone',
    [userId],
  );
  if (user && user.count > 0) deleted.users = user.count;
  return { userId, deleted };
}
