/**
 * Worker thread of the password strength estimator (see password-policy.ts): scores one password at
 * a time with the same pure function the main thread would call.
 */
import { parentPort } from 'node:worker_threads';
import { assessPassword, type PasswordAssessment } from '../../../core/auth/password-strength.ts';

export interface PasswordRequest {
  id: number;
  password: string;
  userInputs: readonly string[];
}

export type PasswordReply = { id: number; assessment: PasswordAssessment } | { id: number; error: string };

parentPort?.on('message', (request: PasswordRequest) => {
  let reply: PasswordReply;
  try {
    reply = { id: request.id, assessment: assessPassword(request.password, request.userInputs) };
  } catch (error) {
    reply = {
      id: request.id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  parentPort?.postMessage(reply);
});
