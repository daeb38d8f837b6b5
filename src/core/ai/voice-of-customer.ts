/**
 * Voice-of-customer analysis for an avatar, as the offline coach answers `avatar-voice`. The review
 * engine (`src/core/reviews`, ADR 0039) reads the reviews — the same reading `review-analysis`
 * gives them — and this module turns it into the avatar's analysis: sentiment split, the noun
 * phrases customers repeat, triggers, representative quotes, which of the avatar's values, fears and
 * desires the reviews echo (matched by lemma, stem and synonym) and tags to add. Every quote is a
 * verbatim sentence of a review, so a user can find it in the source.
 *
 * Server-side only: the engine uses compromise's word list, which must never reach the web bundle.
 */
import {
  type AnalysedSentence,
  analyseReviewSet,
  findMentions,
  quotable,
  type ReviewSetAnalysis,
} from '../reviews/engine.ts';
import { countOf } from '../text/plural.ts';
import type { AiTaskInput, AvatarTagField, EmotionalTrigger, VoiceAnalysis } from './contracts.ts';
import { TRIGGER_KNOWLEDGE } from './knowledge.ts';
import { sentimentCounts } from './review-analysis.ts';

type Polarity = 'positive' | 'neutral' | 'negative';

/** The value each trigger points to, offered as a value tag when customers express the trigger. */
const TRIGGER_VALUES: Record<EmotionalTrigger, string> = {
  hope: 'Optimism',
  belonging: 'Community',
  validation: 'Recognition',
  trust: 'Reliability',
  relief: 'Convenience',
  aspiration: 'Quality',
  empowerment: 'Independence',
};

function capitalise(phrase: string): string {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

function share(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;
}

export function analyseVoiceOfCustomer(input: AiTaskInput<'avatar-voice'>): VoiceAnalysis {
  const { avatar } = input;
  const reviews = input.reviews.map((review) => review.trim()).filter(Boolean);
  const analysis = analyseReviewSet(reviews.map((text) => ({ text })));
  const sentiment = sentimentCounts(analysis);

  // Key phrases: counted once per review, with the lean of the sentences they occur in; with four
  // reviews or more, a phrase needs two of them to be a pattern.
  const minimumCount = reviews.length >= 4 ? 2 : 1;
  const ranked = analysis.keyPhrases.filter((entry) => entry.count >= minimumCount);
  const keyPhrases = ranked.slice(0, 15).map((entry) => ({
    phrase: entry.phrase.slice(0, 80),
    count: entry.count,
    sentiment: entry.polarity,
  }));

  const triggers = analysis.triggers.map((finding) => ({
    trigger: finding.trigger,
    mentions: finding.mentions,
    quotes: finding.quotes.slice(0, 3).map((quote) => quote.text),
  }));

  const quotes = representativeQuotes(analysis, sentiment);

  const echoes = AVATAR_FIELDS.flatMap((field) =>
    avatar[field].map((tag) => {
      const mentions = findMentions(analysis, tag);
      return {
        field,
        tag: tag.slice(0, 60),
        mentions: new Set(mentions.map((quote) => quote.review)).size,
        quote: mentions[0]?.text ?? null,
      };
    }),
  ).slice(0, 45);

  const suggestions = suggestTags(avatar, ranked, triggers);

  return {
    reviewCount: reviews.length,
    sentiment,
    keyPhrases,
    triggers,
    quotes,
    echoes,
    suggestions,
    summary: summarise(avatar.name, reviews.length, sentiment, keyPhrases, triggers, echoes),
  };
}

const AVATAR_FIELDS: readonly AvatarTagField[] = ['values', 'fears', 'desires'];

/**
 * Up to six sentences that stand for the whole set: the strongest of each polarity, in proportion to
 * the split (at least one of each present), preferring ones that name a theme and never two from the
 * same review.
 */
function representativeQuotes(
  analysis: ReviewSetAnalysis,
  split: Record<Polarity, number>,
): VoiceAnalysis['quotes'] {
  const total = split.positive + split.neutral + split.negative;
  if (total === 0) return [];
  const slots = Math.min(6, total);
  const order: Polarity[] = ['positive', 'negative', 'neutral'];
  const wanted = Object.fromEntries(
    order.map((polarity) => [
      polarity,
      split[polarity] === 0 ? 0 : Math.max(1, Math.round((split[polarity] / total) * slots)),
    ]),
  ) as Record<Polarity, number>;
  const sentences = analysis.reviews.flatMap((review) =>
    review.sentences.map((sentence) => ({ review: review.index, sentence })),
  );
  const weight = ({ sentence }: { sentence: AnalysedSentence }) =>
    Math.abs(sentence.score) +
    (sentence.themes.length > 0 ? 2 : 0) -
    (sentence.text.length > 280 ? 3 : 0) -
    (sentence.text.length < 25 ? 1 : 0);
  const usedReviews = new Set<number>();
  const chosen: VoiceAnalysis['quotes'] = [];
  for (const polarity of order) {
    const candidates = sentences
      .filter(({ sentence }) => sentence.polarity === polarity)
      .sort((a, b) => weight(b) - weight(a) || a.review - b.review);
    for (const candidate of candidates) {
      if (
        chosen.length >= 6 ||
        chosen.filter((quote) => quote.sentiment === polarity).length >= wanted[polarity]
      )
        break;
      if (usedReviews.has(candidate.review)) continue;
      usedReviews.add(candidate.review);
      chosen.push({ text: quotable(candidate.sentence.text), sentiment: polarity });
    }
  }
  return chosen;
}

function suggestTags(
  avatar: AiTaskInput<'avatar-voice'>['avatar'],
  ranked: ReviewSetAnalysis['keyPhrases'],
  triggers: readonly { trigger: EmotionalTrigger; mentions: number }[],
): VoiceAnalysis['suggestions'] {
  const has = (field: AvatarTagField, value: string) =>
    avatar[field].some((tag) => tag.toLowerCase() === value.toLowerCase());
  const pick = (field: AvatarTagField, values: readonly string[]) =>
    [...new Set(values.map((value) => capitalise(value.slice(0, 60))))]
      .filter((value) => !has(field, value))
      .slice(0, 8);
  return {
    values: pick(
      'values',
      triggers.map((entry) => TRIGGER_VALUES[entry.trigger]),
    ),
    // What customers complain about is what this avatar fears; what they praise, what they want.
    fears: pick(
      'fears',
      ranked.filter((entry) => entry.polarity === 'negative').map((entry) => entry.phrase),
    ),
    desires: pick(
      'desires',
      ranked.filter((entry) => entry.polarity === 'positive').map((entry) => entry.phrase),
    ),
  };
}

function summarise(
  name: string,
  count: number,
  split: Record<Polarity, number>,
  keyPhrases: VoiceAnalysis['keyPhrases'],
  triggers: readonly { trigger: EmotionalTrigger; mentions: number }[],
  echoes: VoiceAnalysis['echoes'],
): string[] {
  const lines = [
    `${countOf(count, 'review')}: ${share(split.positive, count)} positive, ${share(split.neutral, count)} mixed or neutral, ${share(split.negative, count)} negative.`,
  ];
  const praised = keyPhrases.filter((entry) => entry.sentiment === 'positive').slice(0, 3);
  const criticised = keyPhrases.filter((entry) => entry.sentiment === 'negative').slice(0, 3);
  if (praised.length > 0)
    lines.push(
      `Customers praise ${praised.map((entry) => `“${entry.phrase}” (${entry.count})`).join(', ')}.`,
    );
  if (criticised.length > 0)
    lines.push(
      `Complaints centre on ${criticised.map((entry) => `“${entry.phrase}” (${entry.count})`).join(', ')}.`,
    );
  const [top] = triggers;
  if (top) {
    const knowledge = TRIGGER_KNOWLEDGE[top.trigger];
    const tied = triggers.filter((entry) => entry.mentions === top.mentions);
    lines.push(
      tied.length === 1
        ? `${knowledge.label} is the emotional trigger heard most (${top.mentions} of ${countOf(count, 'review')}): ${knowledge.copyAngle}.`
        : `${tied.map((entry) => TRIGGER_KNOWLEDGE[entry.trigger].label).join(', ')} are heard equally often (${top.mentions} of ${countOf(count, 'review')} each); more reviews will show which one leads.`,
    );
  } else {
    lines.push('The reviews rarely name a feeling; ask customers how they felt before and after buying.');
  }
  const echoed = echoes.filter((echo) => echo.mentions > 0);
  const silent = echoes.filter((echo) => echo.mentions === 0);
  if (echoed.length > 0)
    lines.push(
      `The reviews confirm ${name}’s ${echoed
        .slice(0, 4)
        .map((echo) => `“${echo.tag}”`)
        .join(', ')}.`.slice(0, 400),
    );
  if (silent.length > 0)
    lines.push(
      `Not heard in these reviews: ${silent
        .slice(0, 4)
        .map((echo) => `“${echo.tag}”`)
        .join(', ')} — check them with real customers.`.slice(0, 400),
    );
  return lines.slice(0, 6);
}
