import type { ReactNode } from 'react';
import { Alert } from '../../components/alert.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { describeError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { BrandSwitcher } from './brand-switcher.tsx';
import { ConflictDialog } from './conflict-dialog.tsx';
import { useHashTarget } from './hash-target.ts';
import { SaveStatus } from './save-status.tsx';
import type { ItemController } from './use-workspace-item.ts';

interface WorkspacePageProps<T> {
  title: string;
  intro?: ReactNode;
  /** The item the page edits: its save status and conflicts are shown by the page frame. */
  controller?: ItemController<T>;
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * The frame of every workspace page: title, brand switcher, save status, conflict dialog; a link
 * with `#field-…` (a search hit, a citation) lands on that field.
 */
export function WorkspacePage<T>({ title, intro, controller, actions, children }: WorkspacePageProps<T>) {
  useDocumentTitle(title);
  useHashTarget();
  return (
    <div className="mx-auto w-full max-w-5xl space-y-6 px-4 py-8 sm:px-6">
      <header className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{title}</h1>
          <BrandSwitcher />
        </div>
        {intro ? <div className="max-w-3xl text-slate-700">{intro}</div> : null}
        <div className="flex flex-wrap items-center justify-between gap-3">
          {controller ? (
            <SaveStatus status={controller.status} errorMessage={controller.errorMessage} />
          ) : (
            <span />
          )}
          {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
        </div>
      </header>
      {controller?.loadError ? <Alert tone="error">{describeError(controller.loadError)}</Alert> : null}
      {controller && controller.status === 'loading' && !controller.loadError ? <PageLoader /> : children}
      {controller ? <ConflictDialog conflict={controller.conflict} /> : null}
    </div>
  );
}
