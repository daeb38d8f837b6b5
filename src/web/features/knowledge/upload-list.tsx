import { formatBytes } from '../../../core/system/format.ts';
import { Button } from '../../components/button.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import type { UploadEntry, UploadQueue } from './use-upload-queue.ts';

function UploadRow({ entry, queue }: { entry: UploadEntry; queue: UploadQueue }) {
  const name = entry.file.name;
  return (
    <li className="space-y-2 py-3" data-upload-state={entry.state}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 font-medium break-words text-slate-900">
          {name} <span className="font-normal text-slate-600">· {formatBytes(entry.file.size)}</span>
        </p>
        <div className="flex flex-wrap gap-2">
          {entry.state === 'failed' && entry.retryable ? (
            <Button
              variant="secondary"
              className="min-h-10 px-3 py-1.5"
              onClick={() => queue.retry(entry.key)}
            >
              Try again<span className="sr-only"> to upload {name}</span>
            </Button>
          ) : null}
          {entry.state === 'failed' ? (
            <Button variant="ghost" className="min-h-10 px-3 py-1.5" onClick={() => queue.dismiss(entry.key)}>
              Dismiss<span className="sr-only"> {name}</span>
            </Button>
          ) : (
            <Button variant="ghost" className="min-h-10 px-3 py-1.5" onClick={() => queue.cancel(entry.key)}>
              Cancel<span className="sr-only"> upload of {name}</span>
            </Button>
          )}
        </div>
      </div>
      {entry.state === 'uploading' ? (
        <ProgressBar
          percent={entry.percent}
          label={entry.percent === 100 ? `Saving “${name}”…` : `Uploading “${name}”`}
        />
      ) : null}
      {entry.state === 'waiting' ? (
        <p className="text-sm text-slate-600">Waiting for the upload before it…</p>
      ) : null}
      {entry.state === 'failed' && entry.error ? (
        <p className="flex items-start gap-1.5 text-sm font-medium text-red-700" data-upload-error>
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-4 shrink-0">
            <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-.9 4h1.8v5H9.1V6Zm0 6.5h1.8v1.8H9.1v-1.8Z" />
          </svg>
          <span>{entry.error}</span>
        </p>
      ) : null}
    </li>
  );
}

/** The files being sent, waiting their turn, or refused with the reason. */
export function UploadList({ queue }: { queue: UploadQueue }) {
  if (queue.entries.length === 0) return null;
  return (
    <ul
      aria-label="Uploads"
      className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white px-4"
    >
      {queue.entries.map((entry) => (
        <UploadRow key={entry.key} entry={entry} queue={queue} />
      ))}
    </ul>
  );
}
