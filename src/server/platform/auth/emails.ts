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
