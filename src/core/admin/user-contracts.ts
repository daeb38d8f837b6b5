/**
 * The admin console's Users pages: search and filters, one user's page (brands, AI usage, sessions,
 * beta progress),
 * and the actions on an account (grant or revoke admin, disable or enable sign-in, resend the
 * verification email; restoring an account pending deletion is in `account/lifecycle-contracts.ts`).
 * Every action is recorded in the audit log.
 */
import { z } from 'zod';
import { betaStatusSchema } from '../beta/contracts.ts';
import { idParam, integerParam } from '../http/params.ts';
import { deviceKindSchema } from '../settings/contracts.ts';

export const ADMIN_USERS_PAGE_SIZE_MAX = 100;

/** `true`/`false` in a query string; anything else is a 400 naming the field. */
const booleanParam = z
  .enum(['true', 'false'], { error: 'Must be true or false' })
  .transform((value) => value === 'true');
const dateTimeParam = z.iso.datetime({ offset: true, error: 'Must be an ISO 8601 date and time' });

function rangeInOrder(from: string | undefined, to: string | undefined): boolean {
  return !from || !to || new Date(from) <= new Date(to);
}

export const adminUserListQuerySchema = z
  .strictObject({
    /** Part of the name or email address, case-insensitive. */
    q: z.string().trim().max(200).optional(),
    role: z.enum(['user', 'admin']).optional(),
    verified: booleanParam.optional(),
    pendingDeletion: booleanParam.optional(),
    disabled: booleanParam.optional(),
    createdFrom: dateTimeParam.optional(),
    createdTo: dateTimeParam.optional(),
    /** Last active = the latest use of any of the user's current sessions. */
    activeFrom: dateTimeParam.optional(),
    activeTo: dateTimeParam.optional(),
    limit: integerParam({ max: ADMIN_USERS_PAGE_SIZE_MAX }).default(50),
    offset: integerParam({ min: 0 }).default(0),
  })
  .refine((query) => rangeInOrder(query.createdFrom, query.createdTo), {
    message: 'The start of the range must not be after its end',
    path: ['createdFrom'],
  })
  .refine((query) => rangeInOrder(query.activeFrom, query.activeTo), {
    message: 'The start of the range must not be after its end',
    path: ['activeFrom'],
  });
export type AdminUserListQuery = z.infer<typeof adminUserListQuerySchema>;

export const adminUserSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['user', 'admin']),
  emailVerified: z.boolean(),
  createdAt: z.iso.datetime(),
  /** Null when the user has no current session. */
  lastActiveAt: z.iso.datetime().nullable(),
  /** When the account's data is purged, while its deletion is pending; else null. */
  pendingDeletionPurgeAfter: z.iso.datetime().nullable(),
  signInDisabled: z.boolean(),
});
export type AdminUserSummary = z.infer<typeof adminUserSummarySchema>;

export const adminUserListSchema = z.object({
  users: z.array(adminUserSummarySchema),
  /** How many users match the filters (all pages). */
  total: z.number().int(),
});
export type AdminUserList = z.infer<typeof adminUserListSchema>;

export const adminUserParamsSchema = z.strictObject({ userId: idParam('The user id must be a UUID') });

export const adminUserDetailSchema = z.object({
  user: adminUserSummarySchema,
  /** Beta programme membership and journey steps (membership null when not a tester). */
  beta: betaStatusSchema,
  brands: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      isDefault: z.boolean(),
      items: z.number().int(),
      createdAt: z.iso.datetime(),
      deletedAt: z.iso.datetime().nullable(),
    }),
  ),
  /** AI use over the last 30 days and this calendar month (UTC). */
  usage: z.object({
    days: z.number().int(),
    calls: z.number().int(),
    costMicros: z.number().int(),
    monthSpentMicros: z.number().int(),
  }),
  sessions: z.array(
    z.object({
      id: z.string(),
      device: z.string(),
      deviceKind: deviceKindSchema,
      network: z.string().nullable(),
      signedInAt: z.iso.datetime(),
      lastActiveAt: z.iso.datetime(),
      expiresAt: z.iso.datetime(),
    }),
  ),
});
export type AdminUserDetail = z.infer<typeof adminUserDetailSchema>;

/** `POST /api/admin/users/:userId/role`. */
export const adminSetRoleBodySchema = z.strictObject({ role: z.enum(['user', 'admin']) });
export type AdminSetRoleBody = z.infer<typeof adminSetRoleBodySchema>;

/** `POST /api/admin/users/:userId/sign-in`: `enabled: false` disables sign-in and ends every session. */
export const adminSetSignInBodySchema = z.strictObject({ enabled: z.boolean() });
export type AdminSetSignInBody = z.infer<typeof adminSetSignInBodySchema>;

/** What every action answers: the account as it is now. */
export const adminUserActionResponseSchema = z.object({ user: adminUserSummarySchema });
export type AdminUserActionResponse = z.infer<typeof adminUserActionResponseSchema>;
