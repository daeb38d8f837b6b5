import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminBudgetSchema,
  adminCallListSchema,
  adminCallsQuerySchema,
  adminPromptListSchema,
  adminUsageQuerySchema,
  adminUsageSchema,
  createPromptVersionSchema,
  promptParamsSchema,
  promptPreviewSchema,
  promptVersionParamsSchema,
  promptVersionRefSchema,
} from '../../../core/ai/admin-contracts.ts';
import { aiTaskResponseSchema } from '../../../core/ai/contracts.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { AiAdminService } from './ai-admin.ts';

export const aiAdminRoutes =
  (admin: AiAdminService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admin'];

    app.get(
      '/api/admin/ai/usage',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'AI calls and spend per day, per task and top users',
          querystring: adminUsageQuerySchema,
          response: { 200: adminUsageSchema },
        },
      },
      async (request) => admin.usage(request.query.days),
    );

    app.get(
      '/api/admin/ai/budget',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'Spending caps, alert thresholds, this month’s spend and the alert history',
          response: { 200: adminBudgetSchema },
        },
      },
      async () => admin.budget(),
    );

    app.get(
      '/api/admin/ai/calls',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'The most recent AI calls from the ledger, with the prompt version each one used',
          querystring: adminCallsQuerySchema,
          response: { 200: adminCallListSchema },
        },
      },
      async (request) => ({ calls: await admin.recentCalls(request.query.limit, request.query.task) }),
    );

    app.get(
      '/api/admin/ai/prompts',
      {
        config: TIER.read,
        schema: { tags, summary: 'Every prompt with its versions', response: { 200: adminPromptListSchema } },
      },
      async () => ({ prompts: await admin.prompts() }),
    );

    app.post(
      '/api/admin/ai/prompts/:promptId/versions',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Save a new draft version of a prompt',
          params: promptParamsSchema,
          body: createPromptVersionSchema,
          response: { 201: promptVersionRefSchema },
        },
      },
      async (request, reply) => {
        const created = await admin.createDraft(request.params.promptId, request.body.body, request.user.id);
        return reply.status(201).send(created);
      },
    );

    app.post(
      '/api/admin/ai/prompts/:promptId/versions/:version/publish',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Publish a version (publishing an older one is a rollback); the current one is archived',
          params: promptVersionParamsSchema,
          response: { 200: promptVersionRefSchema },
        },
      },
      async (request) => admin.publish(request.params.promptId, request.params.version),
    );

    app.post(
      '/api/admin/ai/prompts/:promptId/preview',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Run the prompt’s task with one version of it, without quota or cache',
          params: promptParamsSchema,
          body: promptPreviewSchema,
          response: { 200: aiTaskResponseSchema },
        },
      },
      async (request) =>
        admin.preview(request.params.promptId, request.body.version, request.body.input, request.user.id),
    );
  };
