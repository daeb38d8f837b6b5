import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userResponseSchema } from '../../../core/auth/contracts.ts';
import {
  activeSessionListSchema,
  changePasswordBodySchema,
  changePasswordResponseSchema,
  revokeSessionsResponseSchema,
  sessionIdParamsSchema,
  updateProfileBodySchema,
} from '../../../core/settings/contracts.ts';
import { requireUser } from '../../platform/auth-guard.ts';
import type { SettingsOutcome, SettingsRequest, SettingsService } from './service.ts';

const emptyBodySchema = z.strictObject({}).optional();

function requestOf(request: FastifyRequest): SettingsRequest {
  return {
    ip: request.ip,
    cookie: request.headers.cookie,
    userAgent: request.headers['user-agent'],
    origin: request.headers.origin,
  };
}

function withCookies<T>(reply: FastifyReply, outcome: SettingsOutcome<T>): T {
  if (outcome.cookies.length > 0) reply.header('set-cookie', outcome.cookies);
  // Account details and session cookies must never sit in a shared cache.
  reply.header('cache-control', 'no-store');
  return outcome.body;
}

export const settingsRoutes =
  (settings: SettingsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['settings'];

    app.patch(
      '/api/settings/profile',
      {
        schema: {
          tags,
          summary: 'Change the display name',
          body: updateProfileBodySchema,
          response: { 200: userResponseSchema },
        },
      },
      async (request, reply) =>
        withCookies(
          reply,
          await settings.updateProfile(requireUser(request.user), request.body, requestOf(request)),
        ),
    );

    app.post(
      '/api/settings/password',
      {
        schema: {
          tags,
          summary: 'Change the password (current password required), optionally signing out other devices',
          body: changePasswordBodySchema,
          response: { 200: changePasswordResponseSchema },
        },
      },
      async (request, reply) =>
        withCookies(
          reply,
          await settings.changePassword(requireUser(request.user), request.body, requestOf(request)),
        ),
    );

    app.get(
      '/api/settings/sessions',
      {
        schema: {
          tags,
          summary: 'The account’s signed-in devices, this one first',
          response: { 200: activeSessionListSchema },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-store');
        return { sessions: await settings.listSessions(requireUser(request.user), requestOf(request)) };
      },
    );

    app.delete(
      '/api/settings/sessions/:id',
      {
        schema: {
          tags,
          summary: 'Sign one device out (404 for a session that is not the caller’s)',
          params: sessionIdParamsSchema,
          response: { 200: revokeSessionsResponseSchema },
        },
      },
      async (request, reply) =>
        withCookies(
          reply,
          await settings.revokeSession(requireUser(request.user), request.params.id, requestOf(request)),
        ),
    );

    app.post(
      '/api/settings/sessions/revoke-others',
      {
        schema: {
          tags,
          summary: 'Sign every other device out',
          body: emptyBodySchema,
          response: { 200: revokeSessionsResponseSchema },
        },
      },
      async (request, reply) =>
        withCookies(reply, await settings.revokeOtherSessions(requireUser(request.user), requestOf(request))),
    );
  };
