/**
 * Brand memory as the coach reads it: the facts the owner confirmed about the request's brand, newest
 * first, in a section ranked right after the retrieved passages — they are few, short and what the
 * owner said is true, so they survive any budget.
 */
import { renderMemoryFacts } from '../../../core/ai/brand-context.ts';
import { CONTEXT_SECTIONS } from '../../../core/ai/context-sections.ts';
import type { ContextSource, SourceRequest } from '../../ai/context.ts';

/** `facts` reads the brand's live facts, newest first (the app passes the coach's shared brand read). */
export function memoryContextSource(
  facts: (request: SourceRequest & { brandId: string }) => Promise<string[]>,
): ContextSource {
  return async (request) => {
    const { brandId } = request;
    if (!brandId) return { coach: {}, section: null };
    const text = renderMemoryFacts(await facts({ ...request, brandId }));
    return { coach: {}, section: text ? { ...CONTEXT_SECTIONS.memory, text } : null };
  };
}
