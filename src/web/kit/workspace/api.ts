/** The workspace's versioned items: singletons, collections and revisions (the brand list is brand.ts's). */
import type {
  CollectionKind,
  CreateItemBody,
  SaveItemBody,
  SingletonKind,
} from '../../../core/workspace/items.ts';
import { type Ok, request } from '../../lib/api-client.ts';
import { brandApiPath } from './brand.ts';

function singletonPath(brandId: string, kind: SingletonKind): string {
  return `${brandApiPath(brandId)}/items/${kind}`;
}

function collectionPath(brandId: string, kind: CollectionKind): string {
  return `${brandApiPath(brandId)}/collections/${kind}`;
}

function itemPath(itemId: string): string {
  return `/api/items/${encodeURIComponent(itemId)}`;
}

export const workspaceApi = {
  getSingletonItem: (brandId: string, kind: SingletonKind) =>
    request('GET', singletonPath(brandId, kind), 'itemResponseSchema'),
  saveSingletonItem: (brandId: string, kind: SingletonKind, body: SaveItemBody) =>
    request('PUT', singletonPath(brandId, kind), 'saveItemResponseSchema', body),
  listCollection: (brandId: string, kind: CollectionKind) =>
    request('GET', collectionPath(brandId, kind), 'itemListResponseSchema'),
  createCollectionItem: (brandId: string, kind: CollectionKind, body: CreateItemBody) =>
    request('POST', collectionPath(brandId, kind), 'itemResponseSchema', body),
  getItem: (itemId: string) => request('GET', itemPath(itemId), 'itemResponseSchema'),
  saveItem: (itemId: string, body: SaveItemBody) =>
    request('PUT', itemPath(itemId), 'saveItemResponseSchema', body),
  deleteItem: (itemId: string): Promise<Ok> => request('DELETE', itemPath(itemId), 'okSchema'),
  duplicateItem: (itemId: string) => request('POST', `${itemPath(itemId)}/duplicate`, 'itemResponseSchema'),
  listRevisions: (itemId: string) =>
    request('GET', `${itemPath(itemId)}/revisions`, 'revisionListResponseSchema'),
  getRevision: (itemId: string, version: number) =>
    request('GET', `${itemPath(itemId)}/revisions/${version}`, 'revisionResponseSchema'),
  restoreRevision: (itemId: string, version: number, baseVersion: number) =>
    request('POST', `${itemPath(itemId)}/revisions/${version}/restore`, 'itemResponseSchema', {
      baseVersion,
    }),
};
