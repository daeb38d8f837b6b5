import type { Dimension } from '../../../core/diagnostic/questionnaire.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import type { WorkspaceArea } from '../../../core/navigation/workspace-areas.ts';

export interface ModuleInfo {
  dimension: Dimension;
  letter: string;
  title: string;
  path: string;
  area: WorkspaceArea;
  /** The question the module answers, in one line. */
  question: string;
}

export const MODULES: Record<Dimension, ModuleInfo> = {
  insight: {
    dimension: 'insight',
    letter: 'I',
    title: 'Insight',
    path: PAGE_PATHS.insightModule,
    area: 'insight-module',
    question: 'Do you really know why your customers buy: their intent, motivation and emotional triggers?',
  },
  distinctive: {
    dimension: 'distinctive',
    letter: 'D',
    title: 'Distinctive',
    path: PAGE_PATHS.distinctiveModule,
    area: 'distinctive-module',
    question: 'Would customers recognise you without your logo, and pick you over the alternatives?',
  },
  empathetic: {
    dimension: 'empathetic',
    letter: 'E',
    title: 'Empathetic',
    path: PAGE_PATHS.empatheticModule,
    area: 'empathetic-module',
    question:
      'Do customers feel understood: their fears, their hopes and how they want to feel after buying?',
  },
  authentic: {
    dimension: 'authentic',
    letter: 'A',
    title: 'Authentic',
    path: PAGE_PATHS.authenticModule,
    area: 'authentic-module',
    question: 'Are your values, story and promise real, visible and consistent at every touchpoint?',
  },
};
