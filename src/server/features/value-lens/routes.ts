import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  valueLensGenerationResponseSchema,
  valueLensHistoryQuerySchema,
  valueLensHistoryResponseSchema,
  valueLensIdParamsSchema,
  valueLensRequestSchema,
} from '../../../core/value-lens/contracts.ts';
import { brandIdParamsSchema } from '../../../core/workspace/items.ts';
import { quotaHeaders } from '../../ai/quota.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { ValueLensService } from './service.ts';

export const valueLensRoutes =
  (valueLens: ValueLensService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['value-lens'];

    app.post(
      '/api/brands/:brandId/value-lens',
      {
        config: TIER.write,
        schema: {
          tags,
          summary:
            'Write copy for a format with the brand canvas and an avatar as context; stored in the history',
          params: brandIdParamsSchema,
          body: valueLensRequestSchema,
          response: { 201: valueLensGenerationResponseSchema },
        },
      },
      async (request, reply) => {
        const { generation, quota } = await valueLens.generate(
          request.user.id,
          request.params.brandId,
          request.body,
        );
        reply.headers(quotaHeaders(quota));
        return reply.status(201).send({ generation });
      },
    );

    app.get(
      '/api/brands/:brandId/value-lens',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'The brand’s Value Lens history, newest first, a page at a time',
          params: brandIdParamsSchema,
          querystring: valueLensHistoryQuerySchema,
          response: { 200: valueLensHistoryResponseSchema },
        },
      },
      async (request) => {
        return valueLens.history(request.user.id, request.params.brandId, request.query);
      },
    );

    app.delete(
      '/api/value-lens/:id',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Remove a generation from the history (soft)',
          params: valueLensIdParamsSchema,
        },
      },
      async (request, reply) => {
        await valueLens.remove(request.user.id, request.params.id);
        return reply.status(204).send();
      },
    );
  };
