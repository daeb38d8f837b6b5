/**
 * What a score means and what to do next, for every dimension in every band. Actions name the part of
 * the workspace that helps; the link is shown only once that page exists (see workspace-areas.ts).
 */
import type { WorkspaceArea } from '../navigation/workspace-areas.ts';
import type { Dimension } from './questionnaire.ts';
import { type Band, type DiagnosticScores, dimensionsByWeakness } from './scoring.ts';

export interface GuidanceAction {
  text: string;
  area: WorkspaceArea;
}

export interface Guidance {
  explanation: string;
  actions: readonly GuidanceAction[];
}

export const GUIDANCE: Record<Dimension, Record<Band, Guidance>> = {
  insight: {
    'needs-attention': {
      explanation:
        'Decisions are being made on assumptions about customers. Without knowing why people buy, every message is a guess, and it is easy to compete on price alone.',
      actions: [
        {
          text: 'Interview five recent customers: ask what they were trying to solve and how they felt before buying.',
          area: 'insight-module',
        },
        {
          text: 'Sketch your first customer avatar: who they are, what they want, what worries them.',
          area: 'avatars',
        },
        {
          text: 'Paste a batch of reviews and see which emotional triggers they reveal.',
          area: 'review-analyzer',
        },
      ],
    },
    developing: {
      explanation:
        'You have a working picture of your customers, but it rests on anecdotes. Turning hunches into evidence shows which motivations really drive purchases.',
      actions: [
        {
          text: 'Write down the top three reasons customers buy and check each against real reviews.',
          area: 'insight-module',
        },
        {
          text: 'Classify the search terms customers use to find you by buying intent.',
          area: 'buyer-intent',
        },
        {
          text: 'Run a short survey asking customers how they felt before and after buying.',
          area: 'surveys',
        },
      ],
    },
    good: {
      explanation:
        'You understand your customers well. The next step is making that understanding systematic, so it keeps up as your market changes.',
      actions: [
        {
          text: 'Turn your customer knowledge into detailed avatars the whole team can use.',
          area: 'avatars',
        },
        {
          text: 'Rank the seven emotional triggers for your main audience and revisit them each quarter.',
          area: 'insight-module',
        },
      ],
    },
    strong: {
      explanation:
        'Customer insight drives your decisions. Keep it fresh: motivations shift as your audience grows and competitors react.',
      actions: [
        {
          text: 'Re-analyse recent reviews to spot new motivations or frustrations early.',
          area: 'review-analyzer',
        },
        { text: 'Check your avatars against what this year’s customers actually say.', area: 'avatars' },
      ],
    },
  },
  distinctive: {
    'needs-attention': {
      explanation:
        'Customers would struggle to tell you apart from alternatives. When brands look alike, buyers default to price and familiarity.',
      actions: [
        {
          text: 'List what you do differently from your two closest competitors, in customers’ words.',
          area: 'distinctive-module',
        },
        {
          text: 'Choose one colour, one phrase and one visual element to use everywhere for the next six months.',
          area: 'distinctive-module',
        },
        { text: 'Draft a one-sentence positioning statement.', area: 'brand-canvas' },
      ],
    },
    developing: {
      explanation:
        'You have real differences, but they are not yet consistent or clearly communicated. Distinctiveness comes from repetition as much as from originality.',
      actions: [
        {
          text: 'Inventory your brand assets and rate how consistently each is used.',
          area: 'distinctive-module',
        },
        {
          text: 'Rewrite your positioning so the difference is in the first sentence.',
          area: 'brand-canvas',
        },
      ],
    },
    good: {
      explanation:
        'Your brand stands apart and you say so consistently. Strengthen the assets customers already associate with you before adding new ones.',
      actions: [
        {
          text: 'Identify the assets customers mention unprompted and give them more prominence.',
          area: 'distinctive-module',
        },
        { text: 'Test product copy that leads with your difference.', area: 'value-lens' },
      ],
    },
    strong: {
      explanation:
        'You own recognisable assets and a clear difference. Protect them: consistency over years is what builds mental availability.',
      actions: [
        {
          text: 'Review every touchpoint against your asset inventory once a quarter.',
          area: 'distinctive-module',
        },
        { text: 'Keep your positioning statement current as competitors move.', area: 'brand-canvas' },
      ],
    },
  },
  empathetic: {
    'needs-attention': {
      explanation:
        'The relationship is transactional. Customers who don’t feel understood have no reason to stay when a cheaper option appears.',
      actions: [
        {
          text: 'Map how customers feel before, during and after buying from you.',
          area: 'empathetic-module',
        },
        {
          text: 'Rewrite one product description around the feeling customers want, not the features.',
          area: 'value-lens',
        },
        {
          text: 'Write down your customers’ three biggest worries about buying in your category.',
          area: 'avatars',
        },
      ],
    },
    developing: {
      explanation:
        'Customers like you, but your messaging talks more about you than about them. Speaking to their specific hopes and fears deepens the bond.',
      actions: [
        {
          text: 'Collect the exact words customers use to describe their problem and reuse them.',
          area: 'review-analyzer',
        },
        {
          text: 'Pick the two emotional triggers that matter most to your audience and build messages around them.',
          area: 'empathetic-module',
        },
      ],
    },
    good: {
      explanation:
        'Many customers feel understood and recommend you. Make that empathy deliberate at every stage of the journey, not only in marketing.',
      actions: [
        {
          text: 'Review support and after-purchase messages for the same warmth as your marketing.',
          area: 'empathetic-module',
        },
        { text: 'Add listening channels so you hear new worries as they appear.', area: 'surveys' },
      ],
    },
    strong: {
      explanation:
        'Customers feel part of something. Keep listening closely: communities notice quickly when a brand stops paying attention.',
      actions: [
        { text: 'Survey loyal customers about what would make them feel even more valued.', area: 'surveys' },
        { text: 'Give advocates stories and language they can share.', area: 'value-lens' },
      ],
    },
  },
  authentic: {
    'needs-attention': {
      explanation:
        'Customers can’t see what you stand for. Without visible values and a consistent voice, trust has to be rebuilt at every touchpoint.',
      actions: [
        { text: 'Write down three values and one real example that proves each.', area: 'authentic-module' },
        {
          text: 'Tell your origin story in five sentences: where you started, what was hard, why you continue.',
          area: 'authentic-module',
        },
        {
          text: 'Describe your brand voice in three adjectives and share it with everyone who writes for you.',
          area: 'brand-canvas',
        },
      ],
    },
    developing: {
      explanation:
        'Your values exist but stay mostly behind the scenes, and your voice varies by channel. Showing proof and speaking consistently turns claims into trust.',
      actions: [
        {
          text: 'Add a proof point to each value: a decision, a supplier, a number.',
          area: 'authentic-module',
        },
        {
          text: 'Check support, packaging and social posts against one voice description.',
          area: 'authentic-module',
        },
      ],
    },
    good: {
      explanation:
        'Your values are visible and your voice is mostly consistent. Closing the last gaps, often in support and packaging, makes the brand feel whole.',
      actions: [
        {
          text: 'Run the consistency checklist across every touchpoint and fix the weakest one.',
          area: 'authentic-module',
        },
        {
          text: 'State your brand promise in one sentence and make sure every team can repeat it.',
          area: 'brand-canvas',
        },
      ],
    },
    strong: {
      explanation:
        'Your brand is open, consistent and believable. Keep sharing the trade-offs behind your decisions: candour sustains trust.',
      actions: [
        { text: 'Publish a behind-the-scenes story that shows a value in action.', area: 'authentic-module' },
        { text: 'Revisit your brand promise yearly and check you still keep it.', area: 'brand-canvas' },
      ],
    },
  },
};

export function guidanceFor(dimension: Dimension, band: Band): Guidance {
  return GUIDANCE[dimension][band];
}

export interface NextStep {
  dimension: Dimension;
  score: number;
  band: Band;
  explanation: string;
  action: GuidanceAction;
}

/** The single most useful thing to do next: the first action for the weakest dimension. */
export function recommendedNextStep(scores: DiagnosticScores): NextStep | null {
  const [weakest] = dimensionsByWeakness(scores);
  if (!weakest) return null;
  const { explanation, actions } = guidanceFor(weakest.dimension, weakest.band);
  const [action] = actions;
  if (!action) return null;
  return { dimension: weakest.dimension, score: weakest.score, band: weakest.band, explanation, action };
}
