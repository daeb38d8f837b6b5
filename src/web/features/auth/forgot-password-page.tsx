import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { EmailField } from '../../components/text-field.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { mapErrorDetails } from '../../lib/form-errors.ts';
import { lazyZodResolver } from '../../lib/lazy-zod-resolver.ts';
import { authApi } from './api.ts';
import { AuthLayout } from './auth-layout.tsx';

const resolver = lazyZodResolver((contracts) => contracts.requestPasswordResetBodySchema);
const fields = ['email'] as const;

export default function ForgotPasswordPage() {
  const form = useForm({
    resolver,
    defaultValues: { email: '' },
  });
  const { errors } = form.formState;
  const request = useMutation({
    mutationFn: authApi.requestPasswordReset,
    onError: (error) => {
      const { email } = mapErrorDetails(error, fields).fieldErrors;
      if (email) form.setError('email', { type: 'server', message: email }, { shouldFocus: true });
    },
  });

  const footer = (
    <p>
      Remembered it? <TextLink to={PAGE_PATHS.signIn}>Back to sign in</TextLink>
    </p>
  );

  if (request.isSuccess) {
    return (
      <AuthLayout title="Check your email" footer={footer}>
        {/* The same answer whether or not the account exists, so this page cannot reveal who has one. */}
        <Alert tone="success" title="If an account exists, we’ve sent a link">
          <p>
            If there is an account for <strong className="break-all">{request.variables.email}</strong>, an
            email with a link to choose a new password is on its way. Check your spam folder if it doesn’t
            arrive in a few minutes.
          </p>
        </Alert>
        <Button variant="secondary" className="w-full" onClick={() => request.reset()}>
          Use a different email
        </Button>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Reset your password"
      intro={<p>Enter the email you signed up with and we’ll send you a link to choose a new password.</p>}
      footer={footer}
    >
      <form noValidate className="space-y-5" onSubmit={form.handleSubmit((values) => request.mutate(values))}>
        <FormErrorAlert key={request.submittedAt} error={request.error} fields={fields} />
        <EmailField error={errors.email?.message} {...form.register('email')} />
        <Button
          type="submit"
          size="lg"
          className="w-full"
          pending={request.isPending}
          pendingLabel="Sending…"
        >
          Send reset link
        </Button>
      </form>
    </AuthLayout>
  );
}
