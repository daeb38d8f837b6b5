/**
 * How far a brand has come in each IDEA module: learning steps read plus worksheet sections filled.
 * Pure, so the hub, the module pages and the dashboard all count the same way from the stored items.
 */

import { DIMENSIONS, type Dimension } from '../diagnostic/questionnaire.ts';
import type { ItemData } from './items.ts';
import { completedSteps, LEARNING_STEPS } from './learning.ts';
import { isAssessmentComplete, TRIGGERS } from './trigger-assessment.ts';

export interface WorksheetSection {
  id: string;
  label: string;
  done: boolean;
}

export interface ModuleProgress {
  dimension: Dimension;
  learningDone: number;
  learningTotal: number;
  sections: WorksheetSection[];
  worksheetDone: number;
  worksheetTotal: number;
  /** Learning steps and worksheet sections together, 0–100, rounded down (100 only when all done). */
  percent: number;
}

/** The stored items the progress is computed from; a missing one counts as empty. */
export interface IdeaItems {
  learning?: ItemData<'learning'> | undefined;
  insight?: ItemData<'insight'> | undefined;
  'trigger-assessment'?: ItemData<'trigger-assessment'> | undefined;
  distinctive?: ItemData<'distinctive'> | undefined;
  empathetic?: ItemData<'empathetic'> | undefined;
  authentic?: ItemData<'authentic'> | undefined;
}

const filled = (text: string | undefined) => (text ?? '').trim().length > 0;

export function worksheetSections(dimension: Dimension, items: IdeaItems): WorksheetSection[] {
  switch (dimension) {
    case 'insight': {
      const data = items.insight;
      return [
        { id: 'buyerIntent', label: 'Buyer intent', done: filled(data?.buyerIntent) },
        { id: 'buyerMotivation', label: 'Buyer motivation', done: filled(data?.buyerMotivation) },
        {
          id: 'emotionalTriggers',
          label: 'Emotional triggers',
          done: (data?.emotionalTriggers.length ?? 0) > 0 || filled(data?.triggerNotes),
        },
        { id: 'shopperType', label: 'Shopper type', done: (data?.shopperType ?? null) !== null },
        { id: 'demographics', label: 'Demographics', done: filled(data?.demographics) },
        {
          id: 'assessment',
          label: 'Trigger assessment',
          done: isAssessmentComplete(items['trigger-assessment']?.answers ?? {}),
        },
      ];
    }
    case 'distinctive': {
      const data = items.distinctive;
      return [
        { id: 'assets', label: 'Distinctive assets', done: (data?.assets.length ?? 0) > 0 },
        {
          id: 'differentiators',
          label: 'Differentiators',
          done: (data?.differentiators ?? []).some((row) => filled(row.difference)),
        },
        { id: 'positioning', label: 'Positioning draft', done: filled(data?.positioning) },
      ];
    }
    case 'empathetic': {
      const data = items.empathetic;
      return [
        { id: 'feelingBefore', label: 'Feeling before buying', done: filled(data?.feelingBefore) },
        { id: 'feelingDuring', label: 'Feeling while buying', done: filled(data?.feelingDuring) },
        { id: 'feelingAfter', label: 'Feeling after buying', done: filled(data?.feelingAfter) },
        { id: 'needs', label: 'Needs', done: (data?.needs.length ?? 0) > 0 },
        { id: 'fears', label: 'Fears', done: (data?.fears.length ?? 0) > 0 },
        {
          id: 'triggerRanking',
          label: 'Trigger ranking',
          done: (data?.triggerRanking.length ?? 0) === TRIGGERS.length,
        },
        {
          id: 'listeningChannels',
          label: 'Listening channels',
          done: (data?.listeningChannels.length ?? 0) > 0,
        },
      ];
    }
    case 'authentic': {
      const data = items.authentic;
      return [
        {
          id: 'values',
          label: 'Values with proof',
          done: (data?.values ?? []).some((row) => filled(row.proof)),
        },
        { id: 'story.origin', label: 'Origin', done: filled(data?.story.origin) },
        { id: 'story.struggle', label: 'Struggle', done: filled(data?.story.struggle) },
        { id: 'story.mission', label: 'Mission', done: filled(data?.story.mission) },
        { id: 'promise', label: 'Brand promise', done: filled(data?.promise) },
        { id: 'consistency', label: 'Touchpoint checklist', done: (data?.consistency.length ?? 0) > 0 },
      ];
    }
  }
}

export function moduleProgress(dimension: Dimension, items: IdeaItems): ModuleProgress {
  const learningTotal = LEARNING_STEPS[dimension].length;
  const learningDone = completedSteps(dimension, items.learning?.completed[dimension]).length;
  const sections = worksheetSections(dimension, items);
  const worksheetDone = sections.filter((section) => section.done).length;
  const total = learningTotal + sections.length;
  return {
    dimension,
    learningDone,
    learningTotal,
    sections,
    worksheetDone,
    worksheetTotal: sections.length,
    percent: Math.floor(((learningDone + worksheetDone) / total) * 100),
  };
}

export function ideaProgress(items: IdeaItems): Record<Dimension, ModuleProgress> {
  return Object.fromEntries(
    DIMENSIONS.map((dimension) => [dimension, moduleProgress(dimension, items)]),
  ) as Record<Dimension, ModuleProgress>;
}
