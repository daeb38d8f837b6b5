import type { ReactNode } from 'react';
import type { LinkStatus } from '../../../core/auth/contracts.ts';
import { Alert } from '../../components/alert.tsx';
import { AuthLayout } from './auth-layout.tsx';

export type DeadLinkReason = Exclude<LinkStatus, 'valid'> | 'incomplete';

const explanations: Record<DeadLinkReason, { title: (what: string) => string; text: string }> = {
  used: {
    title: (what) => `This ${what} was already used`,
    text: 'Each link works once. Ask for a new one if you still need it.',
  },
  expired: {
    title: (what) => `This ${what} has expired`,
    text: 'Links only work for a limited time. Ask for a new one.',
  },
  revoked: {
    title: (what) => `This ${what} was cancelled`,
    text: 'The password was changed after this link was sent, so the link no longer works. Ask for a new one if you still need it.',
  },
  invalid: {
    title: (what) => `This ${what} doesn’t work`,
    text: 'We don’t recognise it: it may be very old, or have been cut short when it was copied. Ask for a new one.',
  },
  incomplete: {
    title: (what) => `This ${what} doesn’t work`,
    text: 'This link is incomplete — it may have been cut short when it was copied. Ask for a new one.',
  },
};

interface DeadLinkProps {
  reason: DeadLinkReason;
  /** "reset link", "verification link". */
  what: string;
  /** The way to a new link (a button or link). */
  children: ReactNode;
}

/** What an emailed link's page shows instead of its form once the link is used, expired or unknown. */
export function DeadLink({ reason, what, children }: DeadLinkProps) {
  const explanation = explanations[reason];
  return (
    <AuthLayout title={explanation.title(what)}>
      <Alert tone="error">
        <p>{explanation.text}</p>
      </Alert>
      {children}
    </AuthLayout>
  );
}
