/**
 * The signed token in every unsubscribe link: `<consent id>.<HMAC-SHA256>`. The key is derived from
 * AUTH_SECRET with a purpose string, so the auth secret itself signs nothing here and a signature made
 * for any other purpose never verifies as an unsubscribe token. The token names one consent record;
 * changing the id breaks the signature. It does not expire: an unsubscribe link must keep working.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { UNSUBSCRIBE_TOKEN_PATTERN } from '../../../core/email-consent/unsubscribe-token.ts';

const PURPOSE = 'ibc/email-unsubscribe/v1';

export interface UnsubscribeTokens {
  sign(consentId: string): string;
  /** The consent id a genuine token names, or null for anything forged, altered or malformed. */
  verify(token: string): string | null;
}

export function createUnsubscribeTokens(secret: string): UnsubscribeTokens {
  const key = createHmac('sha256', secret).update(PURPOSE).digest();
  const signatureOf = (consentId: string) =>
    createHmac('sha256', key).update(`unsubscribe:${consentId}`).digest();
  return {
    sign: (consentId) => `${consentId}.${signatureOf(consentId).toString('base64url')}`,
    verify(token) {
      if (!UNSUBSCRIBE_TOKEN_PATTERN.test(token)) return null;
      const [consentId = '', signature = ''] = token.split('.');
      // Compared as text: base64url decoding would also accept variants of the last character.
      const given = Buffer.from(signature, 'utf8');
      const expected = Buffer.from(signatureOf(consentId).toString('base64url'), 'utf8');
      // Constant time, so the signature cannot be guessed byte by byte from response times.
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      return consentId;
    },
  };
}
