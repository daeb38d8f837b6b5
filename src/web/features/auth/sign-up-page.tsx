import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { SignUpBody } from '../../../core/auth/contracts.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Button } from '../../components/button.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { EmailField, PasswordField, TextField } from '../../components/text-field.tsx';
import { findPasswordProblem, WEAK_PASSWORD_MESSAGE } from '../../kit/account/password-policy.ts';
import { usePasswordEstimator } from '../../kit/account/password-strength.ts';
import { PasswordStrengthMeter } from '../../kit/account/password-strength-meter.tsx';
import { mapErrorDetails } from '../../lib/form-errors.ts';
import { lazyZodResolver } from '../../lib/lazy-zod-resolver.ts';
import { useSetSessionUser } from '../../lib/session.ts';
import { authApi } from './api.ts';
import { AuthLayout } from './auth-layout.tsx';
import { NextLink } from './next-link.tsx';

const resolver = lazyZodResolver((contracts) => contracts.signUpBodySchema);
const fields = ['name', 'email', 'password'] as const;

export default function SignUpPage() {
  const meterId = useId();
  const setSessionUser = useSetSessionUser();
  const estimator = usePasswordEstimator();
  const form = useForm({
    resolver,
    defaultValues: { name: '', email: '', password: '' },
  });
  const { errors } = form.formState;
  const [name, email, password] = useWatch({ control: form.control, name: ['name', 'email', 'password'] });

  const signUp = useMutation({
    mutationFn: authApi.signUp,
    // The guest-only guard around this page sees the new user and continues to `next` (the dashboard).
    onSuccess: ({ user }) => setSessionUser(user),
    onError: (error) => {
      for (const [field, message] of Object.entries(mapErrorDetails(error, fields).fieldErrors)) {
        form.setError(field as (typeof fields)[number], { type: 'server', message }, { shouldFocus: true });
      }
    },
  });

  async function submit(values: SignUpBody) {
    if (await findPasswordProblem(values.password, [values.name, values.email])) {
      form.setError('password', { type: 'policy', message: WEAK_PASSWORD_MESSAGE }, { shouldFocus: true });
      return;
    }
    signUp.mutate(values);
  }

  const passwordField = form.register('password');

  return (
    <AuthLayout
      title="Create your free account"
      intro={<p>Start building a brand your customers trust. It takes less than a minute.</p>}
      footer={
        <p>
          Already have an account? <NextLink to={PAGE_PATHS.signIn}>Sign in</NextLink>
        </p>
      }
    >
      <form noValidate className="space-y-5" onSubmit={form.handleSubmit(submit)}>
        <FormErrorAlert
          key={signUp.submittedAt}
          error={signUp.error}
          fields={fields}
          title="We couldn’t create your account"
        />
        <TextField label="Name" autoComplete="name" error={errors.name?.message} {...form.register('name')} />
        <EmailField
          description="We’ll send a link to confirm it’s yours."
          error={errors.email?.message}
          {...form.register('email')}
        />
        <div className="space-y-3">
          <PasswordField
            label="Password"
            autoComplete="new-password"
            error={errors.password?.message}
            aria-describedby={meterId}
            onFocus={estimator.load}
            {...passwordField}
          />
          <PasswordStrengthMeter
            id={meterId}
            password={password}
            userInputs={[name, email]}
            assess={estimator.assess}
            estimatorFailed={estimator.failed}
            showFailures={Boolean(errors.password)}
          />
        </div>
        <Button
          type="submit"
          size="lg"
          className="w-full"
          pending={signUp.isPending || form.formState.isSubmitting}
          pendingLabel="Creating your account…"
        >
          Create account
        </Button>
      </form>
    </AuthLayout>
  );
}
