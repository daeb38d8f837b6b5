import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { aiTaskParamsSchema, aiTaskResponseSchema, aiUsageSchema } from '../../../core/ai/contracts.ts';
import type { AiEngine } from '../../ai/engine.ts';
import { quotaHeaders } from '../../ai/quota.ts';
import { TIER } from '../../platform/route-limits.ts';

export const aiTaskRoutes =
  (ai: AiEngine): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['ai'];

    app.get(
      '/api/ai/usage',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'Today’s AI requests: used, limit, remaining and when the count resets',
          response: { 200: aiUsageSchema },
        },
      },
      async (request) => {
        const usage = await ai.usage(request.user.id);
        return { ...usage, resetsAt: usage.resetsAt.toISOString() };
      },
    );

    app.post(
      '/api/ai/:task',
      {
        config: TIER.write,
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
        const result = await ai.runTask({
          task: request.params.task,
          userId: request.user.id,
          input: request.body,
        });
        reply.headers(quotaHeaders(result.quota));
        return { task: result.task, output: result.output, meta: result.meta };
      },
    );
  };
