import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ChangeEmailBody } from '../../../core/settings/contracts.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { EmailField, PasswordField } from '../../components/text-field.tsx';
import { mapErrorDetails } from '../../lib/form-errors.ts';
import { lazyZodResolver } from '../../lib/lazy-zod-resolver.ts';
import { settingsApi } from './api.ts';

const resolver = lazyZodResolver((contracts) => contracts.changeEmailBodySchema);
const fields = ['newEmail', 'currentPassword'] as const;

/**
 * Moving the account to another address: a link goes to the new one, and nothing changes until it is
 * opened there; then the old address is told. Hidden behind a button, as it is rarely needed.
 */
export function ChangeEmailForm() {
  const [open, setOpen] = useState(false);
  const form = useForm({ resolver, defaultValues: { newEmail: '', currentPassword: '' } });
  const { errors } = form.formState;

  const change = useMutation({
    mutationFn: settingsApi.changeEmail,
    onSuccess: () => {
      form.reset();
      setOpen(false);
    },
    onError: (error) => {
      const { fieldErrors } = mapErrorDetails(error, fields);
      for (const field of fields) {
        const message = fieldErrors[field];
        if (message) form.setError(field, { type: 'server', message }, { shouldFocus: true });
      }
    },
  });

  function submit(values: ChangeEmailBody) {
    change.reset();
    change.mutate(values);
  }

  return (
    <div className="space-y-3">
      {change.isSuccess ? (
        <Alert tone="success" title="Check your new inbox">
          <p>
            We sent a link to <strong className="break-all">{change.data.pendingEmail}</strong>. Your address
            changes when you open it (within 24 hours); until then you keep signing in with your current one.
          </p>
        </Alert>
      ) : null}
      {open ? (
        <form noValidate className="space-y-4" onSubmit={form.handleSubmit(submit)} aria-label="Change email">
          <FormErrorAlert
            key={change.submittedAt}
            error={change.error}
            fields={fields}
            title="We couldn’t start the change"
          />
          <EmailField
            label="New email"
            autoComplete="email"
            error={errors.newEmail?.message}
            {...form.register('newEmail')}
          />
          <PasswordField
            label="Current password"
            autoComplete="current-password"
            error={errors.currentPassword?.message}
            {...form.register('currentPassword')}
          />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" pending={change.isPending} pendingLabel="Sending…">
              Send confirmation link
            </Button>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          Change email
        </Button>
      )}
    </div>
  );
}
