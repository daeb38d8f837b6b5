import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Button } from '../../components/button.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { EmailField, PasswordField } from '../../components/text-field.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { mapErrorDetails } from '../../lib/form-errors.ts';
import { lazyZodResolver } from '../../lib/lazy-zod-resolver.ts';
import { useSetSessionUser } from '../../lib/session.ts';
import { authApi } from './api.ts';
import { AuthLayout } from './auth-layout.tsx';
import { NextLink } from './next-link.tsx';

const resolver = lazyZodResolver((contracts) => contracts.signInBodySchema);
const fields = ['email', 'password'] as const;

export default function SignInPage() {
  const setSessionUser = useSetSessionUser();
  const form = useForm({
    resolver,
    defaultValues: { email: '', password: '' },
  });
  const { errors } = form.formState;

  const signIn = useMutation({
    mutationFn: authApi.signIn,
    // The guest-only guard around this page sees the user and continues to `next`.
    onSuccess: ({ user }) => setSessionUser(user),
    onError: (error) => {
      for (const [field, message] of Object.entries(mapErrorDetails(error, fields).fieldErrors)) {
        form.setError(field as (typeof fields)[number], { type: 'server', message });
      }
      if (isApiError(error) && error.code === 'INVALID_CREDENTIALS') {
        // A wrong password is retyped, not edited.
        form.resetField('password');
        form.setFocus('password');
      }
    },
  });

  return (
    <AuthLayout
      title="Sign in"
      intro={<p>Welcome back. Sign in to continue working on your brand.</p>}
      footer={
        <p>
          New to IDEA Brand Coach? <NextLink to={PAGE_PATHS.signUp}>Create your free account</NextLink>
        </p>
      }
    >
      <form noValidate className="space-y-5" onSubmit={form.handleSubmit((values) => signIn.mutate(values))}>
        <FormErrorAlert
          key={signIn.submittedAt}
          error={signIn.error}
          fields={fields}
          title={
            // Said only after the right password: the message carries the purge date and the contact.
            isApiError(signIn.error) && signIn.error.code === 'ACCOUNT_PENDING_DELETION'
              ? 'Your account is scheduled for deletion'
              : 'We couldn’t sign you in'
          }
        />
        <EmailField error={errors.email?.message} {...form.register('email')} />
        <div className="space-y-2">
          <PasswordField
            label="Password"
            autoComplete="current-password"
            error={errors.password?.message}
            {...form.register('password')}
          />
          <p className="text-right text-sm">
            <TextLink to={PAGE_PATHS.forgotPassword}>Forgot your password?</TextLink>
          </p>
        </div>
        <Button
          type="submit"
          size="lg"
          className="w-full"
          pending={signIn.isPending}
          pendingLabel="Signing in…"
        >
          Sign in
        </Button>
      </form>
    </AuthLayout>
  );
}
