import { describe, expect, it } from 'vitest';
import { acceptedValue, canvasFieldText, rewriteToTags, suggestionRequest } from './canvas-suggestion.ts';
import { emptyItemData } from './items.ts';

const data = {
  ...emptyItemData('canvas'),
  values: ['Honesty', 'Care'],
  valueProposition: '  Calm mornings. ',
};

const brandId = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

describe('suggestionRequest', () => {
  it('names the brand, the field as the coach knows it and sends the current text', () => {
    expect(
      suggestionRequest(data, 'valueProposition', { brandId, brandName: ' Calm Co ', audience: '' }),
    ).toEqual({
      brandId,
      field: 'value-proposition',
      currentText: 'Calm mornings.',
      brandName: 'Calm Co',
    });
    expect(suggestionRequest(data, 'values', { brandId, audience: 'busy parents' })).toEqual({
      brandId,
      field: 'values',
      currentText: 'Honesty, Care',
      audience: 'busy parents',
    });
  });

  it('bounds what it sends to the task’s limits', () => {
    const long = { ...data, purpose: 'x'.repeat(5000) };
    const request = suggestionRequest(long, 'purpose', { brandId, brandName: 'b'.repeat(500) });
    expect(request.currentText).toHaveLength(2000);
    expect(request.brandName).toHaveLength(120);
  });

  it('joins tag lists as text', () => {
    expect(canvasFieldText(data, 'values')).toBe('Honesty, Care');
  });
});

describe('rewriteToTags', () => {
  it('splits lists and keeps the value of "Value: proof" lines', () => {
    expect(rewriteToTags('Honesty: we publish our margins.\n- Craft: every seam by hand\n• Care')).toEqual([
      'Honesty',
      'Craft',
      'Care',
    ]);
    expect(rewriteToTags('Warm, witty; dependable.')).toEqual(['Warm', 'witty', 'dependable']);
  });

  it('leaves out template placeholders', () => {
    expect(rewriteToTags('[Trait], [trait] and [trait] — never [trait you avoid].')).toEqual([]);
    expect(rewriteToTags('[Value]: [a decision or practice that proves it].')).toEqual([]);
  });
});

describe('acceptedValue', () => {
  it('clips text to the field’s limit and turns tag rewrites into tags', () => {
    expect(acceptedValue('purpose', ` ${'a'.repeat(1200)} `)).toHaveLength(1000);
    expect(acceptedValue('personality', 'Warm, Bold')).toEqual(['Warm', 'Bold']);
  });
});
