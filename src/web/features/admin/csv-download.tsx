import { useMutation } from '@tanstack/react-query';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { describeError, downloadFile } from '../../lib/api-client.ts';
import { saveFile } from '../../lib/save-file.ts';

/**
 * A CSV export of an admin list: fetched first, so a failure shows here instead of the browser
 * navigating to an error, then handed to the browser's save flow. The server records each export in
 * the audit log.
 */
export function CsvDownload({
  path,
  label,
  fallbackName,
}: {
  path: string;
  label: string;
  fallbackName: string;
}) {
  const download = useMutation({
    mutationFn: async () => {
      const file = await downloadFile(path);
      const filename = file.filename ?? fallbackName;
      saveFile(file.blob, filename);
      return filename;
    },
  });
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        pending={download.isPending}
        pendingLabel="Preparing the CSV…"
        onClick={() => download.mutate()}
      >
        {label}
      </Button>
      {download.isError ? (
        <Alert key={download.submittedAt} tone="error" title="The CSV couldn’t be downloaded">
          <p>{describeError(download.error)}</p>
        </Alert>
      ) : null}
      {download.isSuccess ? (
        <p role="status" className="text-sm text-slate-700">
          Downloaded <span className="break-all font-medium">{download.data}</span>.
        </p>
      ) : null}
    </div>
  );
}
