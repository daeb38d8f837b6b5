/**
 * Sentence-level sentiment for reviews (ADR 0039). A sentence is read in segments — the stretches
 * between commas, semicolons and contrast words — so "gorgeous colour, flimsy fabric" keeps both its
 * praise and its complaint. Phrasings come first (price and weak-effect complaints, verdicts,
 * sarcasm), then word valences with boosters and negation ("doesn't give me a headache" is relief).
 * A contrast ("…, but worth every penny") makes the segment after it weigh more only when it settles
 * the point: a verdict, or a price concession answered; two different points ("lovely scent, but it
 * burned out in a day") both count, which is what makes a review mixed.
 */
import {
  BACKGROUND,
  BOOSTERS,
  CONTRAST_WORDS,
  type Cue,
  LIKENESS,
  MIDDLING,
  NEGATORS,
  PHRASE_RULES,
  type PhraseRule,
  SARCASTIC_OPENER,
  SCOPE_BREAKERS,
  TOO_COMPLAINTS,
  VALENCE,
  valenceOf,
} from './lexicon.ts';
import { type ThemeHit, themesIn } from './themes.ts';
import { type Token, tokenize } from './tokens.ts';

export type Polarity = 'positive' | 'negative' | 'neutral';

export interface Segment {
  /** Character range in the sentence. */
  start: number;
  end: number;
  /** Praise and complaint found in the segment, before weighting (both ≥ 0). */
  praise: number;
  complaint: number;
  /** Middling verdicts ("fine", "decent"): they count to both sides of a review. */
  middling: number;
  /** Contrast weight: 0.5 before a settling "but", 1.5 after it, otherwise 1. */
  weight: number;
  verdict: boolean;
  /** What usually happens or what was expected: context, not this product's verdict. */
  background: boolean;
  /** Opened by a contrast word. */
  contrast: boolean;
  cues: Set<Cue>;
  themes: ThemeHit[];
  /** Sarcasm-tail phrases' score, kept apart until the whole review is read. */
  tail: number;
}

export interface ScoredSentence {
  text: string;
  tokens: Token[];
  segments: Segment[];
  cues: Set<Cue>;
  /** The whole sentence answers the one before ("However, …", "…, though."). */
  contrasted: boolean;
}

const NEGATION_REACH = 5;
const NEGATION_FACTOR = -0.75;
/** A negated word says less than its opposite: "don't love it" is not "hate it". */
const NEGATED_CAP = 1.5;

interface PhraseHit {
  start: number;
  end: number;
  rule: PhraseRule;
}

const GLOBAL_RULES = PHRASE_RULES.map((rule) => ({ rule, pattern: new RegExp(rule.pattern.source, 'g') }));

function normalise(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
}

/** The phrasings in a sentence; the first rule wins where two overlap. */
function phraseHits(lower: string): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (const { rule, pattern } of GLOBAL_RULES) {
    // Most rules miss most sentences: a plain test first spares the iterator and its garbage.
    if (!rule.pattern.test(lower)) continue;
    for (const match of lower.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (end === start || hits.some((hit) => start < hit.end && end > hit.start)) continue;
      hits.push({ start, end, rule });
    }
  }
  return hits;
}

/** Character ranges inside quotation marks of at most three words: a disputed claim ("natural"). */
function scareQuotes(lower: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const match of lower.matchAll(/"([^"]{1,30})"/g))
    if (match[1] && match[1].trim().split(/\s+/).length <= 3)
      ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}

/** Words that start a new clause after "and" ("…and the lid was cracked"). */
const CLAUSE_OPENERS = new Set(
  'the it i they my his her we she he that this no our their its you'.split(' '),
);

/** Token indexes where segments start, and whether a contrast word opens them. */
function segmentStarts(tokens: readonly Token[]): { index: number; contrast: boolean }[] {
  const starts = [{ index: 0, contrast: false }];
  tokens.forEach((token, index) => {
    if (index === 0) return;
    const previous = tokens[index - 1] as Token;
    const last = starts[starts.length - 1] as { index: number; contrast: boolean };
    if (
      CONTRAST_WORDS.has(token.lower) &&
      previous.lower !== 'even' &&
      !(token.lower === 'still' && previous.kind !== 'punct')
    ) {
      if (last.index === index) last.contrast = true;
      else starts.push({ index, contrast: true });
    } else if (token.kind === 'punct' && /^[,;:—–()]$/.test(token.lower) && index + 1 < tokens.length)
      starts.push({ index: index + 1, contrast: false });
    else if (
      token.lower === 'and' &&
      CLAUSE_OPENERS.has(tokens[index + 1]?.lower ?? '') &&
      last.index !== index
    )
      starts.push({ index, contrast: false });
  });
  return starts.filter(
    (start, position, all) => all.findIndex((other) => other.index === start.index) === position,
  );
}

function isBoundary(token: Token | undefined): boolean {
  return !token || token.kind === 'punct' || SCOPE_BREAKERS.has(token.lower);
}

function addScore(segment: Segment, score: number): void {
  if (score > 0) segment.praise += score;
  else segment.complaint -= score;
}

/** Adverbs that may stand between "smells" and "like" ("smells exactly like a spa"). */
const LIKENESS_ADVERBS = new Set([
  'exactly',
  'just',
  'a',
  'bit',
  'really',
  'so',
  'more',
  'kind',
  'of',
  'sort',
  'literally',
]);

/** The score of "smells like …" / "tastes like …" / "more soap than …", or null when it is not one. */
function likeness(tokens: readonly Token[], index: number): { score: number; end: number } | null {
  const token = tokens[index] as Token;
  let cursor = index + 1;
  if (['smell', 'taste', 'feel', 'look', 'sound'].includes(token.lemma)) {
    while (LIKENESS_ADVERBS.has(tokens[cursor]?.lower ?? '') && cursor < index + 3) cursor += 1;
    if (!['like', 'of'].includes(tokens[cursor]?.lower ?? '')) return null;
  } else if (token.lower !== 'more') return null;
  const window = tokens.slice(token.lower === 'more' ? cursor : cursor + 1, cursor + 6);
  const compared = window.find((candidate) => LIKENESS.has(candidate.lower) || LIKENESS.has(candidate.lemma));
  if (!compared) return null;
  // "more soap than sandalwood": only the thing it is more of counts.
  if (token.lower === 'more' && tokens[tokens.indexOf(compared) + 1]?.lower !== 'than') return null;
  return {
    score: LIKENESS.get(compared.lower) ?? LIKENESS.get(compared.lemma) ?? 0,
    end: tokens.indexOf(compared),
  };
}

/**
 * Scores one sentence into segments with their praise, complaint and themes. Contrast weights within
 * the sentence are set here; between sentences by `settleBetween`.
 */
export function scoreSentence(text: string): ScoredSentence {
  const lower = normalise(text);
  const tokens = tokenize(text);
  const cues = new Set<Cue>();
  const hits = phraseHits(lower);
  const quotes = scareQuotes(lower);
  const covered = (token: Token) => hits.some((hit) => token.start >= hit.start && token.start < hit.end);
  const consumed = new Set<number>();

  const starts = segmentStarts(tokens);
  const segments: Segment[] = starts.map((start, position) => {
    const next = starts[position + 1];
    const first = tokens[start.index];
    const last = tokens[(next ? next.index : tokens.length) - 1];
    return {
      start: first?.start ?? 0,
      end: last?.end ?? text.length,
      praise: 0,
      complaint: 0,
      middling: 0,
      weight: 1,
      verdict: false,
      background: false,
      contrast: start.contrast,
      cues: new Set<Cue>(),
      themes: [],
      tail: 0,
    };
  });
  const segmentAt = (offset: number) =>
    segments.reduce((found, segment) => (segment.start <= offset ? segment : found), segments[0] as Segment);

  // A cheering opener ("Oh great, …") is held back until the rest shows whether it is sarcastic.
  const opener = SARCASTIC_OPENER.exec(lower);
  const openerEnd = opener ? opener[0].search(/[,!.]/) : -1;
  let openerScore = 0;

  for (const hit of hits) {
    let score = hit.rule.score;
    const segment = segmentAt(hit.start);
    if (hit.rule.negatable) {
      const before = tokens.filter((token) => token.end <= hit.start).slice(-4);
      const negator = before.findLastIndex((token) => NEGATORS.has(token.lower));
      if (negator >= 0 && before.slice(negator + 1).every((token) => !isBoundary(token))) {
        score = Math.sign(-score) * Math.min(NEGATED_CAP, Math.abs(score * NEGATION_FACTOR));
        consumed.add(tokens.indexOf(before[negator] as Token));
        segment.cues.add('negation');
      }
    }
    if (hit.rule.sarcasmTail) segment.tail += score;
    else addScore(segment, score);
    if (hit.rule.verdict) segment.verdict = true;
    if (hit.rule.cue) segment.cues.add(hit.rule.cue);
  }

  tokens.forEach((token, index) => {
    if (token.kind !== 'word' || covered(token) || consumed.has(index)) return;
    if (opener && token.end <= openerEnd && VALENCE.has(token.lower)) {
      openerScore += VALENCE.get(token.lower) ?? 0;
      return;
    }
    const segment = segmentAt(token.start);
    const previous = tokens[index - 1];
    const compared = likeness(tokens, index);
    if (compared) {
      addScore(segment, compared.score);
      for (let skip = index + 1; skip <= compared.end; skip += 1) consumed.add(skip);
      return;
    }
    let valence = valenceOf(token.lower, token.lemma);
    const nextWord = tokens[index + 1]?.lower ?? '';
    // "pretty good" grades; "pretty jar" praises.
    if (token.lower === 'pretty' && (VALENCE.has(nextWord) || BOOSTERS.has(nextWord))) return;
    if (valence === undefined) {
      // "too small", "ridiculously long": a neutral size or strength word, overdone.
      if (
        ['too', 'ridiculously', 'absurdly', 'way'].includes(previous?.lower ?? '') &&
        TOO_COMPLAINTS.has(token.lower)
      ) {
        addScore(segment, -1.5);
        segment.cues.add('intensifier');
      }
      return;
    }
    if (MIDDLING.has(token.lower)) {
      const negated = tokens
        .slice(Math.max(0, index - 2), index)
        .some((candidate) => NEGATORS.has(candidate.lower));
      if (!negated) {
        segment.middling += 1;
        return;
      }
    }
    for (let back = 1; back <= 2; back += 1) {
      const booster = tokens[index - back];
      if (booster?.kind !== 'word' || covered(booster)) break;
      const factor = BOOSTERS.get(booster.lower);
      if (factor !== undefined) {
        valence *= factor;
        if (factor > 1) segment.cues.add('intensifier');
        break;
      }
      if (VALENCE.has(booster.lower)) break;
    }
    if (previous?.lower === 'too') valence = valence > 0 ? -Math.max(1, valence / 2) : valence * 1.3;
    if (token.shouted) valence *= 1.4;
    for (let back = 1; back <= NEGATION_REACH; back += 1) {
      const candidate = tokens[index - back];
      if (!candidate || isBoundary(candidate)) break;
      if (NEGATORS.has(candidate.lower) && !consumed.has(index - back) && !covered(candidate)) {
        const after = tokens[index - back + 1];
        if (candidate.lower === 'nothing' && after?.lower === 'but') break;
        if (candidate.lower === 'not' && after?.lower === 'only') break;
        valence = Math.sign(-valence) * Math.min(NEGATED_CAP, Math.abs(valence * NEGATION_FACTOR));
        if (tokens[index + 1]?.lower === 'at' && tokens[index + 2]?.lower === 'all') valence *= 1.2;
        consumed.add(index - back);
        segment.cues.add('negation');
        break;
      }
    }
    // A claim in scare quotes is disputed: the "natural" scent, "resolved" tickets.
    if (valence > 0 && quotes.some(([start, end]) => token.start > start && token.end < end)) {
      valence = -1;
      segment.cues.add('sarcasm');
    }
    addScore(segment, valence);
  });

  // "Calming, if you enjoy the smell of a hospital": the praise is the joke.
  if (/\bif you (?:enjoy|like|love|fancy)\b/.test(lower)) {
    for (const segment of segments) {
      segment.complaint += segment.praise;
      segment.praise = 0;
    }
    cues.add('sarcasm');
  }
  if (opener) {
    const first = segments[0] as Segment;
    const rest = segments.reduce((sum, segment) => sum + segment.praise - segment.complaint, 0);
    if (opener[1] || rest < 0) {
      first.complaint += Math.max(2, openerScore);
      first.cues.add('sarcasm');
    } else first.praise += openerScore;
  }

  for (const segment of segments) {
    const segmentText = lower.slice(segment.start, segment.end);
    segment.background = BACKGROUND.test(segmentText);
    segment.themes = themesIn(
      tokens.filter((token) => token.start >= segment.start && token.end <= segment.end),
      segmentText,
    );
    for (const cue of segment.cues) cues.add(cue);
  }
  // Exclamation marks strengthen whatever the sentence says most.
  const bangs = Math.min(3, (text.match(/!/g) ?? []).length);
  if (bangs > 0) {
    const strongest = segments.reduce((best, segment) =>
      Math.max(segment.praise, segment.complaint) > Math.max(best.praise, best.complaint) ? segment : best,
    );
    if (strongest.praise > strongest.complaint) strongest.praise += 0.3 * bangs;
    else if (strongest.complaint > strongest.praise) strongest.complaint += 0.3 * bangs;
  }
  segments.forEach((segment, index) => {
    if (!segment.contrast) return;
    let from = index - 1;
    while (from > 0 && !(segments[from] as Segment).contrast) from -= 1;
    settle(segments.slice(Math.max(0, from), index), segment);
  });
  const contrasted =
    /^(?:but|however|still,|though|although|yet|that said|on the other hand)\b/.test(lower) ||
    /\bthough[.!]*$/.test(lower) ||
    /^[\w' ]{1,30}, (?:on the other hand|however|though),/.test(lower);
  if (contrasted || segments.some((segment) => segment.contrast)) cues.add('contrast');
  return { text, tokens, segments, cues, contrasted };
}

function net(segment: Segment): number {
  return segment.praise - segment.complaint;
}

/**
 * A contrast settles what came before it when they disagree and the later part is a verdict ("but
 * worth every penny") or answers a price concession ("not cheap, but it lasts"): then the earlier
 * part counts half and the later one and a half. Otherwise both points stand.
 */
function settle(before: readonly Segment[], after: Segment): void {
  const earlier = before.reduce((sum, segment) => sum + net(segment), 0);
  const later = net(after);
  if (earlier === 0 || later === 0 || Math.sign(earlier) === Math.sign(later)) return;
  const concession =
    later > 0 && before.some((segment) => segment.cues.has('price')) && Math.abs(earlier) <= 1.5;
  if (!after.verdict && !concession) return;
  for (const segment of before) segment.weight = Math.min(segment.weight, 0.5);
  after.weight = Math.max(after.weight, 1.5);
}

/** Between sentences: "However, …" or "…, though." settles the sentence before it the same way. */
export function settleBetween(sentences: readonly ScoredSentence[]): void {
  sentences.forEach((sentence, index) => {
    if (!sentence.contrasted || index === 0) return;
    const previous = sentences[index - 1] as ScoredSentence;
    const after =
      sentence.segments.find((segment) => net(segment) !== 0) ?? (sentence.segments[0] as Segment);
    settle(previous.segments, after);
  });
}

/** How much a segment counts: background little, verdicts more, then its contrast weight. */
export function segmentFactor(segment: Segment): number {
  return segment.weight * (segment.background ? 0.3 : 1) * (segment.verdict ? 1.5 : 1);
}

export function sentenceScore(sentence: ScoredSentence): number {
  return sentence.segments.reduce(
    (sum, segment) => sum + net(segment) * segmentFactor(segment) + segment.tail,
    0,
  );
}

export function polarityOf(score: number): Polarity {
  if (score >= 0.5) return 'positive';
  if (score <= -0.5) return 'negative';
  return 'neutral';
}
