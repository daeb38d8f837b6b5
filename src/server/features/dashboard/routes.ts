import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { brandIdParamsSchema } from '../../../core/workspace/items.ts';
import { brandProgressResponseSchema } from '../../../core/workspace/progress.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { DashboardService } from './service.ts';

export const dashboardRoutes =
  (dashboard: DashboardService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/brands/:brandId/progress',
      {
        config: TIER.read,
        schema: {
          tags: ['dashboard'],
          summary: 'Progress per IDEA module, canvas completion, avatars and the recommended next step',
          params: brandIdParamsSchema,
          response: { 200: brandProgressResponseSchema },
        },
      },
      async (request) => ({
        progress: await dashboard.progress(request.user.id, request.params.brandId),
      }),
    );
  };
