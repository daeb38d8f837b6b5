import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { appliedMigrationCount, expectedMigrationCount } from '../db/migrate.ts';

const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({ database: z.boolean(), migrations: z.boolean() }),
});

/** Liveness and readiness probes; outside `/api`, unauthenticated, never cached, never load-shed. */
export const healthRoutes =
  (database: Database): FastifyPluginAsyncZod =>
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
