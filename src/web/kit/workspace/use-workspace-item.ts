/**
 * `useSingletonItem(kind)` and `useItem(itemId)`: load a workspace item and keep it saved. Pages
 * read `data`, call `update(draft => …)` on every change and show `status`; the engine
 * (autosave-engine.ts) does the rest.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { FieldSources, ItemData, SingletonKind, WorkspaceItem } from '../../../core/workspace/items.ts';
import { workspaceApi } from './api.ts';
import {
  AutosaveEngine,
  type ConflictChoices,
  type EngineState,
  type PendingConflict,
  type SaveFunction,
  type UpdateOptions,
} from './autosave-engine.ts';
import { useCurrentBrand } from './brand.ts';

export type { SaveStatus } from './autosave-engine.ts';

export const workspaceKeys = {
  all: ['workspace'] as const,
  singleton: (brandId: string, kind: SingletonKind) => ['workspace', 'singleton', brandId, kind] as const,
  item: (itemId: string) => ['workspace', 'item', itemId] as const,
  collection: (brandId: string, kind: string) => ['workspace', 'collection', brandId, kind] as const,
  revisions: (itemId: string) => ['workspace', 'revisions', itemId] as const,
};

/** What the conflict dialog needs: the fields changed on both sides and the ways to settle them. */
export interface ConflictController {
  fields: PendingConflict<unknown>['fields'];
  /** When the other copy was saved (null if unknown). */
  theirsSavedAt: string | null;
  /** Settles each listed field with the chosen side and saves; other fields keep both sides' edits. */
  resolve(choices: ConflictChoices): void;
}

export interface ItemController<T> {
  /** The server's copy (null while loading). */
  item: WorkspaceItem | null;
  data: T | null;
  sources: FieldSources;
  status: EngineState<T>['status'] | 'loading';
  errorMessage: string | null;
  loadError: unknown;
  conflict: ConflictController | null;
  update(mutate: (draft: T) => void, options?: UpdateOptions): void;
  /** Shows a copy the server just produced (e.g. after restoring a revision). */
  adopt(item: WorkspaceItem): void;
  flush(): Promise<void>;
}

const EMPTY_SOURCES: FieldSources = {};
const noopSubscribe = () => () => undefined;

function useEngine<T>(
  engineKey: string,
  loaded: WorkspaceItem | undefined,
  save: SaveFunction,
): AutosaveEngine<T> | null {
  const [engine, setEngine] = useState<{ key: string; engine: AutosaveEngine<T> } | null>(null);

  useEffect(() => {
    if (!loaded) return;
    if (engine?.key === engineKey) {
      engine.engine.adopt(loaded);
      return;
    }
    setEngine({ key: engineKey, engine: new AutosaveEngine<T>(save, loaded) });
  }, [engineKey, loaded, engine, save]);

  const current = engine?.key === engineKey ? engine.engine : null;

  useEffect(() => {
    if (!current) return;
    const flush = () => void current.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onOnline = () => current.retryNow();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', onOnline);
      // Leaving the page sends what is pending before the engine goes away.
      void current.flush().finally(() => current.dispose());
    };
  }, [current]);

  return current;
}

function useController<T>(engine: AutosaveEngine<T> | null, loadError: unknown): ItemController<T> {
  const state = useSyncExternalStore(
    engine?.subscribe ?? noopSubscribe,
    engine?.getState ?? (() => null),
    engine?.getState ?? (() => null),
  );
  const update = useCallback(
    (mutate: (draft: T) => void, options?: UpdateOptions) => engine?.update(mutate, options),
    [engine],
  );
  const adopt = useCallback((item: WorkspaceItem) => engine?.adopt(item), [engine]);
  const flush = useCallback(() => engine?.flush() ?? Promise.resolve(), [engine]);
  if (!engine || !state) {
    return {
      item: null,
      data: null,
      sources: EMPTY_SOURCES,
      status: 'loading',
      errorMessage: null,
      loadError,
      conflict: null,
      update,
      adopt,
      flush,
    };
  }
  return {
    item: state.item,
    data: state.data,
    sources: state.sources,
    status: state.status,
    errorMessage: state.errorMessage,
    loadError,
    conflict: state.conflict
      ? {
          fields: state.conflict.fields,
          theirsSavedAt: state.conflict.theirs.updatedAt,
          resolve: (choices) => engine.resolve(choices),
        }
      : null,
    update,
    adopt,
    flush,
  };
}

/** One-per-brand items of the current brand: the IDEA worksheets, the canvas, learning progress. */
export function useSingletonItem<K extends SingletonKind>(
  kind: K,
): ItemController<ItemData<K>> & {
  brandId: string | null;
} {
  const { brand, error: brandError } = useCurrentBrand();
  const brandId = brand?.id ?? null;
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: workspaceKeys.singleton(brandId ?? 'none', kind),
    queryFn: () => workspaceApi.getSingletonItem(brandId as string, kind).then((response) => response.item),
    enabled: brandId !== null,
  });
  const save = useCallback<SaveFunction>(
    async (body) => {
      const response = await workspaceApi.saveSingletonItem(brandId as string, kind, body);
      queryClient.setQueryData(workspaceKeys.singleton(response.item.brandId, kind), response.item);
      return response;
    },
    [brandId, kind, queryClient],
  );
  const engine = useEngine<ItemData<K>>(`${brandId}:${kind}`, query.data, save);
  return { ...useController(engine, query.error ?? brandError), brandId };
}

/** Any item by id (an avatar). */
export function useItem<T>(itemId: string): ItemController<T> {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: workspaceKeys.item(itemId),
    queryFn: () => workspaceApi.getItem(itemId).then((response) => response.item),
  });
  const save = useCallback<SaveFunction>(
    async (body) => {
      const response = await workspaceApi.saveItem(itemId, body);
      const { item } = response;
      queryClient.setQueryData(workspaceKeys.item(itemId), item);
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.collection(item.brandId, item.kind) });
      return response;
    },
    [itemId, queryClient],
  );
  const engine = useEngine<T>(itemId, query.data, save);
  return useController(engine, query.error);
}
