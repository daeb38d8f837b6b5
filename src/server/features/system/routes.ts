import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { systemStatusSchema } from '../../../core/system/contracts.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { SystemService } from './service.ts';

export const systemRoutes =
  (system: SystemService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/admin/system',
      {
        config: TIER.read,
        schema: {
          tags: ['admin'],
          summary:
            'Health, backups, jobs and queue depth, the mail outbox, recent server errors, knowledge search mode and failed document extractions',
          response: { 200: systemStatusSchema },
        },
      },
      async () => system.status(),
    );
  };
