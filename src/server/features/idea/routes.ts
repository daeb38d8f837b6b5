import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createInsightSnapshotBodySchema,
  insightSnapshotEmailResponseSchema,
  insightSnapshotIdParamsSchema,
  insightSnapshotListResponseSchema,
  insightSnapshotResponseSchema,
} from '../../../core/workspace/insight-snapshot.ts';
import { brandIdParamsSchema } from '../../../core/workspace/items.ts';
import { sendPdf } from '../../platform/pdf.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { IdeaService } from './service.ts';

export const ideaRoutes =
  (idea: IdeaService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['idea'];

    app.post(
      '/api/brands/:brandId/insight-snapshots',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Submit the Insight module: freezes the saved worksheet and assessment result',
          params: brandIdParamsSchema,
          body: createInsightSnapshotBodySchema,
          response: { 201: insightSnapshotResponseSchema },
        },
      },
      async (request, reply) => {
        const snapshot = await idea.create(request.user.id, request.params.brandId);
        return reply.status(201).send({ snapshot });
      },
    );

    app.get(
      '/api/brands/:brandId/insight-snapshots',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'The brand’s Insight snapshots, newest first',
          params: brandIdParamsSchema,
          response: { 200: insightSnapshotListResponseSchema },
        },
      },
      async (request) => {
        return { snapshots: await idea.list(request.user.id, request.params.brandId) };
      },
    );

    app.get(
      '/api/insight-snapshots/:snapshotId/pdf',
      {
        config: TIER.pdf,
        schema: { tags, summary: 'An Insight snapshot as a PDF', params: insightSnapshotIdParamsSchema },
      },
      async (request, reply) => {
        return sendPdf(reply, await idea.pdf(request.user.id, request.params.snapshotId));
      },
    );

    app.post(
      '/api/insight-snapshots/:snapshotId/email',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Email the snapshot PDF to the signed-in user’s own verified address (throttled)',
          params: insightSnapshotIdParamsSchema,
          body: createInsightSnapshotBodySchema,
          response: { 202: insightSnapshotEmailResponseSchema },
        },
      },
      async (request, reply) => {
        const result = await idea.email(request.user, request.params.snapshotId);
        return reply.status(202).send(result);
      },
    );
  };
