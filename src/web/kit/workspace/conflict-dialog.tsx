import { useEffect, useId, useRef } from 'react';
import { Button } from '../../components/button.tsx';
import { formatTime } from '../../lib/format-date.ts';
import type { ItemController } from './use-workspace-item.ts';
import { changedFields, humanise, valueText } from './value-text.ts';

/**
 * Shown when this tab's save met a newer copy saved elsewhere. Both versions are on screen and
 * nothing is lost until the user picks one; "Keep mine" saves this tab's copy on top.
 */
export function ConflictDialog<T>({ conflict }: { conflict: ItemController<T>['conflict'] }) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Unique per dialog: a page editing several items renders one dialog for each.
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (conflict && !element.open) element.showModal();
    if (!conflict && element.open) element.close();
  }, [conflict]);

  const mine = (conflict?.mine.data ?? {}) as Record<string, unknown>;
  const theirs = (conflict?.theirs.data ?? {}) as Record<string, unknown>;
  const fields = conflict ? changedFields(mine, theirs) : [];

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      // Escape would leave the choice unmade; the two buttons are the only ways out.
      onCancel={(event) => event.preventDefault()}
      className="m-auto w-[min(42rem,calc(100vw-2rem))] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/50"
    >
      {conflict ? (
        <div className="space-y-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            This was changed in another tab or device
          </h2>
          <p className="text-sm text-slate-700">
            Someone saved a newer version
            {conflict.theirs.updatedAt ? ` at ${formatTime(conflict.theirs.updatedAt)}` : ''} while you were
            editing. Choose which version to keep; the other one stays in the revision history only if it was
            saved.
          </p>
          {fields.length > 0 ? (
            <div className="max-h-[50vh] overflow-auto rounded-lg border border-slate-200">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Fields that differ between the two versions</caption>
                <thead className="bg-slate-50">
                  <tr>
                    <th scope="col" className="p-2 font-semibold">
                      Field
                    </th>
                    <th scope="col" className="p-2 font-semibold">
                      Your version
                    </th>
                    <th scope="col" className="p-2 font-semibold">
                      Other version
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {fields.map((field) => (
                    <tr key={field} className="border-t border-slate-200 align-top">
                      <th scope="row" className="p-2 font-medium">
                        {humanise(field)}
                      </th>
                      <td className="p-2 break-words whitespace-pre-wrap">{valueText(mine[field])}</td>
                      <td className="p-2 break-words whitespace-pre-wrap">{valueText(theirs[field])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="text-sm text-slate-700">The two versions have the same content.</p>
          )}
          <div className="flex flex-wrap gap-3">
            <Button onClick={() => conflict.keepMine()}>Keep my version</Button>
            <Button variant="secondary" onClick={() => conflict.acceptTheirs()}>
              Use the other version
            </Button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
