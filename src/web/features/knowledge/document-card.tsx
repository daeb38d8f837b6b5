/**
 * One document in the list: what it is and where processing stands, and what can be done with it —
 * open it, download the original, rename it (inline), replace its file, delete it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { KnowledgeDocument } from '../../../core/knowledge/contracts.ts';
import { DOCUMENT_FORMAT_LABELS, DOCUMENT_NAME_MAX } from '../../../core/knowledge/documents.ts';
import { documentPath } from '../../../core/navigation/pages.ts';
import { formatBytes } from '../../../core/system/format.ts';
import { Button, ButtonLink } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { TextField } from '../../components/text-field.tsx';
import { describeError } from '../../lib/api-client.ts';
import { formatDate } from '../../lib/format-date.ts';
import { saveFile } from '../../lib/save-file.ts';
import { knowledgeApi } from './api.ts';
import { knowledgeKeys } from './queries.ts';
import { StatusBadge } from './status-badge.tsx';
import { DOCUMENT_ACCEPT, describeUploadFailure, problemWithFile } from './upload-rules.ts';

const smallButton = 'min-h-10 px-3 py-1.5';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

function RenameForm({
  document,
  onDone,
}: {
  document: KnowledgeDocument;
  onDone(renamedTo: string | null): void;
}) {
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(document.name);
  const rename = useMutation({
    mutationFn: () => knowledgeApi.renameDocument(document.id, name.trim()),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: knowledgeKeys.documents(document.brandId) });
      onDone(result.document.name);
    },
  });
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === document.name) onDone(null);
    else rename.mutate();
  }
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone(null);
    }
  }

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} className="flex flex-wrap items-end gap-2">
      <TextField
        ref={input}
        label={
          <>
            New name<span className="sr-only"> for {document.name}</span>
          </>
        }
        value={name}
        required
        maxLength={DOCUMENT_NAME_MAX}
        onChange={(event) => setName(event.target.value)}
        error={rename.error ? describeError(rename.error) : undefined}
        className="min-w-0 flex-1 basis-56"
      />
      <div className="flex gap-2">
        <Button type="submit" pending={rename.isPending} pendingLabel="Saving…" disabled={name.trim() === ''}>
          Save name
        </Button>
        <Button variant="secondary" onClick={() => onDone(null)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function useReplaceFile(
  document: KnowledgeDocument,
  announce: (message: string) => void,
  onReplaced: (document: KnowledgeDocument) => void,
) {
  const queryClient = useQueryClient();
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function replace(file: File) {
    const problem = problemWithFile(file);
    if (problem) {
      setError(problem);
      announce(problem);
      return;
    }
    setError(null);
    setPercent(0);
    announce(`Replacing the file of “${document.name}” with “${file.name}”.`);
    try {
      const result = await knowledgeApi.replaceDocumentFile(document.id, file, {
        onProgress: (progress) => setPercent(progress.percent),
      });
      onReplaced(result.document);
      // Before the list is fetched again, which may already find it processed (said after this).
      announce(`“${document.name}” now holds “${file.name}”. It is being processed.`);
      await queryClient.invalidateQueries({ queryKey: knowledgeKeys.documents(document.brandId) });
      void queryClient.invalidateQueries({ queryKey: knowledgeKeys.text(document.id) });
    } catch (caught) {
      const failure = describeUploadFailure(caught);
      setError(failure.message);
      announce(`The file was not replaced. ${failure.message}`);
    } finally {
      setPercent(null);
    }
  }
  return { replace, percent, error };
}

export function DocumentCard({
  document,
  announce,
  onReplaced,
  onDeleted,
}: {
  document: KnowledgeDocument;
  announce(message: string): void;
  /** Told of the document as the replacement returned it (queued for processing again). */
  onReplaced(document: KnowledgeDocument): void;
  onDeleted(name: string): void;
}) {
  const queryClient = useQueryClient();
  const headingId = useId();
  const renameButton = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [renaming, setRenaming] = useState(false);
  // Back to where the user was once the form closes — after the render that enables Rename again
  // (a disabled button cannot take focus, and a frame callback may run before that render).
  const refocusRename = useRef(false);
  useEffect(() => {
    if (renaming || !refocusRename.current) return;
    refocusRename.current = false;
    renameButton.current?.focus();
  }, [renaming]);
  const [confirming, setConfirming] = useState(false);
  const replacement = useReplaceFile(document, announce, onReplaced);

  const download = useMutation({
    mutationFn: () => knowledgeApi.downloadOriginal(document.id),
    onSuccess: (file) => saveFile(file.blob, file.filename ?? document.name),
  });
  const remove = useMutation({
    mutationFn: () => knowledgeApi.deleteDocument(document.id),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: knowledgeKeys.brand(document.brandId) });
      onDeleted(document.name);
    },
  });

  const uploading = replacement.percent !== null;
  const actionError = download.error ?? null;

  return (
    <li aria-labelledby={headingId} className="space-y-3 py-5" data-document-id={document.id}>
      {renaming ? (
        <RenameForm
          document={document}
          onDone={(renamedTo) => {
            refocusRename.current = true;
            setRenaming(false);
            if (renamedTo) announce(`Renamed to “${renamedTo}”.`);
          }}
        />
      ) : (
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h3 id={headingId} className="min-w-0 text-base font-semibold break-words text-slate-900">
            {document.name}
          </h3>
          <StatusBadge status={document.status} />
        </div>
      )}
      {document.status === 'failed' ? (
        <p className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          <span className="font-semibold">Why: </span>
          {document.failureReason ?? 'The file could not be read.'} Replace the file or delete the document.
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-5">
        <Fact label="Format">{DOCUMENT_FORMAT_LABELS[document.format]}</Fact>
        <Fact label="Size">{formatBytes(document.sizeBytes)}</Fact>
        <Fact label="Pages">{document.pageCount ?? '—'}</Fact>
        <Fact label="Passages">{document.status === 'ready' ? document.chunkCount : '—'}</Fact>
        <Fact label="Uploaded">{formatDate(document.createdAt)}</Fact>
      </dl>
      {uploading ? (
        <ProgressBar percent={replacement.percent ?? 0} label={`Replacing the file of “${document.name}”`} />
      ) : null}
      {replacement.error ? (
        <p className="text-sm font-medium text-red-700" data-upload-error>
          {replacement.error}
        </p>
      ) : null}
      {actionError ? <p className="text-sm font-medium text-red-700">{describeError(actionError)}</p> : null}
      <div className="flex flex-wrap gap-2">
        <ButtonLink to={documentPath(document.id)} variant="secondary" className={smallButton}>
          Open<span className="sr-only"> {document.name}</span>
        </ButtonLink>
        <Button
          variant="ghost"
          className={smallButton}
          pending={download.isPending}
          pendingLabel="Downloading…"
          onClick={() => download.mutate()}
        >
          Download original<span className="sr-only"> of {document.name}</span>
        </Button>
        <Button
          ref={renameButton}
          variant="ghost"
          className={smallButton}
          disabled={renaming}
          onClick={() => setRenaming(true)}
        >
          Rename<span className="sr-only"> {document.name}</span>
        </Button>
        <Button
          variant="ghost"
          className={smallButton}
          pending={uploading}
          pendingLabel="Replacing…"
          onClick={() => fileInput.current?.click()}
        >
          Replace file<span className="sr-only"> of {document.name}</span>
        </Button>
        <Button
          variant="ghost"
          className={`${smallButton} text-red-800 hover:bg-red-50`}
          onClick={() => setConfirming(true)}
        >
          Delete<span className="sr-only"> {document.name}</span>
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept={DOCUMENT_ACCEPT}
          aria-label={`Replacement file for ${document.name}`}
          className="hidden"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void replacement.replace(file);
          }}
        />
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Delete “${document.name}”?`}
        confirmLabel="Delete document"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => {
          remove.reset();
          setConfirming(false);
        }}
      >
        <p>
          Its text leaves the search and the coach at once. The file is kept for the retention period in case
          you ask us to restore it, then removed for good.
        </p>
        {remove.error ? <p className="font-medium text-red-700">{describeError(remove.error)}</p> : null}
      </ConfirmDialog>
    </li>
  );
}
