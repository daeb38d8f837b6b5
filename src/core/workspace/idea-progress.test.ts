import { describe, expect, it } from 'vitest';
import { SHOPPER_TYPES } from '../ai/contracts.ts';
import { ideaProgress, moduleProgress } from './idea-progress.ts';
import { SHOPPER_TYPE_ORDER } from './insight-worksheet.ts';
import { emptyItemData, parseItemData } from './items.ts';
import { LEARNING_STEPS, learningStepIds } from './learning.ts';

describe('learning steps', () => {
  it('has three to five steps per module with unique, stable-looking ids', () => {
    for (const steps of Object.values(LEARNING_STEPS)) {
      expect(steps.length).toBeGreaterThanOrEqual(3);
      expect(steps.length).toBeLessThanOrEqual(5);
      const ids = steps.map((step) => step.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('stores completed ids once each', () => {
    const twice = {
      completed: {
        insight: ['why-they-buy', 'why-they-buy'],
        distinctive: [],
        empathetic: [],
        authentic: [],
      },
    };
    expect(parseItemData('learning', twice).success).toBe(false);
  });
});

describe('module progress', () => {
  it('is zero for a brand that has not started', () => {
    const progress = ideaProgress({});
    for (const entry of Object.values(progress)) {
      expect(entry.percent).toBe(0);
      expect(entry.learningDone).toBe(0);
      expect(entry.worksheetDone).toBe(0);
    }
    expect(progress.insight.worksheetTotal).toBe(6);
  });

  it('counts learning steps (ignoring retired ids) and filled worksheet sections', () => {
    const learning = emptyItemData('learning');
    learning.completed.insight = ['why-they-buy', 'retired-step'];
    const insight = { ...emptyItemData('insight'), buyerIntent: 'Comparing options', demographics: '   ' };
    const progress = moduleProgress('insight', { learning, insight });
    expect(progress.learningDone).toBe(1);
    expect(progress.worksheetDone).toBe(1);
    expect(progress.sections.find((section) => section.id === 'demographics')?.done).toBe(false);
    // 2 of 4 learning + 6 sections.
    expect(progress.percent).toBe(20);
  });

  it('reaches 100 only when every step and section is done', () => {
    const learning = emptyItemData('learning');
    learning.completed.distinctive = learningStepIds('distinctive');
    const distinctive = {
      assets: [{ type: 'colour' as const, description: 'Teal lids', consistency: 'always' as const }],
      differentiators: [{ competitor: 'Acme', difference: '' }],
      positioning: 'For busy parents…',
    };
    expect(moduleProgress('distinctive', { learning, distinctive }).percent).toBe(85);
    distinctive.differentiators[0] = { competitor: 'Acme', difference: 'We deliver next day' };
    expect(moduleProgress('distinctive', { learning, distinctive }).percent).toBe(100);
  });
});

describe('the Insight worksheet vocabulary', () => {
  it('lists the shopper types in the same order as the shared vocabulary', () => {
    expect(SHOPPER_TYPE_ORDER).toEqual([...SHOPPER_TYPES]);
  });
});
