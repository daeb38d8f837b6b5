import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { brandIdParamsSchema } from '../../../core/workspace/items.ts';
import { sendPdf } from '../../platform/pdf.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { CanvasService } from './service.ts';

export const canvasRoutes =
  (canvas: CanvasService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/brands/:brandId/canvas/pdf',
      {
        config: TIER.pdf,
        schema: {
          tags: ['workspace'],
          summary: 'The brand canvas as a PDF',
          params: brandIdParamsSchema,
        },
      },
      async (request, reply) => {
        return sendPdf(reply, await canvas.pdf(request.user.id, request.params.brandId));
      },
    );
  };
