/**
 * Searching a brand's knowledge: everything the owner wrote (documents, canvas, worksheets, avatars
 * and their reviews, diagnostics) through the one passage index, all words of the query, best first,
 * each hit with its highlighted snippet and the link that opens its exact place. Only the signed-in
 * user's live brands can be searched; anyone else's brand is a 404, like one that does not exist.
 */
import type { KnowledgeHit } from '../../../core/knowledge/contracts.ts';
import { passageHref } from '../../../core/knowledge/links.ts';
import type { KnowledgeSourceType } from '../../../core/knowledge/sources.ts';
import type { KnowledgeIndex } from '../../platform/knowledge/index.ts';
import type { Throttle } from '../../platform/throttle.ts';
import type { WorkspaceStore } from '../../platform/workspace-store.ts';

/** A search box fires as the owner types; this is far above that and far below scraping speed. */
export const SEARCHES_PER_MINUTE = 120;
const SEARCH_THROTTLE = { name: 'knowledge:search:user', max: SEARCHES_PER_MINUTE, windowSeconds: 60 };

export interface KnowledgeSearchInput {
  q: string;
  types: KnowledgeSourceType[];
  limit: number;
}

export interface KnowledgeSearchServiceDeps {
  knowledge: Pick<KnowledgeIndex, 'search'>;
  brands: Pick<WorkspaceStore, 'requireBrand'>;
  throttle: Throttle;
}

export function createKnowledgeSearchService({ knowledge, brands, throttle }: KnowledgeSearchServiceDeps) {
  return {
    async search(userId: string, brandId: string, input: KnowledgeSearchInput): Promise<KnowledgeHit[]> {
      // Counted before the brand check, so probing for brand ids costs the same as searching.
      await throttle.enforce(
        SEARCH_THROTTLE,
        userId,
        'You have searched very often in the last minute. Please wait a moment and try again.',
      );
      await brands.requireBrand(userId, brandId);
      const hits = await knowledge.search({
        userId,
        brandId,
        query: input.q,
        sourceTypes: input.types,
        limit: input.limit,
      });
      return hits.map((hit) => ({
        id: hit.chunkId,
        sourceType: hit.sourceType,
        sourceId: hit.sourceId,
        label: hit.label,
        snippet: hit.snippet,
        locator: hit.locator,
        href: passageHref({
          id: hit.chunkId,
          sourceType: hit.sourceType,
          sourceId: hit.sourceId,
          locator: hit.locator,
        }),
      }));
    },
  };
}

export type KnowledgeSearchService = ReturnType<typeof createKnowledgeSearchService>;
