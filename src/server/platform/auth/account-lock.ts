/**
 * Whether an account is locked: by a pending deletion, or by an admin who disabled its sign-in. The
 * account-lifecycle and admin-users features write the locks (`account_deletions`, `sign_in_blocks`);
 * sign-in, session creation and password reset read them here, so neither side imports the other.
 */
import type { Database } from '../../db/client.ts';

export async function isPendingDeletion(database: Database, userId: string): Promise<boolean> {
  const rows = await database.query('select 1 from account_deletions where user_id::text = $1', [userId]);
  return rows.length > 0;
}

export interface PendingDeletion {
  userId: string;
  /** When the account's data is purged; until then an admin can restore it. */
  purgeAfter: Date;
}

/** The pending deletion of the account with this sign-in email (stored lower-cased), if any. */
export async function pendingDeletionByEmail(
  database: Database,
  email: string,
): Promise<PendingDeletion | null> {
  const [row] = await database.query<{ user_id: string; purge_after: Date | string }>(
    `select d.user_id, d.purge_after from account_deletions d join users u on u.id = d.user_id
     where lower(u.email) = lower($1)`,
    [email],
  );
  return row ? { userId: row.user_id, purgeAfter: new Date(row.purge_after) } : null;
}

/** Whether an admin disabled the account's sign-in (`sign_in_blocks`). */
export async function isSignInDisabled(database: Database, userId: string): Promise<boolean> {
  const rows = await database.query('select 1 from sign_in_blocks where user_id::text = $1', [userId]);
  return rows.length > 0;
}

/** The id of the account with this sign-in email (stored lower-cased) when its sign-in is disabled. */
export async function signInDisabledByEmail(database: Database, email: string): Promise<string | null> {
  const [row] = await database.query<{ user_id: string }>(
    `select b.user_id from sign_in_blocks b join users u on u.id = b.user_id
     where lower(u.email) = lower($1)`,
    [email],
  );
  return row?.user_id ?? null;
}
