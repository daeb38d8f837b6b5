/**
 * The concepts the offline coach explains ("what is a distinctive asset?", "explain mental
 * availability"): a short, plain definition of each, the words that name it, and the IDEA dimension
 * it belongs to. The answer applies the concept to the brand's own data (offline-answer.ts); this
 * table holds only what is true for every brand. Written for small-brand owners, like knowledge.ts.
 */
import type { EmotionalTrigger } from '../ai/contracts.ts';
import { TRIGGER_KNOWLEDGE } from '../ai/knowledge.ts';
import { DIMENSION_LABELS, type Dimension } from '../diagnostic/questionnaire.ts';

export const CONCEPT_IDS = [
  'idea-framework',
  'diagnostic',
  'insight',
  'distinctive',
  'empathetic',
  'authentic',
  'distinctive-assets',
  'mental-availability',
  'consistency',
  'emotional-triggers',
  'shopper-types',
  'buyer-intent',
  'buyer-motivation',
  'positioning',
  'value-proposition',
  'purpose-mission-vision',
  'brand-values',
  'proof-points',
  'brand-promise',
  'brand-story',
  'brand-voice',
  'brand-personality',
  'avatars',
  'voice-of-customer',
  'brand-canvas',
  'value-lens',
  'brand-knowledge',
  'brand-memory',
] as const;
export type ConceptId = (typeof CONCEPT_IDS)[number];

export interface Concept {
  id: ConceptId;
  /** The name as the answer writes it in bold. */
  title: string;
  /** Two to four sentences, true for any brand. */
  definition: string;
  /** The dimension it belongs to, when it belongs to one. */
  dimension: Dimension | null;
  /** Whole-word patterns (on lower-cased text) that name it; the most specific concept is listed first. */
  patterns: readonly RegExp[];
}

/**
 * Most specific first: "distinctive assets" is found before "distinctive", "voice of customer"
 * before "brand voice", so a message gets the concept it names and not a broader one.
 */
export const CONCEPTS: readonly Concept[] = [
  {
    id: 'value-lens',
    title: 'The Value Lens',
    definition:
      'The Value Lens turns product facts into copy for a chosen format (Amazon bullets, product description, ad headline, social caption, email subject, short-video hook, landing-page hero), aimed at one avatar and one emotional payoff, with every variant held to the format’s length limit.',
    dimension: null,
    patterns: [/\bvalue lens\b/],
  },
  {
    id: 'brand-knowledge',
    title: 'Brand knowledge',
    definition:
      'Brand knowledge is everything the coach can search and quote: the documents you upload (PDF, Word, text) and everything you write in the workspace. When the coach quotes it, the numbered citation opens the exact place it came from.',
    dimension: null,
    patterns: [/\bbrand knowledge\b/, /\bknowledge base\b/],
  },
  {
    id: 'brand-memory',
    title: 'Brand memory',
    definition:
      'Brand memory holds facts you confirmed about the brand ("our customers are mostly nurses"), which the coach reads with every question, so you do not have to repeat them.',
    dimension: null,
    patterns: [/\bbrand memory\b/],
  },
  {
    id: 'mental-availability',
    title: 'Mental availability',
    definition:
      'Mental availability is how easily your brand comes to mind when someone is in a buying situation: the moment they are hungry before a shift, need a gift, or run out of something. It is built by being noticed and remembered, not by one great campaign: the same distinctive assets, repeated consistently, tied to the moments when people buy. Small brands lose repeat orders less because people disliked them than because they forgot them.',
    dimension: 'distinctive',
    patterns: [/\bmental(?:ly)? availab/, /\bsalien(?:ce|t)\b/, /\btop of mind\b/, /\bfront of mind\b/],
  },
  {
    id: 'distinctive-assets',
    title: 'Distinctive assets',
    definition:
      'Distinctive assets are the things people recognise your brand by without reading its name: a colour, a shape, a phrase, a character, a sound, a way of packing. An asset only works once it is used the same way, everywhere, for a long time; a colour used half the time is not yet an asset. Few assets, repeated for years, beat many new ones.',
    dimension: 'distinctive',
    patterns: [/\bdistinctive (?:brand )?assets?\b/, /\bbrand assets?\b/, /\bbrand codes?\b/],
  },
  {
    id: 'voice-of-customer',
    title: 'Voice of customer',
    definition:
      'Voice of customer means your customers’ own words — reviews, messages, interview notes — collected and read for patterns: what they praise, what worries them, which feelings come up. Those exact phrases are the best raw material for copy, because they are how buyers describe the problem to themselves.',
    dimension: 'insight',
    patterns: [/\bvoice of (?:the )?customers?\b/, /\bvoc\b/, /\breview analysis\b/],
  },
  {
    id: 'emotional-triggers',
    title: 'Emotional triggers',
    definition:
      'Emotional triggers are the feelings that move people to buy. The IDEA framework uses seven: hope, belonging, validation, trust, relief, aspiration and empowerment. Most brands have one or two that matter most to their customers; building messages around those is more persuasive than listing features.',
    dimension: 'empathetic',
    patterns: [/\b(?:emotional )?triggers?\b/, /\bemotional (?:drivers?|hooks?)\b/],
  },
  {
    id: 'shopper-types',
    title: 'Shopper types',
    definition:
      'The framework names four kinds of shopper: cost-sensitive (wants value and reassurance they are not overpaying), quality-focused (wants proof of craft and durability), conscious (wants to know what you stand for and how you make things) and connected (cares what peers buy, share and recommend). Knowing which your best customers are tells you which proof to lead with.',
    dimension: 'insight',
    patterns: [
      /\bshopper types?\b/,
      /\bcost[- ]sensitive\b/,
      /\bquality[- ]focused\b/,
      /\bconnected shoppers?\b/,
    ],
  },
  {
    id: 'buyer-intent',
    title: 'Buyer intent',
    definition:
      'Buyer intent is where someone is in their search when they find you: looking for information ("how to…"), comparing options ("best…", "…vs…"), ready to buy ("…price", "buy…"), or looking for you by name. Each stage needs a different message: teach, prove the difference, make buying easy, or reassure.',
    dimension: 'insight',
    patterns: [
      /\b(?:buyer|buying|search|purchase) intent\b/,
      /\binformational\b/,
      /\btransactional\b/,
      /\bnavigational\b/,
    ],
  },
  {
    id: 'buyer-motivation',
    title: 'Buyer motivation',
    definition:
      'Buyer motivation is the real reason people buy: the outcome they want and the feeling they want with it. It is rarely the feature list; it is what the product lets them do or stop worrying about. It is found in what customers say, not in what the brand hopes is true.',
    dimension: 'insight',
    patterns: [/\bbuyer motivations?\b/, /\bmotivations?\b/, /\bjobs? to be done\b/],
  },
  {
    id: 'value-proposition',
    title: 'Value proposition',
    definition:
      'A value proposition says what customers gain, why that beats the usual alternative, and what you do that makes it possible — in a sentence or two a customer could check. It leads with the customer’s gain, not with the company.',
    dimension: 'distinctive',
    patterns: [
      /\bvalue prop(?:osition)?s?\b/,
      /\buvp\b/,
      /\busp\b/,
      /\bunique selling (?:point|proposition)\b/,
    ],
  },
  {
    id: 'positioning',
    title: 'Positioning',
    definition:
      'Positioning is the place you choose to hold in customers’ minds: who it is for, what they need, which category you compete in, what makes you different, and why they should believe it. A positioning statement is an internal tool for decisions; taglines and headlines come out of it.',
    dimension: 'distinctive',
    patterns: [/\bpositioning\b/, /\bposition (?:our|my|the) brand\b/],
  },
  {
    id: 'purpose-mission-vision',
    title: 'Purpose, mission and vision',
    definition:
      'Purpose is why the brand exists beyond making money. Mission is what you do every day, for whom, to serve that purpose. Vision is the future you are working towards when you succeed. Purpose rarely changes; the mission guides this year’s decisions; the vision tells people where you are heading.',
    dimension: 'authentic',
    patterns: [/\bpurpose\b/, /\bmission\b/, /\bvision\b/],
  },
  {
    id: 'proof-points',
    title: 'Proof points',
    definition:
      'A proof point is evidence that a claim or value is real: a decision that cost you something, a supplier you chose, a number, a guarantee, a review. A value without one is a slogan; with one, it becomes a reason to trust you.',
    dimension: 'authentic',
    patterns: [/\bproof points?\b/, /\breasons? to believe\b/],
  },
  {
    id: 'brand-promise',
    title: 'Brand promise',
    definition:
      'A brand promise is the one thing customers can always count on from you, stated in a sentence every person on the team can repeat. Trust comes from keeping it every time, including in support, delivery and packaging — not only in marketing.',
    dimension: 'authentic',
    patterns: [/\bbrand promise\b/, /\bour promise\b/],
  },
  {
    id: 'brand-story',
    title: 'Brand story',
    definition:
      'A brand story tells where you started, what was hard, and why you continue, in about five sentences. The struggle is what makes it believable; a story without one reads like an advert.',
    dimension: 'authentic',
    patterns: [/\b(?:brand|origin|founder|founding) story\b/, /\bour story\b/],
  },
  {
    id: 'brand-values',
    title: 'Brand values',
    definition:
      'Brand values are the few principles you act on, even when it costs you. Good values rule something out ("no plastic, even when it is cheaper"); values that could belong to any brand ("quality", "passion") guide no decision. Each needs a proof point.',
    dimension: 'authentic',
    patterns: [/\b(?:brand |core |our )values\b/, /\bvalues\b/],
  },
  {
    id: 'brand-personality',
    title: 'Brand personality',
    definition:
      'Brand personality is the handful of human traits a customer would notice in how you behave and speak — warm, direct, playful, calm. Naming what you are not matters as much as what you are.',
    dimension: 'authentic',
    patterns: [/\b(?:brand )?personality\b/],
  },
  {
    id: 'brand-voice',
    title: 'Brand voice',
    definition:
      'Brand voice is how you sound in writing and speech, described in three adjectives with a "we say / we never say" example. It should be the same on your website, packaging, emails and support replies, so customers recognise you by how you talk.',
    dimension: 'authentic',
    patterns: [/\b(?:brand|tone of) voice\b/, /\btone of voice\b/, /\bour (?:tone|voice)\b/],
  },
  {
    id: 'consistency',
    title: 'Consistency',
    definition:
      'Consistency means every touchpoint — website, packaging, emails, social posts, support — uses the same assets, voice and promise. It is what turns a colour into an asset and a value into trust; inconsistency makes customers work harder to recognise you and to believe you.',
    dimension: 'authentic',
    patterns: [/\bconsisten(?:t|cy)\b/, /\binconsisten(?:t|cy)\b/],
  },
  {
    id: 'avatars',
    title: 'Customer avatars',
    definition:
      'A customer avatar is a portrait of one real kind of customer: who they are, what they value, fear and want, which feelings move them, and how they buy. Two or three sharp avatars, grounded in real customers and their reviews, beat ten imagined ones; copy written for one person reads more clearly.',
    dimension: 'insight',
    patterns: [/\b(?:customer )?avatars?\b/, /\b(?:buyer |customer )?personas?\b/, /\bideal customer\b/],
  },
  {
    id: 'brand-canvas',
    title: 'The brand canvas',
    definition:
      'The brand canvas is one page holding purpose, vision, mission, values, positioning, value proposition, personality and voice. It is what the coach and the Value Lens write from, so each field should be specific enough that a new team member could act on it.',
    dimension: null,
    patterns: [/\b(?:brand )?canvas\b/],
  },
  {
    id: 'diagnostic',
    title: 'The IDEA diagnostic',
    definition:
      'The diagnostic is eight questions, two per dimension, each dimension rated from 0 to 100: 80 or more is Strong, 60–79 Good, 40–59 Developing, and under 40 Needs attention. The weakest dimension is where effort pays off first, because it holds back the trust the others build.',
    dimension: null,
    patterns: [
      /\bdiagnostic\b/,
      /\b(?:my|our) (?:scores?|results?)\b/,
      /\bweakest\b/,
      /\bstrongest\b/,
      /\bbands?\b/,
    ],
  },
  {
    id: 'insight',
    title: DIMENSION_LABELS.insight,
    definition:
      'Insight-driven brands know why customers really buy: the outcome they want, the feeling behind it, how they search and what kind of shopper they are — from evidence such as reviews and interviews, not assumptions. Every other dimension builds on it.',
    dimension: 'insight',
    patterns: [/\binsight(?:-driven| driven)?\b/],
  },
  {
    id: 'distinctive',
    title: DIMENSION_LABELS.distinctive,
    definition:
      'Distinctive brands are recognised without their logo and remembered when people are ready to buy. That comes from a few distinctive assets used consistently, and from a clear difference from named competitors, said in customers’ words.',
    dimension: 'distinctive',
    patterns: [/\bdistinctive(?:ness)?\b/, /\bdifferentiat/, /\bstand(?:ing)? out\b/],
  },
  {
    id: 'empathetic',
    title: DIMENSION_LABELS.empathetic,
    definition:
      'Empathetic brands make customers feel understood: they know how people feel before, during and after buying, name their worries in their own words, and speak to the one or two feelings that matter most to them — in marketing, support and after the sale.',
    dimension: 'empathetic',
    patterns: [/\bempath(?:y|etic)\b/, /\bemotional connection\b/],
  },
  {
    id: 'authentic',
    title: DIMENSION_LABELS.authentic,
    definition:
      'Authentic brands have values, a story and a promise that are real, visible and consistent: each value has a proof point, the story includes the struggle, and every touchpoint keeps the same promise. That is what turns attention into trust.',
    dimension: 'authentic',
    patterns: [/\bauthentic(?:ity)?\b/],
  },
  {
    id: 'idea-framework',
    title: 'The IDEA framework',
    definition:
      'IDEA stands for four things a trusted brand gets right. **Insight-driven**: knowing why customers really buy. **Distinctive**: being recognised without your logo and remembered when people buy. **Empathetic**: making customers feel understood. **Authentic**: values, story and promise that are real, visible and consistent.',
    dimension: null,
    patterns: [
      /\bidea (?:framework|model|method|dimensions?)\b/,
      /\bwhat (?:is|does) idea\b/,
      /\bfour dimensions\b/,
      /\bframework\b/,
    ],
  },
];

/** The concept a message names, most specific first; null when it names none. */
export function conceptIn(message: string): Concept | null {
  const lower = message.toLowerCase();
  return CONCEPTS.find((concept) => concept.patterns.some((pattern) => pattern.test(lower))) ?? null;
}

export function conceptById(id: ConceptId): Concept {
  const concept = CONCEPTS.find((entry) => entry.id === id);
  if (!concept) throw new Error(`Unknown concept ${id}`);
  return concept;
}

/** One emotional trigger the message names, for "what does the relief trigger mean?". */
export function triggerIn(message: string): EmotionalTrigger | null {
  const lower = message.toLowerCase();
  const found = (Object.keys(TRIGGER_KNOWLEDGE) as EmotionalTrigger[]).find((trigger) =>
    new RegExp(`\\b${trigger}\\b`).test(lower),
  );
  return found ?? null;
}
