/** `GET /api/admin/audit-log`: read-only by design; nothing may change or remove an entry. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditLogPageSchema, auditLogQuerySchema } from '../../../core/admin/audit-contracts.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { AuditLog } from './service.ts';

export const auditLogRoutes =
  (auditLog: AuditLog): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/admin/audit-log',
      {
        config: TIER.read,
        schema: {
          tags: ['admin'],
          summary: 'Admin actions, newest first, filtered by actor, action, target and date range',
          querystring: auditLogQuerySchema,
          response: { 200: auditLogPageSchema },
        },
      },
      async (request) => auditLog.list(request.query),
    );
  };
