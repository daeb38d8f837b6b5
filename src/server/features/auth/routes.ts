import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  linkStatusQuerySchema,
  linkStatusResponseSchema,
  requestPasswordResetBodySchema,
  resetPasswordBodySchema,
  sessionResponseSchema,
  signInBodySchema,
  signUpBodySchema,
  userResponseSchema,
  verifyEmailBodySchema,
} from '../../../core/auth/contracts.ts';
import { okSchema } from '../../../core/http/envelope.ts';
import { authRequestOf, type SessionResolver, sendWithCookies } from '../../platform/auth/sessions.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { AuthService } from './service.ts';

const emptyBodySchema = z.strictObject({}).optional();

/**
 * Runs after a successful sign-up or sign-in, e.g. to claim this browser's anonymous results into
 * `activeBrandId`: the brand this browser had chosen (sign-in only; unchecked, may be stale or null).
 */
export type OnSignedIn = (
  userId: string,
  request: FastifyRequest,
  reply: FastifyReply,
  activeBrandId: string | null,
) => Promise<void>;

export const authRoutes =
  (
    authService: AuthService,
    resolveSession: SessionResolver,
    onSignedIn: OnSignedIn,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['auth'];

    app.get(
      '/api/session',
      {
        config: TIER.public,
        schema: { tags, summary: 'The signed-in user, or null', response: { 200: sessionResponseSchema } },
      },
      async (request, reply) => ({
        user: sendWithCookies(reply, await resolveSession(request.headers)),
      }),
    );

    app.post(
      '/api/auth/sign-up',
      {
        config: TIER.public,
        schema: {
          tags,
          summary: 'Create an account and sign in',
          body: signUpBodySchema,
          response: { 200: userResponseSchema },
        },
      },
      async (request, reply) => {
        const outcome = await authService.signUp(request.body, authRequestOf(request));
        await onSignedIn(outcome.body.user.id, request, reply, null);
        return sendWithCookies(reply, outcome);
      },
    );

    app.post(
      '/api/auth/sign-in',
      {
        config: TIER.public,
        schema: {
          tags,
          summary: 'Sign in with email and password',
          body: signInBodySchema,
          response: { 200: userResponseSchema },
        },
      },
      async (request, reply) => {
        const { brandId, ...credentials } = request.body;
        const outcome = await authService.signIn(credentials, authRequestOf(request));
        await onSignedIn(outcome.body.user.id, request, reply, brandId ?? null);
        return sendWithCookies(reply, outcome);
      },
    );

    app.post(
      '/api/auth/sign-out',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'End the current session',
          body: emptyBodySchema,
          response: { 200: okSchema },
        },
      },
      async (request, reply) => sendWithCookies(reply, await authService.signOut(authRequestOf(request))),
    );

    app.post(
      '/api/auth/verify-email',
      {
        config: TIER.public,
        schema: {
          tags,
          summary: 'Confirm an email address with the emailed token',
          body: verifyEmailBodySchema,
          response: { 200: okSchema },
        },
      },
      async (request, reply) =>
        sendWithCookies(reply, await authService.verifyEmail(request.body.token, authRequestOf(request))),
    );

    app.get(
      '/api/auth/verify-email/status',
      {
        config: TIER.public,
        schema: {
          tags,
          summary: 'Whether an email-verification link can still be used (valid, used, expired, invalid)',
          querystring: linkStatusQuerySchema,
          response: { 200: linkStatusResponseSchema },
        },
      },
      async (request) => authService.verificationLinkStatus(request.query.token, authRequestOf(request)),
    );

    app.post(
      '/api/auth/send-verification-email',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Email a new verification link to the signed-in user',
          body: emptyBodySchema,
          response: { 200: okSchema },
        },
      },
      async (request) => authService.resendVerificationEmail(request.user, authRequestOf(request)),
    );

    app.post(
      '/api/auth/request-password-reset',
      {
        config: TIER.public,
        schema: {
          tags,
          summary:
            'Queue a password-reset email (same answer, in the same time, whether or not the account exists)',
          body: requestPasswordResetBodySchema,
          response: { 200: okSchema },
        },
      },
      async (request) => authService.requestPasswordReset(request.body.email, authRequestOf(request)),
    );

    app.get(
      '/api/auth/reset-password/status',
      {
        config: TIER.public,
        schema: {
          tags,
          summary: 'Whether a password-reset link can still be used (valid, used, expired, revoked, invalid)',
          querystring: linkStatusQuerySchema,
          response: { 200: linkStatusResponseSchema },
        },
      },
      async (request) => authService.resetLinkStatus(request.query.token, authRequestOf(request)),
    );

    app.post(
      '/api/auth/reset-password',
      {
        config: TIER.public,
        schema: {
          tags,
          summary: 'Set a new password with the emailed token',
          body: resetPasswordBodySchema,
          response: { 200: okSchema },
        },
      },
      async (request) => authService.resetPassword(request.body, authRequestOf(request)),
    );
  };
