/**
 * The `knowledge` context source: the passages of the brand's knowledge (documents, workspace fields,
 * reviews, diagnostics — platform/knowledge) that best match the question of the request. The
 * provider gets them as a delimited, numbered data block it may cite as `[n]`; the offline coach gets
 * them as `CoachContext.passages` and quotes them. Retrieval reads the request's brand only; passages
 * take at most a share of the task's context budget and go first, so they are never cut by the budget
 * afterwards and every number the model sees is one the answer can cite
 * (docs/decisions/0035-citation-markers.md).
 */
import { type CoachPassage, questionTerms, quoteFor, renderPassages } from '../../core/ai/citations.ts';
import { CONTEXT_SECTIONS } from '../../core/ai/context-sections.ts';
import { questionOfRequest } from '../../core/ai/retrieval-question.ts';
import { passageHref } from '../../core/knowledge/links.ts';
import type { KnowledgeIndex } from '../platform/knowledge/index.ts';
import type { ContextContribution, ContextSource } from './context.ts';

/** Passages asked of the index; the budget decides how many of them the prompt carries. */
export const PASSAGES_RETRIEVED = 5;
/** The share of a task's context budget retrieved passages may take. */
export const PASSAGE_BUDGET_SHARE = 0.5;
/**
 * And never more than this: passages are the evidence for one question, while the canvas, the
 * worksheets, the avatars and brand memory have sections of their own in the same budget.
 */
export const PASSAGE_BUDGET_MAX_TOKENS = 1500;

const NOTHING: ContextContribution = { coach: { passages: [] }, section: null };

export function knowledgeContextSource(index: Pick<KnowledgeIndex, 'retrieve'>): ContextSource {
  return async ({ userId, brandId, task, input, known, budgetTokens }) => {
    if (!brandId) return NOTHING;
    const question = questionOfRequest(task, input, known);
    if (!question) return NOTHING;
    const hits = await index.retrieve({ userId, brandId, query: question, limit: PASSAGES_RETRIEVED });
    const { rendered, kept } = renderPassages(
      hits.map((hit) => ({
        id: hit.chunkId,
        sourceType: hit.sourceType,
        label: hit.label,
        text: hit.text,
        href: passageHref({ ...hit, id: hit.chunkId }),
        ...(hit.locator.field ? { field: hit.locator.field } : {}),
      })),
      Math.min(Math.floor(budgetTokens * PASSAGE_BUDGET_SHARE), PASSAGE_BUDGET_MAX_TOKENS),
    );
    if (kept.length === 0) return NOTHING;
    const terms = questionTerms(question);
    // Quotes come from the text as the prompt carries it, so a citation never quotes what the
    // model was not shown.
    const passages: CoachPassage[] = kept.map((passage) => ({
      ...passage,
      ...quoteFor(passage.text, terms),
    }));
    return {
      coach: { passages },
      section: {
        ...CONTEXT_SECTIONS.passages,
        text: rendered,
      },
    };
  };
}
