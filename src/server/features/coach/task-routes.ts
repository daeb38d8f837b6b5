import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { aiTaskParamsSchema, aiTaskResponseSchema, aiUsageSchema } from '../../core/ai/contracts.ts';
import { requireUser } from '../platform/auth-guard.ts';
import { quotaHeaders } from './quota.ts';
import type { AiService } from './service.ts';

export const aiRoutes =
  (service: AiService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['ai'];

    app.get(
      '/api/ai/usage',
      {
        schema: {
          tags,
          summary: 'Today’s AI requests: used, limit, remaining and when the count resets',
          response: { 200: aiUsageSchema },
        },
      },
      async (request, reply) => {
        const usage = await service.usage(requireUser(request.user).id);
        reply.header('cache-control', 'private, no-store');
        return { ...usage, resetsAt: usage.resetsAt.toISOString() };
      },
    );

    app.post(
      '/api/ai/:task',
      {
        schema: {
          tags,
          summary: 'Run an AI coach task; the body is the task’s input (see the task contracts)',
          params: aiTaskParamsSchema,
          // Each task validates its own input in the service; here the body only has to be an object.
          body: z.record(z.string(), z.unknown()),
          response: { 200: aiTaskResponseSchema },
        },
      },
      async (request, reply) => {
        const result = await service.run(request.params.task, request.body, requireUser(request.user).id);
        reply.headers(quotaHeaders(result.quota));
        reply.header('cache-control', 'private, no-store');
        return { task: result.task, output: result.output, meta: result.meta };
      },
    );
  };
