/**
 * Brand knowledge: the search over everything the owner wrote, and the brand's documents (upload,
 * processing status, rename, replace, delete, download).
 */
import { useCallback, useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { WorkspacePage } from '../../kit/workspace/workspace-page.tsx';
import { describeError } from '../../lib/api-client.ts';
import { DocumentsSection } from './documents-section.tsx';
import { KnowledgeSearch } from './knowledge-search.tsx';

/**
 * One polite live region for the page's news (upload progress, a document ready, a rename): screen
 * readers hear it when they are idle, without losing their place.
 */
function useAnnouncer(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const announce = useCallback((next: string) => {
    // The same words twice in a row would not be read again: vary them invisibly.
    setMessage((current) => (current === next ? `${next}\u00a0` : next));
  }, []);
  return [message, announce];
}

export default function KnowledgePage() {
  const { brand, isLoading, error } = useCurrentBrand();
  const [message, announce] = useAnnouncer();

  return (
    <WorkspacePage
      title="Brand knowledge"
      intro={
        <p>
          Find anything you have written — in your documents, canvas, worksheets, avatars and reviews — and
          open it at the exact place. Documents you add here are read by the coach, which cites them.
        </p>
      }
    >
      {isLoading ? <PageLoader /> : null}
      {error ? <Alert tone="error">{describeError(error)}</Alert> : null}
      {brand ? (
        <div className="space-y-10">
          <KnowledgeSearch brandId={brand.id} />
          <DocumentsSection brandId={brand.id} announce={announce} />
        </div>
      ) : null}
      <p role="status" className="sr-only" data-testid="knowledge-announcer">
        {message}
      </p>
    </WorkspacePage>
  );
}
