import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import type { ResetPasswordBody } from '../../../core/auth/contracts.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonLink } from '../../components/button.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { NoIndex } from '../../components/no-index.tsx';
import { PasswordField } from '../../components/text-field.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { findPasswordProblem, WEAK_PASSWORD_MESSAGE } from '../../kit/account/password-policy.ts';
import { usePasswordEstimator } from '../../kit/account/password-strength.ts';
import { PasswordStrengthMeter } from '../../kit/account/password-strength-meter.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { mapErrorDetails } from '../../lib/form-errors.ts';
import { lazyZodResolver } from '../../lib/lazy-zod-resolver.ts';
import { authApi } from './api.ts';
import { AuthLayout } from './auth-layout.tsx';

const resolver = lazyZodResolver((contracts) => contracts.resetPasswordBodySchema);
const fields = ['newPassword'] as const;

const INCOMPLETE = 'This link is incomplete — it may have been cut short when it was copied.';

function InvalidLink({ reason }: { reason: string }) {
  return (
    <AuthLayout title="This reset link doesn’t work">
      <Alert tone="error">
        <p>{reason} Reset links can be used once and expire after a while.</p>
      </Alert>
      <ButtonLink to={PAGE_PATHS.forgotPassword} size="lg" className="w-full">
        Request a new link
      </ButtonLink>
    </AuthLayout>
  );
}

function ResetPasswordForm({ token }: { token: string }) {
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
  if (isApiError(reset.error) && reset.error.code === 'INVALID_TOKEN') {
    return <InvalidLink reason="This link has expired or has already been used." />;
  }
  // The token rides along as a form value, so a mangled one is caught by the shared schema.
  if (errors.token || mapErrorDetails(reset.error, ['token']).fieldErrors.token) {
    return <InvalidLink reason={INCOMPLETE} />;
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

export default function ResetPasswordPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  return (
    <>
      <NoIndex />
      {token ? <ResetPasswordForm key={token} token={token} /> : <InvalidLink reason={INCOMPLETE} />}
    </>
  );
}
