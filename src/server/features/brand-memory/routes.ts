import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  brandMemoryListSchema,
  brandMemoryParamsSchema,
  brandMemoryResponseSchema,
  createBrandMemorySchema,
  updateBrandMemorySchema,
} from '../../../core/brand-memory/contracts.ts';
import { brandIdParamsSchema } from '../../../core/workspace/items.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { BrandMemoryService } from './service.ts';

export const brandMemoryRoutes =
  (memory: BrandMemoryService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['brand-memory'];

    app.get(
      '/api/brands/:brandId/memories',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'What the coach remembers about the brand: the facts its owner confirmed, oldest first',
          params: brandIdParamsSchema,
          response: { 200: brandMemoryListSchema },
        },
      },
      async (request) => memory.list(request.user.id, request.params.brandId),
    );

    app.post(
      '/api/brands/:brandId/memories',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Remember a fact about the brand (409 when it is already remembered or the brand is full)',
          params: brandIdParamsSchema,
          body: createBrandMemorySchema,
          response: { 201: brandMemoryResponseSchema },
        },
      },
      async (request, reply) => {
        const created = await memory.create(request.user.id, request.params.brandId, request.body);
        return reply.status(201).send({ memory: created });
      },
    );

    app.patch(
      '/api/brand-memories/:memoryId',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Edit a remembered fact',
          params: brandMemoryParamsSchema,
          body: updateBrandMemorySchema,
          response: { 200: brandMemoryResponseSchema },
        },
      },
      async (request) => ({
        memory: await memory.update(request.user.id, request.params.memoryId, request.body),
      }),
    );

    app.delete(
      '/api/brand-memories/:memoryId',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Forget a remembered fact (soft delete; purged after the retention period)',
          params: brandMemoryParamsSchema,
        },
      },
      async (request, reply) => {
        await memory.remove(request.user.id, request.params.memoryId);
        return reply.status(204).send();
      },
    );
  };
