/**
 * The one review engine (ADR 0039): reads a set of reviews once and answers everything the product
 * asks of them — each review's label (positive, negative, mixed, or neutral when it voices no
 * opinion), themes with counts and pros and cons quoted verbatim, the noun phrases customers repeat,
 * emotional triggers, a month-by-month trend when reviews are dated, and where an avatar's fears and
 * desires are heard. The review analyser, avatars' voice of customer and every later reader of
 * customer text use it, so the same reviews always get the same reading.
 *
 * Pure and server-side only: compromise's word list must never reach the web bundle.
 */
import { EMOTIONAL_TRIGGERS, type EmotionalTrigger } from '../ai/contracts.ts';
import { TRIGGER_KNOWLEDGE } from '../ai/knowledge.ts';
import type { Cue } from './lexicon.ts';
import { NEGATORS } from './lexicon.ts';
import { type ReadReview, type ReviewSentiment, readReview } from './review.ts';
import type { Polarity } from './sentiment.ts';
import { THEME_IDS, THEMES, type ThemeId } from './themes.ts';
import { contentKeys, matchKey, nounPhrases, tagKeys } from './words.ts';

/** Each sentence's content keys, kept beside the analysis (not in it) for matching avatar tags. */
const SENTENCE_KEYS = new WeakMap<AnalysedSentence, ReadonlySet<string>>();

export interface ReviewInput {
  text: string;
  /** Stars, 1–5, when the source has them. */
  rating?: number;
  /** When the review was written (ISO `2025-03-14`, `14 March 2025` or `March 14, 2025`). */
  date?: string;
}

/** A sentence of one review, quoted exactly as it stands there. */
export interface Quote {
  review: number;
  text: string;
}

export interface AnalysedSentence {
  text: string;
  start: number;
  end: number;
  score: number;
  polarity: Polarity;
  themes: ThemeId[];
  cues: Cue[];
}

export interface AnalysedReview {
  index: number;
  label: ReviewSentiment;
  /** Weighted praise minus complaint. */
  score: number;
  rating?: number;
  /** `YYYY-MM` when the review has a readable date. */
  month?: string;
  sentences: AnalysedSentence[];
}

export interface ThemeSummary {
  /** A theme id, or `phrase:<head lemma>` for a subject outside the known themes. */
  key: string;
  label: string;
  kind: 'theme' | 'phrase';
  /** Reviews that mention it. */
  mentions: number;
  /** Reviews whose mention of it is praise, complaint, or neither. */
  positive: number;
  negative: number;
  neutral: number;
  pros: Quote[];
  cons: Quote[];
  /** The words customers used for it, most frequent first. */
  terms: string[];
}

export interface KeyPhrase {
  phrase: string;
  /** Reviews mentioning it (ten mentions in one rant are not a pattern). */
  count: number;
  polarity: Polarity;
  /** Mentions in praising, complaining sentences. */
  praise: number;
  complaint: number;
}

export interface TriggerFinding {
  trigger: EmotionalTrigger;
  mentions: number;
  quotes: Quote[];
}

export interface MonthTrend {
  month: string;
  count: number;
  positive: number;
  negative: number;
  mixed: number;
  neutral: number;
  /** Mean review score that month. */
  averageScore: number;
}

export interface ReviewSetAnalysis {
  reviews: AnalysedReview[];
  counts: Record<ReviewSentiment, number>;
  themes: ThemeSummary[];
  keyPhrases: KeyPhrase[];
  triggers: TriggerFinding[];
  trend: MonthTrend[];
  undated: number;
}

const MAX_QUOTES = 5;
const QUOTE_LIMIT = 280;

/** A quote short enough to read: the sentence, or its opening words cut at a word boundary. */
export function quotable(text: string, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return (space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:-]+$/, '');
}

const MONTHS = 'january february march april may june july august september october november december'.split(
  ' ',
);

/** `YYYY-MM` of a date in the shapes shops export, or undefined. */
export function monthOf(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const text = date.trim().toLowerCase();
  const iso = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?(?:[t ][\d:.]+(?:z|[+-][\d:]+)?)?$/.exec(text);
  const pad = (month: number) => String(month).padStart(2, '0');
  if (iso) {
    const month = Number(iso[2]);
    return month >= 1 && month <= 12 ? `${iso[1]}-${pad(month)}` : undefined;
  }
  const named =
    /^(\d{1,2}) ([a-z]+),? (\d{4})$/.exec(text) ??
    /^([a-z]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(text);
  if (!named) return undefined;
  const [, first, second, year] = named as unknown as [string, string, string, string];
  const monthName = /^\d/.test(first) ? second : first;
  const index = MONTHS.findIndex((name) => name.startsWith(monthName.slice(0, 3)) && monthName.length >= 3);
  return index < 0 ? undefined : `${year}-${pad(index + 1)}`;
}

interface Reading {
  review: AnalysedReview;
  read: ReadReview;
  /** Per sentence: its noun phrases, each with the lean of the segment it stands in. */
  phrases: { phrase: string; polarity: Polarity }[][];
}

function readOne(input: ReviewInput, index: number): Reading {
  const text = input.text;
  const read = readReview(text);
  const phrases: { phrase: string; polarity: Polarity }[][] = [];
  const sentences = read.sentences.map((sentence) => {
    const sentenceKeys = contentKeys(sentence.tokens);
    phrases.push(
      sentence.segments.flatMap((segment) => {
        const net = segment.praise - segment.complaint + segment.tail;
        const polarity = net >= 0.5 ? 'positive' : net <= -0.5 ? 'negative' : sentence.polarity;
        return nounPhrases(
          sentence.tokens.filter((token) => token.start >= segment.start && token.end <= segment.end),
        ).map((phrase) => ({ phrase, polarity }));
      }),
    );
    const themes = [
      ...new Set(sentence.segments.flatMap((segment) => segment.themes.map((hit) => hit.theme))),
    ];
    const analysed: AnalysedSentence = {
      text: text.slice(sentence.start, sentence.end),
      start: sentence.start,
      end: sentence.end,
      score: sentence.score,
      polarity: sentence.polarity,
      themes,
      cues: [...sentence.cues],
    };
    SENTENCE_KEYS.set(analysed, sentenceKeys);
    return analysed;
  });
  const review: AnalysedReview = { index, label: read.label, score: read.score, sentences };
  if (input.rating !== undefined) review.rating = input.rating;
  const month = monthOf(input.date);
  if (month) review.month = month;
  return { review, read, phrases };
}

/** How a theme reads in one sentence: the polarity of the segment naming it, else the sentence's. */
function themePolarity(reading: Reading, sentenceIndex: number, theme: ThemeId): Polarity {
  const sentence = reading.read.sentences[sentenceIndex];
  if (!sentence) return 'neutral';
  const segment = sentence.segments.find((candidate) => candidate.themes.some((hit) => hit.theme === theme));
  const net = segment ? segment.praise - segment.complaint + segment.tail : 0;
  if (net >= 0.5) return 'positive';
  if (net <= -0.5) return 'negative';
  return sentence.polarity;
}

interface ThemeAccumulator {
  key: string;
  label: string;
  kind: 'theme' | 'phrase';
  reviews: Map<number, Polarity[]>;
  pros: Quote[];
  cons: Quote[];
  terms: Map<string, number>;
}

function accumulator(key: string, label: string, kind: 'theme' | 'phrase'): ThemeAccumulator {
  return { key, label, kind, reviews: new Map(), pros: [], cons: [], terms: new Map() };
}

function addMention(
  entry: ThemeAccumulator,
  review: number,
  polarity: Polarity,
  text: string,
  term: string,
): void {
  entry.reviews.set(review, [...(entry.reviews.get(review) ?? []), polarity]);
  entry.terms.set(term, (entry.terms.get(term) ?? 0) + 1);
  const list = polarity === 'positive' ? entry.pros : polarity === 'negative' ? entry.cons : null;
  // One quote per review per side, so a single long review cannot fill the list.
  if (list && list.length < MAX_QUOTES && !list.some((quote) => quote.review === review))
    list.push({ review, text: quotable(text) });
}

function summarise(entry: ThemeAccumulator): ThemeSummary {
  let positive = 0;
  let negative = 0;
  let neutral = 0;
  for (const polarities of entry.reviews.values()) {
    const praise = polarities.filter((polarity) => polarity === 'positive').length;
    const complaint = polarities.filter((polarity) => polarity === 'negative').length;
    if (praise > complaint) positive += 1;
    else if (complaint > praise) negative += 1;
    else neutral += 1;
  }
  return {
    key: entry.key,
    label: entry.label,
    kind: entry.kind,
    mentions: entry.reviews.size,
    positive,
    negative,
    neutral,
    pros: entry.pros,
    cons: entry.cons,
    terms: [...entry.terms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([term]) => term),
  };
}

/** Theme words by match key, so a noun phrase whose head is a theme word joins that theme. */
const THEME_BY_KEY: ReadonlyMap<string, ThemeId> = new Map(
  THEME_IDS.flatMap((id) => THEMES[id].words.map((word): [string, ThemeId] => [matchKey(word), id])),
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Trigger words as patterns over a sentence's lower-case text, curly and straight apostrophes alike. */
const TRIGGER_PATTERNS: Record<EmotionalTrigger, RegExp[]> = Object.fromEntries(
  EMOTIONAL_TRIGGERS.map((trigger) => [
    trigger,
    [...new Set(TRIGGER_KNOWLEDGE[trigger].words.map((word) => word.replace(/’/g, "'")))].map(
      (word) => new RegExp(`(?:^|[^a-z'])${escapeRegExp(word)}(?:$|[^a-z])`),
    ),
  ]),
) as Record<EmotionalTrigger, RegExp[]>;

/** Whether a trigger word is heard in a sentence, and not denied ("not easy", "never reliable"). */
function expressesTrigger(lower: string, trigger: EmotionalTrigger): boolean {
  return TRIGGER_PATTERNS[trigger].some((pattern) => {
    const match = pattern.exec(lower);
    if (!match) return false;
    const before = lower
      .slice(0, match.index + 1)
      .trim()
      .split(/\s+/)
      .slice(-2);
    const word = match[0].trim();
    // Phrases that contain their own negation ("no more", "can't wait") stand as they are.
    if (/\b(?:no|not|n't)\b/.test(word)) return true;
    return !before.some((previous) => NEGATORS.has(previous));
  });
}

/** Reads a set of reviews. Blank reviews are skipped; indexes refer to the input order. */
export function analyseReviewSet(inputs: readonly ReviewInput[]): ReviewSetAnalysis {
  const readings: Reading[] = [];
  inputs.forEach((input, index) => {
    if (input.text.trim()) readings.push(readOne(input, index));
  });

  const counts: Record<ReviewSentiment, number> = { positive: 0, negative: 0, mixed: 0, neutral: 0 };
  for (const { review } of readings) counts[review.label] += 1;

  // Themes: the known ones by their words and phrasings, other subjects by noun phrase head.
  const themes = new Map<string, ThemeAccumulator>();
  const phraseStats = new Map<string, { reviews: Set<number>; praise: number; complaint: number }>();
  for (const reading of readings) {
    const { review } = reading;
    reading.read.sentences.forEach((sentence, sentenceIndex) => {
      const text = review.sentences[sentenceIndex]?.text ?? '';
      const named = new Map<ThemeId, string>();
      for (const segment of sentence.segments)
        for (const hit of segment.themes) if (!named.has(hit.theme)) named.set(hit.theme, hit.term);
      const seen = new Set<string>();
      for (const { phrase, polarity } of reading.phrases[sentenceIndex] ?? []) {
        if (seen.has(phrase)) continue;
        seen.add(phrase);
        const head = phrase.split(' ').at(-1) as string;
        const theme = THEME_BY_KEY.get(matchKey(head));
        if (theme && !named.has(theme)) named.set(theme, phrase);
        const stats = phraseStats.get(phrase) ?? { reviews: new Set<number>(), praise: 0, complaint: 0 };
        stats.reviews.add(review.index);
        if (polarity === 'positive') stats.praise += 1;
        if (polarity === 'negative') stats.complaint += 1;
        phraseStats.set(phrase, stats);
        if (!theme) {
          const key = `phrase:${matchKey(head)}`;
          const entry = themes.get(key) ?? accumulator(key, head, 'phrase');
          addMention(entry, review.index, polarity, text, phrase);
          themes.set(key, entry);
        }
      }
      for (const [theme, term] of named) {
        const entry = themes.get(theme) ?? accumulator(theme, THEMES[theme].label, 'theme');
        addMention(entry, review.index, themePolarity(reading, sentenceIndex, theme), text, term);
        themes.set(theme, entry);
      }
    });
  }
  // A single word named in most of four or more reviews is the product itself ("candle" in every
  // candle review): it says nothing about what customers care for, so it is neither theme nor phrase.
  const isProduct = (phrase: string, reviews: number) =>
    readings.length >= 4 && !phrase.includes(' ') && reviews / readings.length > 0.5;
  // A subject outside the known themes needs two reviews to be a theme; a phrase group is labelled
  // by the phrase customers used most for it.
  const themeSummaries = [...themes.values()]
    .filter(
      (entry) =>
        entry.kind === 'theme' || (entry.reviews.size >= 2 && !isProduct(entry.label, entry.reviews.size)),
    )
    .map((entry) => {
      const summary = summarise(entry);
      return entry.kind === 'phrase' ? { ...summary, label: summary.terms[0] ?? summary.label } : summary;
    })
    .sort((a, b) => b.mentions - a.mentions || a.key.localeCompare(b.key));

  const keyPhrases = [...phraseStats]
    .filter(([phrase, stats]) => !isProduct(phrase, stats.reviews.size))
    .map(([phrase, stats]): KeyPhrase => {
      const net = stats.praise - stats.complaint;
      return {
        phrase,
        count: stats.reviews.size,
        polarity: net > 0 ? 'positive' : net < 0 ? 'negative' : 'neutral',
        praise: stats.praise,
        complaint: stats.complaint,
      };
    })
    .sort(
      (a, b) =>
        b.count - a.count ||
        b.phrase.split(' ').length - a.phrase.split(' ').length ||
        a.phrase.localeCompare(b.phrase),
    );

  const triggers = EMOTIONAL_TRIGGERS.map((trigger): TriggerFinding => {
    const quotes: Quote[] = [];
    const reviews = new Set<number>();
    for (const { review, read } of readings)
      read.sentences.forEach((sentence, sentenceIndex) => {
        const lower = sentence.text.toLowerCase().replace(/’/g, "'");
        const heard =
          expressesTrigger(lower, trigger) || (trigger === 'relief' && sentence.cues.has('relief'));
        if (!heard) return;
        if (!reviews.has(review.index) && quotes.length < MAX_QUOTES)
          quotes.push({ review: review.index, text: quotable(review.sentences[sentenceIndex]?.text ?? '') });
        reviews.add(review.index);
      });
    return { trigger, mentions: reviews.size, quotes };
  })
    .filter((finding) => finding.mentions > 0)
    .sort((a, b) => b.mentions - a.mentions);

  const months = new Map<string, MonthTrend>();
  let undated = 0;
  for (const { review } of readings) {
    if (!review.month) {
      undated += 1;
      continue;
    }
    const entry = months.get(review.month) ?? {
      month: review.month,
      count: 0,
      positive: 0,
      negative: 0,
      mixed: 0,
      neutral: 0,
      averageScore: 0,
    };
    entry.averageScore = (entry.averageScore * entry.count + review.score) / (entry.count + 1);
    entry.count += 1;
    entry[review.label] += 1;
    months.set(review.month, entry);
  }
  const trend = [...months.values()]
    .map((entry) => ({ ...entry, averageScore: Math.round(entry.averageScore * 100) / 100 }))
    .sort((a, b) => a.month.localeCompare(b.month));

  return {
    reviews: readings.map((reading) => reading.review),
    counts,
    themes: themeSummaries,
    keyPhrases,
    triggers,
    trend,
    undated,
  };
}

/**
 * Where customers say what an avatar's tag says: sentences holding every head word of the tag (by
 * lemma, stem and synonym — "Headaches from fake scents" is heard in "it gave me a headache"), and
 * for a tag of three or more words, all but one of its words.
 */
export function findMentions(analysis: ReviewSetAnalysis, tag: string): Quote[] {
  const { head, rest } = tagKeys(tag);
  if (head.length === 0) return [];
  const all = [...head, ...rest];
  const found: Quote[] = [];
  for (const review of analysis.reviews)
    for (const sentence of review.sentences) {
      const keys = SENTENCE_KEYS.get(sentence) ?? new Set<string>();
      const hasHead = head.every((key) => keys.has(key));
      const matched = all.filter((key) => keys.has(key)).length;
      if (hasHead || (all.length >= 3 && matched >= all.length - 1 && head.some((key) => keys.has(key))))
        found.push({ review: review.index, text: quotable(sentence.text) });
    }
  return found;
}
