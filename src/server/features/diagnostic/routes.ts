import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  altchaChallengeSchema,
  diagnosticHistoryQuerySchema,
  diagnosticHistoryResponseSchema,
  diagnosticResultResponseSchema,
  leadCaptureBodySchema,
  resultIdParamsSchema,
  submitDiagnosticBodySchema,
} from '../../../core/diagnostic/contracts.ts';
import type { AppConfig } from '../../config.ts';
import { requestCookie } from '../../platform/cookies.ts';
import { sendPdf } from '../../platform/pdf.ts';
import { TIER } from '../../platform/route-limits.ts';
import { DIAGNOSTIC_REPORT_FILE_NAME } from './report-pdf.ts';
import type { DiagnosticService, Requester } from './service.ts';

/** The browser's anonymous-results token. HttpOnly; sent to /api only (claiming happens at sign-in). */
export const ANONYMOUS_COOKIE = 'ibc.anon';
const ANONYMOUS_COOKIE_MAX_AGE = 90 * 24 * 60 * 60;

export function anonymousTokenOf(request: FastifyRequest): string | null {
  const token = requestCookie(request, ANONYMOUS_COOKIE);
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

export function clearAnonymousCookie(reply: FastifyReply, config: AppConfig): void {
  reply.clearCookie(ANONYMOUS_COOKIE, {
    path: '/api',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.auth.secureCookies,
  });
}

export const diagnosticRoutes =
  (diagnostic: DiagnosticService, config: AppConfig): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['diagnostic'];

    async function requesterOf(request: FastifyRequest): Promise<Requester> {
      // Public routes don't pass the guard, so resolve the (optional) session here.
      const session = await app.optionalUser(request);
      return { userId: session?.id ?? null, anonymousToken: anonymousTokenOf(request), ip: request.ip };
    }

    app.post(
      '/api/diagnostic/results',
      {
        config: TIER.public,
        schema: {
          tags,
          summary:
            'Submit answers; scores and stores the result (anonymous, or for the named brand of the signed-in user)',
          body: submitDiagnosticBodySchema,
          response: { 201: diagnosticResultResponseSchema },
        },
      },
      async (request, reply) => {
        const { result, issuedToken } = await diagnostic.submit(request.body, await requesterOf(request));
        if (issuedToken) {
          reply.setCookie(ANONYMOUS_COOKIE, issuedToken, {
            path: '/api',
            httpOnly: true,
            sameSite: 'lax',
            secure: config.auth.secureCookies,
            maxAge: ANONYMOUS_COOKIE_MAX_AGE,
          });
        }
        return reply.status(201).send({ result });
      },
    );

    app.get(
      '/api/diagnostic/results',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'One brand’s results, newest first (another user’s brand is a 404)',
          querystring: diagnosticHistoryQuerySchema,
          response: { 200: diagnosticHistoryResponseSchema },
        },
      },
      async (request) => ({ results: await diagnostic.history(request.user.id, request.query.brandId) }),
    );

    app.get(
      '/api/diagnostic/results/:id',
      {
        config: TIER.public,
        schema: {
          tags,
          summary: 'One result; only its owner (account or the browser that took it) can read it',
          params: resultIdParamsSchema,
          response: { 200: diagnosticResultResponseSchema },
        },
      },
      async (request) => {
        return { result: await diagnostic.get(request.params.id, await requesterOf(request)) };
      },
    );

    app.get(
      '/api/diagnostic/results/:id/report.pdf',
      {
        config: TIER.pdf,
        schema: { tags, summary: 'The result as a PDF report', params: resultIdParamsSchema },
      },
      async (request, reply) => {
        const pdf = await diagnostic.reportPdf(request.params.id, await requesterOf(request));
        return sendPdf(reply, { pdf, fileName: DIAGNOSTIC_REPORT_FILE_NAME });
      },
    );

    app.get(
      '/api/diagnostic/altcha-challenge',
      {
        config: TIER.public,
        schema: {
          tags,
          summary: 'A proof-of-work challenge for the report-by-email form',
          response: { 200: altchaChallengeSchema },
        },
      },
      async () => {
        return diagnostic.createChallenge();
      },
    );

    app.post(
      '/api/diagnostic/results/:id/lead',
      {
        config: TIER.public,
        schema: {
          tags,
          summary: 'Email the report to a consenting address (ALTCHA-protected, throttled)',
          params: resultIdParamsSchema,
          body: leadCaptureBodySchema,
          response: { 202: z.object({ ok: z.literal(true) }) },
        },
      },
      async (request, reply) => {
        await diagnostic.captureLead(request.params.id, request.body, await requesterOf(request));
        // Sent, deduplicated or honeypot: the caller always gets the same acknowledgement.
        return reply.status(202).send({ ok: true as const });
      },
    );
  };
