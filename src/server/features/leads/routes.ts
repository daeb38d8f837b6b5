import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ADMIN_LEADS_CSV_PATH,
  adminLeadListSchema,
  deleteLeadResponseSchema,
  leadParamsSchema,
} from '../../../core/diagnostic/lead-admin-contracts.ts';
import { attachmentDisposition } from '../../platform/pdf.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { LeadsService } from './service.ts';

export const leadsAdminRoutes =
  (leadsService: LeadsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admin'];

    app.get(
      '/api/admin/leads',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'Report-by-email leads, newest first: consent words and time, source result, status',
          response: { 200: adminLeadListSchema },
        },
      },
      async () => leadsService.list(),
    );

    app.get(
      ADMIN_LEADS_CSV_PATH,
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'Every lead as CSV (UTF-8; formula-like cells start with an apostrophe; audited)',
        },
      },
      async (request, reply) => {
        const file = await leadsService.exportCsv(request.user.id);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachmentDisposition(file.fileName))
          .send(file.text);
      },
    );

    app.delete(
      '/api/admin/leads/:leadId',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Delete a lead on its person’s request, with the consent records given with it (audited)',
          params: leadParamsSchema,
          response: { 200: deleteLeadResponseSchema },
        },
      },
      async (request) => leadsService.remove(request.user.id, request.params.leadId),
    );
  };
