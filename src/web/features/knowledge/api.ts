/** The brand knowledge endpoints: a brand's documents, one document, and the search over everything. */
import type { KnowledgeSourceType } from '../../../core/knowledge/sources.ts';
import { brandApiPath } from '../../kit/workspace/brand.ts';
import { downloadFile, type Ok, request, type UploadOptions, uploadFile } from '../../lib/api-client.ts';

function documentsPath(brandId: string): string {
  return `${brandApiPath(brandId)}/documents`;
}

function documentPath(documentId: string): string {
  return `/api/documents/${encodeURIComponent(documentId)}`;
}

export interface SearchParams {
  q: string;
  types: readonly KnowledgeSourceType[];
  limit?: number;
}

function searchPath(brandId: string, { q, types, limit }: SearchParams): string {
  const query = new URLSearchParams({ q });
  if (types.length > 0) query.set('types', types.join(','));
  if (limit) query.set('limit', String(limit));
  return `${brandApiPath(brandId)}/knowledge/search?${query.toString()}`;
}

export const knowledgeApi = {
  listDocuments: (brandId: string) => request('GET', documentsPath(brandId), 'documentListSchema'),
  uploadDocument: (brandId: string, file: File, options?: UploadOptions) =>
    uploadFile('POST', documentsPath(brandId), 'documentResponseSchema', file, options),
  replaceDocumentFile: (documentId: string, file: File, options?: UploadOptions) =>
    uploadFile('PUT', `${documentPath(documentId)}/file`, 'documentResponseSchema', file, options),
  renameDocument: (documentId: string, name: string) =>
    request('PATCH', documentPath(documentId), 'documentResponseSchema', { name }),
  deleteDocument: (documentId: string): Promise<Ok> =>
    request('DELETE', documentPath(documentId), 'okSchema'),
  downloadOriginal: (documentId: string) => downloadFile(`${documentPath(documentId)}/file`),
  documentText: (documentId: string) =>
    request('GET', `${documentPath(documentId)}/text`, 'documentTextSchema'),
  search: (brandId: string, params: SearchParams) =>
    request('GET', searchPath(brandId, params), 'knowledgeSearchResponseSchema'),
};
