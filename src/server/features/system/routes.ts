import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { systemStatusSchema } from '../../../core/system/contracts.ts';
import { requireAdmin } from '../../platform/auth-guard.ts';
import type { SystemService } from './service.ts';

export const systemRoutes =
  (system: SystemService): FastifyPluginAsyncZod =>
  async (app) => {
    // Admin-only; checked before validation so non-admins learn nothing about the route.
    app.addHook('preValidation', async (request, reply) => {
      requireAdmin(request.user);
      reply.header('cache-control', 'private, no-store');
    });

    app.get(
      '/api/admin/system',
      {
        schema: {
          tags: ['admin'],
          summary: 'Health, backups, jobs, the mail outbox and recent server errors',
          response: { 200: systemStatusSchema },
        },
      },
      async () => system.status(),
    );
  };
