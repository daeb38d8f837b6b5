import { describe, expect, it } from 'vitest';
import { emptyAvatarData } from '../workspace/avatar.ts';
import { emptyItemData } from '../workspace/items.ts';
import { WORKSHEET_COACH_FIELDS } from './contracts.ts';
import { contextualHelp, insightGuidance } from './offline-coach.ts';
import { worksheetSuggestion } from './worksheet-suggestion.ts';
import { type BrandSaved, summariseWorkspace, type WorkspaceSnapshot } from './workspace-context.ts';

const BRAND_ID = '00000000-0000-4000-8000-000000000001';

function savedFrom(snapshot: Partial<WorkspaceSnapshot>): BrandSaved {
  return summariseWorkspace({
    brandName: 'Kindling',
    canvas: null,
    insight: null,
    distinctive: null,
    empathetic: null,
    authentic: null,
    avatars: [],
    ...snapshot,
  }).saved;
}

const sam = {
  ...emptyAvatarData(),
  name: 'Sam',
  demographics: { ...emptyAvatarData().demographics, occupation: 'nurse', ageBand: '25-34' as const },
  psychology: { values: [], fears: ['Wasting money'], desires: ['More time', 'Calm mornings'], triggers: [] },
  buying: {
    intentType: 'commercial' as const,
    shoppingStyle: 'quality-focused' as const,
    priceSensitivity: 'medium' as const,
    decisionFactors: ['Reviews', 'Delivery time'],
  },
};

describe('worksheetSuggestion', () => {
  it('builds concrete answers from the first avatar', () => {
    const saved = savedFrom({ avatars: [sam] });
    expect(worksheetSuggestion('insight.buyerMotivation', saved)).toBe(
      'Sam buys to get more time and calm mornings, and worries about wasting money.',
    );
    expect(worksheetSuggestion('insight.buyerIntent', saved)).toBe(
      'Sam usually arrives comparing options, and decides on reviews and delivery time.',
    );
    expect(worksheetSuggestion('insight.shopperNotes', saved)).toBe(
      'Sam is a quality-focused shopper, with medium price sensitivity.',
    );
    expect(worksheetSuggestion('insight.demographics', saved)).toBe('Sam is a nurse, aged 25–34.');
  });

  it('builds answers from the canvas the owner wrote', () => {
    const canvas = {
      ...emptyItemData('canvas'),
      positioning: 'For night-shift nurses, Kindling is the coffee that is ready when you are.',
      valueProposition: 'A calm first coffee before every shift.',
    };
    const saved = savedFrom({ canvas });
    expect(worksheetSuggestion('distinctive.positioning', saved)).toBe(canvas.positioning);
    expect(worksheetSuggestion('authentic.promise', saved)).toBe(canvas.valueProposition);
    expect(worksheetSuggestion('authentic.story.mission', saved)).toBeNull();
  });

  it('suggests nothing for a field the owner already filled, or without saved data', () => {
    const insight = { ...emptyItemData('insight'), buyerMotivation: 'They want calm mornings.' };
    expect(worksheetSuggestion('insight.buyerMotivation', savedFrom({ avatars: [sam], insight }))).toBeNull();
    for (const field of WORKSHEET_COACH_FIELDS) expect(worksheetSuggestion(field, savedFrom({}))).toBeNull();
    expect(worksheetSuggestion(undefined, savedFrom({ avatars: [sam] }))).toBeNull();
  });

  it('never suggests text with a [placeholder], even one the owner typed elsewhere', () => {
    const canvas = { ...emptyItemData('canvas'), valueProposition: 'We help [audience] sleep.' };
    expect(worksheetSuggestion('authentic.promise', savedFrom({ canvas }))).toBeNull();
  });
});

describe('field coach tasks', () => {
  const context = {
    diagnostic: null,
    brand: summariseWorkspace({
      brandName: 'Kindling',
      canvas: null,
      insight: null,
      distinctive: null,
      empathetic: null,
      authentic: null,
      avatars: [sam],
    }),
  };

  it('carry a suggestion only when the saved work answers the named field', () => {
    expect(
      contextualHelp({ brandId: BRAND_ID, area: 'insight-module', field: 'insight.buyerMotivation' }, context)
        .suggestion,
    ).toContain('Sam buys to get more time');
    expect(contextualHelp({ brandId: BRAND_ID, area: 'insight-module' }, context)).not.toHaveProperty(
      'suggestion',
    );
    expect(
      insightGuidance({ brandId: BRAND_ID, dimension: 'insight', field: 'insight.triggerNotes' }, context),
    ).not.toHaveProperty('suggestion');
    expect(
      insightGuidance({ brandId: BRAND_ID, dimension: 'insight', field: 'insight.demographics' }, context)
        .suggestion,
    ).toBe('Sam is a nurse, aged 25–34.');
  });
});
