/**
 * The audit log the admin console reads. The implementation lives in `platform/audit-log.ts`, because
 * every admin feature records into it and features never import each other (ADR 0026): other features
 * take `type AuditLog` from there, and receive the one instance `app.ts` creates.
 */
export { type AuditLog, type AuditLogEntryInput, createAuditLog } from '../../platform/audit-log.ts';
