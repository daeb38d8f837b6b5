/** The brand's documents: space used and left, the upload zone and queue, and the list. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { KnowledgeDocument } from '../../../core/knowledge/contracts.ts';
import { countOf } from '../../../core/text/plural.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { describeError } from '../../lib/api-client.ts';
import { DocumentCard } from './document-card.tsx';
import { DropZone } from './drop-zone.tsx';
import { isPending, knowledgeKeys, useDocuments } from './queries.ts';
import { StorageMeter } from './storage-meter.tsx';
import { UploadList } from './upload-list.tsx';
import { useUploadQueue } from './use-upload-queue.ts';

/**
 * Says when a document the page watched being processed is ready or has failed, and refreshes the
 * search, which now finds (or no longer waits for) its passages. `watch` takes a document as an
 * upload or replacement returned it (queued): a quick job queue may have processed it before the
 * list is fetched again, and a document first seen ready would otherwise never be announced.
 */
function useProcessingOutcomes(
  brandId: string,
  documents: readonly KnowledgeDocument[] | undefined,
  announce: (message: string) => void,
) {
  const queryClient = useQueryClient();
  const seen = useRef(new Map<string, KnowledgeDocument['status']>());
  useEffect(() => {
    if (!documents) return;
    const finished: string[] = [];
    for (const document of documents) {
      const before = seen.current.get(document.id);
      if (before && isPending({ status: before }) && !isPending(document)) {
        finished.push(
          document.status === 'ready'
            ? `“${document.name}” is ready: its text is searchable now.`
            : `“${document.name}” could not be processed. ${document.failureReason ?? ''}`.trim(),
        );
      }
      seen.current.set(document.id, document.status);
    }
    if (finished.length > 0) {
      announce(finished.join(' '));
      void queryClient.invalidateQueries({ queryKey: [...knowledgeKeys.brand(brandId), 'search'] });
    }
  }, [brandId, documents, announce, queryClient]);
  return useCallback((document: KnowledgeDocument) => {
    seen.current.set(document.id, document.status);
  }, []);
}

export function DocumentsSection({
  brandId,
  announce,
}: {
  brandId: string;
  announce(message: string): void;
}) {
  const documents = useDocuments(brandId);
  const list = documents.data?.documents;
  const watch = useProcessingOutcomes(brandId, list, announce);
  const queue = useUploadQueue(announce, watch);
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <section aria-labelledby="documents-heading" className="space-y-4">
      <div className="space-y-1">
        <h2
          id="documents-heading"
          ref={heading}
          tabIndex={-1}
          className="text-xl font-semibold text-slate-900 focus:outline-none"
        >
          Documents
        </h2>
        <p className="text-sm text-slate-600">
          Brand guidelines, research, interview notes, customer feedback exports. Their text is searched with
          everything else you wrote, and the coach cites them.
        </p>
      </div>
      {documents.data ? (
        <StorageMeter usedBytes={documents.data.usedBytes} limitBytes={documents.data.limitBytes} />
      ) : null}
      <DropZone onFiles={(files) => queue.add(files, brandId)} />
      <UploadList queue={queue} />
      {documents.isPending ? <PageLoader variant="inline" label="Loading your documents…" /> : null}
      {documents.isError ? (
        <Alert tone="error" title="Your documents could not be loaded">
          <p>{describeError(documents.error)}</p>
          <Button variant="secondary" onClick={() => void documents.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {list && list.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700">
          No documents yet. Add your first one above: once it is processed, its text shows up in search and
          the coach can quote it.
        </p>
      ) : null}
      {list && list.length > 0 ? (
        <ul
          aria-label={`Your documents (${countOf(list.length, 'document')})`}
          className="divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white px-4 sm:px-6"
        >
          {list.map((document) => (
            <DocumentCard
              key={document.id}
              document={document}
              announce={announce}
              onReplaced={watch}
              onDeleted={(name) => {
                announce(`“${name}” deleted.`);
                heading.current?.focus();
              }}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
