import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { appliedMigrationCount, expectedMigrationCount } from '../db/migrate.ts';

const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready', 'draining']),
  /** Absent while draining: nothing is checked then. */
  checks: z.object({ database: z.boolean(), migrations: z.boolean() }).optional(),
});

/**
 * Whether this process still wants traffic. A shutdown drains first (ADR 0045): /readyz fails so a
 * load balancer stops routing here, while the process keeps serving what it is sent until it closes.
 */
export interface Readiness {
  beginDrain(): void;
  isDraining(): boolean;
}

export function createReadiness(): Readiness {
  let draining = false;
  return {
    beginDrain: () => {
      draining = true;
    },
    isDraining: () => draining,
  };
}

/** Liveness and readiness probes; outside `/api`, unauthenticated, never cached, never load-shed. */
export const healthRoutes =
  (database: Database, readiness: Readiness): FastifyPluginAsyncZod =>
  async (app) => {
    const expected = expectedMigrationCount();
    // Liveness must stay green while the process is merely busy, or an orchestrator would kill it.
    const neverShed = { pressureHandler: () => undefined };

    app.get(
      '/healthz',
      { config: neverShed, schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } },
      async (_request, reply) => {
        reply.header('cache-control', 'no-store');
        return { status: 'ok' as const };
      },
    );

    app.get(
      '/readyz',
      { schema: { hide: true, response: { 200: readinessSchema, 503: readinessSchema } } },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        // Draining answers at once: the balancer should move away now, whatever the database says.
        if (readiness.isDraining()) return reply.status(503).send({ status: 'draining' });
        let databaseOk = false;
        let migrationsOk = false;
        try {
          await database.query('select 1');
          databaseOk = true;
          migrationsOk = (await appliedMigrationCount(database)) >= expected;
        } catch (error) {
          request.log.warn({ err: error }, 'readiness check failed');
        }
        const ready = databaseOk && migrationsOk;
        return reply.status(ready ? 200 : 503).send({
          status: ready ? 'ready' : 'not_ready',
          checks: { database: databaseOk, migrations: migrationsOk },
        });
      },
    );
  };
