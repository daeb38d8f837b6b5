/**
 * Where a passage opens: the document viewer at its page with the passage highlighted, the canvas
 * or worksheet field, the avatar's field or review, the diagnostic result, the remembered fact, the
 * results of the survey an answer was given to.
 * Anchors are the ids the pages give their fields (`field-<path>`), so a citation lands on the exact
 * place.
 */
import {
  avatarPath,
  brandMemoryPath,
  diagnosticResultPath,
  documentPath,
  PAGE_PATHS,
  surveyResultsPath,
} from '../navigation/pages.ts';
import type { ChunkLocator } from './chunking.ts';
import type { KnowledgeSourceType } from './sources.ts';

const MODULE_PAGES: Record<string, string> = {
  canvas: PAGE_PATHS.canvas,
  insight: PAGE_PATHS.insightModule,
  distinctive: PAGE_PATHS.distinctiveModule,
  empathetic: PAGE_PATHS.empatheticModule,
  authentic: PAGE_PATHS.authenticModule,
  'trigger-assessment': PAGE_PATHS.insightModule,
};

/** The anchor a page gives a field: `field-` and the path with dots as dashes. */
export function fieldAnchor(path: string): string {
  return `field-${path.replaceAll('.', '-')}`;
}

export function passageHref(passage: {
  id: string;
  sourceType: KnowledgeSourceType;
  sourceId: string;
  locator: ChunkLocator;
}): string {
  const { locator } = passage;
  switch (passage.sourceType) {
    case 'document':
      return documentPath(passage.sourceId, {
        ...(locator.page ? { page: locator.page } : {}),
        chunk: passage.id,
      });
    case 'avatar': {
      const anchor =
        locator.field === 'voice.reviews' && locator.index !== undefined
          ? `review-${locator.index + 1}`
          : locator.field
            ? fieldAnchor(locator.field)
            : '';
      return `${avatarPath(passage.sourceId)}${anchor ? `#${anchor}` : ''}`;
    }
    case 'diagnostic':
      return diagnosticResultPath(passage.sourceId);
    case 'trigger-assessment':
      return `${PAGE_PATHS.insightModule}#trigger-assessment`;
    case 'memory':
      return brandMemoryPath(passage.sourceId);
    case 'survey':
      return locator.parent ? surveyResultsPath(locator.parent) : PAGE_PATHS.surveys;
    default: {
      const page = MODULE_PAGES[locator.kind ?? passage.sourceType] ?? PAGE_PATHS.knowledge;
      return locator.field ? `${page}#${fieldAnchor(locator.field)}` : page;
    }
  }
}
