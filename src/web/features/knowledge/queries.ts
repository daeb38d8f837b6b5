/** The knowledge page's server state: the brand's documents (polled while any is being processed), one document's text, and search. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { KnowledgeDocument } from '../../../core/knowledge/contracts.ts';
import type { KnowledgeSourceType } from '../../../core/knowledge/sources.ts';
import { knowledgeApi } from './api.ts';

/** How often the page asks again while a document waits for or is in processing. */
export const PROCESSING_POLL_MS = 2000;

/** Under `workspace`, so switching brands refreshes them with everything else of the brand. */
export const knowledgeKeys = {
  brand: (brandId: string) => ['workspace', brandId, 'knowledge'] as const,
  documents: (brandId: string) => [...knowledgeKeys.brand(brandId), 'documents'] as const,
  search: (brandId: string, q: string, types: readonly KnowledgeSourceType[]) =>
    [...knowledgeKeys.brand(brandId), 'search', q, types.join(',')] as const,
  text: (documentId: string) => ['knowledge', 'document-text', documentId] as const,
};

export function isPending(document: Pick<KnowledgeDocument, 'status'>): boolean {
  return document.status === 'queued' || document.status === 'processing';
}

/**
 * How soon to ask for the list again: processing happens in the server's job queue, so while a
 * document waits for it or is in it, every PROCESSING_POLL_MS; once none is, not at all.
 */
export function documentsPollInterval(
  data: { documents: readonly Pick<KnowledgeDocument, 'status'>[] } | undefined,
): number | false {
  return data?.documents.some(isPending) ? PROCESSING_POLL_MS : false;
}

export function useDocuments(brandId: string | null) {
  return useQuery({
    queryKey: knowledgeKeys.documents(brandId ?? 'none'),
    queryFn: () => knowledgeApi.listDocuments(brandId as string),
    enabled: brandId !== null,
    refetchInterval: (query) => documentsPollInterval(query.state.data),
  });
}

export function useDocumentText(documentId: string) {
  return useQuery({
    queryKey: knowledgeKeys.text(documentId),
    queryFn: () => knowledgeApi.documentText(documentId),
    refetchInterval: (query) =>
      query.state.data && isPending(query.state.data.document) ? PROCESSING_POLL_MS : false,
  });
}

export function useKnowledgeSearch(brandId: string | null, q: string, types: readonly KnowledgeSourceType[]) {
  return useQuery({
    queryKey: knowledgeKeys.search(brandId ?? 'none', q, types),
    queryFn: () => knowledgeApi.search(brandId as string, { q, types }),
    enabled: brandId !== null && q.length > 0,
    // While the next answer loads, the last one stays (no flash of an empty list on each keystroke).
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
