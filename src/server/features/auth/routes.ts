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
import { requireUser } from '../../platform/auth-guard.ts';
import type { AuthOutcome, AuthService, RequestContext } from './service.ts';

const emptyBodySchema = z.strictObject({}).optional();

function contextOf(request: FastifyRequest): RequestContext {
  return { ip: request.ip, headers: request.headers };
}

function withCookies<T>(reply: FastifyReply, outcome: AuthOutcome<T>): T {
  if (outcome.cookies.length > 0) reply.header('set-cookie', outcome.cookies);
  // Responses that set or clear a session must never be cached by a proxy.
  reply.header('cache-control', 'no-store');
  return outcome.body;
}

/** Runs after a successful sign-up or sign-in, e.g. to claim this browser's anonymous results. */
export type OnSignedIn = (userId: string, request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export const authRoutes =
  (authService: AuthService, onSignedIn: OnSignedIn): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['auth'];

    app.get(
      '/api/session',
      { schema: { tags, summary: 'The signed-in user, or null', response: { 200: sessionResponseSchema } } },
      async (request, reply) => ({
        user: withCookies(reply, await authService.resolveSession(request.headers)),
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
        const outcome = await authService.signUp(request.body, contextOf(request));
        await onSignedIn(outcome.body.user.id, request, reply);
        return withCookies(reply, outcome);
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
        const outcome = await authService.signIn(request.body, contextOf(request));
        await onSignedIn(outcome.body.user.id, request, reply);
        return withCookies(reply, outcome);
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
      async (request, reply) => withCookies(reply, await authService.signOut(contextOf(request))),
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
        withCookies(reply, await authService.verifyEmail(request.body.token, contextOf(request))),
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
      async (request) => authService.resendVerificationEmail(requireUser(request.user), contextOf(request)),
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
      async (request) => authService.requestPasswordReset(request.body.email, contextOf(request)),
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
      async (request) => authService.resetPassword(request.body, contextOf(request)),
    );
  };
