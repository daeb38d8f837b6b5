import { describe, expect, it } from 'vitest';
import { createUnsubscribeTokens } from './tokens.ts';

const CONSENT = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const OTHER = '11111111-2222-4333-8444-555555555555';

describe('unsubscribe tokens', () => {
  const tokens = createUnsubscribeTokens('a-test-secret-of-at-least-32-characters!!');

  it('names the consent it was signed for', () => {
    const token = tokens.sign(CONSENT);
    expect(token).toMatch(new RegExp(`^${CONSENT}\\.[A-Za-z0-9_-]{43}$`));
    expect(tokens.verify(token)).toBe(CONSENT);
    expect(tokens.sign(CONSENT)).toBe(token);
  });

  it('rejects a signature moved to another consent, an altered one and malformed tokens', () => {
    const token = tokens.sign(CONSENT);
    const signature = token.split('.')[1] ?? '';
    expect(tokens.verify(`${OTHER}.${signature}`)).toBeNull();
    for (let index = 0; index < signature.length; index += 7) {
      const swapped = signature[index] === 'x' ? 'y' : 'x';
      const altered = `${signature.slice(0, index)}${swapped}${signature.slice(index + 1)}`;
      expect(tokens.verify(`${CONSENT}.${altered}`)).toBeNull();
    }
    // Base64url allows other spellings of the last character's unused bits; those are not ours either.
    const last = signature.at(-1) === 'A' ? 'B' : 'A';
    expect(tokens.verify(`${CONSENT}.${signature.slice(0, -1)}${last}`)).toBeNull();
    for (const malformed of [
      '',
      CONSENT,
      `${CONSENT}.`,
      `${CONSENT}.${signature}.x`,
      `${CONSENT.toUpperCase()}.${signature}`,
    ]) {
      expect(tokens.verify(malformed)).toBeNull();
    }
  });

  it('does not verify tokens signed with another secret', () => {
    const other = createUnsubscribeTokens('another-secret-of-at-least-32-characters');
    expect(tokens.verify(other.sign(CONSENT))).toBeNull();
  });
});
