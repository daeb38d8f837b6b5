import { cx } from '../../components/cx.ts';
import type { ItemController } from './use-workspace-item.ts';

const LABELS: Record<ItemController<unknown>['status'], string> = {
  loading: 'Loading…',
  saved: 'All changes saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  offline: 'Offline — your changes are kept here and will be saved when you reconnect',
  conflict: 'Changed elsewhere — choose which version to keep',
  error: 'Not saved',
};

const TONES: Record<ItemController<unknown>['status'], string> = {
  loading: 'text-slate-600',
  saved: 'text-emerald-800',
  unsaved: 'text-slate-700',
  saving: 'text-slate-700',
  offline: 'text-amber-800',
  conflict: 'text-amber-800',
  error: 'text-red-700',
};

/** The saved / saving / offline indicator every workspace page shows. Polite: it never interrupts typing. */
export function SaveStatus({
  status,
  errorMessage,
  className,
}: {
  status: ItemController<unknown>['status'];
  errorMessage?: string | null;
  className?: string;
}) {
  return (
    <p
      role="status"
      className={cx('text-sm font-medium', TONES[status], className)}
      data-save-status={status}
    >
      <span aria-hidden="true" className="mr-1.5 inline-block size-2 rounded-full bg-current align-middle" />
      {LABELS[status]}
      {status === 'error' && errorMessage ? `: ${errorMessage}` : null}
    </p>
  );
}
