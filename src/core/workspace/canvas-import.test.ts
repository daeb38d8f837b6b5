import { describe, expect, it } from 'vitest';
import type { AvatarData } from './avatar.ts';
import type { CanvasData } from './canvas.ts';
import {
  type AuthenticData,
  applyCanvasImport,
  avatarAudience,
  cleanTags,
  type DistinctiveData,
  type EmpatheticData,
  proposeCanvasImport,
} from './canvas-import.ts';
import { emptyItemData } from './items.ts';

const authentic: AuthenticData = {
  ...emptyItemData('authentic'),
  values: [
    { value: 'Honesty', proof: 'We publish our margins.' },
    { value: 'honesty', proof: 'Duplicate in another case.' },
    { value: 'Craft', proof: '' },
  ],
  story: {
    origin: 'Started in a garage to fix our own mornings.',
    struggle: '',
    mission: 'Calm mornings for parents.',
  },
  promise: 'Breakfast ready in five minutes, every day.',
};
const distinctive: DistinctiveData = {
  ...emptyItemData('distinctive'),
  positioning: 'For busy parents, Calm Co is the only kit that takes five minutes.',
};
const empathetic: EmpatheticData = {
  ...emptyItemData('empathetic'),
  triggerRanking: ['relief', 'trust', 'hope', 'belonging'],
};
const avatar: AvatarData = {
  ...emptyItemData('avatar'),
  name: 'Sam',
  demographics: {
    ageBand: '25-34',
    incomeBand: null,
    locationType: 'suburban',
    occupation: 'Nurse',
    lifestyle: '',
  },
  psychology: {
    values: ['Family', 'Health'],
    fears: ['Wasting money'],
    desires: ['More time'],
    triggers: ['trust'],
  },
};

function canvas(overrides: Partial<CanvasData> = {}): CanvasData {
  return { ...emptyItemData('canvas'), ...overrides };
}

describe('proposeCanvasImport', () => {
  it('maps the worksheets onto the canvas fields, worksheets before avatar hints', () => {
    const proposals = proposeCanvasImport(canvas(), { authentic, distinctive, empathetic, avatar });
    const byField = Object.fromEntries(proposals.map((proposal) => [proposal.field, proposal]));
    expect(proposals.map((proposal) => proposal.field)).toEqual([
      'purpose',
      'mission',
      'values',
      'positioning',
      'valueProposition',
      'personality',
      'voice',
    ]);
    expect(byField.positioning?.value).toBe(distinctive.positioning);
    expect(byField.positioning?.origin).toContain('Distinctive');
    expect(byField.values?.value).toEqual(['Honesty', 'Craft']);
    expect(byField.valueProposition?.value).toBe(authentic.promise);
    expect(byField.mission?.value).toBe('Calm mornings for parents.');
    expect(byField.personality?.value).toEqual(['Reassuring', 'Dependable', 'Optimistic']);
    expect(byField.voice?.value).toContain('Speak to Sam');
    expect(byField.voice?.value).toContain('family and health');
    expect(proposals.every((proposal) => !proposal.replacesExisting && !proposal.unchanged)).toBe(true);
  });

  it('uses the avatar as audience hints when the worksheets are empty', () => {
    const proposals = proposeCanvasImport(canvas(), { avatar });
    const byField = Object.fromEntries(proposals.map((proposal) => [proposal.field, proposal.value]));
    // The category and the difference are the owner's to say: no positioning with blanks to fill.
    expect(byField.positioning).toBeUndefined();
    expect(byField.valueProposition).toBe('We help Sam get more time without wasting money.');
    expect(byField.personality).toEqual(['Dependable']);
  });

  it('proposes nothing from empty sources', () => {
    expect(
      proposeCanvasImport(canvas(), {
        authentic: emptyItemData('authentic'),
        distinctive: emptyItemData('distinctive'),
        empathetic: emptyItemData('empathetic'),
        insight: emptyItemData('insight'),
        avatar: null,
      }),
    ).toEqual([]);
  });

  it('falls back to the insight worksheet’s triggers for personality', () => {
    const insight = { ...emptyItemData('insight'), emotionalTriggers: ['aspiration' as const] };
    const [proposal] = proposeCanvasImport(canvas(), { insight });
    expect(proposal).toMatchObject({ field: 'personality', value: ['Inspiring'] });
  });

  it('flags fields that already hold content and proposals that change nothing', () => {
    const proposals = proposeCanvasImport(
      canvas({
        positioning: 'My own words',
        mission: 'Calm mornings for parents.',
        values: ['Craft', 'Honesty'],
      }),
      { authentic, distinctive },
    );
    const byField = Object.fromEntries(proposals.map((proposal) => [proposal.field, proposal]));
    expect(byField.positioning).toMatchObject({ replacesExisting: true, unchanged: false });
    expect(byField.mission).toMatchObject({ replacesExisting: true, unchanged: true });
    expect(byField.values).toMatchObject({ replacesExisting: true, unchanged: true });
  });
});

describe('applyCanvasImport', () => {
  const current = canvas({ positioning: 'My own words', values: ['Kindness'], voice: 'Coach text' });
  const proposals = proposeCanvasImport(current, { authentic, distinctive, avatar });
  const allFields = proposals.map((proposal) => proposal.field);

  it('fills only empty fields unless asked to overwrite', () => {
    const result = applyCanvasImport(current, { voice: 'ai' }, proposals, {
      fields: allFields,
      overwrite: false,
    });
    expect(result.data.positioning).toBe('My own words');
    expect(result.data.values).toEqual(['Kindness']);
    expect(result.data.voice).toBe('Coach text');
    expect(result.data.mission).toBe('Calm mornings for parents.');
    expect(result.changed).toEqual(['purpose', 'mission', 'valueProposition', 'personality']);
    expect(result.data.personality).toEqual(['Dependable']);
    expect(result.sources).toEqual({ voice: 'ai' });
  });

  it('overwrites text, merges tags and marks imported fields as the user’s own', () => {
    const result = applyCanvasImport(current, { voice: 'ai', positioning: 'ai' }, proposals, {
      fields: ['positioning', 'values', 'voice'],
      overwrite: true,
    });
    expect(result.data.positioning).toBe(distinctive.positioning);
    expect(result.data.values).toEqual(['Kindness', 'Honesty', 'Craft']);
    expect(result.data.voice).toContain('Speak to Sam');
    expect(result.data.mission).toBe('');
    expect(result.changed).toEqual(['values', 'positioning', 'voice']);
    expect(result.sources).toEqual({});
    // The input is left untouched.
    expect(current.values).toEqual(['Kindness']);
  });
});

describe('helpers', () => {
  it('cleanTags trims, de-duplicates, drops over-long tags and caps the count', () => {
    const tags = cleanTags([
      '  a  b ',
      'A B',
      'x'.repeat(61),
      ...Array.from({ length: 20 }, (_, index) => `t${index}`),
    ]);
    expect(tags[0]).toBe('a b');
    expect(tags).toHaveLength(12);
    expect(tags).not.toContain('x'.repeat(61));
  });

  it('avatarAudience describes the avatar from what is known', () => {
    expect(avatarAudience(emptyItemData('avatar'))).toBe('New avatar');
    expect(avatarAudience(avatar)).toBe('Sam (a Nurse aged 25-34 living in the suburbs)');
  });
});
