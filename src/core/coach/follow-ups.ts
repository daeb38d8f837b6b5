/**
 * The follow-up questions offered under an offline chat answer. They come from what the answer did
 * (taglines were written → "Make them shorter", "Write one for Priya") and from the data it found
 * missing (no reviews → "How do I collect reviews?"), never from keywords of the question alone.
 * Each one is a question the offline coach answers well when it is asked next. Pure.
 */
import type { Dimension } from '../diagnostic/questionnaire.ts';
import type { ConceptId } from './concepts.ts';
import type { CopyKind } from './copy-engine.ts';
import type { RequestType } from './request-types.ts';

/** Data an answer needed and did not find, most important first. */
export const DATA_GAPS = [
  'diagnostic',
  'canvas',
  'avatars',
  'avatar-voice',
  'reviews',
  'assets',
  'competitors',
  'proof',
] as const;
export type DataGap = (typeof DATA_GAPS)[number];

export type CustomerFocus = 'worries' | 'wants' | 'says' | 'who' | 'why-buy';

/** What an answer did and what it lacked: everything the follow-ups are chosen from. */
export interface AnswerSummary {
  type: RequestType;
  /** The owner's message (a follow-up never repeats it). */
  message: string;
  dimension: Dimension | null;
  /** For copy answers: the kind written, how many options, for whom, and who else could be written for. */
  copy?: {
    kind: CopyKind;
    written: number;
    avatar: string | null;
    otherAvatars: readonly string[];
    shortened: boolean;
  };
  concept?: ConceptId | null;
  customerFocus?: CustomerFocus;
  /** The data the answer could not see, most important first. */
  gaps: readonly DataGap[];
  /** Whether the brand has saved enough (canvas or avatar words) for the coach to write copy. */
  canWriteCopy: boolean;
}

/** At most this many are offered (the chat contract allows five; three keep the choice easy). */
export const FOLLOW_UPS_MAX = 3;

const GAP_QUESTIONS: Record<DataGap, string> = {
  diagnostic: 'What does the IDEA diagnostic measure?',
  canvas: 'How do I fill in my brand canvas?',
  avatars: 'How do I create a customer avatar?',
  'avatar-voice': 'How do I create a customer avatar?',
  reviews: 'How do I collect reviews?',
  assets: 'What is a distinctive asset?',
  competitors: 'How do we compare with our competitors?',
  proof: 'What is a proof point?',
};

/** The concept a gap's question explains: not offered after an answer that explained it. */
const GAP_CONCEPT: Partial<Record<DataGap, ConceptId>> = {
  diagnostic: 'diagnostic',
  assets: 'distinctive-assets',
  proof: 'proof-points',
  avatars: 'avatars',
  'avatar-voice': 'avatars',
  reviews: 'voice-of-customer',
  canvas: 'brand-canvas',
};

/** Asking how to improve a dimension: answered with the brand's own next steps for it. */
export const IMPROVE_QUESTIONS: Record<Dimension, string> = {
  insight: 'How can I understand my customers better?',
  distinctive: 'How can my brand be more distinctive?',
  empathetic: 'How can I make customers feel more understood?',
  authentic: 'How can my brand feel more authentic?',
};

/** After a diagnosis: what to do about it, phrased so it reads as a new request, not more of the same. */
export const ACT_QUESTIONS: Record<Dimension, string> = {
  insight: 'What should I do first about Insight-driven?',
  distinctive: 'What should I do first about Distinctive?',
  empathetic: 'What should I do first about Empathetic?',
  authentic: 'What should I do first about Authentic?',
};

/** Asking what a dimension means: answered with the concept applied to the brand. */
export const EXPLAIN_QUESTIONS: Record<Dimension, string> = {
  insight: 'What does Insight-driven mean?',
  distinctive: 'What does Distinctive mean?',
  empathetic: 'What does Empathetic mean?',
  authentic: 'What does Authentic mean?',
};

/** After one kind of copy, the kind most often wanted next. */
const NEXT_COPY: Record<CopyKind, string> = {
  tagline: 'Write three email subject lines',
  headline: 'Write three taglines',
  'landing-hero': 'Write three taglines',
  'ad-headline': 'Write three email subject lines',
  'email-subject': 'Write three short-video hooks',
  'video-hook': 'Write three social captions',
  'social-caption': 'Write three email subject lines',
  bullets: 'Write a product description',
  'amazon-bullets': 'Write a product description',
  'product-description': 'Write four product bullet points',
  bio: 'Write three taglines',
  about: 'Write a short bio',
};

/** Copy kinds of one line, where "shorter" means something. */
const SHORT_KINDS: ReadonlySet<CopyKind> = new Set<CopyKind>([
  'tagline',
  'headline',
  'landing-hero',
  'ad-headline',
  'email-subject',
  'video-hook',
  'bio',
]);

function byType(summary: AnswerSummary): string[] {
  const { dimension } = summary;
  switch (summary.type) {
    case 'write-copy': {
      const copy = summary.copy;
      if (!copy || copy.written === 0) return ['What should I do next?'];
      const list: string[] = [];
      if (SHORT_KINDS.has(copy.kind) && !copy.shortened) list.push('Make them shorter');
      const other = copy.otherAvatars[0];
      if (other) list.push(`Write one for ${other}`);
      list.push(NEXT_COPY[copy.kind]);
      return list;
    }
    case 'customer-insight': {
      const list =
        summary.customerFocus === 'worries'
          ? ['What do customers want most?']
          : ['What do customers worry about?'];
      if (summary.canWriteCopy)
        list.push(
          summary.customerFocus === 'worries'
            ? 'Write three taglines that answer these worries'
            : 'Write three taglines from their words',
        );
      return list;
    }
    case 'diagnose':
      return [dimension ? ACT_QUESTIONS[dimension] : 'What should I do next?', 'What should I do next?'];
    case 'next-step': {
      const list = dimension ? [EXPLAIN_QUESTIONS[dimension]] : [];
      if (summary.canWriteCopy) list.push('Write three taglines');
      list.push('What do customers worry about?');
      return list;
    }
    case 'explain': {
      const related = dimension ?? null;
      return related
        ? [IMPROVE_QUESTIONS[related], 'What should I do next?']
        : ['What should I do next?', 'What is the IDEA framework?'];
    }
    case 'compare-competitors':
      return summary.canWriteCopy
        ? ['Write three taglines that show our difference', 'What is positioning?']
        : ['What is positioning?', 'What should I do next?'];
    case 'feedback':
      return summary.canWriteCopy
        ? ['Write three taglines', 'What should I do next?']
        : ['What should I do next?'];
    case 'off-topic':
      return summary.canWriteCopy
        ? ['What should I do next?', 'Write three taglines', 'What do customers worry about?']
        : ['What should I do next?', 'What is the IDEA framework?', 'What do customers worry about?'];
  }
}

function same(a: string, b: string): boolean {
  const key = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return key(a) === key(b);
}

/**
 * Up to three follow-ups: the first thing the answer itself leads to, then the most important
 * missing data, then the rest of what the answer leads to. None repeats the message or another.
 */
export function followUpsFor(summary: AnswerSummary): string[] {
  const fromAnswer = byType(summary);
  const fromGaps = summary.gaps
    .filter((gap) => !summary.concept || GAP_CONCEPT[gap] !== summary.concept)
    .map((gap) => GAP_QUESTIONS[gap]);
  const ordered = [
    ...fromAnswer.slice(0, 1),
    ...fromGaps.slice(0, 1),
    ...fromAnswer.slice(1),
    ...fromGaps.slice(1),
  ];
  const chosen: string[] = [];
  for (const question of ordered) {
    if (chosen.length >= FOLLOW_UPS_MAX) break;
    if (same(question, summary.message) || chosen.some((taken) => same(taken, question))) continue;
    chosen.push(question);
  }
  return chosen;
}
