/**
 * The admin audit log (`GET /api/admin/audit-log`): every admin action, who did it, to what, and the
 * state before and after. Append-only: there is no route that changes or removes an entry.
 */
import { z } from 'zod';
import { idParam, integerParam } from '../http/params.ts';

/** Longest action or target type name an entry may carry (`users.grant-admin`, `feedback`, …). */
export const AUDIT_NAME_MAX = 100;
/** Longest target id (usually a UUID; some targets are keys such as a prompt id). */
export const AUDIT_TARGET_ID_MAX = 200;
export const AUDIT_PAGE_SIZE_MAX = 100;

/**
 * Where the next page starts: the last entry's time and id, so paging is stable while new entries
 * arrive. Opaque to the client: it passes back `nextCursor` as given.
 */
const cursorSchema = z
  .string()
  .max(100)
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    'Must be a cursor from a previous page',
  );

export const auditLogQuerySchema = z
  .strictObject({
    actorId: idParam('The actor must be a user id (UUID)').optional(),
    action: z.string().trim().min(1).max(AUDIT_NAME_MAX).optional(),
    targetType: z.string().trim().min(1).max(AUDIT_NAME_MAX).optional(),
    targetId: z.string().trim().min(1).max(AUDIT_TARGET_ID_MAX).optional(),
    from: z.iso.datetime({ offset: true, error: 'Must be an ISO 8601 date and time' }).optional(),
    to: z.iso.datetime({ offset: true, error: 'Must be an ISO 8601 date and time' }).optional(),
    limit: integerParam({ max: AUDIT_PAGE_SIZE_MAX }).default(50),
    cursor: cursorSchema.optional(),
  })
  .refine((query) => !query.from || !query.to || new Date(query.from) <= new Date(query.to), {
    message: 'The start of the date range must not be after its end',
    path: ['from'],
  });
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  actorId: z.string(),
  /** The actor's current address; null once that account is gone (the id stays). */
  actorEmail: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.iso.datetime(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditLogPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type AuditLogPage = z.infer<typeof auditLogPageSchema>;
