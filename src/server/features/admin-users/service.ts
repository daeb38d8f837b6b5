/**
 * The admin console's Users area: finding accounts, one account's page, and the actions on it. Every
 * action writes its audit entry in the transaction that makes the change, and refuses the changes
 * that would lock the operator out: removing the last admin, or an admin disabling their own sign-in.
 */
import { and, desc, eq, gt } from 'drizzle-orm';
import type {
  AdminUserDetail,
  AdminUserList,
  AdminUserListQuery,
  AdminUserSummary,
} from '../../../core/admin/user-contracts.ts';
import type { BetaStatus } from '../../../core/beta/contracts.ts';
import { maskIpAddress, summariseUserAgent } from '../../../core/settings/devices.ts';
import type { Database, Db } from '../../db/client.ts';
import { sessions, signInBlocks, users } from '../../db/schema.ts';
import type { AuditLog } from '../../platform/audit-log.ts';
import type { Auth } from '../../platform/auth/better-auth.ts';
import type { SessionCache } from '../../platform/auth/session-cache.ts';
import { type Clock, DAY_MS } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';

/** The AI usage window on a user's page. */
const USAGE_DAYS = 30;

interface SummaryRow extends Record<string, unknown> {
  id: string;
  name: string;
  email: string;
  role: string;
  email_verified: boolean;
  created_at: Date | string;
  last_active_at: Date | string | null;
  purge_after: Date | string | null;
  sign_in_disabled: boolean;
  total?: number | string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function toSummary(row: SummaryRow): AdminUserSummary {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role === 'admin' ? 'admin' : 'user',
    emailVerified: row.email_verified,
    createdAt: iso(row.created_at),
    lastActiveAt: row.last_active_at === null ? null : iso(row.last_active_at),
    pendingDeletionPurgeAfter: row.purge_after === null ? null : iso(row.purge_after),
    signInDisabled: row.sign_in_disabled,
  };
}

/** Users with what the list and every action show about them; conditions use `$n` placeholders. */
const SUMMARY_SELECT = `
  select u.id, u.name, u.email, u.role, u.email_verified, u.created_at,
         activity.last_active_at, d.purge_after, (b.user_id is not null) as sign_in_disabled
  from users u
  left join lateral (
    select max(s.updated_at) as last_active_at from sessions s where s.user_id = u.id
  ) activity on true
  left join account_deletions d on d.user_id = u.id
  left join sign_in_blocks b on b.user_id = u.id`;

/** `%` and `_` typed in the search box are literal characters, not wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

const notFound = () => new AppError(404, 'NOT_FOUND', 'No account with this id exists.');

export interface AdminUsersDeps {
  database: Database;
  auth: Auth;
  auditLog: Pick<AuditLog, 'record'>;
  /** Forgets a user's cached sessions, so this instance acts on a change at once (ADR 0044). */
  sessionCache: Pick<SessionCache, 'forgetUser'>;
  clock: Clock;
  /** The user's beta programme membership and journey (the beta feature owns how it is derived). */
  betaProgress: (userId: string) => Promise<BetaStatus>;
}

export function createAdminUsersService({
  database,
  auth,
  auditLog,
  sessionCache,
  clock,
  betaProgress,
}: AdminUsersDeps) {
  const { db } = database;

  async function summary(userId: string): Promise<AdminUserSummary> {
    const [row] = await database.query<SummaryRow>(`${SUMMARY_SELECT} where u.id = $1`, [userId]);
    if (!row) throw notFound();
    return toSummary(row);
  }

  /** Locks the user's row for the rest of the transaction; 404 when there is none. */
  async function lockUser(tx: Db, userId: string) {
    const [row] = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!row) throw notFound();
    return row;
  }

  return {
    async list(query: AdminUserListQuery): Promise<AdminUserList> {
      const conditions: string[] = [];
      const params: unknown[] = [];
      const param = (value: unknown) => {
        params.push(value);
        return `$${params.length}`;
      };
      if (query.q) {
        const pattern = param(`%${escapeLike(query.q)}%`);
        conditions.push(`(u.email ilike ${pattern} or u.name ilike ${pattern})`);
      }
      if (query.role) conditions.push(`u.role = ${param(query.role)}`);
      if (query.verified !== undefined) conditions.push(`u.email_verified = ${param(query.verified)}`);
      if (query.pendingDeletion !== undefined)
        conditions.push(`d.user_id is ${query.pendingDeletion ? 'not null' : 'null'}`);
      if (query.disabled !== undefined)
        conditions.push(`b.user_id is ${query.disabled ? 'not null' : 'null'}`);
      if (query.createdFrom) conditions.push(`u.created_at >= ${param(query.createdFrom)}::timestamptz`);
      if (query.createdTo) conditions.push(`u.created_at <= ${param(query.createdTo)}::timestamptz`);
      if (query.activeFrom)
        conditions.push(`activity.last_active_at >= ${param(query.activeFrom)}::timestamptz`);
      if (query.activeTo) conditions.push(`activity.last_active_at <= ${param(query.activeTo)}::timestamptz`);
      const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
      const filterParams = [...params];
      const rows = await database.query<SummaryRow>(
        `select *, count(*) over () as total from (${SUMMARY_SELECT} ${where}) matched
         order by created_at desc, id desc limit ${param(query.limit)} offset ${param(query.offset)}`,
        params,
      );
      let total = Number(rows[0]?.total ?? 0);
      if (rows.length === 0 && query.offset > 0) {
        // Past the last page: still say how many match.
        const [count] = await database.query<{ total: number | string }>(
          `select count(*) as total from (${SUMMARY_SELECT} ${where}) matched`,
          filterParams,
        );
        total = Number(count?.total ?? 0);
      }
      return { users: rows.map(toSummary), total };
    },

    async detail(userId: string): Promise<AdminUserDetail> {
      const user = await summary(userId);
      const now = clock.now();
      const month = now.toISOString().slice(0, 7);
      const brandRows = await database.query<{
        id: string;
        name: string;
        is_default: boolean;
        created_at: Date | string;
        deleted_at: Date | string | null;
        items: number | string;
      }>(
        `select b.id, b.name, b.is_default, b.created_at, b.deleted_at,
                (select count(*) from workspace_items i where i.brand_id = b.id and i.deleted_at is null) as items
         from brands b where b.user_id = $1 order by b.created_at`,
        [userId],
      );
      const [usage] = await database.query<{ calls: number | string; cost: number | string | null }>(
        `select count(*) as calls, sum(cost_micros) as cost from ai_calls
         where user_id = $1 and created_at >= $2::timestamptz`,
        [userId, new Date(now.getTime() - USAGE_DAYS * DAY_MS).toISOString()],
      );
      const [spend] = await database.query<{ spent: number | string }>(
        'select spent_micros as spent from ai_spend where user_id = $1 and month = $2',
        [userId, month],
      );
      const sessionRows = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
        .orderBy(desc(sessions.updatedAt));
      const beta = await betaProgress(userId);
      return {
        user,
        beta,
        brands: brandRows.map((row) => ({
          id: row.id,
          name: row.name,
          isDefault: row.is_default,
          items: Number(row.items),
          createdAt: iso(row.created_at),
          deletedAt: row.deleted_at === null ? null : iso(row.deleted_at),
        })),
        usage: {
          days: USAGE_DAYS,
          calls: Number(usage?.calls ?? 0),
          costMicros: Number(usage?.cost ?? 0),
          monthSpentMicros: Number(spend?.spent ?? 0),
        },
        sessions: sessionRows.map((row) => {
          const device = summariseUserAgent(row.userAgent);
          return {
            id: row.id,
            device: device.label,
            deviceKind: device.kind,
            network: maskIpAddress(row.ipAddress),
            signedInAt: row.createdAt.toISOString(),
            lastActiveAt: row.updatedAt.toISOString(),
            expiresAt: row.expiresAt.toISOString(),
          };
        }),
      };
    },

    /**
     * Grants or revokes the admin role. The admins are locked while counting, so two admins demoting
     * each other at once cannot leave none.
     */
    async setRole(actorId: string, userId: string, role: 'user' | 'admin'): Promise<AdminUserSummary> {
      await db.transaction(async (tx) => {
        if (role === 'user') {
          const admins = await tx
            .select({ id: users.id })
            .from(users)
            .where(eq(users.role, 'admin'))
            .orderBy(users.id)
            .for('update');
          if (admins.length <= 1 && admins.some((admin) => admin.id === userId)) {
            throw new AppError(
              409,
              'CONFLICT',
              userId === actorId
                ? 'You are the only admin: grant the role to someone else before giving up your own.'
                : 'This is the only admin; there must always be at least one.',
            );
          }
        }
        const target = await lockUser(tx, userId);
        if (target.role === role) return;
        await tx.update(users).set({ role }).where(eq(users.id, userId));
        await auditLog.record(
          {
            actorId,
            action: role === 'admin' ? 'users.grant-admin' : 'users.revoke-admin',
            targetType: 'user',
            targetId: userId,
            before: { role: target.role },
            after: { role },
          },
          tx,
        );
      });
      // The role is read with the session: this instance sees the change at once, others within 5 s.
      sessionCache.forgetUser(userId);
      return summary(userId);
    },

    /**
     * Disables sign-in (and ends every session of the account in the same transaction) or enables it
     * again. An admin cannot disable their own sign-in: nobody might be left to undo it.
     */
    async setSignIn(actorId: string, userId: string, enabled: boolean): Promise<AdminUserSummary> {
      if (!enabled && userId === actorId) {
        throw new AppError(409, 'CONFLICT', 'You cannot disable your own sign-in.');
      }
      await db.transaction(async (tx) => {
        await lockUser(tx, userId);
        const [block] = await tx.select().from(signInBlocks).where(eq(signInBlocks.userId, userId));
        if (enabled === !block) return;
        let sessionsEnded = 0;
        if (enabled) {
          await tx.delete(signInBlocks).where(eq(signInBlocks.userId, userId));
        } else {
          await tx.insert(signInBlocks).values({ userId, createdAt: clock.now() });
          const ended = await tx
            .delete(sessions)
            .where(eq(sessions.userId, userId))
            .returning({ id: sessions.id });
          sessionsEnded = ended.length;
        }
        await auditLog.record(
          {
            actorId,
            action: enabled ? 'users.enable-sign-in' : 'users.disable-sign-in',
            targetType: 'user',
            targetId: userId,
            before: { signInDisabled: Boolean(block) },
            after: enabled ? { signInDisabled: false } : { signInDisabled: true, sessionsEnded },
          },
          tx,
        );
      });
      // This instance refuses the ended sessions at once; other instances within the cache's 5 s.
      if (!enabled) sessionCache.forgetUser(userId);
      return summary(userId);
    },

    /** Sends the verification link again; an address already verified needs none (409). */
    async resendVerification(actorId: string, userId: string): Promise<AdminUserSummary> {
      const [user] = await db
        .select({ email: users.email, emailVerified: users.emailVerified })
        .from(users)
        .where(eq(users.id, userId));
      if (!user) throw notFound();
      if (user.emailVerified) throw new AppError(409, 'CONFLICT', 'This address is already verified.');
      await auth.api.sendVerificationEmail({ body: { email: user.email } });
      await auditLog.record({
        actorId,
        action: 'users.resend-verification',
        targetType: 'user',
        targetId: userId,
        before: { emailVerified: false },
        after: { emailVerified: false, verificationEmailSent: true },
      });
      return summary(userId);
    },
  };
}

export type AdminUsersService = ReturnType<typeof createAdminUsersService>;
