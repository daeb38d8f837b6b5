import { describe, expect, it } from 'vitest';
import { emptyAvatarData } from '../workspace/avatar.ts';
import { hasPlaceholder } from '../workspace/canvas-completion.ts';
import { emptyItemData } from '../workspace/items.ts';
import { contentWords, withoutGenericWords } from './canvas-rewrite.ts';
import { CANVAS_FIELDS, type CanvasField } from './contracts.ts';
import { type CoachContext, canvasSuggestion } from './offline-coach.ts';
import { summariseWorkspace, type WorkspaceSnapshot } from './workspace-context.ts';

const BRAND_ID = '00000000-0000-4000-8000-000000000001';

function contextFor(snapshot: Partial<WorkspaceSnapshot>): CoachContext {
  return {
    diagnostic: null,
    brand: summariseWorkspace({
      brandName: 'My brand',
      canvas: null,
      insight: null,
      distinctive: null,
      empathetic: null,
      authentic: null,
      avatars: [],
      ...snapshot,
    }),
  };
}

const sam = {
  ...emptyAvatarData(),
  name: 'Sam',
  demographics: { ...emptyAvatarData().demographics, occupation: 'nurse' },
  psychology: {
    values: ['Family'],
    fears: ['Wasting money'],
    desires: ['More time'],
    triggers: ['trust' as const],
  },
};

/** A brand with nothing saved but its default name. */
const NOTHING_SAVED = contextFor({});
/** A named brand with one avatar, a positioning draft and a brand promise. */
const WITH_DATA = contextFor({
  brandName: 'Kindling',
  avatars: [sam],
  distinctive: {
    ...emptyItemData('distinctive'),
    positioning: 'For night-shift nurses, Kindling is the coffee that is ready when you are',
  },
  authentic: {
    ...emptyItemData('authentic'),
    values: [{ value: 'Honesty', proof: 'We publish our margins.' }],
    promise: 'A calm first coffee before every shift',
  },
});

function suggest(field: CanvasField, currentText: string, context: CoachContext) {
  return canvasSuggestion({ brandId: BRAND_ID, field, currentText }, context);
}

describe('canvas suggestions: labelled cases', () => {
  const good = [
    ['purpose', 'Kindling gives night-shift nurses a calm first coffee before every shift.'],
    ['vision', 'Every nurse starts a night shift rested and looked after.'],
    ['value-proposition', 'Coffee that is ready when your shift starts, without queuing at the canteen.'],
  ] as const;
  it.each(good)('good %s text: the coach says so and proposes no rewrite', (field, text) => {
    for (const context of [NOTHING_SAVED, WITH_DATA]) {
      const output = suggest(field, text, context);
      expect(output.rewrite).toBe('');
      expect(output.critique.join(' ')).toContain('This reads clearly');
    }
  });

  const generic = [
    [
      'purpose',
      'We make innovative, high-quality breakfast kits so busy parents get calm mornings.',
      ['breakfast', 'kits', 'busy', 'parents', 'calm', 'mornings'],
    ],
    [
      'mission',
      'We are a leading provider of really innovative coffee subscriptions for hospital staff.',
      ['provider', 'coffee', 'subscriptions', 'hospital', 'staff'],
    ],
    [
      'positioning',
      'For busy parents, Calm Co is the best breakfast kit with unique recipes that take five minutes.',
      ['busy', 'parents', 'breakfast', 'recipes', 'five', 'minutes'],
    ],
  ] as const;
  it.each(generic)(
    'generic %s text: the rewrite keeps the owner’s words, drops the generic ones',
    (field, text, keyWords) => {
      const output = suggest(field, text, NOTHING_SAVED);
      expect(output.critique.join(' ')).toContain('could describe any brand');
      expect(output.rewrite).not.toBe('');
      expect(hasPlaceholder(output.rewrite)).toBe(false);
      expect(output.rewrite).not.toMatch(/[[\]]/);
      for (const word of keyWords) expect(contentWords(output.rewrite)).toContain(word);
      for (const word of ['innovative', 'high-quality', 'leading', 'best', 'unique', 'really'])
        expect(output.rewrite.toLowerCase()).not.toMatch(new RegExp(`\\b${word}\\b`));
    },
  );

  it('adds the brand name and the saved audience to the owner’s text', () => {
    const purpose = suggest(
      'purpose',
      'Our brand exists to give busy parents a truly unhurried breakfast.',
      WITH_DATA,
    );
    expect(purpose.rewrite).toBe('Kindling exists to give busy parents an unhurried breakfast.');
    const mission = suggest(
      'mission',
      'We roast innovative small-batch coffee and deliver it before dawn.',
      WITH_DATA,
    );
    expect(mission.rewrite).toBe('We roast small-batch coffee and deliver it before dawn for Sam (a nurse).');
    expect(mission.critique.join(' ')).toContain('No audience is named');
  });

  it('asks instead of proposing when the text is mostly generic words', () => {
    const output = suggest('purpose', 'We are the best quality brand.', NOTHING_SAVED);
    expect(output.rewrite).toBe('');
    expect(output.critique.join(' ')).toContain('"best", "quality" could describe any brand');
  });

  it('drafts an empty field from the brand’s saved data', () => {
    expect(suggest('purpose', '', WITH_DATA)).toMatchObject({
      rewrite: 'Kindling exists to help Sam (a nurse) get more time.',
    });
    expect(suggest('positioning', '', WITH_DATA).rewrite).toBe(
      'For night-shift nurses, Kindling is the coffee that is ready when you are.',
    );
    expect(suggest('value-proposition', '', WITH_DATA).rewrite).toBe(
      'A calm first coffee before every shift.',
    );
    expect(suggest('values', '', WITH_DATA).rewrite).toBe('Honesty');
    expect(suggest('personality', '', WITH_DATA).rewrite).toBe('Dependable');
    expect(suggest('purpose', '', WITH_DATA).critique[0]).toContain('built from your avatar Sam');
  });

  it('drafts an empty tagline with the copy engine from the saved work, and critiques a long one', () => {
    const draft = suggest('tagline', '', WITH_DATA);
    expect(draft.critique[0]).toMatch(
      /^The tagline is empty\. The draft below is built from your (?:canvas|avatar Sam)/,
    );
    expect(draft.rewrite).not.toMatch(/…$/);
    expect(draft.rewrite.length).toBeGreaterThan(0);
    expect(draft.rewrite.length).toBeLessThanOrEqual(60);
    const long = suggest(
      'tagline',
      'Kindling is the very best coffee subscription for nurses who work nights in every hospital',
      WITH_DATA,
    );
    expect(long.critique.join(' ')).toContain('long for a tagline; aim for 10 or fewer');
  });

  it('offers no rewrite for an empty field without saved data, and asks a question instead', () => {
    for (const field of CANVAS_FIELDS) {
      const output = suggest(field, '', NOTHING_SAVED);
      expect(output.rewrite).toBe('');
      expect(output.critique[0]).toMatch(/is empty\. .+\?/);
    }
  });

  it('never proposes a [placeholder], whatever the field, text or saved data', () => {
    const texts = [
      '',
      'We are the leading [category] for [audience].',
      'Quality, Excellence',
      'Honest and kind.',
    ];
    for (const field of CANVAS_FIELDS)
      for (const text of texts)
        for (const context of [NOTHING_SAVED, WITH_DATA])
          expect(hasPlaceholder(suggest(field, text, context).rewrite)).toBe(false);
  });

  it('cleans generic tags and adds the Authentic worksheet’s values', () => {
    expect(suggest('values', 'Care, Quality', WITH_DATA).rewrite).toBe('Care, Honesty');
    expect(suggest('values', 'Honesty', WITH_DATA).rewrite).toBe('');
    expect(suggest('personality', 'Warm, Bold', NOTHING_SAVED).rewrite).toBe('');
  });
});

describe('withoutGenericWords', () => {
  it('removes modifiers and filler and keeps the sentence grammatical', () => {
    expect(withoutGenericWords('We are an innovative bakery.')).toBe('We are a bakery.');
    expect(withoutGenericWords('A premium, organic oat milk in order to please.')).toBe(
      'An organic oat milk to please.',
    );
    expect(withoutGenericWords('We are passionate about quality and care.')).toBe(
      'We care about quality and care.',
    );
    expect(withoutGenericWords('The best of both worlds.')).toBe('The best of both worlds.');
  });
});
