import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  aiRatingResponseSchema,
  feedbackItemResponseSchema,
  feedbackListQuerySchema,
  feedbackListSchema,
  feedbackParamsSchema,
  messageRatingsQuerySchema,
  messageRatingsSchema,
  rateAnswerBodySchema,
  ratingSummaryQuerySchema,
  ratingSummarySchema,
  replyToFeedbackBodySchema,
  updateFeedbackStatusBodySchema,
} from '../../../core/feedback/admin-contracts.ts';
import { submitFeedbackBodySchema, submitFeedbackResponseSchema } from '../../../core/feedback/contracts.ts';
import { altchaChallengeSchema } from '../../../core/http/proof-of-work.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { FeedbackService } from './service.ts';

export const feedbackRoutes =
  (service: FeedbackService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['feedback'];
    const adminTags = ['admin'];

    app.get(
      '/api/feedback/challenge',
      {
        config: TIER.public,
        schema: {
          tags,
          summary: 'A proof-of-work challenge for sending feedback without an account',
          response: { 200: altchaChallengeSchema },
        },
      },
      async () => service.createChallenge(),
    );

    app.post(
      '/api/feedback',
      {
        config: TIER.public,
        schema: {
          tags,
          summary:
            'Send feedback from any page (signed in; or anonymously with a solved proof of work). Limited per account and per IP address.',
          body: submitFeedbackBodySchema,
          response: { 201: submitFeedbackResponseSchema },
        },
      },
      async (request, reply) => {
        await service.submit(request.body, { user: await app.optionalUser(request), ip: request.ip });
        return reply.status(201).send({ ok: true as const, message: 'Thank you! Your feedback was sent.' });
      },
    );

    app.post(
      '/api/feedback/ratings',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Thumbs up or down, with an optional reason, on a coach answer or an AI task result',
          body: rateAnswerBodySchema,
          response: { 200: aiRatingResponseSchema },
        },
      },
      async (request) => ({ rating: await service.rate(request.user.id, request.body) }),
    );

    app.get(
      '/api/feedback/ratings/messages',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'Your ratings of the given coach answers (comma-separated message ids, at most 100)',
          querystring: messageRatingsQuerySchema,
          response: { 200: messageRatingsSchema },
        },
      },
      async (request) => service.messageRatings(request.user.id, request.query.messageIds),
    );

    app.get(
      '/api/admin/feedback',
      {
        config: TIER.read,
        schema: {
          tags: adminTags,
          summary: 'The feedback inbox, newest first, filtered by status, kind and words',
          querystring: feedbackListQuerySchema,
          response: { 200: feedbackListSchema },
        },
      },
      async (request) => service.list(request.query),
    );

    app.patch(
      '/api/admin/feedback/:feedbackId',
      {
        config: TIER.write,
        schema: {
          tags: adminTags,
          summary: 'Move feedback to new, triaged or done (audited)',
          params: feedbackParamsSchema,
          body: updateFeedbackStatusBodySchema,
          response: { 200: feedbackItemResponseSchema },
        },
      },
      async (request) => ({
        item: await service.setStatus(request.user.id, request.params.feedbackId, request.body.status),
      }),
    );

    app.post(
      '/api/admin/feedback/:feedbackId/replies',
      {
        config: TIER.write,
        schema: {
          tags: adminTags,
          summary: 'Reply to feedback by email (to the account’s address, else the contact address; audited)',
          params: feedbackParamsSchema,
          body: replyToFeedbackBodySchema,
          response: { 201: feedbackItemResponseSchema },
        },
      },
      async (request, reply) => {
        const item = await service.reply(request.user.id, request.params.feedbackId, request.body.message);
        return reply.status(201).send({ item });
      },
    );

    app.get(
      '/api/admin/feedback/ratings',
      {
        config: TIER.read,
        schema: {
          tags: adminTags,
          summary: 'Thumbs up and down per task and per prompt version and provider',
          querystring: ratingSummaryQuerySchema,
          response: { 200: ratingSummarySchema },
        },
      },
      async (request) => service.ratingSummary(request.query.days),
    );
  };
