/**
 * The account's data lifecycle, shared by the server (validation, serialisation) and the web app's
 * Settings and admin pages: export everything as a ZIP, delete the account with a grace period, and
 * (admins) list and restore accounts that are pending deletion.
 */
import { z } from 'zod';
import { idParam } from '../http/params.ts';

/** `GET /api/account/export` answers `200 application/zip` as an attachment with this name. */
export const ACCOUNT_EXPORT_PATH = '/api/account/export';
export const ACCOUNT_EXPORT_CONTENT_TYPE = 'application/zip';

/** `idea-brand-coach-export-2026-11-26.zip` (the UTC date of the export). */
export function accountExportFilename(at: Date): string {
  return `idea-brand-coach-export-${at.toISOString().slice(0, 10)}.zip`;
}

/** Exports are heavy (every row plus rendered PDFs), so each user gets a few per hour. */
export const ACCOUNT_EXPORTS_PER_HOUR = 5;

/** The word the user types to confirm, so a deletion is never one stray click. */
export const ACCOUNT_DELETION_CONFIRMATION = 'DELETE';

/** `POST /api/account/deletion`: the current password again, plus the typed confirmation. */
export const accountDeletionRequestSchema = z.strictObject({
  password: z.string().min(1, 'Enter your password').max(200),
  confirmation: z.literal(ACCOUNT_DELETION_CONFIRMATION, {
    error: `Type ${ACCOUNT_DELETION_CONFIRMATION} to confirm`,
  }),
});
export type AccountDeletionRequest = z.infer<typeof accountDeletionRequestSchema>;

/**
 * `200` with the moment the data is purged; every session (this one included) is revoked and the
 * session cookie cleared. A wrong password is `403` with code `INVALID_CREDENTIALS` (not 401, which
 * the app treats as "signed out"), so the form can mark the password field.
 */
export const accountDeletionResponseSchema = z.object({ purgeAfter: z.iso.datetime() });
export type AccountDeletionResponse = z.infer<typeof accountDeletionResponseSchema>;
export const ACCOUNT_DELETION_WRONG_PASSWORD_CODE = 'INVALID_CREDENTIALS' as const;

/**
 * `GET /api/contact` (public): the operator's address (`CONTACT_EMAIL`), which the deleted-account
 * page shows as the way to get an account back during its grace period.
 */
export const contactResponseSchema = z.object({ email: z.string() });
export type ContactResponse = z.infer<typeof contactResponseSchema>;

/** `GET /api/admin/users/deleted`: accounts whose deletion is pending, soonest purge first. */
export const deletedAccountSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  deletedAt: z.iso.datetime(),
  purgeAfter: z.iso.datetime(),
});
export type DeletedAccount = z.infer<typeof deletedAccountSchema>;
export const deletedAccountListSchema = z.object({ accounts: z.array(deletedAccountSchema) });
export type DeletedAccountList = z.infer<typeof deletedAccountListSchema>;

/**
 * `POST /api/admin/users/:userId/restore`: `200` with the restored account. `404` when the user
 * does not exist (or was already purged), `409 CONFLICT` when the account is not pending deletion.
 */
export const restoreAccountParamsSchema = z.strictObject({ userId: idParam('The user id must be a UUID') });
export const restoreAccountResponseSchema = z.object({
  userId: z.string(),
  email: z.string(),
  restoredAt: z.iso.datetime(),
});
export type RestoreAccountResponse = z.infer<typeof restoreAccountResponseSchema>;
