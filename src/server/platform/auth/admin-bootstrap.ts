/**
 * `ADMIN_EMAILS`: the first admins of an installation (and of every end-to-end run, whose in-memory
 * database the `admin:grant` command cannot reach). A listed address is promoted only once it is
 * verified, so signing up with an address you don't own gets you nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema.ts';

export function isListedAdmin(adminEmails: readonly string[], email: string): boolean {
  return adminEmails.includes(email.trim().toLowerCase());
}

/**
 * Makes a verified, listed user an admin. True when the user is (now) an admin through the list;
 * false for anyone unlisted or unverified, whose role is left as it is.
 */
export async function promoteListedAdmin(
  database: Database,
  adminEmails: readonly string[],
  user: { id: string; email: string; emailVerified: boolean; role?: string | null | undefined },
): Promise<boolean> {
  if (!user.emailVerified || !isListedAdmin(adminEmails, user.email)) return false;
  if (user.role === 'admin') return true;
  // The row is checked again, not just the caller's copy of it: the address must still be this one.
  const updated = await database.db
    .update(users)
    .set({ role: 'admin' })
    .where(
      and(
        eq(users.id, user.id),
        eq(users.emailVerified, true),
        eq(sql`lower(${users.email})`, user.email.trim().toLowerCase()),
      ),
    )
    .returning({ id: users.id });
  return updated.length > 0;
}

/** Makes the user with this email (any case) an admin; false when there is no such user. */
export async function grantAdminRole(database: Database, email: string): Promise<boolean> {
  const updated = await database.db
    .update(users)
    .set({ role: 'admin' })
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .returning({ id: users.id });
  return updated.length > 0;
}
