import { describe, expect, it } from 'vitest';
import { BETA_STEP_INFO, BETA_STEPS, betaFunnel } from './journey.ts';

describe('beta funnel', () => {
  it('counts each step, those through every step so far, and the drop-off from the stage before', () => {
    const funnel = betaFunnel([
      { completed: ['diagnostic', 'module', 'avatar'] },
      { completed: ['diagnostic', 'avatar'] },
      { completed: ['avatar'] },
      { completed: [] },
    ]);
    expect(funnel.slice(0, 4)).toEqual([
      { step: 'diagnostic', completed: 2, reached: 2, dropOff: 2 },
      { step: 'module', completed: 1, reached: 1, dropOff: 1 },
      { step: 'avatar', completed: 3, reached: 1, dropOff: 0 },
      { step: 'canvas', completed: 0, reached: 0, dropOff: 1 },
    ]);
    // Once nobody is left, nothing more drops off.
    expect(funnel.slice(4).every((stage) => stage.reached === 0 && stage.dropOff === 0)).toBe(true);
  });

  it('follows the steps it is given, and an empty cohort is all zeros', () => {
    expect(betaFunnel([{ completed: ['module'] }], ['module', 'coach'])).toEqual([
      { step: 'module', completed: 1, reached: 1, dropOff: 0 },
      { step: 'coach', completed: 0, reached: 0, dropOff: 1 },
    ]);
    expect(betaFunnel([]).every((stage) => stage.completed + stage.reached + stage.dropOff === 0)).toBe(true);
  });

  it('describes every step', () => {
    for (const step of BETA_STEPS) expect(BETA_STEP_INFO[step].step).toBe(step);
  });
});
