import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  knowledgeSearchQuerySchema,
  knowledgeSearchResponseSchema,
} from '../../../core/knowledge/contracts.ts';
import { brandIdParamsSchema } from '../../../core/workspace/items.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { KnowledgeSearchService } from './service.ts';

export const knowledgeRoutes =
  (service: KnowledgeSearchService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/brands/:brandId/knowledge/search',
      {
        config: TIER.read,
        schema: {
          tags: ['knowledge'],
          summary:
            'Search everything the owner wrote for the brand (documents, canvas, worksheets, avatars, diagnostics): all words, best first, with snippets and links',
          params: brandIdParamsSchema,
          querystring: knowledgeSearchQuerySchema,
          response: { 200: knowledgeSearchResponseSchema },
        },
      },
      async (request) => ({
        hits: await service.search(request.user.id, request.params.brandId, request.query),
      }),
    );
  };
