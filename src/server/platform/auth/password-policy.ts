import { Worker } from 'node:worker_threads';
import type { PasswordAssessment } from '../../../core/auth/password-strength.ts';
import { AppError } from '../errors.ts';
import type { PasswordReply, PasswordRequest } from './password-worker.ts';

/**
 * How long the estimator's thread is kept after its last answer: long enough for a person to retry
 * a refused password without waiting for it again. Its dictionaries are about 30 MB of heap (the
 * thread about 80 MB of RSS) and a check takes about 7 ms of CPU, for the few requests that set a
 * password (sign-up, reset, change); in a thread of their own they live while those come and are
 * gone when they stop, and the event loop never waits on them (ADR 0057). Starting it takes about
 * 0.3 s.
 */
export const ESTIMATOR_IDLE_MS = 10_000;

interface Waiting {
  resolve(assessment: PasswordAssessment): void;
  reject(error: Error): void;
}

/** The estimator's thread, started on demand and stopped after `idleMs` without a request. */
export function createPasswordEstimator(idleMs = ESTIMATOR_IDLE_MS) {
  let worker: Worker | null = null;
  let idleTimer: NodeJS.Timeout | undefined;
  let nextId = 0;
  const waiting = new Map<number, Waiting>();

  function failAll(error: Error) {
    for (const request of waiting.values()) request.reject(error);
    waiting.clear();
  }

  function stopWhenIdle() {
    clearTimeout(idleTimer);
    if (waiting.size > 0) return;
    idleTimer = setTimeout(() => {
      const idle = worker;
      worker = null;
      void idle?.terminate();
    }, idleMs);
    idleTimer.unref();
  }

  function start(): Worker {
    if (worker) return worker;
    const started = new Worker(new URL('./password-worker.ts', import.meta.url));
    // An idle thread must not keep the process (or a test run) alive.
    started.unref();
    started.on('message', (reply: PasswordReply) => {
      const request = waiting.get(reply.id);
      if (!request) return;
      waiting.delete(reply.id);
      if ('error' in reply) request.reject(new Error(`password estimator failed: ${reply.error}`));
      else request.resolve(reply.assessment);
      stopWhenIdle();
    });
    // Only the current thread's end fails what is waiting: one stopped when idle had nothing left,
    // and what came after it waits on its successor.
    const ended = (error: Error) => {
      if (worker !== started) return;
      worker = null;
      failAll(error);
    };
    started.on('error', ended);
    started.on('exit', (code) => ended(new Error(`password estimator exited with code ${code}`)));
    worker = started;
    return started;
  }

  return {
    estimate(password: string, userInputs: readonly string[]): Promise<PasswordAssessment> {
      clearTimeout(idleTimer);
      const thread = start();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        const request: PasswordRequest = { id, password, userInputs };
        thread.postMessage(request);
      });
    },
    /** Whether the thread (and its dictionaries) is alive. */
    running: () => worker !== null,
  };
}

const estimator = createPasswordEstimator();

/**
 * The password policy every route that sets a password enforces (sign-up, reset, change): a 400
 * WEAK_PASSWORD naming the unmet rules and zxcvbn's advice, on the given field. `userInputs` are the
 * user's name and email: the password may not contain them, and the estimator counts them as guessable.
 */
export async function assertStrongPassword(
  password: string,
  userInputs: readonly string[],
  field: string,
): Promise<void> {
  const assessment = await estimator.estimate(password, userInputs);
  if (assessment.acceptable) return;
  const unmet = assessment.rules.filter((rule) => !rule.met);
  const advice = [assessment.warning, ...assessment.suggestions].filter(Boolean).join(' ');
  const personal = unmet.some((rule) => rule.id === 'personal');
  throw new AppError(
    400,
    'WEAK_PASSWORD',
    personal
      ? 'Choose a password that doesn’t contain your name or email address.'
      : 'Choose a stronger password.',
    {
      details: [
        {
          path: field,
          message: [`Not met: ${unmet.map((rule) => rule.label).join('; ')}.`, advice]
            .filter(Boolean)
            .join(' '),
        },
      ],
    },
  );
}
