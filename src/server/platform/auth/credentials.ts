/**
 * Checking a user's password outside a sign-in: before an account deletion, and to tell the owner of
 * an account pending deletion (and only them) why they cannot sign in. Uses better-auth's own hasher.
 */
import type { Database } from '../../db/client.ts';
import type { Auth } from './better-auth.ts';

/** True when `password` is the user's current password; false also when they have none. */
export async function verifyCredentialPassword(
  auth: Auth,
  database: Database,
  userId: string,
  password: string,
): Promise<boolean> {
  const [account] = await database.query<{ password: string | null }>(
    "select password from accounts where user_id = $1 and provider_id = 'credential' limit 1",
    [userId],
  );
  if (!account?.password) return false;
  const context = await auth.$context;
  return context.password.verify({ hash: account.password, password });
}
