import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import type { SessionUser } from '../../../core/auth/contracts.ts';
import { NAME_MAX_LENGTH } from '../../../core/auth/limits.ts';
import type { UpdateProfileBody } from '../../../core/settings/contracts.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { ResendVerificationEmail } from '../../kit/account/resend-verification.tsx';
import { mapErrorDetails } from '../../lib/form-errors.ts';
import { lazyZodResolver } from '../../lib/lazy-zod-resolver.ts';
import { useSetSessionUser } from '../../lib/session.ts';
import { settingsApi } from './api.ts';
import { ChangeEmailForm } from './change-email-form.tsx';
import { SettingsSection } from './settings-section.tsx';

const resolver = lazyZodResolver((contracts) => contracts.updateProfileBodySchema);
const fields = ['name'] as const;

function EmailStatus({ user }: { user: SessionUser }) {
  return (
    <div className="space-y-3">
      <dl className="space-y-1">
        <dt className="text-sm font-semibold text-slate-900">Email</dt>
        <dd className="flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-800">
          <span className="break-all">{user.email}</span>{' '}
          {user.emailVerified ? (
            <span className="rounded-full bg-emerald-50 px-2.5 py-0.5 text-sm font-medium text-emerald-800">
              Verified
            </span>
          ) : (
            <span className="rounded-full bg-amber-50 px-2.5 py-0.5 text-sm font-medium text-amber-900">
              Not verified
            </span>
          )}
        </dd>
      </dl>
      <p className="text-sm text-slate-600">
        Your email is your sign-in name. To change it, confirm the new address with the link we send there.
      </p>
      <ChangeEmailForm />
      {user.emailVerified ? null : (
        <div className="space-y-3">
          <p className="text-sm text-slate-700">
            Verify it so we can reach you about your account, for example to reset your password.
          </p>
          <ResendVerificationEmail />
        </div>
      )}
    </div>
  );
}

export function ProfileSection({ user }: { user: SessionUser }) {
  const setSessionUser = useSetSessionUser();
  const form = useForm({ resolver, defaultValues: { name: user.name } });
  const { errors, isDirty } = form.formState;

  const save = useMutation({
    mutationFn: settingsApi.updateProfile,
    onSuccess: ({ user: updated }) => {
      // The header and every page read the session, so they show the new name at once.
      setSessionUser(updated);
      form.reset({ name: updated.name });
    },
    onError: (error) => {
      const { name } = mapErrorDetails(error, fields).fieldErrors;
      if (name) form.setError('name', { type: 'server', message: name }, { shouldFocus: true });
    },
  });

  function submit(values: UpdateProfileBody) {
    save.reset();
    save.mutate(values);
  }

  return (
    <SettingsSection id="profile" title="Profile">
      <form noValidate className="space-y-4" onSubmit={form.handleSubmit(submit)}>
        <FormErrorAlert
          key={save.submittedAt}
          error={save.error}
          fields={fields}
          title="We couldn’t save your name"
        />
        {save.isSuccess && !isDirty ? (
          <Alert tone="success">
            <p>Your name has been saved.</p>
          </Alert>
        ) : null}
        <TextField
          label="Name"
          description="Shown on your dashboard and in emails we send you."
          autoComplete="name"
          maxLength={NAME_MAX_LENGTH}
          error={errors.name?.message}
          {...form.register('name')}
        />
        <Button type="submit" pending={save.isPending} pendingLabel="Saving…">
          Save name
        </Button>
      </form>
      <div className="border-t border-slate-200 pt-5">
        <EmailStatus user={user} />
      </div>
    </SettingsSection>
  );
}
