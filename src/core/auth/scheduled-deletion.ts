/**
 * How an account that is scheduled for deletion is explained to its owner: on sign-in (after the
 * right password) and in the emails sent when the deletion is requested, when someone asks for a
 * password reset, and when someone tries to sign up with the address (ADR 0029). Shared so that the
 * date and the way back read the same everywhere.
 */
import { formatDay, SERVER_TIME_ZONE } from '../text/dates.ts';

/**
 * The purge day in the product's one date style, e.g. "14 Mar 2026": UTC, since emails and API
 * messages have no reader time zone.
 */
export function formatPurgeDate(purgeAfter: Date | string): string {
  return formatDay(purgeAfter, { timeZone: SERVER_TIME_ZONE });
}

/** The sign-in answer for the owner of an account pending deletion (the password was right). */
export function scheduledDeletionMessage(purgeAfter: Date | string, contactEmail: string): string {
  return (
    `This account is scheduled for deletion on ${formatPurgeDate(purgeAfter)}, so it can’t be signed in to. ` +
    `To keep it, contact ${contactEmail} before then.`
  );
}
