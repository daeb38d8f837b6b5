/**
 * Whether an account is locked by a pending deletion. The account-lifecycle feature writes the lock
 * (`account_deletions`); sign-in, session creation and password reset read it here, so neither side
 * imports the other.
 */
import type { Database } from '../../db/client.ts';

export async function isPendingDeletion(database: Database, userId: string): Promise<boolean> {
  const rows = await database.query('select 1 from account_deletions where user_id::text = $1', [userId]);
  return rows.length > 0;
}

/** The same, by sign-in email (stored lower-cased). */
export async function isEmailPendingDeletion(database: Database, email: string): Promise<boolean> {
  const rows = await database.query(
    'select 1 from account_deletions d join users u on u.id = d.user_id where lower(u.email) = lower($1)',
    [email],
  );
  return rows.length > 0;
}
