import { signJWT } from 'better-auth/crypto';
import { DEV_AUTH_SECRET } from '../../src/server/config.ts';

/**
 * The link a verification email would carry. The end-to-end server keeps its mail in an in-memory
 * outbox the tests cannot read, but it signs verification tokens with the development secret (the
 * Playwright config sets no AUTH_SECRET), so the test can issue the same token the email would hold.
 */
export async function verificationLink(email: string): Promise<string> {
  const token = await signJWT({ email: email.toLowerCase() }, DEV_AUTH_SECRET, 60 * 60);
  return `/auth/verify-email?token=${encodeURIComponent(token)}`;
}
