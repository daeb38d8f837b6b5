/** `GET /api/legal` (public): the facts the /privacy, /terms and /contact pages state (ADR 0046). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { legalFactsSchema } from '../../../core/legal/contracts.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { LegalService } from './service.ts';

/** The facts change only when the server restarts with new settings; a few minutes' staleness is fine. */
const CACHE_CONTROL = 'public, max-age=300';

export const legalRoutes =
  (legal: LegalService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/legal',
      {
        config: TIER.public,
        schema: {
          tags: ['legal'],
          summary:
            'What this installation stores and for how long, the outside services it uses, and its operator',
          response: { 200: legalFactsSchema },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', CACHE_CONTROL);
        return legal.facts();
      },
    );
  };
