import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { LEAD_CONSENT_TEXT } from '../../../core/diagnostic/lead-consent.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { EmailField } from '../../components/text-field.tsx';
import { AltchaField } from '../../kit/proof-of-work/altcha-field.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { mapErrorDetails } from '../../lib/form-errors.ts';
import { lazyZodResolver } from '../../lib/lazy-zod-resolver.ts';
import { ALTCHA_CHALLENGE_URL, diagnosticApi } from './api.ts';

const resolver = lazyZodResolver((contracts) => contracts.leadCaptureBodySchema);
const fields = ['email', 'consent', 'altcha'] as const;

/** Optional: the report by email, for people who want it in their inbox. */
export function LeadCaptureForm({ resultId }: { resultId: string }) {
  const headingId = useId();
  const consentId = useId();
  const consentErrorId = useId();
  const honeypotId = useId();
  const successRef = useRef<HTMLDivElement>(null);
  const [resetSignal, setResetSignal] = useState(0);
  const form = useForm({ resolver, defaultValues: { email: '', altcha: '', website: '' } });
  const { errors } = form.formState;

  const send = useMutation({
    mutationFn: (body: Parameters<typeof diagnosticApi.emailDiagnosticReport>[1]) =>
      diagnosticApi.emailDiagnosticReport(resultId, body),
    onSuccess: () => {
      // The form is replaced by the confirmation; keep keyboard and screen-reader users with it.
      requestAnimationFrame(() => successRef.current?.focus());
    },
    onError: (error) => {
      for (const [field, message] of Object.entries(mapErrorDetails(error, fields).fieldErrors)) {
        form.setError(field as (typeof fields)[number], { type: 'server', message });
      }
      if (isApiError(error) && error.code === 'CAPTCHA_FAILED') {
        form.setError('altcha', { type: 'server', message: error.message });
      }
      // A solution counts once: whatever went wrong, the next attempt needs a fresh one.
      form.setValue('altcha', '');
      setResetSignal((value) => value + 1);
    },
  });

  if (send.isSuccess) {
    return (
      <section aria-labelledby={headingId} className="space-y-3">
        <h2 id={headingId} className="text-xl font-semibold text-slate-900">
          Get this report by email
        </h2>
        <div ref={successRef} tabIndex={-1} className="focus:outline-none">
          <Alert tone="success" title="Check your inbox">
            <p>
              We’ve sent your report to <strong className="break-all">{send.variables.email}</strong>. It can
              take a minute or two to arrive.
            </p>
          </Alert>
        </div>
      </section>
    );
  }

  const captchaFailed = isApiError(send.error) && send.error.code === 'CAPTCHA_FAILED';

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div className="space-y-1">
        <h2 id={headingId} className="text-xl font-semibold text-slate-900">
          Get this report by email
        </h2>
        <p className="text-slate-700">
          We’ll send the PDF report to your inbox, so it’s there when you need it.
        </p>
      </div>
      <form noValidate className="space-y-5" onSubmit={form.handleSubmit((values) => send.mutate(values))}>
        {captchaFailed ? null : (
          <FormErrorAlert
            key={send.submittedAt}
            error={send.error}
            fields={fields}
            title="We couldn’t send the report"
          />
        )}
        <EmailField error={errors.email?.message} {...form.register('email')} />
        <div className="space-y-1.5">
          <div className="flex items-start gap-3">
            <input
              id={consentId}
              type="checkbox"
              aria-invalid={errors.consent ? true : undefined}
              aria-describedby={errors.consent ? consentErrorId : undefined}
              className="mt-0.5 size-5 shrink-0 accent-brand-700"
              {...form.register('consent')}
            />
            <label htmlFor={consentId} className="text-sm text-slate-800">
              {LEAD_CONSENT_TEXT}
            </label>
          </div>
          {errors.consent ? (
            <p id={consentErrorId} className="text-sm font-medium text-red-700">
              {errors.consent.message}
            </p>
          ) : null}
        </div>
        <AltchaField
          challengeUrl={ALTCHA_CHALLENGE_URL}
          resetSignal={resetSignal}
          error={errors.altcha?.message}
          onPayload={(payload) => {
            form.setValue('altcha', payload ?? '');
            if (payload) form.clearErrors('altcha');
          }}
        />
        {/* People never see this field; bots that fill in every input give themselves away. */}
        <div aria-hidden="true" className="sr-only">
          <label htmlFor={honeypotId}>Website</label>
          <input id={honeypotId} type="text" tabIndex={-1} autoComplete="off" {...form.register('website')} />
        </div>
        <Button type="submit" pending={send.isPending} pendingLabel="Sending…">
          Email me the report
        </Button>
      </form>
    </section>
  );
}
