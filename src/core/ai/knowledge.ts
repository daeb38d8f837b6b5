/**
 * IDEA framework knowledge the offline coach composes its answers from (the diagnostic guidance in
 * `../diagnostic/guidance.ts` is the other half). Written for small-brand owners: concrete, short,
 * and pointing at the part of the workspace that helps.
 */
import type { Dimension } from '../diagnostic/questionnaire.ts';
import type { WorkspaceArea } from '../navigation/workspace-areas.ts';
import type { CanvasField, EmotionalTrigger } from './contracts.ts';

export const TRIGGER_KNOWLEDGE: Record<
  EmotionalTrigger,
  { label: string; meaning: string; words: readonly string[]; copyAngle: string }
> = {
  hope: {
    label: 'Hope',
    meaning: 'the belief that things can get better with your help',
    words: [
      'hope',
      'hopeful',
      'finally',
      'looking forward',
      'can’t wait',
      "can't wait",
      'optimistic',
      'new start',
    ],
    copyAngle: 'show the better day after buying',
  },
  belonging: {
    label: 'Belonging',
    meaning: 'feeling part of a group that shares your values',
    words: ['community', 'family', 'belong', 'together', 'people like me', 'welcomed', 'tribe', 'friends'],
    copyAngle: 'invite them into a community of people like them',
  },
  validation: {
    label: 'Validation',
    meaning: 'feeling seen and confirmed in a good choice',
    words: [
      'compliment',
      'compliments',
      'noticed',
      'proud',
      'recommend',
      'good choice',
      'right choice',
      'impressed',
    ],
    copyAngle: 'confirm that choosing you is a smart, recognised choice',
  },
  trust: {
    label: 'Trust',
    meaning: 'confidence that you will keep your promise',
    words: [
      'trust',
      'reliable',
      'honest',
      'as described',
      'consistent',
      'quality',
      'safe',
      'guarantee',
      'dependable',
    ],
    copyAngle: 'prove the promise with specifics, guarantees and real reviews',
  },
  relief: {
    label: 'Relief',
    meaning: 'a worry or hassle taken away',
    words: [
      'relief',
      'easy',
      'no more',
      'stress',
      'hassle',
      'finally solved',
      'saved me',
      'worry',
      'simple',
      'quick',
    ],
    copyAngle: 'name the hassle, then show it gone',
  },
  aspiration: {
    label: 'Aspiration',
    meaning: 'becoming the person they want to be',
    words: [
      'dream',
      'luxury',
      'premium',
      'beautiful',
      'elegant',
      'upgrade',
      'treat myself',
      'style',
      'stunning',
    ],
    copyAngle: 'paint the identity they are reaching for',
  },
  empowerment: {
    label: 'Empowerment',
    meaning: 'feeling capable and in control',
    words: [
      'confident',
      'control',
      'empower',
      'independent',
      'myself',
      'capable',
      'strong',
      'learned',
      'freedom',
    ],
    copyAngle: 'hand them the capability, not just the product',
  },
};

/** Questions a coach would ask to deepen each dimension; asked in the order given. */
export const DIMENSION_QUESTIONS_TO_EXPLORE: Record<Dimension, readonly string[]> = {
  insight: [
    'What were your last three customers trying to get done when they found you?',
    'Which of the seven emotional triggers shows up most in what customers say?',
    'What search terms do people type before they land on your site?',
  ],
  distinctive: [
    'If your logo disappeared, which colour, shape or phrase would still tell people it is you?',
    'What do your two closest competitors say about themselves, and where do you sound the same?',
    'Which brand asset have you used unchanged for the longest time?',
  ],
  empathetic: [
    'How does a customer feel just before they decide to buy from you?',
    'What is the biggest worry people have about buying in your category?',
    'Which words do customers use for their problem that you never use?',
  ],
  authentic: [
    'Which decision have you made that cost you money but kept a value intact?',
    'Could a new employee tell your origin story in three sentences?',
    'Where does your tone of voice change the most between channels?',
  ],
};

export const DIMENSION_HEADLINES: Record<Dimension, string> = {
  insight: 'Know why customers really buy',
  distinctive: 'Be recognisable without your logo',
  empathetic: 'Make customers feel understood',
  authentic: 'Make your values visible and consistent',
};

/** Keywords that tie a free-text question to a dimension, for the chat coach. */
export const DIMENSION_KEYWORDS: Record<Dimension, readonly string[]> = {
  insight: [
    'customer',
    'customers',
    'why',
    'research',
    'motivation',
    'persona',
    'avatar',
    'intent',
    'buyer',
    'survey',
    'trigger',
  ],
  distinctive: [
    'different',
    'difference',
    'distinct',
    'distinctive',
    'stand out',
    'competitor',
    'competitors',
    'logo',
    'colour',
    'color',
    'recognise',
    'recognize',
    'position',
    'positioning',
    'unique',
  ],
  empathetic: [
    'feel',
    'feeling',
    'emotion',
    'emotional',
    'empathy',
    'worry',
    'fear',
    'fears',
    'understood',
    'pain',
    'message',
    'messaging',
    'loyal',
    'loyalty',
  ],
  authentic: [
    'value',
    'values',
    'story',
    'origin',
    'promise',
    'trust',
    'honest',
    'voice',
    'tone',
    'consistent',
    'consistency',
    'authentic',
    'mission',
  ],
};

export const AREA_HELP: Record<WorkspaceArea, { title: string; purpose: string; tips: readonly string[] }> = {
  'insight-module': {
    title: 'Insight module',
    purpose:
      'Work out why customers buy: their search intent, motivations, emotional triggers, shopper type and demographics. Everything else in the framework builds on this.',
    tips: [
      'Answer from evidence (reviews, interviews, search terms), not from what you hope is true.',
      'Fill the five steps in order; each one narrows the next.',
      'Take the emotional-trigger assessment to rank the seven triggers for your audience.',
    ],
  },
  'distinctive-module': {
    title: 'Distinctive module',
    purpose:
      'List the brand assets people could recognise you by, rate how consistently you use them, and write down how you differ from named competitors.',
    tips: [
      'Rate consistency honestly: an asset used half the time is not yet an asset.',
      'Describe differences in customers’ words, not internal jargon.',
      'Pick few assets and repeat them for years rather than adding new ones.',
    ],
  },
  'empathetic-module': {
    title: 'Empathetic module',
    purpose:
      'Map how customers feel before, during and after buying, their needs and fears, and which emotional triggers matter most to them.',
    tips: [
      'Write feelings as the customer would say them ("I was worried it wouldn’t fit").',
      'Rank the seven triggers for this brand; build messages around the top two.',
      'Note where you listen to customers today and where you don’t.',
    ],
  },
  'authentic-module': {
    title: 'Authentic module',
    purpose:
      'State your core values with a proof point each, tell your brand story (origin, struggle, mission), write your promise, and check consistency across touchpoints.',
    tips: [
      'A value without a proof point is a slogan: add a decision, supplier or number.',
      'Keep the story to five sentences; struggle is what makes it believable.',
      'Run the consistency checklist on support and packaging, not only marketing.',
    ],
  },
  avatars: {
    title: 'Customer avatars',
    purpose:
      'Build personas with demographics, psychology (values, fears, desires, triggers) and buying behaviour, grounded in real customer voice.',
    tips: [
      'Start from your best real customers, not an imagined ideal.',
      'Paste reviews into the voice-of-customer section to ground fears and desires in quotes.',
      'Two or three sharp avatars beat ten vague ones.',
    ],
  },
  'brand-canvas': {
    title: 'Brand canvas',
    purpose:
      'One page that holds purpose, vision, mission, values, positioning, value proposition, personality and voice.',
    tips: [
      'Import what you already wrote in the IDEA modules before writing from scratch.',
      'Ask the coach for a critique per field; accept a rewrite only if it still sounds like you.',
      'A field is done when a new team member could act on it.',
    ],
  },
  'value-lens': {
    title: 'Value Lens copy generator',
    purpose:
      'Turn product facts into on-brand copy for a chosen format, aimed at an avatar and an emotional payoff.',
    tips: [
      'Choose one emotional payoff per piece of copy; mixing them blurs the message.',
      'Lead with the difference customers care about, then the proof.',
      'Keep the format’s length limit in mind: headlines win on the first three words.',
    ],
  },
  'buyer-intent': {
    title: 'Buyer-intent research',
    purpose:
      'Classify the search terms people use into informational, commercial, transactional and navigational intent, and plan content per stage.',
    tips: [
      'Paste real terms from your search console or marketplace search reports.',
      'Commercial ("best", "vs") terms are where distinctiveness wins or loses the sale.',
      'Send transactional terms straight to product pages.',
    ],
  },
  'review-analyzer': {
    title: 'Review analyzer',
    purpose:
      'Find sentiment, recurring phrases, emotional triggers and trust gaps in your own (or competitors’) reviews, each backed by verbatim quotes.',
    tips: [
      'Paste at least twenty reviews for patterns to mean something.',
      'Competitors’ one-star reviews show the worries you can resolve.',
      'Reuse customers’ exact phrases in your copy.',
    ],
  },
  surveys: {
    title: 'Surveys',
    purpose: 'Ask customers directly, with a public link, and see the results as charts.',
    tips: [
      'Ask about feelings before and after buying, not only satisfaction.',
      'Keep it under five minutes; one open question is enough.',
      'Close the survey once answers repeat themselves.',
    ],
  },
};

export const CANVAS_FIELD_KNOWLEDGE: Record<
  CanvasField,
  {
    label: string;
    checklist: readonly string[];
    /**
     * What the owner should answer to write the field. The coach asks it when it has nothing of
     * theirs to build a draft from: it never offers a fill-in-the-blanks template as a rewrite.
     */
    question: string;
    maxWords: number;
  }
> = {
  purpose: {
    label: 'Purpose',
    checklist: [
      'Says why the brand exists beyond making money',
      'Names who benefits',
      'Fits in one sentence',
    ],
    question:
      'Why does your brand exist, beyond making money? Write one sentence that names who you help and what changes for them.',
    maxWords: 30,
  },
  vision: {
    label: 'Vision',
    checklist: [
      'Describes the future you are working towards',
      'Is ambitious but believable',
      'Avoids buzzwords',
    ],
    question:
      'What will be different for your customers when you succeed? Describe that future in a sentence or two.',
    maxWords: 35,
  },
  mission: {
    label: 'Mission',
    checklist: ['Says what you do every day', 'Names the audience', 'Is concrete enough to guide a decision'],
    question: 'What do you do every day, for whom, and how is it different from the usual way?',
    maxWords: 40,
  },
  values: {
    label: 'Values',
    checklist: ['Three to five values', 'Each has a proof point', 'Each would rule something out'],
    question: 'Which three to five principles do you act on, and what decision or practice proves each one?',
    maxWords: 80,
  },
  positioning: {
    label: 'Positioning statement',
    checklist: [
      'Names the audience',
      'Names the category',
      'States the difference',
      'Gives a reason to believe',
    ],
    question:
      'Who is it for, what do they need, which category do you compete in, what makes you different and why should they believe it?',
    maxWords: 45,
  },
  'value-proposition': {
    label: 'Value proposition',
    checklist: [
      'Leads with the customer’s gain',
      'Says why it beats the alternative',
      'Is specific and checkable',
    ],
    question:
      'What do customers gain, which pain of the usual alternative do they avoid, and what do you do that makes it possible?',
    maxWords: 35,
  },
  tagline: {
    label: 'Tagline',
    checklist: [
      'Fits on one line, under 80 characters',
      'Says the gain or the difference, not the category',
      'Could not be signed by a competitor',
    ],
    question:
      'What should people remember about you in one short line: the gain you give, or the difference you make?',
    maxWords: 10,
  },
  personality: {
    label: 'Personality',
    checklist: ['Three to five traits', 'Traits a customer could notice', 'Includes what you are not'],
    question: 'Which three to five traits would a customer notice in you, and which trait do you avoid?',
    maxWords: 25,
  },
  voice: {
    label: 'Voice',
    checklist: [
      'Describes how you sound in three adjectives',
      'Gives a do and a don’t',
      'Works on every channel',
    ],
    question: 'How do you sound, in three adjectives? Give one thing you would say and one you never would.',
    maxWords: 50,
  },
};

/** Words that make brand statements sound like everyone else's. */
export const GENERIC_WORDS: readonly string[] = [
  'best',
  'leading',
  'innovative',
  'world-class',
  'high-quality',
  'quality',
  'solutions',
  'passionate',
  'excellence',
  'cutting-edge',
  'synergy',
  'unique',
  'premium',
  'customer-centric',
];
