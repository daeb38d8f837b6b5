import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userResponseSchema } from '../../../core/auth/contracts.ts';
import {
  activeSessionListSchema,
  changeEmailBodySchema,
  changeEmailResponseSchema,
  changePasswordBodySchema,
  changePasswordResponseSchema,
  revokeSessionsResponseSchema,
  sessionIdParamsSchema,
  updateProfileBodySchema,
} from '../../../core/settings/contracts.ts';
import { authRequestOf, sendWithCookies } from '../../platform/auth/sessions.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { SettingsService } from './service.ts';

const emptyBodySchema = z.strictObject({}).optional();

export const settingsRoutes =
  (settings: SettingsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['settings'];

    app.patch(
      '/api/settings/profile',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Change the display name',
          body: updateProfileBodySchema,
          response: { 200: userResponseSchema },
        },
      },
      async (request, reply) =>
        sendWithCookies(
          reply,
          await settings.updateProfile(request.user, request.body, authRequestOf(request)),
        ),
    );

    app.post(
      '/api/settings/email',
      {
        config: TIER.write,
        schema: {
          tags,
          summary:
            'Change the email address: a link goes to the new one; the change happens when it is opened',
          body: changeEmailBodySchema,
          response: { 200: changeEmailResponseSchema },
        },
      },
      async (request) => settings.requestEmailChange(request.user, request.body, authRequestOf(request)),
    );

    app.post(
      '/api/settings/password',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Change the password (current password required), optionally signing out other devices',
          body: changePasswordBodySchema,
          response: { 200: changePasswordResponseSchema },
        },
      },
      async (request, reply) =>
        sendWithCookies(
          reply,
          await settings.changePassword(request.user, request.body, authRequestOf(request)),
        ),
    );

    app.get(
      '/api/settings/sessions',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'The account’s signed-in devices, this one first',
          response: { 200: activeSessionListSchema },
        },
      },
      async (request) => {
        return { sessions: await settings.listSessions(request.user, authRequestOf(request)) };
      },
    );

    app.delete(
      '/api/settings/sessions/:id',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Sign one device out (404 for a session that is not the caller’s)',
          params: sessionIdParamsSchema,
          response: { 200: revokeSessionsResponseSchema },
        },
      },
      async (request, reply) =>
        sendWithCookies(
          reply,
          await settings.revokeSession(request.user, request.params.id, authRequestOf(request)),
        ),
    );

    app.post(
      '/api/settings/sessions/revoke-others',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Sign every other device out',
          body: emptyBodySchema,
          response: { 200: revokeSessionsResponseSchema },
        },
      },
      async (request, reply) =>
        sendWithCookies(reply, await settings.revokeOtherSessions(request.user, authRequestOf(request))),
    );
  };
