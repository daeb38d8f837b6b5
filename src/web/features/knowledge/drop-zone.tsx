/**
 * Where files are added: dropped onto the zone, or chosen with its button (the way in for keyboards,
 * screen readers and phones, where there is nothing to drag).
 */
import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { DOCUMENT_MAX_BYTES } from '../../../core/knowledge/documents.ts';
import { formatBytes } from '../../../core/system/format.ts';
import { Button } from '../../components/button.tsx';
import { cx } from '../../components/cx.ts';
import { DOCUMENT_ACCEPT, FORMAT_LIST } from './upload-rules.ts';

function carriesFiles(event: { dataTransfer: DataTransfer | null }): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * A file dropped beside the zone would make the browser open it in place of the app, dropping any
 * upload in progress: while the page is open, such a drop does nothing.
 */
function useIgnoreStrayDrops() {
  useEffect(() => {
    const ignore = (event: globalThis.DragEvent) => {
      if (carriesFiles(event)) event.preventDefault();
    };
    window.addEventListener('dragover', ignore);
    window.addEventListener('drop', ignore);
    return () => {
      window.removeEventListener('dragover', ignore);
      window.removeEventListener('drop', ignore);
    };
  }, []);
}

export function DropZone({
  onFiles,
  disabled = false,
}: {
  onFiles(files: File[]): void;
  disabled?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child the pointer crosses: count them to know when it left.
  const depth = useRef(0);
  useIgnoreStrayDrops();

  function onDragEnter(event: DragEvent) {
    if (!carriesFiles(event) || disabled) return;
    event.preventDefault();
    depth.current += 1;
    setOver(true);
  }
  function onDragOver(event: DragEvent) {
    if (!carriesFiles(event) || disabled) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }
  function onDragLeave() {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  }
  function onDrop(event: DragEvent) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current = 0;
    setOver(false);
    if (!disabled) onFiles([...event.dataTransfer.files]);
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is the pointer shortcut; the button below does the same for everyone.
    <div
      data-testid="document-drop-zone"
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      className={cx(
        'flex flex-col items-center gap-3 rounded-2xl border-2 border-dashed px-4 py-8 text-center transition-colors',
        over ? 'border-brand-600 bg-brand-50' : 'border-slate-300 bg-slate-50',
      )}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="size-8 text-brand-700"
      >
        <path d="M12 16V4m0 0-4 4m4-4 4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
      </svg>
      <p className="font-semibold text-slate-900">{over ? 'Drop to upload' : 'Drag files here, or'}</p>
      <Button disabled={disabled} aria-describedby={hintId} onClick={() => input.current?.click()}>
        Choose files
      </Button>
      <p id={hintId} className="max-w-md text-sm text-slate-600">
        {FORMAT_LIST}, up to {formatBytes(DOCUMENT_MAX_BYTES)} each. Several files upload one after another.
      </p>
      <input
        ref={input}
        type="file"
        multiple
        accept={DOCUMENT_ACCEPT}
        aria-label="Choose files to upload"
        className="hidden"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Choosing the same file again (after renaming it, say) must fire a change.
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
