/**
 * Self-hosted ALTCHA proof-of-work: we issue signed challenges and verify solutions ourselves (no third
 * party). A solved challenge is spent in the database, so one solution cannot be replayed. Shared by
 * the public forms that store something: the diagnostic's report-by-email form and survey answers.
 */
import { createHash, randomInt } from 'node:crypto';
import { createChallenge, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { AltchaChallenge } from '../../core/http/proof-of-work.ts';
import type { Database } from '../db/client.ts';

const ALGORITHM = 'PBKDF2/SHA-256';
const CHALLENGE_TTL_MS = 10 * 60 * 1000;

export interface ProofOfWork {
  createChallenge(): Promise<AltchaChallenge>;
  /** True only for a valid, unexpired, never-used solution. */
  verifyAndSpend(payload: string): Promise<boolean>;
}

interface Payload {
  challenge: Parameters<typeof verifySolution>[0]['challenge'];
  solution: Parameters<typeof verifySolution>[0]['solution'];
}

function decodePayload(payload: string): Payload | null {
  try {
    const decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Partial<Payload>;
    if (!decoded?.challenge?.parameters || !decoded.solution || typeof decoded.solution.counter !== 'number')
      return null;
    return decoded as Payload;
  } catch {
    return null;
  }
}

export function createProofOfWork(options: {
  secret: string;
  cost: number;
  maxCounter: number;
  database: Database;
}): ProofOfWork {
  // Derived so the auth secret itself never signs anything outside auth.
  const hmacSecret = createHash('sha256').update(`altcha:${options.secret}`).digest('hex');
  const hmacKeySecret = createHash('sha256').update(`altcha-key:${options.secret}`).digest('hex');

  return {
    async createChallenge() {
      const challenge = await createChallenge({
        algorithm: ALGORITHM,
        cost: options.cost,
        counter: randomInt(Math.ceil(options.maxCounter / 2), options.maxCounter + 1),
        deriveKey,
        expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
        hmacSignatureSecret: hmacSecret,
        hmacKeySignatureSecret: hmacKeySecret,
      });
      return {
        parameters: { ...challenge.parameters },
        ...(challenge.signature ? { signature: challenge.signature } : {}),
      };
    },

    async verifyAndSpend(payload) {
      const decoded = decodePayload(payload);
      if (!decoded?.challenge.signature) return false;
      const result = await verifySolution({
        challenge: decoded.challenge,
        solution: decoded.solution,
        deriveKey,
        hmacSignatureSecret: hmacSecret,
        hmacKeySignatureSecret: hmacKeySecret,
      }).catch(() => null);
      if (!result?.verified) return false;
      const expiresAt = new Date(
        decoded.challenge.parameters.expiresAt
          ? decoded.challenge.parameters.expiresAt * 1000
          : Date.now() + CHALLENGE_TTL_MS,
      );
      const spent = await options.database.query<{ signature: string }>(
        'insert into spent_challenges (signature, expires_at) values ($1, $2) on conflict do nothing returning signature',
        [decoded.challenge.signature, expiresAt],
      );
      return spent.length === 1;
    },
  };
}
