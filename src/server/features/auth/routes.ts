import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
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
import type { AuthService } from './service.ts';

const emptyBodySchema = z.strictObject({}).optional();

/** Runs after a successful sign-up or sign-in, e.g. to claim this browser's anonymous results. */
export type OnSignedIn = (userId: string, request: FastifyRequest, reply: FastifyReply) => Promise<void>;

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
      { schema: { tags, summary: 'The signed-in user, or null', response: { 200: sessionResponseSchema } } },
      async (request, reply) => ({
        user: sendWithCookies(reply, await resolveSession(request.headers)),
      }),
    );

    app.post(
      '/api/auth/sign-up',
      {
        schema: {
          tags,
          summary: 'Create an account and sign in',
          body: signUpBodySchema,
          response: { 200: userResponseSchema },
        },
      },
      async (request, reply) => {
        const outcome = await authService.signUp(request.body, authRequestOf(request));
        await onSignedIn(outcome.body.user.id, request, reply);
        return sendWithCookies(reply, outcome);
      },
    );

    app.post(
      '/api/auth/sign-in',
      {
        schema: {
          tags,
          summary: 'Sign in with email and password',
          body: signInBodySchema,
          response: { 200: userResponseSchema },
        },
      },
      async (request, reply) => {
        const outcome = await authService.signIn(request.body, authRequestOf(request));
        await onSignedIn(outcome.body.user.id, request, reply);
        return sendWithCookies(reply, outcome);
      },
    );

    app.post(
      '/api/auth/sign-out',
      {
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

    app.post(
      '/api/auth/send-verification-email',
      {
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
        schema: {
          tags,
          summary: 'Email a password-reset link (same answer whether or not the account exists)',
          body: requestPasswordResetBodySchema,
          response: { 200: okSchema },
        },
      },
      async (request) => authService.requestPasswordReset(request.body.email, authRequestOf(request)),
    );

    app.post(
      '/api/auth/reset-password',
      {
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
