import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { altchaChallengeSchema } from '../../../core/http/proof-of-work.ts';
import {
  createSurveyBodySchema,
  publicSurveyParamsSchema,
  publicSurveySchema,
  submitSurveyResponseBodySchema,
  submitSurveyResponseSchema,
  surveyDigestPreferenceSchema,
  surveyListSchema,
  surveyParamsSchema,
  surveyResponseSchema,
  surveyResultsSchema,
  updateSurveyBodySchema,
  updateSurveyDigestPreferenceSchema,
} from '../../../core/surveys/contracts.ts';
import { brandIdParamsSchema } from '../../../core/workspace/items.ts';
import type { AppConfig } from '../../config.ts';
import { requestCookie } from '../../platform/cookies.ts';
import { attachmentDisposition } from '../../platform/pdf.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { SurveyService } from './service.ts';

/**
 * The browser's respondent token: one answer per survey per browser. HttpOnly, and sent only to the
 * public survey routes; the server stores only a hash of it with each answer.
 */
export const RESPONDENT_COOKIE = 'ibc.respondent';
const RESPONDENT_COOKIE_PATH = '/api/public/surveys';
const RESPONDENT_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

function respondentTokenOf(request: FastifyRequest): string | null {
  const token = requestCookie(request, RESPONDENT_COOKIE);
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

function setRespondentCookie(reply: FastifyReply, token: string, config: AppConfig): void {
  reply.setCookie(RESPONDENT_COOKIE, token, {
    path: RESPONDENT_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: config.auth.secureCookies,
    maxAge: RESPONDENT_COOKIE_MAX_AGE,
  });
}

export const surveyRoutes =
  (surveys: SurveyService, config: AppConfig): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['surveys'];

    app.get(
      '/api/brands/:brandId/surveys',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'The brand’s surveys, newest first',
          params: brandIdParamsSchema,
          response: { 200: surveyListSchema },
        },
      },
      async (request) => ({ surveys: await surveys.list(request.user.id, request.params.brandId) }),
    );

    app.post(
      '/api/brands/:brandId/surveys',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Create a draft survey, blank or from a template',
          params: brandIdParamsSchema,
          body: createSurveyBodySchema,
          response: { 201: surveyResponseSchema },
        },
      },
      async (request, reply) => {
        const survey = await surveys.create(request.user.id, request.params.brandId, request.body);
        return reply.status(201).send({ survey });
      },
    );

    app.get(
      '/api/brands/:brandId/surveys/:surveyId',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'One survey',
          params: surveyParamsSchema,
          response: { 200: surveyResponseSchema },
        },
      },
      async (request) => {
        const { brandId, surveyId } = request.params;
        return { survey: await surveys.get(request.user.id, brandId, surveyId) };
      },
    );

    app.patch(
      '/api/brands/:brandId/surveys/:surveyId',
      {
        config: TIER.write,
        schema: {
          tags,
          summary:
            'Edit a survey: title, introduction, close date, cap, and (while a draft) the questions in their new order',
          params: surveyParamsSchema,
          body: updateSurveyBodySchema,
          response: { 200: surveyResponseSchema },
        },
      },
      async (request) => {
        const { brandId, surveyId } = request.params;
        return { survey: await surveys.update(request.user.id, brandId, surveyId, request.body) };
      },
    );

    app.delete(
      '/api/brands/:brandId/surveys/:surveyId',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Delete a survey and its answers (soft delete; purged after the retention period)',
          params: surveyParamsSchema,
        },
      },
      async (request, reply) => {
        const { brandId, surveyId } = request.params;
        await surveys.remove(request.user.id, brandId, surveyId);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/brands/:brandId/surveys/:surveyId/publish',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Open the public link (a draft, or a closed survey again)',
          params: surveyParamsSchema,
          response: { 200: surveyResponseSchema },
        },
      },
      async (request) => {
        const { brandId, surveyId } = request.params;
        return { survey: await surveys.publish(request.user.id, brandId, surveyId) };
      },
    );

    app.post(
      '/api/brands/:brandId/surveys/:surveyId/close',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Stop taking answers',
          params: surveyParamsSchema,
          response: { 200: surveyResponseSchema },
        },
      },
      async (request) => {
        const { brandId, surveyId } = request.params;
        return { survey: await surveys.close(request.user.id, brandId, surveyId) };
      },
    );

    app.get(
      '/api/brands/:brandId/surveys/:surveyId/results',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'Results per question: counts, averages, the NPS, and the newest text answers',
          params: surveyParamsSchema,
          response: { 200: surveyResultsSchema },
        },
      },
      async (request) => {
        const { brandId, surveyId } = request.params;
        return surveys.results(request.user.id, brandId, surveyId);
      },
    );

    app.get(
      '/api/brands/:brandId/surveys/:surveyId/responses.csv',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'Every answer as CSV (UTF-8; formula-like cells start with an apostrophe)',
          params: surveyParamsSchema,
        },
      },
      async (request, reply) => {
        const { brandId, surveyId } = request.params;
        const file = await surveys.exportCsv(request.user.id, brandId, surveyId);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachmentDisposition(file.fileName))
          .send(Readable.from(file.lines));
      },
    );

    app.get(
      '/api/surveys/digest',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'Whether the daily email about new survey answers is on',
          response: { 200: surveyDigestPreferenceSchema },
        },
      },
      async (request) => ({ enabled: await surveys.digestEnabled(request.user.id) }),
    );

    app.put(
      '/api/surveys/digest',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Turn the daily email about new survey answers on or off',
          body: updateSurveyDigestPreferenceSchema,
          response: { 200: surveyDigestPreferenceSchema },
        },
      },
      async (request) => ({ enabled: await surveys.setDigestEnabled(request.user.id, request.body.enabled) }),
    );

    app.get(
      '/api/public/surveys/:slug',
      {
        config: TIER.public,
        schema: {
          tags,
          summary: 'A published survey as its public link shows it (no account needed)',
          params: publicSurveyParamsSchema,
          response: { 200: publicSurveySchema },
        },
      },
      async (request) => ({
        survey: await surveys.publicSurvey(request.params.slug, respondentTokenOf(request)),
      }),
    );

    app.get(
      '/api/public/surveys/:slug/challenge',
      {
        config: TIER.public,
        schema: {
          tags,
          summary: 'A proof-of-work challenge for answering an open survey',
          params: publicSurveyParamsSchema,
          response: { 200: altchaChallengeSchema },
        },
      },
      async (request) => surveys.createChallenge(request.params.slug),
    );

    app.post(
      '/api/public/surveys/:slug/responses',
      {
        config: TIER.public,
        schema: {
          tags,
          summary: 'Answer a survey (once per browser; proof of work and per-IP limits)',
          params: publicSurveyParamsSchema,
          body: submitSurveyResponseBodySchema,
          response: { 201: submitSurveyResponseSchema },
        },
      },
      async (request, reply) => {
        const { issuedToken } = await surveys.submit(request.params.slug, request.body, {
          ip: request.ip,
          token: respondentTokenOf(request),
        });
        if (issuedToken) setRespondentCookie(reply, issuedToken, config);
        return reply.status(201).send({ ok: true as const, message: 'Thank you! Your answers were sent.' });
      },
    );
  };
