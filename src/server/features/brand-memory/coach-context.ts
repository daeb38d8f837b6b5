/**
 * Brand memory as the coach reads it: the facts the owner confirmed about the request's brand, newest
 * first, in a section ranked right after the retrieved passages — they are few, short and what the
 * owner said is true, so they survive any budget.
 */
import { renderMemoryFacts } from '../../../core/ai/brand-context.ts';
import { CONTEXT_SECTIONS } from '../../../core/ai/context-sections.ts';
import type { ContextSource } from '../../ai/context.ts';
import type { BrandMemoryService } from './service.ts';

export function memoryContextSource(memory: Pick<BrandMemoryService, 'facts'>): ContextSource {
  return async ({ userId, brandId }) => {
    if (!brandId) return { coach: {}, section: null };
    const text = renderMemoryFacts(await memory.facts(userId, brandId));
    return { coach: {}, section: text ? { ...CONTEXT_SECTIONS.memory, text } : null };
  };
}
