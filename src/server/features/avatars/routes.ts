import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  reviewImportBodySchema,
  reviewImportResponseSchema,
} from '../../../core/workspace/avatar-contracts.ts';
import { itemIdParamsSchema } from '../../../core/workspace/items.ts';
import { TEXT_NOT_STORED } from '../../platform/input-guard.ts';
import { sendPdf } from '../../platform/pdf.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { AvatarService } from './service.ts';

export const avatarRoutes =
  (avatars: AvatarService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['avatars'];

    app.post(
      '/api/avatars/reviews/import',
      {
        // Nothing here is stored, and a binary file pasted as CSV is recognised (by its NUL bytes)
        // and explained by the import itself.
        config: { ...TEXT_NOT_STORED, ...TIER.write },
        schema: {
          tags,
          summary: 'Read reviews from pasted text or a CSV file’s text, ready for the avatar-voice analysis',
          body: reviewImportBodySchema,
          response: { 200: reviewImportResponseSchema },
        },
      },
      async (request) => {
        request.user;
        return avatars.importReviews(request.body);
      },
    );

    app.get(
      '/api/avatars/:itemId/pdf',
      {
        config: TIER.pdf,
        schema: { tags, summary: 'The avatar as a PDF report (download)', params: itemIdParamsSchema },
      },
      async (request, reply) => {
        return sendPdf(reply, await avatars.reportPdf(request.user.id, request.params.itemId));
      },
    );
  };
