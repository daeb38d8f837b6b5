/**
 * Voice-of-customer analysis for an avatar, as the offline coach answers `avatar-voice`: real
 * natural-language processing, not canned text. compromise splits reviews into sentences and tags
 * parts of speech (for noun-phrase key phrases and lemmas); the AFINN-165 lexicon (the `sentiment`
 * package, with its negation handling) scores each sentence. Every quote is a verbatim sentence of a
 * review, so a user can find it in the source.
 *
 * Server-side only: compromise and the lexicon are several hundred kilobytes and must never reach
 * the web bundle (the web app receives the analysis from the API).
 */
import nlp from 'compromise';
import Sentiment from 'sentiment';
import { countOf } from '../text/plural.ts';
import type { AiTaskInput, AvatarTagField, EmotionalTrigger, VoiceAnalysis } from './contracts.ts';
import { EMOTIONAL_TRIGGERS } from './contracts.ts';
import { TRIGGER_KNOWLEDGE } from './knowledge.ts';

type Polarity = 'positive' | 'neutral' | 'negative';

/**
 * Review vocabulary AFINN lacks or weighs for other domains: delivery, durability and fit words that
 * decide how a product review reads.
 */
const REVIEW_LEXICON: Record<string, number> = {
  late: -2,
  delayed: -2,
  broke: -2,
  broken: -2,
  flimsy: -2,
  ripped: -2,
  faded: -1,
  overpriced: -2,
  refund: -1,
  returned: -1,
  unreliable: -2,
  sturdy: 2,
  durable: 2,
  comfy: 2,
  soft: 1,
  fits: 1,
  quick: 1,
  fast: 1,
  slow: -2,
  cheaply: -2,
  smells: -1,
};

/** Nouns too generic to say what customers care about. */
const GENERIC_NOUNS = new Set(
  'thing things lot lots bit way day days time times week weeks month months year years one ones kind sort star stars review reviews people everything anything something nothing everyone someone item product purchase order'.split(
    ' ',
  ),
);

/** Adjectives that only grade or quantify; a phrase keeps the noun it describes. */
const GRADING_ADJECTIVES = new Set(
  'all other more most many much few same whole own next last first new old only such very real whole big little'.split(
    ' ',
  ),
);

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

const analyser = new Sentiment();

interface Term {
  text: string;
  normal: string;
  root: string;
  tags: Set<string>;
}

interface Sentence {
  review: number;
  /** Verbatim text of the sentence as it stands in the review. */
  text: string;
  score: number;
  polarity: Polarity;
  phrases: string[];
  /** Lemmas of the sentence's words, for matching the avatar's tags. */
  lemmas: Set<string>;
}

/**
 * A sentence leans by any lexicon score; a whole review needs a clearer score (|score| ≥ 2) so one
 * mild word ("big", "hard") in an otherwise factual or mixed review does not tip it.
 */
function polarityOf(score: number, threshold = 1): Polarity {
  if (score >= threshold) return 'positive';
  if (score <= -threshold) return 'negative';
  return 'neutral';
}
const REVIEW_THRESHOLD = 2;

function scoreOf(text: string): number {
  return analyser.analyze(text, { extras: REVIEW_LEXICON }).score;
}

interface TermJson {
  text: string;
  normal: string;
  root?: string;
  tags: string[];
}

interface SentenceJson {
  text: string;
  terms: TermJson[];
  offset?: { start: number; length: number };
}

function toTerm(term: TermJson): Term {
  return { text: term.text, normal: term.normal, root: term.root ?? term.normal, tags: new Set(term.tags) };
}

/** Parses a text once: its sentences with their tagged, lemmatised terms. */
function parse(text: string): SentenceJson[] {
  const doc = nlp(text);
  doc.compute('root');
  return doc.json({ offset: true, terms: { normal: true } }) as SentenceJson[];
}

function termsOf(text: string): Term[] {
  return parse(text).flatMap((sentence) => sentence.terms.map(toTerm));
}

function isContentNoun(term: Term): boolean {
  return (
    term.tags.has('Noun') &&
    !term.tags.has('Pronoun') &&
    !term.tags.has('Date') &&
    !term.tags.has('Value') &&
    !term.tags.has('Possessive') &&
    /^[a-z][a-z'-]*$/.test(term.normal)
  );
}

/**
 * Noun phrases of a sentence: runs of descriptive adjectives and nouns that end in a noun, with
 * evaluative adjectives ("great", "terrible") dropped — those are sentiment, not subject — and plural
 * heads lemmatised so "straps" and "strap" count together.
 */
function nounPhrases(terms: readonly Term[]): string[] {
  const phrases: string[] = [];
  let run: Term[] = [];
  const flush = () => {
    while (run.length > 0 && !isContentNoun(run[run.length - 1] as Term)) run.pop();
    const words = run
      .filter((term) => !(!term.tags.has('Noun') && scoreOf(term.normal) !== 0))
      .filter((term) => !GRADING_ADJECTIVES.has(term.normal))
      .slice(-3);
    const last = words[words.length - 1];
    // People ("baby", "husband", "nurse") are who the review is about, not what it says of the product.
    if (last && !last.tags.has('Actor')) {
      const phrase = [...words.slice(0, -1).map((term) => term.normal), last.root].join(' ');
      if (!(words.length === 1 && GENERIC_NOUNS.has(phrase)) && phrase.length >= 3) phrases.push(phrase);
    }
    run = [];
  };
  for (const term of terms) {
    // Gerunds modify like adjectives here ("folding mechanism"); a run that ends on one is dropped.
    const modifier = term.tags.has('Adjective') || term.tags.has('Gerund');
    const joins = isContentNoun(term) || (modifier && /^[a-z-]+$/.test(term.normal));
    if (joins) run.push(term);
    else flush();
    // Punctuation after a word ends the phrase ("soft, warm fabric" is two phrases).
    if (joins && /[,;:.!?)]\s*$/.test(term.text)) flush();
  }
  flush();
  return phrases;
}

function sentenceOf(index: number, text: string, terms: Term[]): Sentence {
  const score = scoreOf(text);
  return {
    review: index,
    text,
    score,
    polarity: polarityOf(score),
    phrases: nounPhrases(terms),
    lemmas: new Set(terms.flatMap((term) => [term.normal, term.root])),
  };
}

/**
 * Sentences of one review, each located verbatim in it (one parse per review: compromise is the
 * costly step, so a 200-review analysis stays well under a second of CPU).
 */
function sentencesOf(review: string, index: number): Sentence[] {
  const sentences: Sentence[] = [];
  for (const parsed of parse(review)) {
    const terms = parsed.terms.map(toTerm);
    const start = parsed.offset?.start ?? -1;
    // compromise reports where the sentence starts; keep the review's own characters from there.
    const located = start >= 0 ? review.slice(start, start + (parsed.offset?.length ?? 0)).trim() : '';
    const text = located && review.includes(located) ? located : parsed.text.trim();
    if (text) sentences.push(sentenceOf(index, text, terms));
  }
  if (sentences.length === 0 && review.trim())
    sentences.push(sentenceOf(index, review.trim(), termsOf(review)));
  return sentences;
}

/** A quote short enough to read: the sentence itself, or its opening words cut at a word boundary. */
function quotable(text: string, limit = 280): string {
  const single = text.replace(/\s+/g, ' ');
  const source = single === text ? text : text.split(/\n/)[0]?.trim() || text;
  if (source.length <= limit) return source;
  const cut = source.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return (space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:-]+$/, '');
}

function containsWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/’|'/g, "['’]");
  return new RegExp(`(?:^|[^a-z])${escaped}(?:$|[^a-z])`, 'i').test(text);
}

function tagLemmas(tag: string): string[] {
  return termsOf(tag)
    .filter((term) => !term.tags.has('Determiner') && !term.tags.has('Preposition'))
    .filter((term) => !term.tags.has('Conjunction') && !term.tags.has('Pronoun'))
    .map((term) => term.root)
    .filter((lemma) => lemma.length > 2);
}

function capitalise(phrase: string): string {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

function share(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;
}

export function analyseVoiceOfCustomer(input: AiTaskInput<'avatar-voice'>): VoiceAnalysis {
  const { avatar } = input;
  const reviews = input.reviews.map((review) => review.trim()).filter(Boolean);
  const perReview = reviews.map((review, index) => sentencesOf(review, index));
  const sentences = perReview.flat();

  const sentiment = { positive: 0, neutral: 0, negative: 0 };
  perReview.forEach((reviewSentences) => {
    const score = reviewSentences.reduce((sum, sentence) => sum + sentence.score, 0);
    sentiment[polarityOf(score, REVIEW_THRESHOLD)] += 1;
  });

  // Key phrases: counted once per review (ten mentions in one rant are not a pattern), with the
  // sentiment of the sentences they occur in.
  const phraseStats = new Map<string, { reviews: Set<number>; score: number }>();
  for (const sentence of sentences) {
    for (const phrase of new Set(sentence.phrases)) {
      const stats = phraseStats.get(phrase) ?? { reviews: new Set<number>(), score: 0 };
      stats.reviews.add(sentence.review);
      stats.score += Math.sign(sentence.score);
      phraseStats.set(phrase, stats);
    }
  }
  const minimumCount = reviews.length >= 4 ? 2 : 1;
  const ranked = [...phraseStats]
    .map(([phrase, stats]) => ({ phrase, count: stats.reviews.size, score: stats.score }))
    .filter((entry) => entry.count >= minimumCount)
    .sort(
      (a, b) =>
        b.count - a.count ||
        b.phrase.split(' ').length - a.phrase.split(' ').length ||
        a.phrase.localeCompare(b.phrase),
    );
  const keyPhrases = ranked.slice(0, 15).map((entry) => ({
    phrase: entry.phrase.slice(0, 80),
    count: entry.count,
    sentiment: polarityOf(entry.score),
  }));

  const triggers = EMOTIONAL_TRIGGERS.map((trigger) => {
    const matching = sentences.filter((sentence) =>
      TRIGGER_KNOWLEDGE[trigger].words.some((word) => containsWord(sentence.text, word)),
    );
    const reviewsMentioning = new Set(matching.map((sentence) => sentence.review));
    const quotes = [...new Map(matching.map((sentence) => [sentence.review, sentence])).values()]
      .slice(0, 3)
      .map((sentence) => quotable(sentence.text));
    return { trigger, mentions: reviewsMentioning.size, quotes };
  })
    .filter((entry) => entry.mentions > 0)
    .sort((a, b) => b.mentions - a.mentions);

  const quotes = representativeQuotes(sentences, sentiment, new Set(keyPhrases.map((entry) => entry.phrase)));

  const echoes = AVATAR_FIELDS.flatMap((field) =>
    avatar[field].map((tag) => {
      const lemmas = tagLemmas(tag);
      const matching =
        lemmas.length === 0
          ? []
          : sentences.filter((sentence) => {
              const found = lemmas.filter((lemma) => sentence.lemmas.has(lemma)).length;
              return found === lemmas.length || (lemmas.length >= 3 && found >= lemmas.length - 1);
            });
      const first = matching[0];
      return {
        field,
        tag: tag.slice(0, 60),
        mentions: new Set(matching.map((sentence) => sentence.review)).size,
        quote: first ? quotable(first.text) : null,
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
 * Up to six sentences that stand for the whole set: the strongest-scoring sentences of each
 * sentiment, in proportion to the split (at least one of each sentiment present), preferring ones
 * that mention a key phrase and never two from the same review.
 */
function representativeQuotes(
  sentences: readonly Sentence[],
  split: Record<Polarity, number>,
  keyPhrases: ReadonlySet<string>,
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
  const usedReviews = new Set<number>();
  const chosen: VoiceAnalysis['quotes'] = [];
  const weight = (sentence: Sentence) =>
    Math.abs(sentence.score) +
    (sentence.phrases.some((phrase) => keyPhrases.has(phrase)) ? 2 : 0) -
    (sentence.text.length > 280 ? 3 : 0) -
    (sentence.text.length < 25 ? 1 : 0);
  for (const polarity of order) {
    const candidates = sentences
      .filter((sentence) => sentence.polarity === polarity)
      .sort((a, b) => weight(b) - weight(a) || a.review - b.review);
    for (const sentence of candidates) {
      if (
        chosen.length >= 6 ||
        chosen.filter((quote) => quote.sentiment === polarity).length >= wanted[polarity]
      )
        break;
      if (usedReviews.has(sentence.review)) continue;
      usedReviews.add(sentence.review);
      chosen.push({ text: quotable(sentence.text), sentiment: polarity });
    }
  }
  return chosen;
}

function suggestTags(
  avatar: AiTaskInput<'avatar-voice'>['avatar'],
  ranked: readonly { phrase: string; count: number; score: number }[],
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
      ranked.filter((entry) => entry.score < 0).map((entry) => entry.phrase),
    ),
    desires: pick(
      'desires',
      ranked.filter((entry) => entry.score > 0).map((entry) => entry.phrase),
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
    `${countOf(count, 'review')}: ${share(split.positive, count)} positive, ${share(split.neutral, count)} neutral, ${share(split.negative, count)} negative.`,
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
