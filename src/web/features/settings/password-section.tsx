import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { SessionUser } from '../../../core/auth/contracts.ts';
import type { ChangePasswordBody, ChangePasswordResponse } from '../../../core/settings/contracts.ts';
import { countOf } from '../../../core/text/plural.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { PasswordField } from '../../components/text-field.tsx';
import { findPasswordProblem, WEAK_PASSWORD_MESSAGE } from '../../kit/account/password-policy.ts';
import { usePasswordEstimator } from '../../kit/account/password-strength.ts';
import { PasswordStrengthMeter } from '../../kit/account/password-strength-meter.tsx';
import { mapErrorDetails } from '../../lib/form-errors.ts';
import { lazyZodResolver } from '../../lib/lazy-zod-resolver.ts';
import { settingsApi } from './api.ts';
import { settingsKeys } from './queries.ts';
import { SettingsSection } from './settings-section.tsx';

const resolver = lazyZodResolver((contracts) => contracts.changePasswordBodySchema);
const fields = ['currentPassword', 'newPassword'] as const;
// The password policy names its field `password`; here that is the new one.
const aliases = { password: 'newPassword' } as const;

function successMessage(result: ChangePasswordResponse): string {
  const { otherSessionsRevoked: others } = result;
  const signedOut = others > 0 ? ` We signed you out of ${countOf(others, 'other device')}.` : '';
  return `Your password has been changed.${signedOut} We’ve emailed you to confirm the change.`;
}

export function PasswordSection({ user }: { user: SessionUser }) {
  const queryClient = useQueryClient();
  const meterId = useId();
  const signOutId = useId();
  const estimator = usePasswordEstimator();
  const form = useForm({
    resolver,
    defaultValues: { currentPassword: '', newPassword: '', signOutOtherDevices: false },
  });
  const { errors } = form.formState;
  const newPassword = useWatch({ control: form.control, name: 'newPassword' });

  const change = useMutation({
    mutationFn: settingsApi.changePassword,
    onSuccess: () => {
      form.reset();
      // Other devices may have been signed out, and this one now has a fresh session.
      void queryClient.invalidateQueries({ queryKey: settingsKeys.sessions });
    },
    onError: (error) => {
      const { fieldErrors } = mapErrorDetails(error, fields, aliases);
      for (const field of fields) {
        const message = fieldErrors[field];
        if (message) form.setError(field, { type: 'server', message }, { shouldFocus: true });
      }
    },
  });

  async function submit(values: ChangePasswordBody) {
    change.reset();
    if (await findPasswordProblem(values.newPassword, [user.name, user.email])) {
      form.setError('newPassword', { type: 'policy', message: WEAK_PASSWORD_MESSAGE }, { shouldFocus: true });
      return;
    }
    change.mutate(values);
  }

  const newPasswordField = form.register('newPassword');

  return (
    <SettingsSection
      id="password"
      title="Password"
      description={<p>Enter your current password, then choose a new one.</p>}
    >
      <form noValidate className="space-y-5" onSubmit={form.handleSubmit(submit)}>
        <FormErrorAlert
          key={change.submittedAt}
          error={change.error}
          fields={fields}
          aliases={aliases}
          title="We couldn’t change your password"
        />
        {change.isSuccess ? (
          <Alert tone="success">
            <p>{successMessage(change.data)}</p>
          </Alert>
        ) : null}
        <PasswordField
          label="Current password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...form.register('currentPassword')}
        />
        <div className="space-y-3">
          <PasswordField
            label="New password"
            autoComplete="new-password"
            error={errors.newPassword?.message}
            aria-describedby={meterId}
            onFocus={estimator.load}
            {...newPasswordField}
          />
          <PasswordStrengthMeter
            id={meterId}
            password={newPassword}
            userInputs={[user.name, user.email]}
            assess={estimator.assess}
            estimatorFailed={estimator.failed}
            showFailures={Boolean(errors.newPassword)}
          />
        </div>
        <div className="flex items-start gap-3">
          <input
            id={signOutId}
            type="checkbox"
            className="mt-0.5 size-5 shrink-0 rounded border-slate-500 accent-brand-700"
            {...form.register('signOutOtherDevices')}
          />
          <label htmlFor={signOutId} className="text-slate-800">
            <span className="font-medium text-slate-900">Sign out of all other devices</span>
            <span className="block text-sm text-slate-600">
              Recommended if you think someone else knows your old password.
            </span>
          </label>
        </div>
        <Button
          type="submit"
          pending={change.isPending || form.formState.isSubmitting}
          pendingLabel="Changing…"
        >
          Change password
        </Button>
      </form>
    </SettingsSection>
  );
}
