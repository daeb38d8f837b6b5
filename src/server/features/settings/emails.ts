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
