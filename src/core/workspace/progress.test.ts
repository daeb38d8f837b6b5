import { describe, expect, it } from 'vitest';
import { scoresFrom } from '../diagnostic/scoring.ts';
import { emptyItemData } from './items.ts';
import { LEARNING_STEPS } from './learning.ts';
import { brandProgress } from './progress.ts';

const distinctiveWeakest = scoresFrom(62, { insight: 80, distinctive: 20, empathetic: 70, authentic: 78 });

describe('brandProgress', () => {
  it('asks for the diagnostic first', () => {
    const progress = brandProgress({ avatarNames: [], diagnostic: null });
    expect(progress.nextStep.path).toBe('/diagnostic');
    expect(progress.modules.every((module) => module.percent === 0)).toBe(true);
    expect(progress.canvas.percent).toBe(0);
  });

  it('points at the weakest dimension’s module while it is unfinished', () => {
    const progress = brandProgress({ avatarNames: [], diagnostic: distinctiveWeakest });
    expect(progress.nextStep).toMatchObject({ path: '/app/idea/distinctive', title: 'Work on Distinctive' });
    expect(progress.nextStep.reason).toContain('20/100');
  });

  it('counts learning steps and worksheet sections, then moves on once a module is complete', () => {
    const learning = emptyItemData('learning');
    learning.completed.distinctive = LEARNING_STEPS.distinctive.map((step) => step.id);
    const distinctive = emptyItemData('distinctive');
    distinctive.assets = [{ type: 'colour', description: 'Tomato red lids', consistency: 'always' }];
    distinctive.differentiators = [{ competitor: 'BigCo', difference: 'We deliver same day' }];
    distinctive.positioning = 'For busy parents who…';
    const progress = brandProgress({
      avatarNames: [],
      diagnostic: distinctiveWeakest,
      learning,
      distinctive,
    });
    expect(progress.modules.find((module) => module.dimension === 'distinctive')?.percent).toBe(100);
    // Next weakest: Empathetic (70).
    expect(progress.nextStep.path).toBe('/app/idea/empathetic');
  });

  it('reports canvas completion and avatars', () => {
    const canvas = emptyItemData('canvas');
    canvas.purpose = 'Make weeknight dinners calm';
    canvas.values = ['Honesty'];
    const progress = brandProgress({ avatarNames: ['Maya'], diagnostic: null, canvas });
    expect(progress.canvas).toEqual({ percent: 25, filled: 2, total: 8 });
    expect(progress.avatars).toEqual({ count: 1, names: ['Maya'] });
  });
});
