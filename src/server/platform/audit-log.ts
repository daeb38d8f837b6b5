/**
 * The admin audit log: one entry per admin action, with the state before and after. Features that
 * act as an admin get the one instance from `app.ts` and call `record` — inside their own transaction
 * when they have one, so the action and its entry commit or roll back together. Entries are never
 * updated or deleted (ADR 0052). It lives in `platform` because every admin feature records into it
 * and features never import each other; `features/audit-log` serves it to the admin console.
 */
import { and, desc, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import {
  AUDIT_NAME_MAX,
  AUDIT_TARGET_ID_MAX,
  type AuditEntry,
  type AuditLogPage,
  type AuditLogQuery,
} from '../../core/admin/audit-contracts.ts';
import type { Database, Db } from '../db/client.ts';
import { adminAuditLog, users } from '../db/schema.ts';
import { type Clock, systemClock } from './clock.ts';
import { daysBefore, deleteInBatches } from './data-lifecycle/batches.ts';
import type { RetentionRule } from './data-lifecycle/registry.ts';

/**
 * How long an entry is kept. Long enough to answer "who did this, and when?" about anything in the
 * last year; not forever, because entries name accounts and some carry an address (ADR 0052).
 */
export const AUDIT_LOG_RETENTION_DAYS = 365;

/** The retention job's rule for the audit log: the only way an entry is ever removed. */
export function auditLogRetentionRule(database: Database): RetentionRule {
  return {
    name: 'old:admin_audit_log',
    run: (now) =>
      deleteInBatches(
        database,
        'admin_audit_log',
        'created_at < $1::timestamptz',
        daysBefore(now, AUDIT_LOG_RETENTION_DAYS),
      ),
  };
}

export interface AuditLogEntryInput {
  /** The admin who acted. */
  actorId: string;
  /** What was done, as `area.verb` (e.g. `users.grant-admin`); filters match it exactly. */
  action: string;
  /** The kind of thing acted on (e.g. `user`, `feedback`). */
  targetType: string;
  targetId: string;
  /** The relevant state before and after; omit for actions that create or remove the whole thing. */
  before?: unknown;
  after?: unknown;
}

export type AuditLogFilters = Omit<AuditLogQuery, 'limit'> & { limit?: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkEntry(entry: AuditLogEntryInput): void {
  // Callers are our own features: a malformed entry is a programming error, caught by their tests.
  const problems = [
    UUID.test(entry.actorId) ? null : 'actorId must be a user id',
    entry.action && entry.action.length <= AUDIT_NAME_MAX ? null : 'action must be 1–100 characters',
    entry.targetType && entry.targetType.length <= AUDIT_NAME_MAX
      ? null
      : 'targetType must be 1–100 characters',
    entry.targetId && entry.targetId.length <= AUDIT_TARGET_ID_MAX
      ? null
      : 'targetId must be 1–200 characters',
  ].filter((problem) => problem !== null);
  if (problems.length > 0) throw new Error(`Invalid audit log entry: ${problems.join('; ')}`);
}

function encodeCursor(entry: { createdAt: Date; id: string }): string {
  return `${entry.createdAt.toISOString()}_${entry.id}`;
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const separator = cursor.lastIndexOf('_');
  return { createdAt: new Date(cursor.slice(0, separator)), id: cursor.slice(separator + 1) };
}

export function createAuditLog({ database, clock = systemClock }: { database: Database; clock?: Clock }) {
  return {
    /**
     * Appends one entry. Pass the caller's transaction as `db` to commit the entry with the action;
     * without it the entry is written on its own.
     */
    async record(entry: AuditLogEntryInput, db: Db = database.db): Promise<void> {
      checkEntry(entry);
      await db.insert(adminAuditLog).values({
        actorId: entry.actorId,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        before: entry.before ?? null,
        after: entry.after ?? null,
        // Milliseconds, as JavaScript dates carry them, so a page cursor names an entry's time exactly.
        createdAt: clock.now(),
      });
    },

    /** Entries newest first, filtered, one page at a time. */
    async list(filters: AuditLogFilters): Promise<AuditLogPage> {
      const limit = filters.limit ?? 50;
      const conditions: SQL[] = [];
      if (filters.actorId) conditions.push(eq(adminAuditLog.actorId, filters.actorId));
      if (filters.action) conditions.push(eq(adminAuditLog.action, filters.action));
      if (filters.targetType) conditions.push(eq(adminAuditLog.targetType, filters.targetType));
      if (filters.targetId) conditions.push(eq(adminAuditLog.targetId, filters.targetId));
      if (filters.from) conditions.push(gte(adminAuditLog.createdAt, new Date(filters.from)));
      if (filters.to) conditions.push(lte(adminAuditLog.createdAt, new Date(filters.to)));
      if (filters.cursor) {
        const after = decodeCursor(filters.cursor);
        const older = or(
          lt(adminAuditLog.createdAt, after.createdAt),
          and(eq(adminAuditLog.createdAt, after.createdAt), lt(adminAuditLog.id, after.id)),
        );
        if (older) conditions.push(older);
      }
      const rows = await database.db
        .select({
          id: adminAuditLog.id,
          actorId: adminAuditLog.actorId,
          actorEmail: users.email,
          action: adminAuditLog.action,
          targetType: adminAuditLog.targetType,
          targetId: adminAuditLog.targetId,
          before: adminAuditLog.before,
          after: adminAuditLog.after,
          createdAt: adminAuditLog.createdAt,
        })
        .from(adminAuditLog)
        .leftJoin(users, eq(users.id, adminAuditLog.actorId))
        .where(and(...conditions))
        .orderBy(desc(adminAuditLog.createdAt), desc(adminAuditLog.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const entries: AuditEntry[] = page.map((row) => ({
        ...row,
        actorEmail: row.actorEmail ?? null,
        createdAt: row.createdAt.toISOString(),
      }));
      return { entries, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
