import { formatPurgeDate } from '../../../core/auth/scheduled-deletion.ts';
import { type EmailMessage, renderActionEmail } from '../mailer.ts';

interface Recipient {
  name: string;
  email: string;
}

export function verificationEmail(user: Recipient, url: string): EmailMessage {
  return renderActionEmail({
    to: user.email,
    subject: 'Confirm your email for IDEA Brand Coach',
    greetingName: user.name,
    intro: 'Please confirm that this is your email address so we can send you reports and account notices.',
    actionLabel: 'Confirm my email',
    actionUrl: url,
    outro: 'The link works for 24 hours. If you did not create an account, you can ignore this email.',
  });
}

/** Sent to the new address of a change in Settings; the address changes when the link is opened. */
export function changeEmailVerificationEmail(user: Recipient, url: string): EmailMessage {
  return renderActionEmail({
    to: user.email,
    subject: 'Confirm your new email for IDEA Brand Coach',
    greetingName: user.name,
    intro:
      'You asked to use this address for your IDEA Brand Coach account. Your account keeps its old address until you confirm this one.',
    actionLabel: 'Confirm my new email',
    actionUrl: url,
    outro: 'The link works for 24 hours. If you did not ask for this, ignore this email: nothing changes.',
  });
}

export function passwordResetEmail(user: Recipient, url: string): EmailMessage {
  return renderActionEmail({
    to: user.email,
    subject: 'Reset your IDEA Brand Coach password',
    greetingName: user.name,
    intro: 'Someone (hopefully you) asked to reset the password for your account.',
    actionLabel: 'Choose a new password',
    actionUrl: url,
    outro:
      'The link works for one hour. If you did not ask for this, ignore this email: your password stays the same.',
  });
}

export interface ScheduledDeletion {
  purgeAfter: Date;
  contactEmail: string;
}

const occasions = {
  'password-reset':
    'Someone (hopefully you) asked to reset the password for this address. The account it belongs to was deleted at its owner’s request',
  'sign-up':
    'Someone (hopefully you) tried to create an IDEA Brand Coach account with this address. The existing account for it was deleted at its owner’s request',
} as const;

/**
 * Sent instead of a reset link, or when someone tries to sign up with the address, while the account is
 * pending deletion: only the mailbox's owner learns that the account exists and how to get it back
 * (ADR 0029).
 */
export function scheduledDeletionNoticeEmail(
  user: Recipient,
  occasion: keyof typeof occasions,
  deletion: ScheduledDeletion,
): EmailMessage {
  const date = formatPurgeDate(deletion.purgeAfter);
  return renderActionEmail({
    to: user.email,
    subject: 'Your IDEA Brand Coach account is scheduled for deletion',
    greetingName: user.name,
    intro: `${occasions[occasion]} and is scheduled for permanent deletion on ${date}. Until then nobody can sign in to it, and its password cannot be reset.`,
    actionLabel: `Contact us at ${deletion.contactEmail}`,
    actionUrl: `mailto:${deletion.contactEmail}`,
    outro: `To get the account back with everything in it, write to ${deletion.contactEmail} before ${date}. After that date you can create a new account with this address. If this was not you, you can ignore this email.`,
  });
}
