import { describe, expect, it } from 'vitest';
import { type AvatarData, avatarDataSchema } from '../workspace/avatar.ts';
import { type CanvasData, canvasDataSchema } from '../workspace/canvas.ts';
import { authenticDataSchema, insightDataSchema } from '../workspace/modules.ts';
import {
  AVATARS_IN_FULL,
  avatarsByMention,
  MEMORY_SECTION_MAX_CHARS,
  renderAvatars,
  renderBrandProfile,
  renderMemoryFacts,
  renderWorksheets,
} from './brand-context.ts';

function avatar(data: Record<string, unknown>): AvatarData {
  return avatarDataSchema.parse(data);
}

const NADIA = avatar({
  name: 'Nurse Nadia',
  demographics: { occupation: 'ICU nurse', ageBand: '25-34' },
  psychology: { fears: ['sore feet after a 12-hour shift'], desires: ['scrubs that feel like pyjamas'] },
  voice: {
    reviews: 'Finally scrubs that survive the night shift.\n\nThe pockets fit my phone and my pens.',
    analysis: {
      reviewCount: 2,
      sentiment: { positive: 2, neutral: 0, negative: 0 },
      keyPhrases: [{ phrase: 'night shift', count: 1, sentiment: 'positive' }],
      triggers: [
        { trigger: 'relief', mentions: 1, quotes: ['Finally scrubs that survive the night shift.'] },
        { trigger: 'hope', mentions: 0, quotes: [] },
      ],
      quotes: [{ text: 'The pockets fit my phone and my pens.', sentiment: 'positive' }],
      echoes: [],
      suggestions: { values: [], fears: [], desires: [] },
      summary: ['Nurses praise durability on long shifts.'],
    },
  },
});

describe('brand context sections', () => {
  it('gives the brand profile with every filled canvas field, in full', () => {
    const purpose = `Comfort for people who care for others. ${'Every seam is tested on a real shift. '.repeat(20)}`;
    const text = renderBrandProfile(
      'Shift Scrubs',
      canvasDataSchema.parse({ purpose, values: ['Care', 'Durability'], voice: 'Warm and plain' }),
    );
    expect(text).toBe(
      [
        'Brand name: Shift Scrubs',
        'Brand canvas:',
        `Purpose: ${purpose.trim()}`,
        'Values: Care, Durability',
        'Voice: Warm and plain',
      ].join('\n'),
    );
    expect(renderBrandProfile('Shift Scrubs', null)).toBe('Brand name: Shift Scrubs');
  });

  it('reads fields in the order the pages show them, whatever order the database stored them in', () => {
    // PostgreSQL's jsonb keeps keys shortest first: the canvas comes back voice, values, purpose…
    const stored: CanvasData = {
      voice: 'Warm',
      values: ['Care'],
      vision: '',
      purpose: 'Comfort',
      mission: '',
      personality: [],
      positioning: '',
      valueProposition: 'Soft at 4 a.m.',
      tagline: '',
    };
    expect(renderBrandProfile('Shift Scrubs', stored).split('\n').slice(2)).toEqual([
      'Purpose: Comfort',
      'Values: Care',
      'Value proposition: Soft at 4 a.m.',
      'Voice: Warm',
    ]);
    const worksheets = renderWorksheets({
      insight: null,
      distinctive: {
        assets: [{ consistency: 'always', description: 'Moonlight teal', type: 'colour' }],
        positioning: 'Night-shift first',
        differentiators: [],
      },
      empathetic: null,
      authentic: {
        story: { origin: '', mission: '', struggle: '' },
        values: [{ proof: 'Wear-tested on a ward', value: 'Care' }],
        promise: '',
        consistency: [],
      },
    });
    expect(worksheets?.split('\n')).toEqual([
      'Distinctive worksheet:',
      'Assets: Type: colour; Description: Moonlight teal; Consistency: always',
      'Positioning: Night-shift first',
      '',
      'Authentic worksheet:',
      'Values: Value: Care; Proof: Wear-tested on a ward',
    ]);
  });

  it('gives each worksheet’s filled fields, the checklist with its ticks, and nothing for empty ones', () => {
    const text = renderWorksheets({
      insight: insightDataSchema.parse({ buyerMotivation: 'They are tired of scrubs that fade.' }),
      distinctive: null,
      empathetic: null,
      authentic: authenticDataSchema.parse({
        values: [{ value: 'Care', proof: 'We test every seam on a real shift.' }],
        consistency: [
          { touchpoint: 'Website', consistent: true, note: '' },
          { touchpoint: 'Packaging', consistent: false, note: 'Still the old logo' },
        ],
      }),
    });
    expect(text).toBe(
      [
        'Insight worksheet:',
        'Buyer motivation: They are tired of scrubs that fade.',
        '',
        'Authentic worksheet:',
        'Values: Value: Care; Proof: We test every seam on a real shift.',
        'Consistency checklist: Website (consistent); Packaging (not consistent yet: Still the old logo)',
      ].join('\n'),
    );
    expect(
      renderWorksheets({ insight: null, distinctive: null, empathetic: null, authentic: null }),
    ).toBeNull();
  });

  it('puts the avatar the request names first, whole names before parts of names', () => {
    const avatars = [avatar({ name: 'Student Sam' }), avatar({ name: 'Dr Nadia Hale' }), NADIA];
    expect(avatarsByMention(avatars, 'What would Nurse Nadia say?').map((each) => each.name)).toEqual([
      'Nurse Nadia',
      'Dr Nadia Hale',
      'Student Sam',
    ]);
    expect(avatarsByMention(avatars, 'And nadia?').map((each) => each.name)).toEqual([
      'Dr Nadia Hale',
      'Nurse Nadia',
      'Student Sam',
    ]);
    // Short words ("Dr") never pick an avatar; no mention keeps the brand's order.
    expect(avatarsByMention(avatars, 'Ask the dr').map((each) => each.name)).toEqual([
      'Student Sam',
      'Dr Nadia Hale',
      'Nurse Nadia',
    ]);
  });

  it('reads an avatar with its reviews and the analysis of them', () => {
    const text = renderAvatars([avatar({ name: 'Student Sam' }), NADIA], 'What does Nadia fear?') ?? '';
    expect(text.indexOf('Avatar: Nurse Nadia (named in the request)')).toBe(0);
    for (const expected of [
      'Who: Aged 25–34, ICU nurse.',
      'Fears: sore feet after a 12-hour shift',
      'Desires: scrubs that feel like pyjamas',
      'Customer reviews (2):',
      '- Finally scrubs that survive the night shift.',
      '- The pockets fit my phone and my pens.',
      'Review analysis (2 reviews: 2 positive, 0 neutral, 0 negative):',
      '- Nurses praise durability on long shifts.',
      'Key phrases: night shift (1, positive)',
      'Emotional triggers in the reviews: Relief (1)',
      'Quote (positive): The pockets fit my phone and my pens.',
      'Avatar: Student Sam',
    ])
      expect(text).toContain(expected);
    expect(renderAvatars([], 'anything')).toBeNull();
  });

  it('keeps long review sets short and names the avatars it does not read in full', () => {
    const reviews = Array.from(
      { length: 30 },
      (_, index) => `Review ${index + 1}: ${'great fit '.repeat(20)}`,
    );
    const many = Array.from({ length: AVATARS_IN_FULL + 2 }, (_, index) =>
      avatar({ name: `Avatar ${index + 1}`, voice: { reviews: reviews.join('\n\n') } }),
    );
    const text = renderAvatars(many, '') ?? '';
    expect(text).toContain('Customer reviews (30; the first 7 shown):');
    expect(text).not.toContain('Review 8:');
    expect(text).toContain('Other avatars (not shown): Avatar 4, Avatar 5');
    expect(text.match(/^Avatar: /gm)).toHaveLength(AVATARS_IN_FULL);
  });
});

describe('renderMemoryFacts', () => {
  it('lists the facts as given, newest first, within the section’s size', () => {
    expect(renderMemoryFacts(['We only sell online.', 'Our customers are  mostly\nnurses.'])).toBe(
      '- We only sell online.\n- Our customers are mostly nurses.',
    );
    expect(renderMemoryFacts([])).toBeNull();
    const many = Array.from({ length: 100 }, (_, index) => `Fact ${index + 1}: ${'x'.repeat(480)}`);
    const text = renderMemoryFacts(many) ?? '';
    expect(text.length).toBeLessThanOrEqual(MEMORY_SECTION_MAX_CHARS + 40);
    expect(text.startsWith('- Fact 1:')).toBe(true);
    expect(text).toMatch(/\n\(9[0-9] older facts not shown\)$/);
  });
});
