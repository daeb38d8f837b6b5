/** Admin: finding users, one user's page, and the actions on an account (each one audited). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminSetRoleBodySchema,
  adminSetSignInBodySchema,
  adminUserActionResponseSchema,
  adminUserDetailSchema,
  adminUserListQuerySchema,
  adminUserListSchema,
  adminUserParamsSchema,
} from '../../../core/admin/user-contracts.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { AdminUsersService } from './service.ts';

export const adminUsersRoutes =
  (users: AdminUsersService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admin'];

    app.get(
      '/api/admin/users',
      {
        config: TIER.read,
        schema: {
          tags,
          summary:
            'Users, newest first: search by name or email, filter by role, verification, dates and state',
          querystring: adminUserListQuerySchema,
          response: { 200: adminUserListSchema },
        },
      },
      async (request) => users.list(request.query),
    );

    app.get(
      '/api/admin/users/:userId',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'One user: account state, brands, AI usage and current sessions',
          params: adminUserParamsSchema,
          response: { 200: adminUserDetailSchema },
        },
      },
      async (request) => users.detail(request.params.userId),
    );

    app.post(
      '/api/admin/users/:userId/role',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Grant or revoke the admin role (never the last admin)',
          params: adminUserParamsSchema,
          body: adminSetRoleBodySchema,
          response: { 200: adminUserActionResponseSchema },
        },
      },
      async (request) => ({
        user: await users.setRole(request.user.id, request.params.userId, request.body.role),
      }),
    );

    app.post(
      '/api/admin/users/:userId/sign-in',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Disable sign-in (every session ends at once) or enable it again',
          params: adminUserParamsSchema,
          body: adminSetSignInBodySchema,
          response: { 200: adminUserActionResponseSchema },
        },
      },
      async (request) => ({
        user: await users.setSignIn(request.user.id, request.params.userId, request.body.enabled),
      }),
    );

    app.post(
      '/api/admin/users/:userId/resend-verification',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Send the email verification link again to an unverified address',
          params: adminUserParamsSchema,
          response: { 200: adminUserActionResponseSchema },
        },
      },
      async (request) => ({ user: await users.resendVerification(request.user.id, request.params.userId) }),
    );
  };
