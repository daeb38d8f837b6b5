/**
 * The account's data lifecycle: export everything the user owns as a ZIP, delete the account (with a
 * grace period before the purge), and the admin's view of pending deletions with restore.
 *
 * Deletion is a row in `account_deletions`: while it exists the account is locked (every session is
 * revoked in the same transaction, outstanding reset links are revoked, sign-in is refused — with the
 * purge date and the operator's contact once the right password is given, ADR 0029), the owner is
 * emailed the purge date and the way back, and the daily retention job purges the user once
 * `purge_after` has passed (purge.ts).
 */
import type { Readable } from 'node:stream';
import { and, eq, gt } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import {
  ACCOUNT_DELETION_WRONG_PASSWORD_CODE,
  ACCOUNT_EXPORTS_PER_HOUR,
  type AccountDeletionRequest,
  accountExportFilename,
  type ContactResponse,
  type DeletedAccount,
  type RestoreAccountResponse,
} from '../../../core/account/lifecycle-contracts.ts';
import { countOf } from '../../../core/text/plural.ts';
import type { AppConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { accountDeletions, sessions } from '../../db/schema.ts';
import type { AuditLog } from '../../platform/audit-log.ts';
import type { Auth } from '../../platform/auth/better-auth.ts';
import { verifyCredentialPassword } from '../../platform/auth/credentials.ts';
import { revokeResetLinks } from '../../platform/auth/email-links.ts';
import type { SessionCache } from '../../platform/auth/session-cache.ts';
import { type Clock, DAY_MS } from '../../platform/clock.ts';
import { purgeUser } from '../../platform/data-lifecycle/purge.ts';
import {
  ACCOUNT_PURGE_RULE,
  type DataLifecycle,
  type RetentionRule,
} from '../../platform/data-lifecycle/registry.ts';
import { ownedTables, quoteIdentifier, schemaTables } from '../../platform/data-lifecycle/tables.ts';
import { AppError } from '../../platform/errors.ts';
import type { Mailer } from '../../platform/mailer.ts';
import type { Throttle } from '../../platform/throttle.ts';
import { type ArchiveEntry, zipStream } from './archive.ts';
import { deletionScheduledEmail } from './emails.ts';

/** Tables never exported: credentials and session tokens, which are secrets rather than content. */
const EXCLUDED_TABLES = new Set(['sessions', 'accounts']);
/**
 * Columns never exported from any table, whatever table they are added to later: passwords, secrets
 * and tokens (`access_token`, `anonymous_token_hash`), but not counts such as `input_tokens`.
 */
const SECRET_COLUMN = /password|secret|(^|_)token(_hash)?$/i;

const DELETION_THROTTLE = { name: 'account:deletion', max: 5, windowSeconds: 15 * 60 };
const EXPORT_THROTTLE = { name: 'account:export', max: ACCOUNT_EXPORTS_PER_HOUR, windowSeconds: 60 * 60 };

function withoutSecrets(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([column]) => !SECRET_COLUMN.test(column)));
}

const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
const toIso = (value: Date | string) => new Date(value).toISOString();

export interface AccountLifecycleDeps {
  database: Database;
  auth: Auth;
  throttle: Throttle;
  mailer: Mailer;
  clock: Clock;
  config: AppConfig;
  log: FastifyBaseLogger;
  /** Forgets the sessions this service ends, so this instance stops honouring them at once. */
  sessionCache: Pick<SessionCache, 'forgetUser'>;
  /** The export reads the files features registered here. */
  lifecycle: Pick<DataLifecycle, 'exportDocumentSources' | 'exportExclusions'>;
  /** Restoring an account is an admin action: recorded in the transaction that restores it. */
  auditLog: Pick<AuditLog, 'record'>;
}

export function createAccountLifecycleService({
  database,
  auth,
  throttle,
  mailer,
  clock,
  config,
  log,
  sessionCache,
  lifecycle,
  auditLog,
}: AccountLifecycleDeps) {
  const documentSources = lifecycle.exportDocumentSources;
  const excludedTables = () =>
    new Set([...EXCLUDED_TABLES, ...lifecycle.exportExclusions().map((exclusion) => exclusion.table)]);

  function readme(exportedAt: Date, tables: string[]): string {
    return [
      'IDEA Brand Coach — your data export',
      `Exported: ${exportedAt.toISOString()}`,
      '',
      'account.json      Your account: name, email, role and dates. Your password is never exported.',
      'data/<table>.json One file per kind of record you own, as stored: every row with its fields.',
      '                  Dates are ISO 8601 in UTC. Records you deleted that are still within the',
      `                  ${config.retention.softDeletedDays}-day retention period are included (their deleted_at is set).`,
      ...tables.map((table) => `                  - data/${table}.json`),
      ...lifecycle
        .exportExclusions()
        .map(
          (exclusion) =>
            `                  data/${exclusion.table}.json is not included: ${exclusion.reason}.`,
        ),
      'documents/        Files made from your data, and the files you uploaded:',
      ...documentSources().map(
        (source) => `                  - documents/${source.name}/: ${source.description}`,
      ),
      '',
      'Sign-in sessions and credentials are not included: they are secrets, not content.',
      'To delete your account, use Settings → Delete account.',
      '',
    ].join('\n');
  }

  async function* exportEntries(userId: string, exportedAt: Date): AsyncGenerator<ArchiveEntry> {
    const [user] = await database.query('select * from users where id = $1', [userId]);
    if (!user) throw new AppError(404, 'NOT_FOUND', 'This account no longer exists.');
    const excluded = excludedTables();
    const tables = ownedTables(schemaTables()).filter((owned) => !excluded.has(owned.table.name));
    yield {
      path: 'README.txt',
      data: new TextEncoder().encode(
        readme(
          exportedAt,
          tables.map((owned) => owned.table.name),
        ),
      ),
      compress: true,
    };
    yield { path: 'account.json', data: json(withoutSecrets(user)), compress: true };
    for (const owned of tables) {
      const order = owned.table.columns.includes('created_at') ? ' order by created_at' : '';
      const rows = await database.query(
        `select * from ${quoteIdentifier(owned.table.name)} where ${owned.condition}${order}`,
        [userId],
      );
      yield {
        path: `data/${owned.table.name}.json`,
        data: json({ table: owned.table.name, rowCount: rows.length, rows: rows.map(withoutSecrets) }),
        compress: true,
      };
    }
    for (const source of documentSources()) {
      for (const document of await source.list(userId)) {
        yield {
          path: `documents/${source.name}/${document.fileName}`,
          data: await document.content(),
          compress: !document.compressed,
        };
      }
    }
  }

  /** The `Set-Cookie` that removes the session cookie (better-auth's name, with its secure prefix). */
  function clearedSessionCookie(): string {
    const secure = config.auth.secureCookies;
    const name = `${secure ? '__Secure-' : ''}ibc.session_token`;
    return `${name}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  }

  return {
    /** The operator's address, for people who need a person (e.g. to get a deleted account back). */
    contact: (): ContactResponse => ({ email: config.contactEmail }),

    /**
     * The retention rule that purges every account whose deletion grace period has ended. One account
     * that cannot be purged does not hold back the others; the rule then fails, listing them.
     */
    purgeRule(): RetentionRule {
      return {
        name: ACCOUNT_PURGE_RULE,
        async run(now) {
          const due = await database.query<{ user_id: string }>(
            'select user_id from account_deletions where purge_after <= $1::timestamptz order by purge_after',
            [now.toISOString()],
          );
          let purged = 0;
          const failed: unknown[] = [];
          for (const { user_id: userId } of due) {
            try {
              const result = await purgeUser(database, userId);
              sessionCache.forgetUser(userId);
              log.info({ userId, deleted: result.deleted }, 'account purged after its deletion grace period');
              purged += 1;
            } catch (error) {
              log.error({ err: error, userId }, 'account purge failed');
              failed.push(error);
            }
          }
          if (failed.length > 0)
            throw new AggregateError(failed, `${countOf(failed.length, 'account purge')} failed`);
          return purged;
        },
      };
    },

    /**
     * The ZIP of everything the user owns. The throttle and the account check run before anything is
     * streamed, so those failures are ordinary error responses.
     */
    async exportAccount(userId: string): Promise<{ filename: string; stream: Readable }> {
      await throttle.enforce(
        EXPORT_THROTTLE,
        userId,
        'You have exported your data several times in the last hour. Please try again later.',
      );
      const exportedAt = clock.now();
      const entries = exportEntries(userId, exportedAt);
      // Pull the first entry now: a vanished account becomes a 404 rather than a broken download.
      const first = await entries.next();
      async function* all(): AsyncGenerator<ArchiveEntry> {
        if (!first.done) yield first.value;
        yield* entries;
      }
      const stream = zipStream(all(), exportedAt);
      stream.on('error', (error) => log.error({ err: error, userId }, 'account export failed mid-stream'));
      log.info({ userId }, 'account export started');
      return { filename: accountExportFilename(exportedAt), stream };
    },

    /**
     * Locks the account and schedules its purge. The password is checked again (a session alone is
     * not enough to delete an account); every session ends in the same transaction.
     */
    async requestDeletion(
      userId: string,
      input: AccountDeletionRequest,
    ): Promise<{ purgeAfter: string; cookies: string[] }> {
      await throttle.enforce(DELETION_THROTTLE, userId);
      if (!(await verifyCredentialPassword(auth, database, userId, input.password))) {
        throw new AppError(
          403,
          ACCOUNT_DELETION_WRONG_PASSWORD_CODE,
          'That password is not correct. Your account has not been deleted.',
          { details: [{ path: 'password', message: 'The password is not correct' }] },
        );
      }
      const now = clock.now();
      const purgeAfter = new Date(now.getTime() + config.retention.accountDeletionGraceDays * DAY_MS);
      await database.db.transaction(async (tx) => {
        await tx
          .insert(accountDeletions)
          .values({ userId, requestedAt: now, purgeAfter })
          .onConflictDoNothing({ target: accountDeletions.userId });
        await tx.delete(sessions).where(eq(sessions.userId, userId));
      });
      sessionCache.forgetUser(userId);
      // A reset link in the mailbox must not reopen a locked account.
      await revokeResetLinks(database, userId);
      log.info({ userId, purgeAfter }, 'account deletion requested');
      // The owner gets the date and the way back in writing; a mail failure does not undo the deletion.
      const [owner] = await database.query<{ name: string; email: string }>(
        'select name, email from users where id = $1',
        [userId],
      );
      if (owner) {
        try {
          await mailer.send(
            deletionScheduledEmail(owner, {
              requestedAt: now,
              purgeAfter,
              contactEmail: config.contactEmail,
            }),
          );
        } catch (error) {
          log.error({ err: error, userId }, 'failed to send the account deletion confirmation');
        }
      }
      return { purgeAfter: purgeAfter.toISOString(), cookies: [clearedSessionCookie()] };
    },

    /** Accounts whose deletion is pending, soonest purge first. */
    async pendingDeletions(): Promise<DeletedAccount[]> {
      const rows = await database.query<{
        user_id: string;
        email: string;
        name: string;
        requested_at: Date;
        purge_after: Date;
      }>(
        `select d.user_id, u.email, u.name, d.requested_at, d.purge_after
         from account_deletions d join users u on u.id = d.user_id
         order by d.purge_after limit 500`,
      );
      return rows.map((row) => ({
        userId: row.user_id,
        email: row.email,
        name: row.name,
        deletedAt: toIso(row.requested_at),
        purgeAfter: toIso(row.purge_after),
      }));
    },

    /** Cancels a pending deletion while the grace period lasts. */
    async restore(userId: string, adminId: string): Promise<RestoreAccountResponse> {
      const [user] = await database.query<{ email: string }>('select email from users where id::text = $1', [
        userId,
      ]);
      if (!user)
        throw new AppError(404, 'NOT_FOUND', 'No account with this id exists (it may have been purged).');
      const [deletion] = await database.query<{ purge_after: Date }>(
        'select purge_after from account_deletions where user_id::text = $1',
        [userId],
      );
      if (!deletion) throw new AppError(409, 'CONFLICT', 'This account is not pending deletion.');
      const now = clock.now();
      // Past the grace period the purge may already be under way; restoring would leave half an account.
      const restored = await database.db.transaction(async (tx) => {
        const [removed] = await tx
          .delete(accountDeletions)
          .where(and(eq(accountDeletions.userId, userId), gt(accountDeletions.purgeAfter, now)))
          .returning();
        if (!removed) return false;
        await auditLog.record(
          {
            actorId: adminId,
            action: 'users.restore',
            targetType: 'user',
            targetId: userId,
            before: {
              pendingDeletion: true,
              requestedAt: removed.requestedAt.toISOString(),
              purgeAfter: removed.purgeAfter.toISOString(),
            },
            after: { pendingDeletion: false },
          },
          tx,
        );
        return true;
      });
      if (!restored) {
        throw new AppError(
          409,
          'CONFLICT',
          'The grace period for this account has ended; it can no longer be restored.',
        );
      }
      log.info({ userId, adminId }, 'account restored from pending deletion');
      return { userId, email: user.email, restoredAt: now.toISOString() };
    },
  };
}

export type AccountLifecycleService = ReturnType<typeof createAccountLifecycleService>;
