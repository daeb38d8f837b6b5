import { useMutation } from '@tanstack/react-query';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { describeError } from '../../lib/api-client.ts';
import { saveFile } from '../../lib/save-file.ts';
import { settingsApi } from './api.ts';
import { fallbackExportFilename } from './lifecycle.ts';
import { SettingsSection } from './settings-section.tsx';

export function ExportSection() {
  const download = useMutation({
    mutationFn: async () => {
      const file = await settingsApi.downloadAccountExport();
      const filename = file.filename ?? fallbackExportFilename(new Date());
      saveFile(file.blob, filename);
      return filename;
    },
  });

  return (
    <SettingsSection
      id="export"
      title="Export your data"
      description={
        <p>
          Download everything in your account as one ZIP file: your profile; your brands with their
          worksheets, canvas and customer avatars (and their saved versions); your diagnostic results, Insight
          snapshots, Value Lens copy, surveys and their answers, coach conversations and AI usage, as JSON;
          the documents you uploaded, as you uploaded them and with the text read from them; and PDF reports
          of your diagnostics, brand canvases, avatars and Insight snapshots.
        </p>
      }
    >
      {download.isSuccess ? (
        <Alert tone="success">
          <p>
            Your export has downloaded as <span className="break-all font-medium">{download.data}</span>.
          </p>
        </Alert>
      ) : null}
      {download.isError ? (
        <Alert key={download.submittedAt} tone="error" title="We couldn’t export your data">
          <p>{describeError(download.error)}</p>
        </Alert>
      ) : null}
      <Button
        variant="secondary"
        pending={download.isPending}
        pendingLabel="Preparing your export…"
        onClick={() => download.mutate()}
      >
        Download my data
      </Button>
    </SettingsSection>
  );
}
