/**
 * The promised brand-strategy tips: three short emails per IDEA dimension, sent to someone who agreed
 * to them, about their weakest dimension, on a schedule counted from the moment they agreed. Pure: the
 * server decides who gets which step and when; this module only says what each step says.
 */
import { DIMENSION_LABELS, DIMENSIONS, type Dimension } from '../diagnostic/questionnaire.ts';
import { PAGE_PATHS } from '../navigation/pages.ts';

export const TIPS_PER_SEQUENCE = 3;

interface TipContent {
  subject: string;
  /** Short paragraphs, plain text. */
  paragraphs: readonly string[];
}

const TIPS: Record<Dimension, readonly [TipContent, TipContent, TipContent]> = {
  insight: [
    {
      subject: 'Ask five customers why they really bought',
      paragraphs: [
        'Pick five recent customers and ask them two questions: "What was going on the day you decided to buy?" and "What nearly stopped you?"',
        'Write down their exact words, not your summary of them. The phrase that comes back two or three times is how your buyers describe the problem you solve, and it is a better headline than anything written in a meeting.',
      ],
    },
    {
      subject: 'Read your reviews for the problem, not the praise',
      paragraphs: [
        'Open your last 30 reviews (or a competitor\'s, if you have few). Skip "great product" and mark every sentence that describes life before the purchase: "I was tired of…", "I needed something that…".',
        'Sort the marked sentences into three or four themes and count them. The biggest theme is the problem your home page should name first.',
      ],
    },
    {
      subject: 'Turn one customer insight into one test',
      paragraphs: [
        'Take the strongest theme from what your customers told you and rewrite one thing in their words: a product page headline, the first line of your newsletter, or your shop description.',
        'Leave it for two weeks and compare clicks, replies or sales with the old wording. Keep a one-line log of what you tried and what happened: after a few rounds it becomes your own evidence of what moves your buyers.',
      ],
    },
  ],
  distinctive: [
    {
      subject: 'The cover-the-logo test',
      paragraphs: [
        'Put your home page, a recent social post and your packaging or invoice side by side, and cover the logo on each. Would a customer still know they are yours?',
        'List what gives you away: a colour, a phrase, a photo style, a shape. If the list is empty, that is the gap to close before any new campaign.',
      ],
    },
    {
      subject: 'Choose one signature and use it everywhere',
      paragraphs: [
        'Pick one asset you will use on everything for the next 90 days: a colour, a recurring phrase, a shape, an illustration style. One, not five.',
        'Distinctive brands are built by repetition, not novelty: customers notice a signature only after meeting it many times in the same form. Resist changing it when you get bored of it; your customers are nowhere near bored yet.',
      ],
    },
    {
      subject: 'Say what only you can say',
      paragraphs: [
        "Write down your main claim, then replace your name with a competitor's. If the sentence is still true, it does not set you apart.",
        'Rewrite it until it is only true of you: name your origin, your method, a number, a choice you made that others did not. "Roasted in small batches" is everyone\'s; "roasted within 48 hours of your order, in a shop in Leith" is yours.',
      ],
    },
  ],
  empathetic: [
    {
      subject: "Write your customer's before and after",
      paragraphs: [
        'In two columns, write how your customer feels before they find you and after they have used what you sell. Use the words they would use: "overwhelmed", "embarrassed", "finally in control".',
        'Open your next post or product description with the "before" column. People act when they recognise their own situation, not when they read a list of features.',
      ],
    },
    {
      subject: 'Fix the step in your buying journey that hurts',
      paragraphs: [
        'Buy from yourself as a stranger would: find you, choose, pay, receive, ask for help. Note every moment that is confusing, slow or makes you wait.',
        'Fix the worst one this week, then tell your customers you fixed it. Showing that you noticed a frustration builds more trust than any promise to care.',
      ],
    },
    {
      subject: 'Answer the worry before it is asked',
      paragraphs: [
        'Go through your inbox and messages and list the three questions people ask most often before they buy: about fit, delivery, returns, price.',
        'Answer each one where the doubt arises, next to the price, the buy button or the delivery details, rather than in an FAQ nobody opens. Every answered worry is one less reason to leave.',
      ],
    },
  ],
  authentic: [
    {
      subject: 'Write your promise in one sentence',
      paragraphs: [
        'Fill in: "We help [who] [do what] without [the pain], because [why we care]." Keep it to one sentence.',
        'Then ask whether you keep that promise every single day. If not, shrink it until you do: a small promise kept every time is worth more than a big one kept sometimes.',
      ],
    },
    {
      subject: 'Show the proof behind each value',
      paragraphs: [
        'For every value on your website, find one piece of evidence: a photo of how something is made, a decision that cost you money, a customer story with a real name.',
        'Publish one proof a week. A value you cannot show any proof for is better removed than left as a claim customers quietly doubt.',
      ],
    },
    {
      subject: 'Check your brand for drift',
      paragraphs: [
        'Read your about page, your last five posts and your last email to a customer in one sitting. Do they sound like one person keeping one promise?',
        'Mark every line that contradicts the others, in tone or in what it promises, and bring it back in line. Consistency is what makes a story believable.',
      ],
    },
  ],
};

/** Who receives the tips decides where the email's link leads. */
export type TipAudience = 'lead' | 'member';

const MODULE_PATHS: Record<Dimension, string> = {
  insight: PAGE_PATHS.insightModule,
  distinctive: PAGE_PATHS.distinctiveModule,
  empathetic: PAGE_PATHS.empatheticModule,
  authentic: PAGE_PATHS.authenticModule,
};

export interface TipEmailContent {
  subject: string;
  paragraphs: readonly string[];
  actionLabel: string;
  actionUrl: string;
}

/**
 * Step `step` (1-based) of the sequence for `dimension`. A lead is invited to save their results in
 * a free account; a member is sent to the dimension's module; the last step of both invites a retake
 * of the diagnostic to see what changed. Links are absolute, built from the public URL.
 */
export function tipEmail(
  dimension: Dimension,
  step: number,
  audience: TipAudience,
  publicUrl: URL,
): TipEmailContent {
  const content = TIPS[dimension][step - 1];
  if (!content) throw new RangeError(`No tip ${step} for ${dimension}: steps are 1 to ${TIPS_PER_SEQUENCE}`);
  const label = DIMENSION_LABELS[dimension];
  const last = step === TIPS_PER_SEQUENCE;
  let action: { label: string; path: string };
  if (last) action = { label: 'Retake the diagnostic and see what changed', path: PAGE_PATHS.diagnostic };
  else if (audience === 'lead')
    action = { label: `Work on ${label} with the free coach`, path: PAGE_PATHS.signUp };
  else action = { label: `Open the ${label} module`, path: MODULE_PATHS[dimension] };
  return {
    subject: `${label} tip ${step} of ${TIPS_PER_SEQUENCE}: ${content.subject}`,
    paragraphs: content.paragraphs,
    actionLabel: action.label,
    actionUrl: new URL(action.path, publicUrl).toString(),
  };
}

/** The weakest dimension of a set of scores; ties go to the first in I-D-E-A order. */
export function weakestDimension(scores: Record<Dimension, number>): Dimension {
  let weakest: Dimension = DIMENSIONS[0];
  for (const dimension of DIMENSIONS) if (scores[dimension] < scores[weakest]) weakest = dimension;
  return weakest;
}

const DURATION_UNITS_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** The default schedule: the first tip a day after consent, then day 5 and day 12. */
export const DEFAULT_TIP_SCHEDULE = '1d,5d,12d';

/**
 * When each tip goes out, as offsets from the consent: `1d,5d,12d` (units s, m, h, d), one per step,
 * strictly increasing. Throws a readable error for anything else.
 */
export function parseTipSchedule(text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  const offsets = parts.map((part) => {
    const match = /^(\d{1,6})([smhd])$/.exec(part);
    if (!match) throw new Error(`"${part}" is not a duration like 12h or 5d`);
    return Number(match[1]) * DURATION_UNITS_MS[match[2] as keyof typeof DURATION_UNITS_MS];
  });
  if (offsets.length !== TIPS_PER_SEQUENCE) {
    throw new Error(`needs exactly ${TIPS_PER_SEQUENCE} offsets, one per tip, got ${offsets.length}`);
  }
  if (offsets.some((offset, index) => index > 0 && offset <= (offsets[index - 1] ?? 0))) {
    throw new Error('offsets must increase');
  }
  return offsets;
}

/** When each step is due, from the moment of consent. */
export function tipSendTimes(consentedAt: Date, offsetsMs: readonly number[]): Date[] {
  return offsetsMs.map((offset) => new Date(consentedAt.getTime() + offset));
}
