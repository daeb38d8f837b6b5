/**
 * The state of the links we email (ADR 0028). better-auth issues them; this module makes them die when
 * they should and can say why a dead one is dead.
 *
 * - Password reset: better-auth keeps a row `reset-password:<token>` (value: the user id) in
 *   `verifications` and deletes it when the link is used. Using any link, or changing the password in
 *   Settings, revokes every other live link of the user (`revokeResetLinks`).
 * - Email verification: the token is a signed JWT, valid until it expires however often it is used, so
 *   a used one is recorded here (`markVerificationLinkUsed`).
 * - A spent link leaves a marker row `<kind>-spent:<sha256 of the token>` (value: `used` or `revoked`)
 *   that expires when the link would have, so the status check can say "already used" rather than
 *   "invalid". The token itself is never stored once spent, and never logged.
 *
 * Expiry follows the wall clock, as better-auth's own checks do.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { LinkStatus } from '../../../core/auth/contracts.ts';
import type { Database } from '../../db/client.ts';

const RESET_PREFIX = 'reset-password:';
const RESET_SPENT_PREFIX = 'reset-password-spent:';
const VERIFY_SPENT_PREFIX = 'verify-email-spent:';

type SpentReason = 'used' | 'revoked';

function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

async function spentReason(database: Database, identifier: string): Promise<SpentReason | null> {
  const [row] = await database.query<{ value: string }>(
    'select value from verifications where identifier = $1 limit 1',
    [identifier],
  );
  if (!row) return null;
  return row.value === 'revoked' ? 'revoked' : 'used';
}

async function recordSpent(
  database: Database,
  identifier: string,
  reason: SpentReason,
  expiresAt: Date,
): Promise<void> {
  await database.query(
    `insert into verifications (identifier, value, expires_at)
       select $1, $2, $3::timestamptz
       where not exists (select 1 from verifications where identifier = $1)`,
    [identifier, reason, expiresAt.toISOString()],
  );
}

// ---- Password reset links ----

export interface ResetLink {
  userId: string;
  expiresAt: Date;
}

/** The live or expired reset link behind `token`, if better-auth still holds it. */
async function findResetLink(database: Database, token: string): Promise<ResetLink | null> {
  const [row] = await database.query<{ value: string; expires_at: Date | string }>(
    'select value, expires_at from verifications where identifier = $1 limit 1',
    [`${RESET_PREFIX}${token}`],
  );
  return row ? { userId: row.value, expiresAt: new Date(row.expires_at) } : null;
}

export interface ResetLinkState {
  status: LinkStatus;
  /** Present while better-auth holds the link (valid or expired). */
  link: ResetLink | null;
}

export async function resetLinkState(
  database: Database,
  token: string,
  now = new Date(),
): Promise<ResetLinkState> {
  const link = await findResetLink(database, token);
  // Expired as better-auth decides it: `expiresAt < now`.
  if (link) return { status: link.expiresAt.getTime() < now.getTime() ? 'expired' : 'valid', link };
  const spent = await spentReason(database, `${RESET_SPENT_PREFIX}${tokenDigest(token)}`);
  return { status: spent ?? 'invalid', link: null };
}

/** Remembers that this link was used (better-auth has deleted its row), until it would have expired. */
export async function markResetLinkUsed(database: Database, token: string, expiresAt: Date): Promise<void> {
  await recordSpent(database, `${RESET_SPENT_PREFIX}${tokenDigest(token)}`, 'used', expiresAt);
}

/**
 * Revokes every live reset link of the user in one statement (each becomes a `revoked` marker), e.g.
 * because the password just changed. Returns how many were revoked.
 */
export async function revokeResetLinks(
  database: Database,
  userId: string,
  now = new Date(),
): Promise<number> {
  const rows = await database.query(
    `with revoked as (
       delete from verifications
       where identifier like $1 || '%' and value = $2 and expires_at >= $3::timestamptz
       returning identifier, expires_at)
     insert into verifications (identifier, value, expires_at)
       select $4 || encode(sha256(convert_to(substr(identifier, length($1) + 1), 'UTF8')), 'hex'),
         'revoked', expires_at
       from revoked
     returning id`,
    [RESET_PREFIX, userId, now.toISOString(), RESET_SPENT_PREFIX],
  );
  return rows.length;
}

// ---- Email verification links ----

const verificationClaimsSchema = z.object({
  email: z.string().min(3).max(254),
  /** Set on a change-of-address link: the new address, which the link proves belongs to the user. */
  updateTo: z.string().min(3).max(254).optional(),
  exp: z.number().int().positive(),
});

export interface VerificationLink {
  email: string;
  /** A change-of-address link: the address the account moves to when it is used. */
  updateTo: string | null;
  expiresAt: Date;
}

/**
 * The claims of a verification token signed with our secret (HS256, as better-auth signs them), or
 * null when it is not one of ours. Expiry is not checked here: an expired link is still ours.
 */
function readVerificationToken(token: string, secret: string): VerificationLink | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header = '', payload = '', signature = ''] = parts;
  try {
    const { alg } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown };
    if (alg !== 'HS256') return null;
    const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const claims = verificationClaimsSchema.safeParse(
      JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
    );
    if (!claims.success) return null;
    return {
      email: claims.data.email.toLowerCase(),
      updateTo: claims.data.updateTo?.toLowerCase() ?? null,
      expiresAt: new Date(claims.data.exp * 1000),
    };
  } catch {
    return null;
  }
}

export interface VerificationLinkState {
  status: LinkStatus;
  /** Present whenever the token is one of ours (even expired or used). */
  link: VerificationLink | null;
}

export async function verificationLinkState(
  database: Database,
  secret: string,
  token: string,
  now = new Date(),
): Promise<VerificationLinkState> {
  const link = readVerificationToken(token, secret);
  if (!link) return { status: 'invalid', link: null };
  // As jose (better-auth's verifier) decides: expired once `exp` is not after the current second.
  if (link.expiresAt.getTime() <= Math.floor(now.getTime() / 1000) * 1000) return { status: 'expired', link };
  if (await spentReason(database, `${VERIFY_SPENT_PREFIX}${tokenDigest(token)}`))
    return { status: 'used', link };
  const [user] = await database.query('select 1 from users where lower(email) = $1 limit 1', [link.email]);
  return { status: user ? 'valid' : 'invalid', link };
}

/** Makes a verification link single-use: remembered as used until it would have expired anyway. */
export async function markVerificationLinkUsed(
  database: Database,
  token: string,
  link: VerificationLink,
): Promise<void> {
  await recordSpent(database, `${VERIFY_SPENT_PREFIX}${tokenDigest(token)}`, 'used', link.expiresAt);
}
