/** Admin: accounts pending deletion, and restoring one within its grace period. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  deletedAccountListSchema,
  restoreAccountParamsSchema,
  restoreAccountResponseSchema,
} from '../../../core/account/lifecycle-contracts.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { AccountLifecycleService } from './service.ts';

export const accountLifecycleAdminRoutes =
  (lifecycle: AccountLifecycleService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admin'];

    app.get(
      '/api/admin/users/deleted',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'Accounts pending deletion, soonest purge first',
          response: { 200: deletedAccountListSchema },
        },
      },
      async () => ({ accounts: await lifecycle.pendingDeletions() }),
    );

    app.post(
      '/api/admin/users/:userId/restore',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Restore an account pending deletion (within its grace period)',
          params: restoreAccountParamsSchema,
          response: { 200: restoreAccountResponseSchema },
        },
      },
      async (request) => lifecycle.restore(request.params.userId, request.user.id),
    );
  };
