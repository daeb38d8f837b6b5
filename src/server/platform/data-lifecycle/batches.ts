import type { Database } from '../../db/client.ts';
import { quoteIdentifier } from './tables.ts';

const BATCH_SIZE = 1000;

/**
 * Deletes the rows of `table` matching `condition` (`$1` is the cut-off time), batch by batch, so no
 * single statement holds locks on a large table for long. Returns how many rows went.
 */
export async function deleteInBatches(
  database: Database,
  table: string,
  condition: string,
  cutoff: Date,
): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await database.query<{ count: number }>(
      `with gone as (
         delete from ${quoteIdentifier(table)} where ctid in (
           select ctid from ${quoteIdentifier(table)} where ${condition} limit ${BATCH_SIZE})
         returning 1)
       select count(*)::int as count from gone`,
      [cutoff.toISOString()],
    );
    const count = row?.count ?? 0;
    total += count;
    if (count < BATCH_SIZE) return total;
  }
}

export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
