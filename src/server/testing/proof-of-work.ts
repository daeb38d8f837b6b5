/**
 * A solved ALTCHA proof of work for a challenge the app hands out, encoded as the browser widget
 * sends it: what the public forms (the report by email, survey answers) require.
 */
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { AltchaChallenge } from '../../core/http/proof-of-work.ts';
import type { TestClient } from './harness.ts';

export async function solvedProofOfWork(client: TestClient, challengePath: string): Promise<string> {
  const response = await client.get<AltchaChallenge>(challengePath);
  if (response.status !== 200) throw new Error(`no challenge at ${challengePath}: ${response.status}`);
  const challenge = response.body;
  const solution = await solveChallenge({
    challenge: challenge as unknown as Parameters<typeof solveChallenge>[0]['challenge'],
    deriveKey,
  });
  if (!solution) throw new Error('could not solve the challenge');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}
