import { describe, expect, it } from 'vitest';
import { canvasCompletion, hasPlaceholder, isCanvasFieldComplete } from './canvas-completion.ts';
import { emptyItemData } from './items.ts';

const full = {
  purpose: 'Make mornings calmer for busy parents.',
  vision: 'Every family starts the day unhurried.',
  mission: 'We design breakfast kits parents can prepare in five minutes.',
  values: ['Honesty', 'Care'],
  positioning: 'For busy parents, Calm Co is the breakfast kit that takes five minutes.',
  valueProposition: 'A calm start without the rush.',
  tagline: '',
  personality: ['Warm'],
  voice: 'Plain, kind and direct.',
};

describe('canvasCompletion', () => {
  it('is 0% with every field missing for an empty canvas', () => {
    const result = canvasCompletion(emptyItemData('canvas'));
    expect(result).toMatchObject({ filled: 0, total: 8, percent: 0 });
    expect(result.missing).toEqual([
      'purpose',
      'vision',
      'mission',
      'values',
      'positioning',
      'valueProposition',
      'personality',
      'voice',
    ]);
  });

  it('is 100% when all eight fields are filled', () => {
    expect(canvasCompletion(full)).toMatchObject({ filled: 8, percent: 100, missing: [], placeholders: [] });
  });

  it('leaves the optional tagline out of the count but still reports a placeholder in it', () => {
    expect(canvasCompletion({ ...full, tagline: 'Calm by 7 a.m.' })).toMatchObject({ filled: 8, total: 8 });
    expect(canvasCompletion({ ...full, tagline: 'Calm for [audience]' })).toMatchObject({
      percent: 100,
      placeholders: ['tagline'],
    });
  });

  it('rounds down and ignores whitespace-only and punctuation-only text', () => {
    const result = canvasCompletion({ ...full, vision: '   ', voice: '…', personality: [] });
    expect(result.filled).toBe(5);
    expect(result.percent).toBe(62);
    expect(result.missing).toEqual(['vision', 'personality', 'voice']);
  });

  it('does not count a field that still holds a [placeholder] from a template', () => {
    const data = { ...full, positioning: 'For [audience], Calm Co is the [category] that saves time.' };
    expect(isCanvasFieldComplete(data, 'positioning')).toBe(false);
    expect(canvasCompletion(data)).toMatchObject({ filled: 7, placeholders: ['positioning'] });
  });

  it('recognises placeholders but not ordinary brackets spanning lines or empty ones', () => {
    expect(hasPlaceholder('Hello [Brand]')).toBe(true);
    expect(hasPlaceholder('A list []')).toBe(false);
    expect(hasPlaceholder('Open [\nclose]')).toBe(false);
  });
});
