/** A worker for worker-thread.test.ts: echoes, reports an error, or exits, as asked. */
import { parentPort } from 'node:worker_threads';

export type FixtureRequest =
  | { id: number; say: string }
  | { id: number; fail: string }
  | { id: number; exit: number };
export type FixtureReply = { id: number; said: string } | { id: number; error: string };

parentPort?.on('message', (request: FixtureRequest) => {
  if ('exit' in request) process.exit(request.exit);
  const reply: FixtureReply =
    'fail' in request ? { id: request.id, error: request.fail } : { id: request.id, said: request.say };
  parentPort?.postMessage(reply);
});
