import type { DocumentStatus } from '../../../core/knowledge/documents.ts';
import { cx } from '../../components/cx.ts';
import { Spinner } from '../../components/spinner.tsx';

const LABELS: Record<DocumentStatus, string> = {
  queued: 'Waiting to be processed',
  processing: 'Processing',
  ready: 'Ready',
  failed: 'Could not be processed',
};

const TONES: Record<DocumentStatus, string> = {
  queued: 'bg-slate-100 text-slate-800',
  processing: 'bg-brand-50 text-brand-900',
  ready: 'bg-emerald-100 text-emerald-900',
  failed: 'bg-red-100 text-red-900',
};

/** Where a document is in processing, in words (the colour only repeats them). */
export function StatusBadge({ status }: { status: DocumentStatus }) {
  const working = status === 'queued' || status === 'processing';
  return (
    <span
      data-document-status={status}
      className={cx(
        'inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold',
        TONES[status],
      )}
    >
      {working ? <Spinner className="size-3.5" /> : null}
      {LABELS[status]}
    </span>
  );
}
