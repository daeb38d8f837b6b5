import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert } from '../../components/alert.tsx';
import { describeError } from '../../lib/api-client.ts';
import { settingsApi } from './api.ts';
import { SettingsSection } from './settings-section.tsx';

const digestKey = ['settings', 'survey-digest'] as const;

/** The daily email about new survey answers: on unless the owner turns it off here. */
export function SurveyDigestSection() {
  const queryClient = useQueryClient();
  const preference = useQuery({ queryKey: digestKey, queryFn: settingsApi.surveyDigest });
  const change = useMutation({
    mutationFn: (enabled: boolean) => settingsApi.setSurveyDigest(enabled),
    onSuccess: (saved) => queryClient.setQueryData(digestKey, saved),
  });
  const enabled = change.isPending ? change.variables : preference.data?.enabled;

  return (
    <SettingsSection
      id="email"
      title="Email about survey answers"
      description={
        <p>
          Once a day, when your surveys have received new answers, we email you how many and where to read
          them. Days without answers send nothing.
        </p>
      }
    >
      {preference.isError ? <Alert tone="error">{describeError(preference.error)}</Alert> : null}
      {change.isError ? (
        <Alert key={change.submittedAt} tone="error">
          {describeError(change.error)}
        </Alert>
      ) : null}
      <label className="flex min-h-11 items-center gap-3">
        <input
          type="checkbox"
          className="size-4 accent-brand-700"
          checked={enabled ?? false}
          disabled={enabled === undefined || change.isPending}
          onChange={(event) => change.mutate(event.target.checked)}
        />
        <span className="text-slate-900">Email me a daily summary of new survey answers</span>
      </label>
      {change.isSuccess ? (
        <p role="status" className="text-sm text-slate-700">
          {change.data.enabled ? 'The daily summary is on.' : 'The daily summary is off.'}
        </p>
      ) : null}
    </SettingsSection>
  );
}
