import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SETTINGS_TIPS_CONSENT_TEXT } from '../../../core/email-consent/consent-texts.ts';
import { Alert } from '../../components/alert.tsx';
import { describeError } from '../../lib/api-client.ts';
import { formatDate } from '../../lib/format-date.ts';
import { settingsApi } from './api.ts';
import { SettingsSection } from './settings-section.tsx';

const preferencesKey = ['settings', 'email-preferences'] as const;

const SOURCE_LABELS = {
  'diagnostic-lead': 'when you asked for your diagnostic report by email',
  settings: 'here in Settings',
} as const;

/**
 * Marketing email the user can turn on and off: the brand-strategy tips. Turning them on records a
 * consent in the words shown here; turning them off withdraws it, as the emails' unsubscribe link does.
 */
export function EmailPreferencesSection() {
  const queryClient = useQueryClient();
  const preferences = useQuery({ queryKey: preferencesKey, queryFn: settingsApi.emailPreferences });
  // The box shows the choice in the same render as the click (the mutation's pending state arrives a
  // moment later), and the saved value once the server has answered, or the old one on an error.
  const [requested, setRequested] = useState<boolean | undefined>();
  const change = useMutation({
    mutationFn: (subscribed: boolean) => settingsApi.setEmailPreferences({ productTips: subscribed }),
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
    onSettled: () => setRequested(undefined),
  });
  const subscribed = requested ?? preferences.data?.productTips.subscribed;
  const consent = preferences.data?.productTips.consent;

  return (
    <SettingsSection
      id="email-preferences"
      title="Email preferences"
      description={
        <p>
          Brand-strategy tips are three short emails over two weeks about your weakest IDEA dimension. Emails
          about your account, such as password resets and security notices, always arrive.
        </p>
      }
    >
      {preferences.isError ? <Alert tone="error">{describeError(preferences.error)}</Alert> : null}
      {change.isError ? (
        <Alert key={change.submittedAt} tone="error">
          {describeError(change.error)}
        </Alert>
      ) : null}
      <label className="flex min-h-11 items-start gap-3">
        <input
          type="checkbox"
          className="mt-1 size-4 shrink-0 accent-brand-700"
          checked={subscribed ?? false}
          disabled={subscribed === undefined || change.isPending}
          onChange={(event) => {
            setRequested(event.target.checked);
            change.mutate(event.target.checked);
          }}
        />
        <span className="text-slate-900">{SETTINGS_TIPS_CONSENT_TEXT}</span>
      </label>
      {consent && requested === undefined ? (
        <p className="text-sm text-slate-700">
          You agreed {SOURCE_LABELS[consent.source]} on {formatDate(consent.consentedAt)}.
        </p>
      ) : null}
      {change.isSuccess ? (
        <p role="status" className="text-sm text-slate-700">
          {change.data.productTips.subscribed ? 'Tips are on.' : 'Tips are off. We won’t send you any more.'}
        </p>
      ) : null}
    </SettingsSection>
  );
}
