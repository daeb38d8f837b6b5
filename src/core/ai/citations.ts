/**
 * Citations in coach answers (docs/decisions/0035-citation-markers.md). The coach is given numbered
 * passages retrieved from the brand's knowledge; an answer cites one by writing its number in square
 * brackets, `[1]`, right after the sentence that uses it. This module is the one definition of that
 * format, used by the server (to render the passages, check and clean an answer's markers and list
 * the sources it used) and by the web app (to turn markers into links).
 *
 * Pure: no I/O, so the offline coach, the engine and the browser read markers the same way.
 */
import type { Citation } from '../knowledge/contracts.ts';
import type { KnowledgeSourceType } from '../knowledge/sources.ts';
import { estimateTokens } from './context.ts';

/** A retrieved passage as the coach is given it: numbered as in the prompt, with where it opens. */
export interface CoachPassage {
  /** Its number in this answer's prompt: what `[n]` refers to. */
  n: number;
  /** The passage (knowledge chunk) id. */
  id: string;
  sourceType: KnowledgeSourceType;
  /** Where it sits, as a reader sees it ("Brand canvas · Purpose", "Price list.pdf · Page 3"). */
  label: string;
  /** The passage's text as the prompt carries it (possibly shortened to fit the budget). */
  text: string;
  /** A sentence or two of `text`, verbatim, the one most about the question. */
  quote: string;
  /** How many of the question's words the text holds: 0 means it matched on its label only. */
  matches: number;
  /** The page that opens the passage's exact place. */
  href: string;
  /** The saved field it comes from, when it is one (e.g. `purpose`, `buyerMotivation`). */
  field?: string;
}

// ------------------------------------------------------------------------------------ markers

/** Part of a text: plain text, or one citation marker. */
export type MarkedPiece = { kind: 'text'; text: string } | { kind: 'marker'; n: number };

/**
 * `[1]`, or several numbers in one pair of brackets (`[1, 2]`, which reads as `[1][2]`). A
 * bracketed number followed by `(` is a Markdown link's text, not a citation.
 */
const MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\](?!\()/g;
/** Code is quoted as written: a `[1]` in a code span or fenced block is not a citation. */
const CODE = /```[\s\S]*?(?:```|$)|`[^`\n]*`/g;

function splitOutsideCode(text: string, pieces: MarkedPiece[]): void {
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    if (match.index > last) pieces.push({ kind: 'text', text: text.slice(last, match.index) });
    for (const number of (match[1] ?? '').split(','))
      pieces.push({ kind: 'marker', n: Number(number.trim()) });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
}

/** A text cut into plain runs and citation markers, in order (adjacent text runs are merged). */
export function splitCitationMarkers(text: string): MarkedPiece[] {
  const pieces: MarkedPiece[] = [];
  let last = 0;
  for (const code of text.matchAll(CODE)) {
    splitOutsideCode(text.slice(last, code.index), pieces);
    pieces.push({ kind: 'text', text: code[0] });
    last = code.index + code[0].length;
  }
  splitOutsideCode(text.slice(last), pieces);
  const merged: MarkedPiece[] = [];
  for (const piece of pieces) {
    const previous = merged.at(-1);
    if (piece.kind === 'text' && previous?.kind === 'text') previous.text += piece.text;
    else if (piece.kind === 'marker' || piece.text) merged.push({ ...piece });
  }
  return merged;
}

/** The text with every citation marker removed (e.g. history turns shown to the model again). */
export function stripCitationMarkers(text: string): string {
  return joinPieces(splitCitationMarkers(text), () => null);
}

/**
 * Puts pieces back together, each marker replaced by what `marker` returns for it, or removed (with
 * the space before it, so "a fact [9]." becomes "a fact.") when it returns null.
 */
function joinPieces(pieces: readonly MarkedPiece[], marker: (n: number) => string | null): string {
  let out = '';
  for (const piece of pieces) {
    if (piece.kind === 'text') {
      out += piece.text;
      continue;
    }
    const replacement = marker(piece.n);
    if (replacement === null) out = out.replace(/[ \t]+$/, '');
    else out += replacement;
  }
  return out;
}

// ---------------------------------------------------------------------------------- answers

/**
 * Output fields whose text the owner can put into their own work with one click (a canvas rewrite,
 * a worksheet answer): a marker there would end up in the owner's canvas, so markers are removed
 * from them and they cite nothing.
 */
export const PASTABLE_FIELDS: ReadonlySet<string> = new Set(['rewrite', 'suggestion']);

export interface CitedOutput<T> {
  /** The answer with its markers renumbered in order of first use, and invented ones removed. */
  output: T;
  /** The passages the answer actually cites, numbered as its markers now are. */
  citations: Citation[];
  /** Marker numbers that were not among the passages given (removed from the answer). */
  invented: number[];
}

/**
 * Checks and cleans an answer's citations against the passages it was given. Every string of the
 * output is read in order: a marker of a given passage is renumbered by first use ([3] first → [1]);
 * a marker of a number that was not given is removed and reported; the citations list exactly the
 * passages cited. The same passages and answer always give the same result (cached answers too).
 */
export function citeOutput<T>(output: T, passages: readonly CoachPassage[]): CitedOutput<T> {
  const byNumber = new Map(passages.map((passage) => [passage.n, passage]));
  const renumbered = new Map<number, number>();
  const invented = new Set<number>();

  function clean(text: string, pastable: boolean): string {
    return joinPieces(splitCitationMarkers(text), (n) => {
      if (!byNumber.has(n)) {
        invented.add(n);
        return null;
      }
      if (pastable) return null;
      let shown = renumbered.get(n);
      if (shown === undefined) {
        shown = renumbered.size + 1;
        renumbered.set(n, shown);
      }
      return `[${shown}]`;
    });
  }

  function visit(value: unknown, pastable: boolean): unknown {
    if (typeof value === 'string') return clean(value, pastable);
    if (Array.isArray(value)) return value.map((item) => visit(item, pastable));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [
          key,
          visit(inner, pastable || PASTABLE_FIELDS.has(key)),
        ]),
      );
    }
    return value;
  }

  const cleaned = visit(output, false) as T;
  const citations: Citation[] = [...renumbered].flatMap(([given, shown]) => {
    const passage = byNumber.get(given);
    return passage
      ? [
          {
            n: shown,
            id: passage.id,
            sourceType: passage.sourceType,
            label: passage.label,
            quote: passage.quote,
            href: passage.href,
          },
        ]
      : [];
  });
  return { output: cleaned, citations, invented: [...invented].sort((a, b) => a - b) };
}

// ------------------------------------------------------------------------------------ quotes

/** Words that say nothing about what a question is about (PostgreSQL's list drops most others). */
const STOP_WORDS = new Set(
  (
    'the and for are but not you your yours our ours with this that these those from have has had was were ' +
    'what which who whom how why when where can could should would will shall may might must does did ' +
    'into onto about than then them they their there here its it’s also just very more most some any ' +
    'all each other such only own same too out off over under again once brand brands'
  ).split(' '),
);

/**
 * Stems already worked out. Passages and questions share a small vocabulary, and a stem is a chain of
 * regex replacements: under load the coach stemmed every word of every retrieved passage afresh, a
 * few percent of the server's CPU (ADR 0056). Cleared, not evicted one by one, when full.
 */
const knownStems = new Map<string, string>();
const KNOWN_STEMS_MAX = 20_000;

/**
 * A word's rough stem, so "customers" meets "customer", "candles" meets "candle" and "evenings"
 * meets "evening": common endings off (twice at most, keeping three letters), then a final "e".
 */
function stem(word: string): string {
  const known = knownStems.get(word);
  if (known !== undefined) return known;
  let current = word;
  for (let round = 0; round < 2; round += 1) {
    const shorter = current.replace(/(?:ing|ers|er|ed|es|s|ly)$/, '');
    if (shorter === current || shorter.length < 3) break;
    current = shorter;
  }
  const stemmed = current.length > 3 ? current.replace(/e$/, '') : current;
  if (knownStems.size >= KNOWN_STEMS_MAX) knownStems.clear();
  knownStems.set(word, stemmed);
  return stemmed;
}

/** The words of a question that can point to a passage: lower-cased, stemmed, no stop words. */
export function questionTerms(question: string): Set<string> {
  const words = question.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  return new Set(words.filter((word) => word.length >= 3 && !STOP_WORDS.has(word)).map((word) => stem(word)));
}

/**
 * Every term is at least this long (`questionTerms` keeps words of three letters or more, and `stem`
 * never cuts below three), so a shorter word of a passage can be skipped without stemming it.
 */
const MIN_TERM_LENGTH = 3;

/**
 * Calls `visit` with the offsets of each word of lower-cased text, in order. Plain ASCII text (most
 * passages) is scanned by character code, with no match object or string per word — the coach does
 * this for every sentence of every passage it quotes; other text takes the Unicode letter classes.
 */
function forEachWord(lowered: string, visit: (start: number, end: number) => void): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: any character outside ASCII is the test
  if (/[^\u0000-\u007f]/.test(lowered)) {
    for (const match of lowered.matchAll(/[\p{L}\p{N}]+/gu))
      visit(match.index, match.index + match[0].length);
    return;
  }
  let start = -1;
  for (let index = 0; index <= lowered.length; index += 1) {
    const code = index < lowered.length ? lowered.charCodeAt(index) : 0;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (start < 0) start = index;
    } else if (start >= 0) {
      visit(start, index);
      start = -1;
    }
  }
}

function termsIn(text: string, terms: ReadonlySet<string>): number {
  if (terms.size === 0) return 0;
  const lowered = text.toLowerCase();
  const found = new Set<string>();
  forEachWord(lowered, (start, end) => {
    if (end - start < MIN_TERM_LENGTH) return;
    const stemmed = stem(lowered.slice(start, end));
    if (terms.has(stemmed)) found.add(stemmed);
  });
  return found.size;
}

/**
 * How many of `terms` each part of `text` holds, and the whole text: one pass over its words.
 * Null when lower-casing changes the text's length (a few letters outside English), where positions
 * in the lower-cased text no longer match the original's.
 */
function termsPerPart(
  text: string,
  parts: readonly { start: number; end: number }[],
  terms: ReadonlySet<string>,
): { perPart: number[]; total: number } | null {
  const lowered = text.toLowerCase();
  if (lowered.length !== text.length) return null;
  const perPart = parts.map(() => 0);
  if (terms.size === 0) return { perPart, total: 0 };
  // Parts are in order and words never straddle one (parts end on punctuation, a line break or the
  // text's end), so one set serves each part in turn.
  const inPart = new Set<string>();
  const inText = new Set<string>();
  let part = 0;
  const closePart = () => {
    if (part < perPart.length) perPart[part] = inPart.size;
    inPart.clear();
    part += 1;
  };
  forEachWord(lowered, (start, end) => {
    if (end - start < MIN_TERM_LENGTH) return;
    while (part < parts.length && (parts[part]?.end ?? 0) <= start) closePart();
    const stemmed = stem(lowered.slice(start, end));
    if (!terms.has(stemmed)) return;
    inText.add(stemmed);
    if (part < parts.length && (parts[part]?.start ?? 0) <= start) inPart.add(stemmed);
  });
  while (part < parts.length) closePart();
  return { perPart, total: inText.size };
}

/** A quote longer than this is cut at a word boundary. */
export const QUOTE_MAX_CHARS = 280;
/** A best sentence shorter than this takes the next one along, if both fit. */
const SHORT_SENTENCE = 100;

/** Sentences (or lines) of a text with their positions, so a quote is an exact substring. */
function sentences(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/[^\n.!?]*(?:[.!?]+["”’)]*|\n|$)/g)) {
    const raw = match[0];
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const start = match.index + leading;
    found.push({ start, end: start + trimmed.length });
  }
  return found;
}

/** At most `max` characters of `text`, ending at a word boundary, with an ellipsis when cut. */
function clipAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.search(/\s\S*$/);
  return `${(space > 0 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

/**
 * A sentence or two of the passage, verbatim: the sentence sharing most of the question's words
 * (the first one when none does), with the next one when it is short; never cut mid-word.
 */
export function quoteFor(text: string, terms: ReadonlySet<string>): { quote: string; matches: number } {
  const parts = sentences(text);
  if (parts.length === 0) return { quote: '', matches: 0 };
  const counted = termsPerPart(text, parts, terms);
  let best = 0;
  let bestScore = -1;
  parts.forEach((part, index) => {
    const score = counted ? (counted.perPart[index] ?? 0) : termsIn(text.slice(part.start, part.end), terms);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  const first = parts[best];
  if (!first) return { quote: '', matches: 0 };
  let end = first.end;
  const next = parts[best + 1];
  if (next && first.end - first.start < SHORT_SENTENCE && next.end - first.start <= QUOTE_MAX_CHARS) {
    end = next.end;
  }
  return {
    quote: clipAtWord(text.slice(first.start, end), QUOTE_MAX_CHARS),
    matches: counted ? counted.total : termsIn(text, terms),
  };
}

// ---------------------------------------------------------------------------------- prompts

/**
 * Keeps passage text from closing (or opening) the block it sits in: the `<` of a passage tag becomes
 * a look-alike of the same length, so the budget arithmetic holds.
 */
function neutralisePassageTags(text: string): string {
  return text.replace(/<(?=\/?\s*passages?\b)/gi, '\u2039');
}

function attribute(value: string): string {
  return value.replace(/["<>]/g, (character) => (character === '"' ? '\u2033' : '')).replace(/\s+/g, ' ');
}

function renderPassage(passage: Pick<CoachPassage, 'n' | 'label' | 'text'>): string {
  return `<passage id="${passage.n}" source="${attribute(passage.label)}">\n${neutralisePassageTags(passage.text)}\n</passage>`;
}

/** Shorter than this, a passage cut to fit is not worth giving. */
const MIN_PASSAGE_CHARS = 200;

/**
 * The passages as one delimited data block, within `budgetTokens` (estimated as the prompt's other
 * parts are): passages are kept in rank order, the last one that does not fit is cut at a word
 * boundary (or left out when little room is left), and passages are numbered in order as kept,
 * from `firstNumber`.
 */
export function renderPassages<P extends Omit<CoachPassage, 'n' | 'quote' | 'matches'>>(
  ranked: readonly P[],
  budgetTokens: number,
  /** The first passage's number: a coach's search adds passages after the ones it already has. */
  firstNumber = 1,
): { rendered: string; kept: (P & { n: number })[] } {
  const open = '<passages>';
  const close = '</passages>';
  const kept: (P & { n: number })[] = [];
  let tokens = estimateTokens(`${open}\n${close}`);
  for (const passage of ranked) {
    const n = firstNumber + kept.length;
    const full = { ...passage, n };
    const cost = estimateTokens(`${renderPassage(full)}\n`);
    if (tokens + cost <= budgetTokens) {
      kept.push(full);
      tokens += cost;
      continue;
    }
    // What is left for the text once this passage's tags are paid for (≈3 characters a token).
    const room = (budgetTokens - tokens - estimateTokens(`${renderPassage({ ...full, text: '' })}\n`)) * 3;
    if (room >= MIN_PASSAGE_CHARS) {
      const text = clipAtWord(passage.text, room - 1);
      kept.push({ ...full, text });
    }
    break;
  }
  if (kept.length === 0) return { rendered: '', kept };
  return { rendered: [open, ...kept.map(renderPassage), close].join('\n'), kept };
}
