import { useMutation } from '@tanstack/react-query';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { describeError } from '../../lib/api-client.ts';
import { accountApi } from './api.ts';

/** Sends the signed-in user a new verification link, with the outcome shown above the button. */
export function ResendVerificationEmail() {
  const resend = useMutation({ mutationFn: accountApi.sendVerificationEmail });
  return (
    <>
      {resend.isSuccess ? (
        <Alert tone="success">
          <p>We’ve sent a new verification link. It may take a minute to arrive.</p>
        </Alert>
      ) : null}
      {resend.isError ? (
        <Alert key={resend.submittedAt} tone="error">
          <p>{describeError(resend.error)}</p>
        </Alert>
      ) : null}
      <Button
        variant="secondary"
        pending={resend.isPending}
        pendingLabel="Sending…"
        onClick={() => resend.mutate()}
      >
        Resend verification email
      </Button>
    </>
  );
}
