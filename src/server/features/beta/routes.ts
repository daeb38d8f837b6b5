import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ADMIN_BETA_CSV_PATH,
  adminBetaSchema,
  betaStatusSchema,
  betaStepParamsSchema,
  joinBetaBodySchema,
  stepFeedbackBodySchema,
} from '../../../core/beta/contracts.ts';
import { attachmentDisposition } from '../../platform/pdf.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { BetaService } from './service.ts';

export const betaRoutes =
  (beta: BetaService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['beta'];

    app.get(
      '/api/beta',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'The signed-in user’s beta membership and journey (steps ticked from their real work)',
          response: { 200: betaStatusSchema },
        },
      },
      async (request) => beta.status(request.user.id),
    );

    app.post(
      '/api/beta/membership',
      {
        config: TIER.write,
        schema: {
          tags,
          summary:
            'Join the beta programme, agreeing to the words of `textVersion` (recorded with when and where)',
          body: joinBetaBodySchema,
          response: { 200: betaStatusSchema },
        },
      },
      async (request) => beta.join(request.user.id, request.body.textVersion),
    );

    app.delete(
      '/api/beta/membership',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Leave the beta programme (recorded; the account and its work are not touched)',
          response: { 200: betaStatusSchema },
        },
      },
      async (request) => beta.leave(request.user.id),
    );

    app.put(
      '/api/beta/steps/:step/feedback',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Answer a journey step’s short feedback prompt (replaces an earlier answer)',
          params: betaStepParamsSchema,
          body: stepFeedbackBodySchema,
          response: { 200: betaStatusSchema },
        },
      },
      async (request) => beta.saveStepFeedback(request.user.id, request.params.step, request.body),
    );

    app.get(
      '/api/admin/beta',
      {
        config: TIER.read,
        schema: {
          tags: ['admin'],
          summary: 'The beta cohort, the funnel of journey steps with drop-off, and recent step feedback',
          response: { 200: adminBetaSchema },
        },
      },
      async () => beta.adminOverview(),
    );

    app.get(
      ADMIN_BETA_CSV_PATH,
      {
        config: TIER.read,
        schema: {
          tags: ['admin'],
          summary: 'The beta cohort as CSV (UTF-8; formula-like cells start with an apostrophe; audited)',
        },
      },
      async (request, reply) => {
        const file = await beta.exportCsv(request.user.id);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachmentDisposition(file.fileName))
          .send(file.text);
      },
    );
  };
