import { formatPurgeDate } from '../../../core/auth/scheduled-deletion.ts';
import { type EmailMessage, renderActionEmail } from '../../platform/mailer.ts';

interface Recipient {
  name: string;
  email: string;
}

/**
 * Sent when the owner deletes the account: when the data goes, and how to get it back until then. It
 * also tells an owner whose session was stolen that the account was deleted, and who can undo it.
 */
export function deletionScheduledEmail(
  user: Recipient,
  deletion: { requestedAt: Date; purgeAfter: Date; contactEmail: string },
): EmailMessage {
  const date = formatPurgeDate(deletion.purgeAfter);
  return renderActionEmail({
    to: user.email,
    subject: 'Your IDEA Brand Coach account is scheduled for deletion',
    greetingName: user.name,
    intro: `Your account was deleted on ${formatPurgeDate(deletion.requestedAt)} and every device was signed out. Everything in it will be permanently deleted on ${date}.`,
    actionLabel: `Contact us at ${deletion.contactEmail}`,
    actionUrl: `mailto:${deletion.contactEmail}`,
    outro: `Changed your mind, or was this not you? Write to ${deletion.contactEmail} before ${date} and we will restore the account with everything in it. After that date it cannot be recovered.`,
  });
}
