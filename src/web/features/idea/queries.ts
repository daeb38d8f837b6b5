import { useQueries } from '@tanstack/react-query';
import type { IdeaItems } from '../../../core/workspace/idea-progress.ts';
import type { SingletonKind } from '../../../core/workspace/items.ts';
import { workspaceApi } from '../../kit/workspace/api.ts';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { workspaceKeys } from '../../kit/workspace/use-workspace-item.ts';

export const ideaKeys = {
  snapshots: (brandId: string) => ['workspace', 'insight-snapshots', brandId] as const,
};

const IDEA_KINDS = [
  'learning',
  'insight',
  'trigger-assessment',
  'distinctive',
  'empathetic',
  'authentic',
] as const satisfies readonly SingletonKind[];

/**
 * The current brand's IDEA items, read-only, for progress. Same cache entries as the editing hooks
 * (`useSingletonItem`), so a page's latest save shows here without another request.
 */
export function useIdeaItems(): { items: IdeaItems; isLoading: boolean; error: unknown } {
  const { brand, error: brandError, isLoading: brandLoading } = useCurrentBrand();
  const brandId = brand?.id ?? null;
  const results = useQueries({
    queries: IDEA_KINDS.map((kind) => ({
      queryKey: workspaceKeys.singleton(brandId ?? 'none', kind),
      queryFn: () => workspaceApi.getSingletonItem(brandId as string, kind).then((response) => response.item),
      enabled: brandId !== null,
    })),
  });
  const items: IdeaItems = {};
  IDEA_KINDS.forEach((kind, index) => {
    const data = results[index]?.data?.data;
    // Stored data was validated by the server on save; the progress functions read it as such.
    if (data) Object.assign(items, { [kind]: data });
  });
  return {
    items,
    isLoading: brandLoading || results.some((result) => result.isLoading),
    error: brandError ?? results.find((result) => result.error)?.error ?? null,
  };
}
