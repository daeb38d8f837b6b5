/**
 * The learning steps of the four IDEA modules: short lessons read before (or beside) each
 * worksheet. Step ids are stored in the `learning` item when a step is marked complete, so they must
 * never change; reword the text freely, and when a step is retired its stored id is simply ignored.
 */
import type { Dimension } from '../diagnostic/questionnaire.ts';

export interface LearningStep {
  /** Stable, unique within its module. */
  id: string;
  title: string;
  /** Paragraphs of plain text. */
  body: readonly string[];
  /** One thing to do before moving on. */
  exercise: string;
}

export const LEARNING_STEPS = {
  insight: [
    {
      id: 'why-they-buy',
      title: 'People buy for reasons they rarely say out loud',
      body: [
        'A customer may tell you they chose you for the price or a feature. Underneath there is usually a job they need done and a feeling they want to have once it is done.',
        'Insight means knowing both: the practical reason and the emotional one. Brands that speak to the second are remembered; brands that only list features are compared on price.',
      ],
      exercise:
        'Write down the last three reasons customers gave you for buying, then ask yourself what they were really hoping would change.',
    },
    {
      id: 'intent-and-motivation',
      title: 'Intent tells you where they are; motivation tells you why',
      body: [
        'Buyer intent is the stage someone is at: learning about a problem, comparing options, ready to buy, or looking for you by name. Each stage needs a different message.',
        'Motivation is the force behind the search: saving time, looking good, feeling safe, doing the right thing. Two people with the same intent can have opposite motivations.',
      ],
      exercise:
        'Pick one product and describe a customer at each of the four intent stages in a sentence each.',
    },
    {
      id: 'seven-triggers',
      title: 'Seven emotional triggers',
      body: [
        'Most purchase decisions lean on one or two of seven feelings: hope, belonging, validation, trust, relief, aspiration and empowerment.',
        'You do not need all seven. Knowing which two matter most to your customers lets every headline, photo and product page pull in the same direction.',
      ],
      exercise:
        'Take the trigger assessment below and compare its top two triggers with what your current website emphasises.',
    },
    {
      id: 'shopper-types',
      title: 'Four kinds of shopper',
      body: [
        'Cost-sensitive shoppers want value and reassurance that they are not overpaying. Quality-focused shoppers want proof of craft and durability. Conscious shoppers want to know what you stand for. Connected shoppers care what their peers think and buy.',
        'Your best customers usually cluster in one or two of these. Say so explicitly and design for them rather than for everyone.',
      ],
      exercise:
        'Choose the shopper type that describes your most profitable customers and note one thing on your site that speaks to them.',
    },
  ],
  distinctive: [
    {
      id: 'recognised-without-logo',
      title: 'Could they recognise you without your name?',
      body: [
        'Distinctive brands are recognised from a glance: a colour, a shape, a character, a sound, a phrase. These distinctive assets do the work of a logo in places where a logo is too small or absent.',
        'An asset becomes distinctive only through repetition. A new look every season resets the customer’s memory to zero.',
      ],
      exercise: 'Cover your logo on your homepage and packaging. What is left that could only be yours?',
    },
    {
      id: 'consistency-beats-novelty',
      title: 'Consistency beats novelty',
      body: [
        'Marketers tire of their own assets long before customers notice them. Using the same few assets everywhere, for years, is what builds recognition.',
        'Rate each asset by how consistently it appears across your touchpoints: always, mostly, sometimes or rarely. The “rarely” ones are either worth committing to or worth dropping.',
      ],
      exercise: 'List every place a customer meets your brand and check which assets appear in each.',
    },
    {
      id: 'meaningful-difference',
      title: 'Different in a way customers care about',
      body: [
        'Being different is only useful if the difference matters to the buyer. Compare yourself with the two or three competitors customers actually consider, not with the whole market.',
        'For each one, write what you do differently in words a customer would use.',
      ],
      exercise: 'Name your closest competitor and finish the sentence “Unlike them, we…”.',
    },
    {
      id: 'positioning',
      title: 'A positioning you can say in one breath',
      body: [
        'Positioning ties it together: who it is for, what it is, and why it is the better choice for them. If it takes a paragraph, it is not yet a position.',
      ],
      exercise:
        'Draft a one-sentence positioning in the worksheet and read it aloud to someone outside the business.',
    },
  ],
  empathetic: [
    {
      id: 'feelings-over-time',
      title: 'Feelings change before, during and after a purchase',
      body: [
        'Before buying, customers often feel uncertain or frustrated. During the purchase they want ease and reassurance. Afterwards they want to feel they chose well.',
        'Mapping these three moments shows where your messages, your checkout and your follow-up can meet the feeling that is actually there.',
      ],
      exercise: 'Describe, in the customer’s own words, how they feel at each of the three moments.',
    },
    {
      id: 'needs-and-fears',
      title: 'Speak to needs and to fears',
      body: [
        'Needs pull people towards you; fears hold them back. Most brands talk only about needs and leave the fears unanswered, so the sale stalls.',
        'Name the fears plainly (wasting money, looking foolish, a hassle to return) and answer each one where it arises.',
      ],
      exercise: 'Write the three fears you hear most often and where on your site each one is answered.',
    },
    {
      id: 'listen-where-they-talk',
      title: 'Listen where customers already talk',
      body: [
        'Reviews, support emails, social comments, sales calls and community forums are full of the exact words customers use. Empathy starts with reading them regularly.',
      ],
      exercise: 'Pick two listening channels you will check every week and add them to the worksheet.',
    },
  ],
  authentic: [
    {
      id: 'values-with-proof',
      title: 'Values need proof',
      body: [
        'Any brand can claim to be honest, sustainable or customer-first. A value becomes believable only when you can point to something you did because of it, especially when it cost you.',
      ],
      exercise: 'For each value you hold, write one concrete thing you did that proves it.',
    },
    {
      id: 'story',
      title: 'A story with a struggle in it',
      body: [
        'A brand story is not a timeline. It is why you started, what stood in the way, and what you are still trying to change. The struggle is the part people remember and relate to.',
      ],
      exercise: 'Write your origin, your biggest struggle and your mission in three short paragraphs.',
    },
    {
      id: 'promise',
      title: 'One promise you always keep',
      body: [
        'A brand promise is the experience a customer can count on every time. It should be specific enough that you could fail it, and you should not.',
      ],
      exercise: 'Finish the sentence “Every time you buy from us, you can count on…”.',
    },
    {
      id: 'touchpoint-check',
      title: 'Check every touchpoint',
      body: [
        'Authenticity breaks at the weakest touchpoint: a cold automated email, a packaging insert that contradicts your values, a support reply that ignores your promise.',
        'Walk through each touchpoint and mark whether it is consistent with your values, story and promise.',
      ],
      exercise: 'Add your touchpoints to the consistency checklist and mark the ones that fall short.',
    },
  ],
} as const satisfies Record<Dimension, readonly LearningStep[]>;

/** The step ids of a module, in reading order. */
export function learningStepIds(dimension: Dimension): string[] {
  return LEARNING_STEPS[dimension].map((step) => step.id);
}

/** Completed steps of a module that still exist (retired ids are ignored), without duplicates. */
export function completedSteps(dimension: Dimension, completed: readonly string[] | undefined): string[] {
  const known = new Set(learningStepIds(dimension));
  return [...new Set(completed ?? [])].filter((id) => known.has(id));
}
