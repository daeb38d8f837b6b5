import { describe, expect, it } from 'vitest';
import type { CoachPassage } from '../ai/citations.ts';
import { AI_TASK_SCHEMAS } from '../ai/contracts.ts';
import { type CoachContext, chatReply } from '../ai/offline-coach.ts';
import { analyseVoiceOfCustomer } from '../ai/voice-of-customer.ts';
import { summariseWorkspace, type WorkspaceSnapshot } from '../ai/workspace-context.ts';
import { GUIDANCE } from '../diagnostic/guidance.ts';
import { DIMENSIONS } from '../diagnostic/questionnaire.ts';
import { type DiagnosticScores, scoresFrom } from '../diagnostic/scoring.ts';
import { type AvatarData, emptyAvatarData } from '../workspace/avatar.ts';
import { avatarVoiceRequest } from '../workspace/avatar-summary.ts';
import { emptyItemData } from '../workspace/items.ts';
import { PAGES } from './brand-facts.ts';
import { COPY_KIND_LIMITS } from './copy-engine.ts';
import { classifyRequest } from './intent.ts';
import { answerChat, type OfflineChatAnswer } from './offline-answer.ts';

// ------------------------------------------------------------------------------------ brands

const KINDLING_REVIEWS = [
  'I was worried the kit would go off in my locker, but it lasted the whole week. Finally a proper breakfast before a night shift.',
  'Delivery was late twice and I ran out before my shift. Frustrating when you rely on it.',
  'Ready in five minutes, exactly as described. I no longer skip breakfast before work.',
  'Too expensive for what it is, honestly. The portions are small for a twelve-hour shift.',
  'My whole ward orders these now. I feel looked after, which is rare on nights.',
];

function avatar(overrides: {
  name: string;
  occupation?: string;
  lifestyle?: string;
  fears?: string[];
  desires?: string[];
  triggers?: AvatarData['psychology']['triggers'];
  reviews?: string[];
}): AvatarData {
  const base = emptyAvatarData();
  const data: AvatarData = {
    ...base,
    name: overrides.name,
    demographics: {
      ...base.demographics,
      occupation: overrides.occupation ?? '',
      lifestyle: overrides.lifestyle ?? '',
    },
    psychology: {
      values: [],
      fears: overrides.fears ?? [],
      desires: overrides.desires ?? [],
      triggers: overrides.triggers ?? [],
    },
  };
  const reviews = overrides.reviews ?? [];
  if (reviews.length === 0) return data;
  return {
    ...data,
    voice: {
      reviews: reviews.join('\n\n'),
      analysis: analyseVoiceOfCustomer(avatarVoiceRequest(data, reviews)),
      analysedAt: '2025-03-01T00:00:00.000Z',
      analysedBy: 'offline',
    },
  };
}

function diagnostic(overall: number, dimensions: Parameters<typeof scoresFrom>[1]) {
  return { takenAt: '2025-02-01T00:00:00.000Z', scores: scoresFrom(overall, dimensions) as DiagnosticScores };
}

/** A breakfast-kit brand for night-shift nurses: most of the workspace filled, Distinctive weakest. */
function kindlingSnapshot(): WorkspaceSnapshot {
  return {
    brandName: 'Kindling',
    canvas: {
      ...emptyItemData('canvas'),
      purpose: 'We help night-shift nurses start every shift calm and fed.',
      valueProposition:
        'Hot, protein-rich breakfast kits ready in five minutes, so nurses never skip the meal before a twelve-hour shift.',
      positioning:
        'For night-shift nurses who have no time to cook, Kindling is the breakfast kit made for 6 pm starts, unlike meal boxes built for families.',
      values: ['Care for carers', 'No waste'],
      voice: 'Warm, plain-spoken and never preachy.',
    },
    insight: {
      ...emptyItemData('insight'),
      buyerMotivation: 'They buy so they never face a twelve-hour shift on an empty stomach.',
      buyerIntent: 'They search on their phone at 5 pm, just before leaving for a night shift.',
    },
    distinctive: {
      ...emptyItemData('distinctive'),
      assets: [
        { type: 'colour', description: 'Ember orange lids', consistency: 'always' },
        { type: 'phrase', description: 'Fed before the handover', consistency: 'sometimes' },
      ],
      differentiators: [
        {
          competitor: 'HelloFresh',
          difference: 'Ready in five minutes with no cooking, where their boxes need thirty.',
        },
      ],
    },
    empathetic: {
      ...emptyItemData('empathetic'),
      feelingBefore: 'Drained and rushed',
      feelingAfter: 'Looked after and ready for the shift',
      fears: ['Running out mid-week'],
    },
    authentic: {
      ...emptyItemData('authentic'),
      values: [
        { value: 'Care for carers', proof: 'We give one kit to a ward for every twenty sold.' },
        { value: 'No waste', proof: '' },
      ],
      consistency: [{ touchpoint: 'Order emails', consistent: false, note: 'Still the launch template' }],
    },
    avatars: [
      avatar({
        name: 'Sam',
        occupation: 'ICU nurse',
        lifestyle: 'Works three night shifts a week and sleeps through the morning.',
        fears: ['Running on empty halfway through a shift', 'Wasting money on food that goes off'],
        desires: ['A proper meal without cooking', 'More sleep'],
        triggers: ['relief', 'trust'],
        reviews: KINDLING_REVIEWS,
      }),
      avatar({
        name: 'Priya',
        occupation: 'paramedic',
        fears: ['Eating junk from a vending machine'],
        desires: ['Energy that lasts until morning'],
      }),
    ],
  };
}

const KINDLING: CoachContext = {
  diagnostic: diagnostic(58, { insight: 72, distinctive: 31, empathetic: 66, authentic: 63 }),
  brand: summariseWorkspace(kindlingSnapshot()),
};

/** The same brand before its first diagnostic. */
const KINDLING_NO_DIAGNOSTIC: CoachContext = { ...KINDLING, diagnostic: null };

/** A soap brand with a different weakest dimension (Authentic) and far less saved. */
const BIRCH: CoachContext = {
  diagnostic: diagnostic(61, { insight: 70, distinctive: 64, empathetic: 68, authentic: 42 }),
  brand: summariseWorkspace({
    brandName: 'Birch & Brine',
    canvas: {
      ...emptyItemData('canvas'),
      purpose: 'Birch & Brine makes small-batch soap for people with sensitive skin.',
      valueProposition: 'Soap that calms sensitive skin, made with five ingredients you can pronounce.',
    },
    insight: null,
    distinctive: null,
    empathetic: null,
    authentic: { ...emptyItemData('authentic'), values: [{ value: 'Honesty', proof: '' }] },
    avatars: [
      avatar({
        name: 'Marta',
        occupation: 'new mum',
        fears: ['Rashes from harsh fragrances'],
        desires: ['Skin that feels calm'],
        triggers: ['trust'],
      }),
    ],
  }),
};

/** A brand just signed up: nothing saved, no diagnostic. */
const EMPTY: CoachContext = {
  diagnostic: null,
  brand: summariseWorkspace({
    brandName: 'My brand',
    canvas: null,
    insight: null,
    distinctive: null,
    empathetic: null,
    authentic: null,
    avatars: [],
  }),
};

function passage(n: number, fields: Partial<CoachPassage> & Pick<CoachPassage, 'text'>): CoachPassage {
  return {
    n,
    id: `00000000-0000-4000-8000-00000000000${n}`,
    sourceType: 'document',
    label: 'Notes.pdf · Page 1',
    quote: fields.text,
    matches: 2,
    href: '/app/knowledge/documents/1?page=1',
    ...fields,
  };
}

function ask(message: string, context: CoachContext, history: OfflineHistory = []): OfflineChatAnswer {
  return answerChat({ message, history }, context);
}
type OfflineHistory = { role: 'user' | 'assistant'; content: string }[];

/** The items of the first numbered list of an answer, Markdown escapes undone. */
function numberedOptions(reply: string): string[] {
  const lines = reply.split('\n');
  const start = lines.findIndex((line) => /^1\. /.test(line));
  if (start < 0) return [];
  const items: string[] = [];
  for (const line of lines.slice(start)) {
    const match = /^\d+\. (.*)$/.exec(line);
    if (!match) break;
    items.push((match[1] ?? '').replace(/\\(.)/g, '$1'));
  }
  return items;
}

/** The app paths an answer links to. */
function linkedPaths(reply: string): string[] {
  return [...reply.matchAll(/\]\((\/[^)\s]*)\)/g)].map((match) => match[1] ?? '');
}

const EXISTING_PATHS = new Set<string>(Object.values(PAGES).map((page) => page.path));

/** Claims only a diagnostic can support: scores, bands, and the guidance's band statements. */
const BAND_STATEMENTS = DIMENSIONS.flatMap((dimension) =>
  Object.values(GUIDANCE[dimension]).map((guidance) => guidance.explanation.split(/(?<=[.!?])\s/)[0] ?? ''),
);
function bandFacts(reply: string): string[] {
  const found = BAND_STATEMENTS.filter((statement) => statement && reply.includes(statement));
  for (const pattern of [
    /\d{1,3}\/100/,
    /\((?:Strong|Good|Developing|Needs attention)\)/,
    /\bis your weakest\b/,
  ])
    if (pattern.test(reply)) found.push(pattern.source);
  return found;
}

/** Words of the brand's saved work (canvas, avatars), for checking copy is written from them. */
function ownerWords(context: CoachContext): Set<string> {
  const saved = context.brand?.saved;
  const texts = [
    ...Object.values(saved?.canvas ?? {}).flat(),
    ...(saved?.avatars ?? []).flatMap((entry) => [
      ...entry.psychology.fears,
      ...entry.psychology.desires,
      entry.demographics.occupation,
    ]),
  ].join(' ');
  return new Set(texts.toLowerCase().match(/[a-z][a-z-]{3,}/g) ?? []);
}

// ------------------------------------------------------------------- what a new user saw (issue 13)

describe('offline chat answers: what a new user saw', () => {
  it('"Why do people forget us after one order?" goes to distinctiveness with the brand’s own assets, not its strongest dimension', () => {
    const answer = ask('Why do people forget us after one order?', KINDLING);
    expect(answer.request.type).toBe('diagnose');
    const { reply } = answer;
    expect(reply).toContain('**Distinctive**');
    for (const part of ['Distinctive assets', 'Consistency', 'Mental availability'])
      expect(reply).toContain(part);
    // The brand's own assets and where they fall short.
    expect(reply).toContain('“Ember orange lids” (colour, used always)');
    expect(reply).toContain('“Fed before the handover” is used only some of the time');
    expect(reply).toContain('“Order emails”');
    expect(reply).toContain('Distinctive scored 31/100');
    // Kindling's strongest dimension is Insight-driven (72): the answer is not about it.
    expect(reply).not.toContain('Insight-driven scored');
    expect(linkedPaths(reply)).toContain(PAGES.distinctive.path);
  });

  it('"Write three tagline options" writes three taglines from the canvas and the avatar’s own words, and says what it used', () => {
    const { reply, followUps, request } = ask('Write three tagline options', KINDLING);
    expect(request.type).toBe('write-copy');
    const options = numberedOptions(reply);
    expect(options).toHaveLength(3);
    const words = ownerWords(KINDLING);
    for (const option of options) {
      // "Hot" of "Hot, protein-rich breakfast kits…" is an adjective cut from its noun, not a tagline.
      expect(option.split(' ').length, option).toBeGreaterThan(1);
      expect(option.length).toBeLessThanOrEqual(COPY_KIND_LIMITS.tagline);
      expect(option).not.toMatch(/…$|\.\.\.$/);
      const optionWords = option.toLowerCase().match(/[a-z][a-z-]{3,}/g) ?? [];
      expect(
        optionWords.some((word) => words.has(word)),
        option,
      ).toBe(true);
    }
    expect(reply).toContain('your canvas value proposition');
    expect(reply).toContain('your avatar Sam');
    expect(reply).toContain('“Running on empty halfway through a shift”');
    expect(followUps).toEqual([
      'Make them shorter',
      'Write one for Priya',
      'Write three email subject lines',
    ]);
  });

  it('"Rewrite our homepage headline" gives headlines, not advice, different from the taglines', () => {
    const headlines = ask('Rewrite our homepage headline', KINDLING);
    const taglines = ask('Write three tagline options', KINDLING);
    const options = numberedOptions(headlines.reply);
    expect(options.length).toBeGreaterThanOrEqual(2);
    expect(options.length).toBeLessThanOrEqual(3);
    for (const option of options) expect(option.length).toBeLessThanOrEqual(COPY_KIND_LIMITS.headline);
    expect(headlines.reply).not.toEqual(taglines.reply);
    expect(options).not.toEqual(numberedOptions(taglines.reply));
    // The subline to go under it is the brand's value proposition.
    expect(headlines.reply).toContain('Yours: “Hot, protein-rich breakfast kits ready in five minutes');
  });

  it('two unrelated questions get different answers', () => {
    const questions = [
      'What do customers worry about?',
      'How do we compare with our competitors?',
      'What should I do next?',
      'Why do customers not trust us?',
      'What is a distinctive asset?',
      'Write three tagline options',
    ];
    const replies = questions.map((question) => ask(question, KINDLING).reply);
    expect(new Set(replies).size).toBe(questions.length);
  });

  it('the same question in two brands with different data (and weakest dimensions) gets different answers', () => {
    for (const question of [
      'What should I do next?',
      'Why do people forget us after one order?',
      'Write three tagline options',
    ]) {
      const kindling = ask(question, KINDLING).reply;
      const birch = ask(question, BIRCH).reply;
      expect(kindling, question).not.toEqual(birch);
      expect(birch, question).not.toContain('Kindling');
      expect(kindling, question).not.toContain('Birch & Brine');
    }
    // Each answers "what next" with its own weakest dimension.
    expect(ask('What should I do next?', KINDLING).reply).toContain('**Distinctive**, at 31/100');
    expect(ask('What should I do next?', BIRCH).reply).toContain('**Authentic**, at 42/100');
  });

  it('the owner’s words reach chat: canvas, avatar fears and desires, reviews and their analysis, worksheet answers', () => {
    const worries = ask('What do customers worry about?', KINDLING).reply;
    // Reviews, quoted whole, and their analysis.
    expect(worries).toContain('**From 5 reviews on Sam**');
    expect(worries).toContain('“Delivery was late twice and I ran out before my shift”');
    // The avatars' fears and the Empathetic worksheet.
    expect(worries).toContain('Sam fears “Running on empty halfway through a shift”');
    expect(worries).toContain('Priya fears “Eating junk from a vending machine”');
    expect(worries).toContain('“Running out mid-week”');
    // Worksheet answers in a diagnosis.
    const trust = ask('Why do customers not trust us?', KINDLING).reply;
    expect(trust).toContain('“No waste” has no proof point');
    expect(trust).toContain('(proof: “We give one kit to a ward for every twenty sold”)');
    // The canvas in competitor comparison.
    expect(ask('How do we compare with our competitors?', KINDLING).reply).toContain(
      '“Ready in five minutes with no cooking, where their boxes need thirty”',
    );
  });

  it('with no diagnostic states no band fact, says what it cannot see and points to the diagnostic', () => {
    const questions = [
      'What should I do next?',
      'Why do people forget us after one order?',
      'What is my weakest dimension?',
      'Why are sales down?',
      'How is my brand doing?',
      'Explain Authentic',
      'Why do customers not trust us?',
    ];
    for (const context of [KINDLING_NO_DIAGNOSTIC, EMPTY]) {
      for (const question of questions) {
        const { reply } = ask(question, context);
        expect(bandFacts(reply), `${question}: ${reply}`).toEqual([]);
        expect(reply, question).toMatch(/I can’t see (?:a diagnostic|your scores)/);
        expect(linkedPaths(reply), question).toContain(PAGES.diagnostic.path);
      }
    }
  });

  it('points only to pages that exist, and names a research tool only with its link', () => {
    const questions = [
      'What should I do next?',
      'How do I collect reviews?',
      'How can I understand my customers better?',
      'How can I make customers feel more understood?',
      'What do customers worry about?',
      'Which search terms do people use to find us?',
      'Why do people forget us after one order?',
      'Write three tagline options',
      'What is the IDEA framework?',
    ];
    for (const context of [KINDLING, BIRCH, EMPTY, KINDLING_NO_DIAGNOSTIC]) {
      for (const question of questions) {
        const { reply } = ask(question, context);
        for (const path of linkedPaths(reply))
          expect(EXISTING_PATHS.has(path), `${question}: ${path}`).toBe(true);
        const paths = linkedPaths(reply);
        for (const [name, path] of [
          [/buyer-intent research/i, PAGES.buyerIntent.path],
          [/review analy[sz]er/i, PAGES.reviewAnalyzer.path],
        ] as const)
          if (name.test(reply)) expect(paths, `${question}: ${name}`).toContain(path);
      }
    }
    expect(linkedPaths(ask('Which search terms do people use to find us?', KINDLING).reply)).toContain(
      PAGES.buyerIntent.path,
    );
  });
});

// ---------------------------------------------------------------------------- request types

describe('offline chat answers: one composer per kind of request', () => {
  it('write-copy: the asked count, other formats, a follow-up for another avatar, and "make them shorter"', () => {
    const five = numberedOptions(ask('Write 5 email subject lines', KINDLING).reply);
    expect(five).toHaveLength(5);
    for (const option of five) expect(option.length).toBeLessThanOrEqual(COPY_KIND_LIMITS['email-subject']);

    const bullets = ask('Write four bullet points for our Amazon listing', KINDLING).reply;
    expect(
      bullets.split('\n').filter((line) => line.startsWith('- ') && !line.includes('Built on')).length,
    ).toBeGreaterThanOrEqual(4);

    const history: OfflineHistory = [];
    const first = ask('Write three tagline options', KINDLING, history);
    history.push(
      { role: 'user', content: 'Write three tagline options' },
      { role: 'assistant', content: first.reply },
    );
    const shorter = ask('Make them shorter', KINDLING, history);
    expect(shorter.request.type).toBe('write-copy');
    const before = Math.max(...numberedOptions(first.reply).map((option) => option.length));
    const after = numberedOptions(shorter.reply);
    expect(after.length).toBeGreaterThan(0);
    expect(after.some((option) => option.length < before)).toBe(true);
    expect(shorter.followUps).not.toContain('Make them shorter');

    const forPriya = ask('Write one for Priya', KINDLING, history);
    const priyaOptions = numberedOptions(forPriya.reply);
    expect(priyaOptions).toHaveLength(1);
    expect(priyaOptions[0]?.length).toBeLessThanOrEqual(COPY_KIND_LIMITS.tagline);
    expect(forPriya.reply).toContain('written for Priya');
    expect(forPriya.reply).toContain('“Eating junk from a vending machine”');
    expect(forPriya.followUps).toContain('Write one for Sam');
  });

  it('write-copy with nothing saved: says what is missing and where to add it, writes nothing made up', () => {
    const { reply, followUps } = ask('Write three tagline options', EMPTY);
    expect(numberedOptions(reply)).toEqual([]);
    expect(reply).toContain('I can’t write taglines for your brand yet without making them up');
    expect(linkedPaths(reply)).toEqual(expect.arrayContaining([PAGES.canvas.path, PAGES.avatars.path]));
    expect(followUps).toEqual(
      expect.arrayContaining(['How do I fill in my brand canvas?', 'How do I create a customer avatar?']),
    );
  });

  it('write-copy: a canvas statement is drafted from the saved work and offered as a proposal for its field', () => {
    const mission = ask('Write our mission statement', KINDLING);
    expect(mission.reply).toContain(
      'Your canvas has no mission yet. Here is a draft built from your avatar Sam',
    );
    expect(mission.proposals).toHaveLength(1);
    expect(mission.proposals[0]).toMatchObject({
      target: { kind: 'canvas', field: 'mission' },
      currentText: '',
      proposedText: expect.stringContaining('Kindling helps'),
    });
    // Taglines go to the canvas tagline; copy without a field of its own proposes nothing.
    const taglines = ask('Write three tagline options', KINDLING);
    expect(taglines.proposals.map((proposal) => proposal.proposedText)).toEqual(
      numberedOptions(taglines.reply),
    );
    expect(taglines.proposals[0]?.target).toEqual({ kind: 'canvas', field: 'tagline' });
    expect(ask('Rewrite our homepage headline', KINDLING).proposals).toEqual([]);
    // Nothing to draft from: a question, and no proposal.
    const empty = ask('Write our mission statement', EMPTY);
    expect(empty.proposals).toEqual([]);
    expect(empty.reply).toContain('I won’t invent it');
  });

  it('from a value proposition alone writes only whole lines, says why fewer, and offers each for the canvas tagline', () => {
    const onlyValueProposition: CoachContext = {
      diagnostic: null,
      brand: summariseWorkspace({
        brandName: 'My brand',
        canvas: {
          ...emptyItemData('canvas'),
          valueProposition:
            'Hand-poured soy candles that turn a late night at the laptop into an evening ritual that sticks',
        },
        insight: null,
        distinctive: null,
        empathetic: null,
        authentic: null,
        avatars: [],
      }),
    };
    const { reply, proposals } = ask('Write three taglines for us', onlyValueProposition);
    const options = numberedOptions(reply);
    // "Hand-poured soy candles" would stop where the owner's sentence goes on: it is not offered.
    expect(options).toEqual([
      'From a late night at the laptop to an evening ritual',
      'An evening ritual that sticks',
    ]);
    expect(reply).toContain(
      'You asked for three; I could write two from what you saved without cutting your words or repeating one.',
    );
    for (const option of options) expect(option.length).toBeLessThanOrEqual(COPY_KIND_LIMITS.tagline);
    expect(proposals.map((proposal) => [proposal.target, proposal.proposedText])).toEqual(
      options.map((option) => [{ kind: 'canvas', field: 'tagline' }, option]),
    );
  });

  it('feedback on "our tagline" with none pasted critiques the tagline saved on the canvas', () => {
    const snapshot = kindlingSnapshot();
    const withTagline: CoachContext = {
      ...KINDLING,
      brand: summariseWorkspace({
        ...snapshot,
        canvas: { ...(snapshot.canvas ?? emptyItemData('canvas')), tagline: 'Breakfast for the night shift' },
      }),
    };
    const { reply } = ask('What do you think of our tagline?', withTagline);
    expect(reply).toContain('On your canvas tagline, “Breakfast for the night shift”:');
    expect(reply).toContain('At 29 characters it fits the 60-character limit.');
  });

  it('customer-insight: quotes retrieved reviews and documents verbatim with their citations', () => {
    const review = passage(1, {
      sourceType: 'avatar',
      field: 'voice.reviews',
      label: 'Avatar Sam · Review 2',
      text: 'Delivery was late twice and I ran out before my shift. Frustrating when you rely on it.',
      quote: 'Delivery was late twice and I ran out before my shift.',
    });
    const interview = passage(2, {
      label: 'Interview notes.pdf · Page 3',
      text: 'Most nurses told us they worry the food will go off in a hot locker.',
    });
    const analysis = passage(3, {
      sourceType: 'avatar',
      field: 'voice.analysis',
      label: 'Avatar Sam · Review analysis',
      text: 'Relief is the emotional trigger heard most. The reviews confirm Sam’s “Running on empty halfway through a shift”.',
      matches: 0,
    });
    const { reply } = ask('What do customers worry about?', {
      ...KINDLING,
      passages: [review, interview, analysis],
    });
    // The analysis the summary comes from is cited on its line.
    expect(reply).toContain('**From 5 reviews on Sam** — 2 positive, 1 neutral, 2 negative. [3]');
    expect(reply).toContain('“Too expensive for what it is, honestly”');
    // The review the analysis quotes carries the citation of the passage that holds it.
    expect(reply).toContain('“Delivery was late twice and I ran out before my shift” [1]');
    expect(reply).toContain(
      'From your documents: “Most nurses told us they worry the food will go off in a hot locker.” [2]',
    );
  });

  it('customer-insight without reviews: what the owner believes, labelled as such, and how to hear customers', () => {
    const { reply, followUps } = ask('What do customers worry about?', BIRCH);
    expect(reply).toContain('I can’t see any customer reviews for Birch & Brine yet');
    expect(reply).toContain('Marta fears “Rashes from harsh fragrances”');
    expect(linkedPaths(reply)).toContain(PAGES.avatars.path);
    expect(followUps).toContain('How do I collect reviews?');
    const nothing = ask('What do customers worry about?', EMPTY).reply;
    expect(nothing).toContain('I won’t guess');
    expect(nothing).not.toMatch(/“[^”]+”/);
  });

  it('diagnose: another "why" goes to the dimension it names, with the brand’s data', () => {
    const { reply, request } = ask('Why do customers not trust us?', KINDLING);
    expect(request.dimension).toBe('authentic');
    expect(reply).toContain('**Authentic**');
    expect(reply).toContain('Authentic scored 63/100 (Good)');
    expect(reply).toContain('There is no brand promise written down');
  });

  it('diagnose on weak evidence says it answers with the weakest dimension in mind', () => {
    const { reply, request } = ask('Why are sales down?', KINDLING);
    expect(request.evidence).toBe('weakest-dimension');
    expect(reply).toContain(
      'so I’m answering with your weakest one in mind: **Distinctive** (31/100, Needs attention)',
    );
  });

  it('next-step: ordered steps on existing pages from the diagnostic, progress and what is missing', () => {
    const { reply } = ask('What should I do next?', KINDLING);
    expect(reply).toContain('**Your next steps:**\n1. ');
    expect(reply).toContain('Use “Fed before the handover” on every touchpoint');
    expect(reply).toContain('Fill the 3 empty canvas fields (vision, mission and personality)');
    expect(reply).toContain('**Where Kindling is:**');
    // Nothing the brand already did is recommended again.
    expect(reply).not.toContain('Draft a one-sentence positioning statement');

    const fresh = ask('What should I do next?', EMPTY).reply;
    expect(fresh).toContain('1. Take the [IDEA diagnostic](/diagnostic)');
    expect(fresh).toContain('Create a customer avatar');
  });

  it('next-step: "how do I collect reviews?" is answered, with the brand’s avatars named', () => {
    const { reply } = ask('How do I collect reviews?', BIRCH);
    expect(reply).toContain('open the avatar the reviews describe (Marta)');
    expect(reply).toContain('upload the CSV');
    expect(linkedPaths(reply)).toEqual(expect.arrayContaining([PAGES.avatars.path, PAGES.knowledge.path]));
  });

  it('next-step: "how is my brand doing?" is a status report, not the same as "what next"', () => {
    const status = ask('How is my brand doing?', KINDLING).reply;
    expect(status).toContain('Kindling scores 58/100 overall');
    expect(status).toContain('strongest in Insight-driven (72), weakest in Distinctive (31)');
    expect(status).toContain('**Where the groundwork is:**');
    expect(status).not.toEqual(ask('What should I do next?', KINDLING).reply);
  });

  it('explain: the concept, applied to the brand’s own data', () => {
    const assets = ask('What is a distinctive asset?', KINDLING).reply;
    expect(assets).toMatch(/^Distinctive assets are the things people recognise your brand by/);
    expect(assets).toContain('**In Kindling:**');
    expect(assets).toContain('“Fed before the handover” (phrase, used only sometimes)');

    const story = ask('Tell me about our brand story and how to use it.', EMPTY).reply;
    expect(story).toContain('A brand story tells where you started');
    expect(story).toContain('It is part of **Authentic**');

    const weakest = ask('What is my weakest dimension?', KINDLING).reply;
    expect(weakest).toContain('Your weakest is **Distinctive**');
    expect(ask('What is my weakest dimension?', EMPTY).reply).toContain('**Insight-driven**');
  });

  it('explain: a question about the brand’s own facts is answered from its material, cited, or honestly not found', () => {
    const price = passage(1, { text: 'Our breakfast kit costs £6 and keeps for seven days.', matches: 3 });
    const found = ask('What does our breakfast kit cost?', { ...KINDLING, passages: [price] }).reply;
    expect(found).toContain(
      'From your documents: “Our breakfast kit costs £6 and keeps for seven days.” [1]',
    );
    const missing = ask('What does our breakfast kit cost?', KINDLING).reply;
    expect(missing).toContain('I can’t find that in what Kindling has saved');
    expect(missing).not.toMatch(/\[\d+\]/);
  });

  it('compare-competitors: the differences the owner wrote, and honesty about what it cannot look up', () => {
    const { reply } = ask('How do we compare with our competitors?', KINDLING);
    expect(reply).toContain('the offline coach can’t look Kindling’s competitors up online');
    expect(reply).toContain('**HelloFresh:**');
    const none = ask('How do we compare with our competitors?', BIRCH).reply;
    expect(none).toContain('You haven’t named any competitors yet');
  });

  it('feedback: checks the pasted copy against the limit and the customers’ words, and offers alternatives', () => {
    const { reply } = ask(
      'What do you think of our tagline "Breakfast that keeps nurses going all night"?',
      KINDLING,
    );
    expect(reply).toContain('On “Breakfast that keeps nurses going all night”:');
    expect(reply).toContain('At 43 characters it fits the 60-character limit.');
    expect(reply).toContain('**Two alternatives from your canvas and avatar:**');
    const canvas = ask('Give me feedback on our positioning', KINDLING).reply;
    expect(canvas).toContain('Your canvas positioning statement says:');
    // "For night-shift nurses who…" names its audience: no second "For …" is put in front of it.
    expect(canvas).toContain('It already does what a positioning statement should');
    expect(canvas).not.toMatch(/For Sam/);
  });

  it('off-topic: says politely it is a brand coach and offers what it can do for this brand', () => {
    const { reply, request } = ask('What is the capital of France?', KINDLING);
    expect(request.type).toBe('off-topic');
    expect(reply).toContain('I’m the brand coach for Kindling');
    expect(reply).toContain('outside what I can help with');
    expect(reply).toContain('quoting their reviews');
  });

  it('a message in another language: says the offline coach answers in English, and still answers', () => {
    const { reply } = ask('Comment rendre ma marque plus mémorable ?', KINDLING);
    expect(reply).toMatch(/^_You wrote in French: the offline coach answers in English\._/);
    expect(reply).toContain('**Your next steps:**');
  });
});

// --------------------------------------------------------------------------------- every answer

describe('every offline chat answer', () => {
  const QUESTIONS = [
    'Write three tagline options',
    'Rewrite our homepage headline',
    'Write a product description',
    'Write a welcome email',
    'Suggest some names for a new product',
    'Write our value proposition',
    'Why do people forget us after one order?',
    'Why do customers not trust us?',
    'Why are sales down?',
    'What should I do next?',
    'How is my brand doing?',
    'How do I collect reviews?',
    'What do customers worry about?',
    'What do customers want most?',
    'Who are our customers?',
    'What is mental availability?',
    'What does the relief trigger mean?',
    'How do we compare with our competitors?',
    'What do you think of our tagline "Calm mornings for night owls"?',
    'What is the capital of France?',
    'Wie mache ich meine Marke bekannter?',
    'hello',
  ];
  const CONTEXTS = { KINDLING, KINDLING_NO_DIAGNOSTIC, BIRCH, EMPTY };

  it('fits the chat contract, is deterministic, and holds no placeholder, cut fragment or system text', () => {
    for (const [name, context] of Object.entries(CONTEXTS)) {
      for (const question of QUESTIONS) {
        const label = `${name}: ${question}`;
        const output = chatReply(
          { brandId: '00000000-0000-4000-8000-000000000001', message: question, history: [] },
          context,
        );
        expect(AI_TASK_SCHEMAS.chat.output.safeParse(output).success, label).toBe(true);
        expect(
          chatReply(
            { brandId: '00000000-0000-4000-8000-000000000001', message: question, history: [] },
            context,
          ),
        ).toEqual(output);
        const { reply, followUps } = output;
        // Brackets only for links and citations: never a [placeholder] to fill in.
        expect(reply, label).not.toMatch(/(?<!\\)\[(?!\d+\])[^\]\n]{1,60}\](?!\()/);
        expect(reply, label).not.toMatch(/\{\{|\bundefined\b|\bnull\b|\bNaN\b|<context>|<user_data>/);
        expect(reply, label).not.toMatch(/(?:…|\.\.\.)\s*$/m);
        expect(reply, label).not.toContain('My brand');
        expect(followUps.length, label).toBeGreaterThan(0);
        expect(new Set(followUps).size, label).toBe(followUps.length);
        expect(followUps, label).not.toContain(question);
      }
    }
  });

  it('offers follow-ups the coach answers as the kind of request they are meant as', () => {
    for (const context of Object.values(CONTEXTS)) {
      for (const question of QUESTIONS) {
        const first = ask(question, context);
        const history: OfflineHistory = [
          { role: 'user', content: question },
          { role: 'assistant', content: first.reply },
        ];
        for (const followUp of first.followUps) {
          const next = ask(followUp, context, history);
          expect(next.request.type, `${question} → ${followUp}`).not.toBe('off-topic');
          expect(next.reply, `${question} → ${followUp}`).not.toEqual(first.reply);
        }
      }
    }
  });

  it('reads a follow-up in the conversation: "write one for Sam" after taglines writes a tagline', () => {
    const history: OfflineHistory = [
      { role: 'user', content: 'Write three tagline options' },
      { role: 'assistant', content: ask('Write three tagline options', KINDLING).reply },
    ];
    expect(classifyRequest('Write one for Sam', { history }).type).toBe('write-copy');
    const { reply } = ask('Write one for Sam', KINDLING, history);
    expect(reply).toMatch(/^Here is one tagline for Kindling, written for Sam, within 60 characters:/);
  });
});
