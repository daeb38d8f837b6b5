/**
 * Admission control: at most `maxConcurrent` API handlers run at once; the requests beyond wait in
 * arrival order, and one that has waited `maxWaitMs` is answered 503 OVERLOADED with Retry-After.
 * Without it, every request of a burst starts at once and each of its queries queues behind every
 * other request's in the pool, so a request's latency grows with its number of queries: at 1,000
 * connections an AI task (six queries) took four times as long as a page read (ADR 0054). With it,
 * a started request finishes at the speed of an unloaded server and waiting is fair.
 *
 * The slot is taken after the body is read and validated (`preHandler`: a slow upload holds none)
 * and given back when the handler's answer is sent (`onSend`, which also covers errors) — a
 * streamed answer (the coach's chat) gives it back when the stream starts, not when it ends — or
 * when the client goes away first.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface AdmissionOptions {
  maxConcurrent: number;
  maxWaitMs: number;
}

export interface Admission {
  /** Resolves with true when a slot is taken, false when the wait ran out. */
  acquire(): Promise<boolean>;
  release(): void;
  stats(): { running: number; waiting: number };
}

/** A counting semaphore with a FIFO queue and a bounded wait. */
export function createAdmission({ maxConcurrent, maxWaitMs }: AdmissionOptions): Admission {
  let running = 0;
  const waiting: Array<(admitted: boolean) => void> = [];
  return {
    acquire() {
      if (running < maxConcurrent && waiting.length === 0) {
        running += 1;
        return Promise.resolve(true);
      }
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          const index = waiting.indexOf(admit);
          if (index !== -1) waiting.splice(index, 1);
          resolve(false);
        }, maxWaitMs);
        const admit = (admitted: boolean) => {
          clearTimeout(timer);
          resolve(admitted);
        };
        waiting.push(admit);
      });
    },
    release() {
      const next = waiting.shift();
      // The slot passes straight to the next in line: `running` stays the same.
      if (next) next(true);
      else running = Math.max(0, running - 1);
    },
    stats: () => ({ running, waiting: waiting.length }),
  };
}

const ADMITTED = Symbol('admitted');
type AdmittedRequest = FastifyRequest & { [ADMITTED]?: boolean };

/** Gates every `/api` handler (health, metrics and static files are never held back). */
export function registerAdmission(app: FastifyInstance, options: AdmissionOptions): Admission {
  const admission = createAdmission(options);
  const retryAfterSeconds = String(Math.max(1, Math.ceil(options.maxWaitMs / 1000)));
  const release = (request: FastifyRequest) => {
    const admitted = request as AdmittedRequest;
    if (!admitted[ADMITTED]) return;
    admitted[ADMITTED] = false;
    admission.release();
  };
  app.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    if (!(await admission.acquire())) {
      reply.header('retry-after', retryAfterSeconds);
      throw Object.assign(new Error('Too many requests are waiting'), { statusCode: 503 });
    }
    (request as AdmittedRequest)[ADMITTED] = true;
    // The client may leave while the handler runs; the slot must come back either way.
    reply.raw.once('close', () => release(request));
  });
  app.addHook('onSend', (request, _reply, _payload, done) => {
    release(request);
    done();
  });
  return admission;
}
