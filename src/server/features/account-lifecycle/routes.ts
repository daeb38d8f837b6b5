/**
 * The signed-in user's own account lifecycle: export everything as a ZIP, and delete the account.
 * Both act only on the session's user — there is no user id in the request to tamper with. Plus the
 * public operator contact, which the deleted-account page shows.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ACCOUNT_EXPORT_CONTENT_TYPE,
  ACCOUNT_EXPORT_PATH,
  accountDeletionRequestSchema,
  accountDeletionResponseSchema,
  contactResponseSchema,
} from '../../../core/account/lifecycle-contracts.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { AccountLifecycleService } from './service.ts';

export const accountLifecycleRoutes =
  (lifecycle: AccountLifecycleService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['account'];

    app.get(
      ACCOUNT_EXPORT_PATH,
      // The export also has a limit of its own (account-lifecycle service).
      {
        config: TIER.read,
        schema: { tags, summary: 'Everything the account owns, as a ZIP of JSON files and documents' },
      },
      async (request, reply) => {
        const user = request.user;
        const { filename, stream } = await lifecycle.exportAccount(user.id);
        return reply
          .type(ACCOUNT_EXPORT_CONTENT_TYPE)
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(stream);
      },
    );

    app.get(
      '/api/contact',
      {
        config: TIER.public,
        schema: {
          tags,
          summary: 'The operator’s contact address (public), e.g. to get a deleted account back',
          response: { 200: contactResponseSchema },
        },
      },
      async () => lifecycle.contact(),
    );

    app.post(
      '/api/account/deletion',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Delete the account: signs out everywhere now, purges the data after the grace period',
          body: accountDeletionRequestSchema,
          response: { 200: accountDeletionResponseSchema },
        },
      },
      async (request, reply) => {
        const user = request.user;
        const { purgeAfter, cookies } = await lifecycle.requestDeletion(user.id, request.body);
        reply.header('set-cookie', cookies);
        return { purgeAfter };
      },
    );
  };
