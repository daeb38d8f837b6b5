import { type EmailMessage, renderActionEmail } from '../../platform/mailer.ts';

interface Recipient {
  name: string;
  email: string;
}

/** Sent after every password change, so a change the owner did not make does not go unnoticed. */
export function passwordChangedEmail(user: Recipient, resetUrl: URL): EmailMessage {
  return renderActionEmail({
    to: user.email,
    subject: 'Your IDEA Brand Coach password was changed',
    greetingName: user.name,
    intro: 'The password for your account was just changed from the Settings page.',
    actionLabel: 'Reset my password',
    actionUrl: resetUrl.toString(),
    outro:
      'If this was you, there is nothing else to do. If it was not, reset your password now: that signs every device out of your account.',
  });
}

/**
 * The security notice to the address an account just left (transactional: sent whatever the email
 * preferences). It names the new address only partly, in case the old mailbox is no longer theirs.
 */
export function emailChangedEmail(
  user: Recipient,
  change: { newEmail: string; contactEmail: string; contactUrl: URL },
): EmailMessage {
  const [local = '', domain = ''] = change.newEmail.split('@');
  const masked = `${local.slice(0, 2)}…@${domain}`;
  return renderActionEmail({
    to: user.email,
    subject: 'Your IDEA Brand Coach email address was changed',
    greetingName: user.name,
    intro: `The email address of your IDEA Brand Coach account was changed to ${masked}. This address no longer signs in to it.`,
    actionLabel: 'Contact us',
    actionUrl: change.contactUrl.toString(),
    outro: `If this was you, there is nothing else to do. If it was not, write to ${change.contactEmail} at once: we will secure your account and move it back to this address.`,
  });
}
