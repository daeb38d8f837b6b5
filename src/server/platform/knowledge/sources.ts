/**
 * What the index holds passages of, besides documents: the registration of each source. To index a
 * new kind of workspace item, add a line to `ITEM_SOURCES` (its source type and, where the kind alone
 * is ambiguous, a title); the workspace store then indexes it on every save in the save's
 * transaction, removes it on delete, and the backfill job covers items saved before. A kind mapped
 * to `null` is deliberately not indexed. The map is total over the item kinds, so a new kind does not
 * compile until someone decides.
 */
import type { Section } from '../../../core/knowledge/chunking.ts';
import { diagnosticSections, itemSections } from '../../../core/knowledge/item-sections.ts';
import type { KnowledgeSourceType } from '../../../core/knowledge/sources.ts';
import type { ItemKind } from '../../../core/workspace/items.ts';
import type { KnowledgeSource } from './index.ts';

interface ItemSourceRegistration {
  sourceType: KnowledgeSourceType;
  /** Names the item in its passages' labels (e.g. "Avatar Nurse Nina · Fears"). */
  title?: (data: Record<string, unknown>) => string | undefined;
}

const nameOf = (data: Record<string, unknown>) =>
  typeof data.name === 'string' && data.name.trim() ? data.name.trim() : undefined;

export const ITEM_SOURCES: Record<ItemKind, ItemSourceRegistration | null> = {
  canvas: { sourceType: 'canvas' },
  insight: { sourceType: 'worksheet' },
  distinctive: { sourceType: 'worksheet' },
  empathetic: { sourceType: 'worksheet' },
  authentic: { sourceType: 'worksheet' },
  'trigger-assessment': { sourceType: 'trigger-assessment' },
  avatar: { sourceType: 'avatar', title: nameOf },
  // Which learning steps are ticked: nothing an owner or the coach would look up.
  learning: null,
};

/** The item kinds that have passages. */
export const INDEXED_ITEM_KINDS = (Object.keys(ITEM_SOURCES) as ItemKind[]).filter(
  (kind) => ITEM_SOURCES[kind] !== null,
);

export interface IndexableItem {
  id: string;
  userId: string;
  brandId: string;
  kind: string;
  data: Record<string, unknown>;
}

/** The source type an item's passages are stored under, or null for a kind that is not indexed. */
export function itemSourceType(kind: string): KnowledgeSourceType | null {
  return ITEM_SOURCES[kind as ItemKind]?.sourceType ?? null;
}

/** A saved item as a knowledge source (its current sections), or null when its kind is not indexed. */
export function itemKnowledgeSource(item: IndexableItem): KnowledgeSource | null {
  const registration = ITEM_SOURCES[item.kind as ItemKind];
  if (!registration) return null;
  return {
    sourceType: registration.sourceType,
    sourceId: item.id,
    userId: item.userId,
    brandId: item.brandId,
    sections: itemSections(item.kind, item.data, registration.title?.(item.data)),
  };
}

export interface IndexableDiagnostic {
  id: string;
  userId: string | null;
  brandId: string | null;
  createdAt: Date;
  overallScore: number;
  answers: Record<string, number>;
}

/**
 * An owned diagnostic result as a knowledge source; null while it is anonymous (it belongs to no
 * brand until claimed, and nobody's search may see it).
 */
export function diagnosticKnowledgeSource(result: IndexableDiagnostic): KnowledgeSource | null {
  if (!result.userId || !result.brandId) return null;
  return {
    sourceType: 'diagnostic',
    sourceId: result.id,
    userId: result.userId,
    brandId: result.brandId,
    sections: diagnosticResultSections(result),
  };
}

/** What a diagnostic result says, as the sections of its passages. */
export function diagnosticResultSections(
  result: Pick<IndexableDiagnostic, 'createdAt' | 'overallScore' | 'answers'>,
): Section[] {
  return diagnosticSections({
    createdAt: result.createdAt.toISOString(),
    overall: result.overallScore,
    answers: result.answers,
  });
}

export interface IndexableMemory {
  id: string;
  userId: string;
  brandId: string;
  text: string;
}

export interface IndexableSurveyAnswer {
  /** The response's id: each response is a source of its own, indexed once when it is stored. */
  id: string;
  survey: { id: string; userId: string; brandId: string; title: string };
  /** The text questions answered, in the survey's order. */
  answers: { questionId: string; prompt: string; text: string }[];
}

/**
 * One survey response's text answers as a knowledge source: a passage per answer, labelled with the
 * survey and the question, linking to the survey's results. Choices and scores are not passages:
 * they are counts, which the results page shows.
 */
export function surveyAnswerKnowledgeSource(response: IndexableSurveyAnswer): KnowledgeSource {
  return {
    sourceType: 'survey',
    sourceId: response.id,
    userId: response.survey.userId,
    brandId: response.survey.brandId,
    sections: response.answers.map((answer) => ({
      label: `Survey “${response.survey.title}” · ${answer.prompt}`,
      text: answer.text,
      locator: { kind: 'survey', field: answer.questionId, parent: response.survey.id },
    })),
  };
}

/** A remembered brand fact as a knowledge source: one passage, found and cited like the rest. */
export function memoryKnowledgeSource(memory: IndexableMemory): KnowledgeSource {
  return {
    sourceType: 'memory',
    sourceId: memory.id,
    userId: memory.userId,
    brandId: memory.brandId,
    sections: [{ label: 'Brand memory', text: memory.text, locator: {} }],
  };
}
