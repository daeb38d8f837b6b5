import { useMutation, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import type { ResetPasswordBody } from '../../../core/auth/contracts.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonLink } from '../../components/button.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { NoIndex } from '../../components/no-index.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { PasswordField } from '../../components/text-field.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { findPasswordProblem, WEAK_PASSWORD_MESSAGE } from '../../kit/account/password-policy.ts';
import { usePasswordEstimator } from '../../kit/account/password-strength.ts';
import { PasswordStrengthMeter } from '../../kit/account/password-strength-meter.tsx';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { mapErrorDetails } from '../../lib/form-errors.ts';
import { lazyZodResolver } from '../../lib/lazy-zod-resolver.ts';
import { authApi } from './api.ts';
import { AuthLayout } from './auth-layout.tsx';
import { DeadLink, type DeadLinkReason } from './dead-link.tsx';

const resolver = lazyZodResolver((contracts) => contracts.resetPasswordBodySchema);
const fields = ['newPassword'] as const;

function DeadResetLink({ reason }: { reason: DeadLinkReason }) {
  return (
    <DeadLink reason={reason} what="reset link">
      <ButtonLink to={PAGE_PATHS.forgotPassword} size="lg" className="w-full">
        Request a new link
      </ButtonLink>
    </DeadLink>
  );
}

interface ResetPasswordFormProps {
  token: string;
  /** The server refused the link after all (used or revoked meanwhile): look again and explain. */
  onLinkRefused: () => void;
}

function ResetPasswordForm({ token, onLinkRefused }: ResetPasswordFormProps) {
  const meterId = useId();
  const estimator = usePasswordEstimator();
  const form = useForm({
    resolver,
    defaultValues: { token, newPassword: '' },
  });
  const { errors } = form.formState;
  const newPassword = useWatch({ control: form.control, name: 'newPassword' });

  const reset = useMutation({
    mutationFn: authApi.resetPassword,
    onError: (error) => {
      if (isApiError(error) && error.code === 'INVALID_TOKEN') {
        onLinkRefused();
        return;
      }
      const { newPassword: message } = mapErrorDetails(error, fields).fieldErrors;
      if (message) form.setError('newPassword', { type: 'server', message }, { shouldFocus: true });
    },
  });

  async function submit(values: ResetPasswordBody) {
    if (await findPasswordProblem(values.newPassword, [])) {
      form.setError('newPassword', { type: 'policy', message: WEAK_PASSWORD_MESSAGE }, { shouldFocus: true });
      return;
    }
    reset.mutate(values);
  }

  if (reset.isSuccess) {
    return (
      <AuthLayout title="Your password has been changed">
        <Alert tone="success">
          <p>You can now sign in with your new password.</p>
        </Alert>
        <ButtonLink to={PAGE_PATHS.signIn} size="lg" className="w-full">
          Sign in
        </ButtonLink>
      </AuthLayout>
    );
  }
  // The token rides along as a form value, so a mangled one is caught by the shared schema.
  if (errors.token || mapErrorDetails(reset.error, ['token']).fieldErrors.token) {
    return <DeadResetLink reason="incomplete" />;
  }

  return (
    <AuthLayout
      title="Choose a new password"
      intro={<p>Pick a password you don’t use anywhere else.</p>}
      footer={
        <p>
          <TextLink to={PAGE_PATHS.signIn}>Back to sign in</TextLink>
        </p>
      }
    >
      <form noValidate className="space-y-5" onSubmit={form.handleSubmit(submit)}>
        <FormErrorAlert key={reset.submittedAt} error={reset.error} fields={fields} />
        <div className="space-y-3">
          <PasswordField
            label="New password"
            autoComplete="new-password"
            error={errors.newPassword?.message}
            aria-describedby={meterId}
            onFocus={estimator.load}
            {...form.register('newPassword')}
          />
          <PasswordStrengthMeter
            id={meterId}
            password={newPassword}
            userInputs={[]}
            assess={estimator.assess}
            estimatorFailed={estimator.failed}
            showFailures={Boolean(errors.newPassword)}
          />
        </div>
        <Button
          type="submit"
          size="lg"
          className="w-full"
          pending={reset.isPending || form.formState.isSubmitting}
          pendingLabel="Saving…"
        >
          Save new password
        </Button>
      </form>
    </AuthLayout>
  );
}

/** Asks whether the link still works before showing the form, so a dead link is explained first. */
function CheckedResetLink({ token }: { token: string }) {
  const status = useQuery({
    queryKey: ['link-status', 'reset-password', token],
    queryFn: () => authApi.linkStatus('reset-password', token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  if (status.isPending) {
    return (
      <AuthLayout title="Checking your link">
        <PageLoader variant="inline" label="Checking your reset link…" />
      </AuthLayout>
    );
  }
  if (status.isError) {
    // A malformed token fails validation: to the user, a link cut short.
    if (isApiError(status.error) && status.error.code === 'VALIDATION_FAILED') {
      return <DeadResetLink reason="incomplete" />;
    }
    return (
      <AuthLayout title="We couldn’t check your link">
        <Alert tone="error">
          <p>{describeError(status.error)}</p>
        </Alert>
        <Button size="lg" className="w-full" onClick={() => void status.refetch()}>
          Try again
        </Button>
      </AuthLayout>
    );
  }
  if (status.data.status !== 'valid') return <DeadResetLink reason={status.data.status} />;
  return <ResetPasswordForm token={token} onLinkRefused={() => void status.refetch()} />;
}

export default function ResetPasswordPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  return (
    <>
      <NoIndex />
      {token ? <CheckedResetLink key={token} token={token} /> : <DeadResetLink reason="incomplete" />}
    </>
  );
}
