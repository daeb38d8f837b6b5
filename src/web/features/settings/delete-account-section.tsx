import { useMutation } from '@tanstack/react-query';
import { type RefObject, useId, useRef } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import type { AccountDeletionRequest } from '../../../core/account/lifecycle-contracts.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Button, buttonClasses } from '../../components/button.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { PasswordField, TextField } from '../../components/text-field.tsx';
import { mapErrorDetails } from '../../lib/form-errors.ts';
import { lazyZodResolver } from '../../lib/lazy-zod-resolver.ts';
import { settingsApi } from './api.ts';
import { DELETION_CONFIRMATION_WORD } from './lifecycle.ts';
import { SettingsSection } from './settings-section.tsx';

interface DeletionForm {
  confirmation: string;
  password: string;
}

// The schema's input type says `confirmation` is already "DELETE"; the form holds whatever was typed,
// which is exactly what the schema is there to check.
const resolver = lazyZodResolver(
  (contracts) => contracts.accountDeletionRequestSchema,
) as unknown as Resolver<DeletionForm, unknown, AccountDeletionRequest>;
const fields = ['confirmation', 'password'] as const;

/** Where a deleted account lands: a public page, since every session has just ended. */
export function accountDeletedPath(purgeAfter: string): string {
  return `${PAGE_PATHS.accountDeleted}?${new URLSearchParams({ purgeAfter })}`;
}

interface DeleteAccountDialogProps {
  dialogRef: RefObject<HTMLDialogElement | null>;
  /** Runs once the dialog has closed without deleting, e.g. to return focus to its opener. */
  onClosed: () => void;
}

function DeleteAccountDialog({ dialogRef, onClosed }: DeleteAccountDialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const form = useForm<DeletionForm, unknown, AccountDeletionRequest>({
    resolver,
    defaultValues: { confirmation: '', password: '' },
  });
  const { errors } = form.formState;

  const deletion = useMutation({
    mutationFn: settingsApi.requestAccountDeletion,
    onSuccess: ({ purgeAfter }) => {
      // A full page load: it drops every cached answer that belonged to the account, and no signed-in
      // page stays mounted to bounce to sign-in.
      window.location.assign(accountDeletedPath(purgeAfter));
      return new Promise<never>(() => {});
    },
    onError: (error) => {
      const { fieldErrors } = mapErrorDetails(error, fields);
      for (const field of fields) {
        const message = fieldErrors[field];
        if (message) form.setError(field, { type: 'server', message }, { shouldFocus: true });
      }
    },
  });

  function close() {
    dialogRef.current?.close();
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        // Escape must not hide a deletion that is already on its way.
        if (deletion.isPending) event.preventDefault();
      }}
      onClose={() => {
        form.reset();
        deletion.reset();
        onClosed();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-2xl border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/60"
    >
      <form
        noValidate
        className="space-y-5 p-5 sm:p-6"
        onSubmit={form.handleSubmit((values) => deletion.mutate(values))}
      >
        <h2 id={titleId} className="text-xl font-semibold text-slate-900">
          Delete your account?
        </h2>
        <div id={descriptionId} className="space-y-2 text-slate-700">
          <p>
            You’ll be signed out on every device straight away and won’t be able to sign in again. After the
            grace period, your account and everything in it are deleted for good.
          </p>
          <p>If you might want your data, download it first.</p>
        </div>
        <FormErrorAlert
          key={deletion.submittedAt}
          error={deletion.error}
          fields={fields}
          title="Your account has not been deleted"
        />
        <TextField
          label={
            <>
              Type <span className="font-mono">{DELETION_CONFIRMATION_WORD}</span> to confirm
            </>
          }
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          error={errors.confirmation?.message}
          {...form.register('confirmation')}
        />
        <PasswordField
          label="Your password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...form.register('password')}
        />
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={close} disabled={deletion.isPending}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="danger"
            pending={deletion.isPending || form.formState.isSubmitting}
            pendingLabel="Deleting…"
          >
            Delete my account
          </Button>
        </div>
      </form>
    </dialog>
  );
}

export function DeleteAccountSection() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  return (
    <SettingsSection
      id="delete-account"
      title="Delete account"
      tone="danger"
      description={
        <p>
          Closes your account and signs you out everywhere. Your data is kept for a grace period, during which
          it can still be restored on request, and is then permanently deleted.
        </p>
      }
    >
      <button
        ref={openerRef}
        type="button"
        className={buttonClasses('danger')}
        onClick={() => dialogRef.current?.showModal()}
      >
        Delete my account…
      </button>
      <DeleteAccountDialog dialogRef={dialogRef} onClosed={() => openerRef.current?.focus()} />
    </SettingsSection>
  );
}
