/**
 * The offline copy engine: headlines, taglines, bullets, captions, descriptions and bios written
 * from the owner's own words (the brief, the brand canvas, a customer avatar, review quotes). Used by
 * the Value Lens and by the coach's chat for copy requests, so both write the same way.
 *
 * Copy is composed, never cut: every owner text is split into whole phrases (sentences, clauses, and
 * the head of a clause before a relative clause or a second "and" clause), the phrases are dropped
 * into short templates per tone, and only candidates within the format's limit are kept. When nothing
 * fits, a candidate made of fewer or shorter whole phrases is tried, never a truncated one. An avatar
 * fear becomes relief ("No more …"), a desire becomes a benefit ("so you can …"), and who the copy is
 * for comes from the avatar's description (its occupation), never from the avatar's name.
 *
 * Pure and deterministic: the same request gives the same options.
 */
import { COPY_FORMATS, type EmotionalTrigger } from '../ai/contracts.ts';
import { COPY_FORMAT_LABELS, COPY_LIMITS, type CopyTone, copyLength } from '../ai/copy-limits.ts';
import { TRIGGER_KNOWLEDGE } from '../ai/knowledge.ts';
import type { BrandSaved } from '../ai/workspace-context.ts';
import { WORKSPACE_AREA_LABELS } from '../navigation/workspace-areas.ts';
import { hasPlaceholder } from '../workspace/canvas-completion.ts';
import { avatarAudience } from '../workspace/canvas-import.ts';
import { DEFAULT_BRAND_NAME } from '../workspace/limits.ts';

// ------------------------------------------------------------------------------ kinds and limits

/** Copy a person asks for in chat that is not one of the Value Lens formats. */
export const CHAT_COPY_KINDS = ['tagline', 'headline', 'bullets', 'bio', 'about'] as const;
export const COPY_KINDS = [...COPY_FORMATS, ...CHAT_COPY_KINDS] as const;
export type CopyKind = (typeof COPY_KINDS)[number];

/** Each kind's length limit in characters (per option, or per bullet). */
export const COPY_KIND_LIMITS: Record<CopyKind, number> = {
  ...COPY_LIMITS,
  tagline: 60,
  headline: 80,
  bullets: 250,
  bio: 150,
  about: 700,
};

export const COPY_KIND_LABELS: Record<CopyKind, string> = {
  ...COPY_FORMAT_LABELS,
  tagline: 'Tagline',
  headline: 'Headline',
  bullets: 'Bullet points',
  bio: 'Bio',
  about: 'About section',
};

const BULLET_KINDS: ReadonlySet<CopyKind> = new Set<CopyKind>(['amazon-bullets', 'bullets']);
const MAX_OPTIONS = 5;

function defaultCount(kind: CopyKind): number {
  if (kind === 'amazon-bullets') return 5;
  if (kind === 'bullets') return 4;
  if (kind === 'product-description' || kind === 'about') return 2;
  return 3;
}

/** Words that name a kind of copy, most specific first (an "ad headline" before a "headline"). */
const KIND_WORDS: readonly [RegExp, CopyKind][] = [
  [/\bamazon\b[^.?!]*\bbullets?\b|\bbullets?\b[^.?!]*\bamazon\b|\blisting bullets?\b/, 'amazon-bullets'],
  [/\bad (?:headlines?|titles?|copy)\b|\b(?:google|facebook|meta|instagram) ads?\b/, 'ad-headline'],
  [/\bsubject(?: lines?)?\b|\bemail subjects?\b/, 'email-subject'],
  [/\bhooks?\b|\b(?:reel|reels|tiktok|short video|video) (?:opening|intro|script)s?\b/, 'video-hook'],
  [/\bhero\b|\babove the fold\b|\blanding[- ]page (?:headline|copy|header)s?\b/, 'landing-hero'],
  [/\bbullets?(?: points?)?\b|\bbenefit list\b/, 'bullets'],
  [/\bproduct (?:descriptions?|copy)\b|\bdescriptions?\b/, 'product-description'],
  [/\bcaptions?\b|\b(?:social|instagram|facebook|linkedin|tiktok) posts?\b/, 'social-caption'],
  [/\btag ?lines?\b|\bslogans?\b|\bstraplines?\b|\bstrap lines?\b/, 'tagline'],
  [/\bheadlines?\b|\bheadings?\b|\bheaders?\b|\btitles?\b/, 'headline'],
  [/\bbios?\b|\bprofile description\b/, 'bio'],
  [/\babout (?:us|page|section|text)\b|\bour story\b|\bbrand story\b/, 'about'],
];

/** The kind of copy a message asks for ("three taglines" → tagline), or null when it names none. */
export function copyKindIn(message: string): CopyKind | null {
  const lower = message.toLowerCase();
  return KIND_WORDS.find(([pattern]) => pattern.test(lower))?.[1] ?? null;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };

/** How many options a message asks for ("three taglines", "5 subject lines"), within 1–5. */
export function copyCountIn(message: string): number | null {
  const match =
    /\b(\d+|one|two|three|four|five)\s+(?:\w+[\s-]+){0,3}?(?:options?|versions?|variants?|ideas?|taglines?|headlines?|titles?|subjects?|subject lines?|captions?|hooks?|bullets?|bios?|descriptions?|slogans?)\b/i.exec(
      message,
    );
  if (!match?.[1]) return null;
  const word = match[1].toLowerCase();
  const count = NUMBER_WORDS[word] ?? Number(word);
  return Number.isInteger(count) && count >= 1 ? Math.min(count, MAX_OPTIONS) : null;
}

// ----------------------------------------------------------------------------------- the request

/** A customer avatar as copy reads it: who they are (never their name as an audience), their words. */
export interface CopyAvatar {
  name: string;
  /**
   * Who they are, as the workspace describes them: "Maya (a graphic designer aged 25-34 living in a
   * city). Works from home…". The audience is read from it; without one, no audience is named.
   */
  description?: string | undefined;
  desires: readonly string[];
  fears: readonly string[];
  triggers: readonly EmotionalTrigger[];
}

/** What the brand has saved that copy may draw on. Every field is optional: missing is said, not invented. */
export interface CopyBrand {
  name?: string | undefined;
  positioning?: string | undefined;
  valueProposition?: string | undefined;
  purpose?: string | undefined;
  values?: readonly string[] | undefined;
  personality?: readonly string[] | undefined;
  voice?: string | undefined;
  avatar?: CopyAvatar | null | undefined;
  /** Short verbatim customer quotes (from reviews), quoted as written. */
  reviewQuotes?: readonly string[] | undefined;
}

export interface CopyRequest {
  format: CopyKind;
  /** How many options (or bullets); defaults per kind, at most 5. */
  count?: number | undefined;
  tone: CopyTone;
  product?: string | undefined;
  category?: string | undefined;
  features?: readonly string[] | undefined;
  /** Who it is for, in the owner's words; overrides the avatar's description. */
  audience?: string | undefined;
  /** The feeling to lead with; defaults to the avatar's first trigger. */
  payoff?: EmotionalTrigger | undefined;
  brand: CopyBrand;
  /** Where the copy is shown, so notes point at the right place to add what is missing. */
  surface?: 'value-lens' | 'chat' | undefined;
}

/** The saved fields (and brief fields) an option can draw on. */
export const COPY_SOURCES = [
  'product',
  'category',
  'features',
  'audience',
  'brandName',
  'positioning',
  'valueProposition',
  'purpose',
  'values',
  'avatarDescription',
  'avatarFears',
  'avatarDesires',
  'reviews',
] as const;
export type CopySource = (typeof COPY_SOURCES)[number];

export interface CopyResult {
  options: string[];
  notes: string[];
  /** Per option (same order): which fields it was built from. */
  uses: CopySource[][];
}

/**
 * The brand as the copy engine reads it, from the workspace summary the coach already holds: the
 * canvas, and one saved avatar described as the Value Lens describes it (occupation, age, place,
 * lifestyle), so chat and the Value Lens write from the same material.
 */
export function copyBrandFromSaved(name: string, saved: BrandSaved, avatarIndex = 0): CopyBrand {
  const canvas = saved.canvas;
  const avatar = saved.avatars[avatarIndex] ?? null;
  return {
    name,
    positioning: canvas?.positioning,
    valueProposition: canvas?.valueProposition,
    purpose: canvas?.purpose,
    values: canvas?.values ?? [],
    personality: canvas?.personality ?? [],
    voice: canvas?.voice,
    avatar: avatar
      ? {
          name: avatar.name,
          description: [avatarAudience(avatar), avatar.demographics.lifestyle.trim()]
            .filter(Boolean)
            .join('. '),
          desires: avatar.psychology.desires,
          fears: avatar.psychology.fears,
          triggers: avatar.psychology.triggers,
        }
      : null,
  };
}

// ------------------------------------------------------------------------------- text utilities

/** Short words that are never acronyms, so "MADE IN THE UK" keeps "UK" but not "THE". */
const COMMON_SHORT = new Set(
  `a an the and or but nor for so yet of in on at to by up as is it its be we us our you my me no not all any new big one two six ten day way get got can out off own per via use too now how who why won pro top fun kid pet dog cat eco raw dry wet hot fit low bad old age men man her his him she they are was has had did do does go see say set let lot few may put run try buy pay eat sip mix bag box cup jar kit tea gym spa car van bar art oil wax tin map app web net job tax fee joy son mum mom dad sun sea air ice fur fir oak elm ash`.split(
    ' ',
  ),
);

/** Function words that start a sentence without making the next word a proper noun. */
const STOP_WORDS = new Set(
  'a an the and or but to of in on for with by at as is are am be we our us i my you your it its this that they their who which so from not no'.split(
    ' ',
  ),
);

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Mostly capitals: "SCENTED ONLY WITH ESSENTIAL OILS". */
function isShouted(text: string): boolean {
  let letters = 0;
  let upper = 0;
  let words = 0;
  let inWord = false;
  for (const character of text) {
    const lower = character.toLowerCase();
    const isLetter = lower !== character.toUpperCase();
    if (isLetter) {
      letters += 1;
      if (character !== lower) upper += 1;
      if (!inWord) words += 1;
    }
    inWord = isLetter;
  }
  if (words === 1) return letters >= 5 && upper === letters;
  return letters >= 6 && upper / letters > 0.8;
}

/** Every word capitalised: "Ready In Five Minutes". */
function isTitleCased(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}'’]*/gu) ?? [];
  if (words.length < 3) return false;
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word));
  return (
    capitalised.length >= 3 &&
    capitalised.length === words.length &&
    words.some((word, index) => index > 0 && STOP_WORDS.has(word.toLowerCase()))
  );
}

/**
 * Lower-cases shouted and Title Cased text (keeping short acronyms, figures and known proper words),
 * so the owner's phrase reads as a phrase inside a sentence.
 */
function normaliseCase(text: string, proper: ReadonlySet<string>): string {
  if (isShouted(text)) {
    return text.replace(/[\p{L}\p{N}]+/gu, (run) => {
      if (/\p{N}/u.test(run)) return run;
      if (run.length <= 3 && !COMMON_SHORT.has(run.toLowerCase())) return run;
      return run.toLowerCase();
    });
  }
  if (isTitleCased(text)) {
    let first = true;
    return text.replace(/\p{L}+/gu, (run) => {
      if (first) {
        first = false;
        return run;
      }
      return /^\p{Lu}\p{Ll}+$/u.test(run) && !proper.has(run) ? run.toLowerCase() : run;
    });
  }
  return text;
}

const QUOTES_OPEN = /^["“”«„'‘]+/;
const QUOTES_CLOSE = /["“”»'’]+$/;

/**
 * One owner phrase, tidied: spaces collapsed, list markers, wrapping quotes and edge punctuation
 * removed, repeated punctuation made single, shouting and Title Case lowered. Empty when nothing with
 * a letter or figure is left, or when it holds a template placeholder.
 */
function cleanPhrase(raw: string, proper: ReadonlySet<string>, keepCase = false): string {
  let text = collapse(raw)
    .replace(/^(?:[-*•·▪–—>]+|\d{1,2}[.)])\s+/u, '')
    // An ellipsis inside a phrase is a pause, not a cut: it reads as a comma.
    .replace(/\s*(?:…|\.{3,})\s*(?=[\p{L}\p{N}])/gu, ', ')
    .replace(/([!?.,;:])\1+/g, '$1')
    .replace(/[!?]{2,}/g, (run) => run.charAt(0));
  const quoted = QUOTES_OPEN.test(text);
  text = text.replace(QUOTES_OPEN, '');
  if (quoted) text = text.replace(QUOTES_CLOSE, '');
  text = text
    .replace(/^[\s,.;:!?…\-–—/|]+/u, '')
    .replace(/[\s,.;:!?…\-–—/|]+$/u, '')
    .replace(/\s+([,;:])/g, '$1')
    .trim();
  // A fill-in-the-blanks template (a bracketed blank such as "[ customer ]", or "{{name}}") left in a field is not the owner's words.
  if (!/[\p{L}\p{N}]/u.test(text) || hasPlaceholder(text) || /\{[^}]*\}/.test(text)) return '';
  if (keepCase) return text;
  return normaliseCase(text, proper).replace(/\bi\b(?=[\s'’]|$)/g, 'I');
}

/** The first word's letters, for case decisions. */
function firstWord(text: string): string {
  return /^[\p{L}\p{N}'’-]+/u.exec(text)?.[0] ?? '';
}

/** Lower-cases the first letter when it is capitalised only because the phrase began a sentence. */
function embed(text: string, proper: ReadonlySet<string>): string {
  const word = firstWord(text);
  if (!word || word === 'I' || /^I['’]/.test(word)) return text;
  if (!/^\p{Lu}[\p{Ll}'’-]*$/u.test(word) || proper.has(word)) return text;
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** Capitalises the first letter (after any emoji or quote), unless the word has its own inner capitals. */
function capital(text: string): string {
  return text.replace(
    /^([^\p{L}\p{N}]{0,4})(\p{Ll})([\p{L}'’-]*)/u,
    (match, before: string, letter: string, rest) =>
      /\p{Lu}/u.test(rest) ? match : `${before}${letter.toUpperCase()}${rest}`,
  );
}

/** "a" or "an" before a word, by how it sounds. */
function articleFor(word: string): 'a' | 'an' {
  if (/^\p{Lu}{2,}/u.test(word) && !/^\p{Lu}\p{Ll}/u.test(word))
    return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a';
  if (/^\d/.test(word)) return /^(?:8|1[18](?:\D|$))/.test(word) ? 'an' : 'a';
  const lower = word.toLowerCase();
  if (/^(?:hour|honest|honou?r|heir)/.test(lower)) return 'an';
  if (/^(?:uni|use|usu|uti|uro|eu|ewe|one\b|once)/.test(lower)) return 'a';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}

/** Corrects "a"/"an" before each word (a capital "A" only where a sentence starts). */
function fixArticles(text: string): string {
  if (!/\ban?\s/i.test(text)) return text;
  return text.replace(
    /(?<![\p{L}\p{N}'’-])(an?|An?)(\s+)([\p{L}\p{N}][\p{L}\p{N}'’-]*)/gu,
    (match, article: string, space: string, word: string, offset: number) => {
      if (article[0] === 'A' && !/(?:^|[.!?:]\s+)$/.test(text.slice(Math.max(0, offset - 3), offset)))
        return match;
      const wanted = articleFor(word);
      const cased = article[0] === 'A' ? `${wanted[0]?.toUpperCase()}${wanted.slice(1)}` : wanted;
      return `${cased}${space}${word}`;
    },
  );
}

/** The final pass over composed copy: spacing, punctuation where pieces meet, sentence capitals, articles. */
function tidy(text: string): string {
  const lines = text.split('\n').map((line) =>
    line
      .replace(/[ \t]+/g, ' ')
      .replace(/ +([,.;:!?])/g, '$1')
      .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
      .replace(/[,;:]\s*([.!?])/g, '$1')
      .replace(/([.!?])(?:\s*\.)+/g, '$1')
      .replace(/([.!?])\s*[,;:]/g, '$1')
      .replace(
        /([.!?]\s+)([^\p{L}\p{N}]{0,3})(\p{Ll})([\p{L}'’-]*)/gu,
        (match, end, between, letter, rest) =>
          /\p{Lu}/u.test(rest) ? match : `${end}${between}${letter.toUpperCase()}${rest}`,
      )
      .trim(),
  );
  return fixArticles(
    capital(
      lines
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    ),
  );
}

/** A standalone sentence: capital first, closed with a full stop unless it asks or exclaims. */
function sentence(text: string): string {
  const body = capital(text.trim());
  return /[.!?…]["”’)]?$/.test(body) ? body : `${body}.`;
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
}

/** Letters and figures only, lower-cased: two options that differ only in punctuation are the same. */
function sameKey(text: string): string {
  return wordsOf(text.toLowerCase()).join(' ');
}

// ---------------------------------------------------------------------------- phrases of a text

/** Where a text splits into sentences. */
const SENTENCE_END = /(?<=[.!?…])\s+|\n+|(?<=\S)\s*[•▪]\s*/u;
/** Where a sentence splits into clauses: commas, semicolons, colons, dashes, brackets, slashes, ellipses. */
const CLAUSE_BREAK = /,\s+|;\s*|:\s+|\s+[—–-]\s+|(?<!\d)\s*[—–]\s*(?!\d)|\s*\(\s*|\s*\)\s*|\s+\/\s+|\.{3}|…/u;
/** Where a clause's head ends: before a relative clause or a "because"/"so that" clause. */
const HEAD_BREAK = /\s+(?:that|which|who|whose|where|because|so that|while|whereas)\s+/iu;

/** "…that turn a late night into an evening ritual": a change the owner describes, before and after. */
const TRANSFORMATION = /\b(?:turns?|transforms?|changes?|makes?)\s+(.+?)\s+into\s+(.+)$/iu;

/**
 * The change a clause describes, as "from … to …" lines (the owner's own before and after, the after
 * whole and then its head: "an evening ritual that sticks" → "an evening ritual"), then the after
 * on its own when it is a phrase of three words or more.
 */
function transformationsOf(clause: string): string[] {
  const match = TRANSFORMATION.exec(clause);
  const before = match?.[1]?.trim();
  const after = match?.[2]?.trim().replace(/[.!?]+$/u, '');
  if (!before || !after || wordsOf(before).length < 2) return [];
  const afterHead = after.split(HEAD_BREAK)[0] ?? '';
  const changes = [...new Set([after, afterHead])]
    .filter((end) => wordsOf(end).length >= 2)
    .map((end) => `from ${before} to ${end}`);
  return wordsOf(after).length >= 3 ? [...changes, after] : changes;
}

/** "Soy candles that burn clean…": the thing named, and what the relative clause says it does. */
const RELATIVE_CLAUSE = /^(.+?)\s+(?:that|which)\s+(.+)$/iu;
/** A head that is a prepositional phrase ("with pockets that…"): its clause is not about the product. */
const PREPOSITION_HEAD = /^(?:with|for|in|of|from|by|at|on|to|into|without)\b/iu;
const ADVERBS = new Set([
  'still',
  'never',
  'always',
  'really',
  'actually',
  'also',
  'just',
  'even',
  'finally',
]);
const MODALS = new Set(['can', 'will', 'would', 'could', 'should', 'may', 'might', 'must', "won't", "can't"]);
/** Verbs a product line cannot open with ("Is…", "Are…"). */
const NOT_OPENING = new Set(['is', 'are', 'was', 'were', 'be', 'been', "isn't", "aren't"]);
const IRREGULAR: Record<string, string> = { have: 'has', do: 'does', go: 'goes' };

/** A verb as it follows the product's name: "burn" → "burns", "carry" → "carries", "has" kept. */
function thirdPerson(verb: string): string | null {
  const lower = verb.toLowerCase();
  if (NOT_OPENING.has(lower)) return null;
  if (MODALS.has(lower)) return verb;
  const irregular = IRREGULAR[lower];
  if (irregular) return irregular;
  if (/[^s]s$/.test(lower) || lower === 'has' || lower === 'does') return verb;
  if (/(?:s|sh|ch|x|z|o)$/.test(lower)) return `${verb}es`;
  if (/[^aeiou]y$/.test(lower)) return `${verb.slice(0, -1)}ies`;
  return /^[a-z'-]+$/.test(lower) ? `${verb}s` : null;
}

/**
 * What a relative clause says the product does, as a line of its own: "Hand-poured soy candles that
 * burn clean for 60 hours and turn the laptop-off moment into a ritual" → "burns clean for 60 hours
 * and turns the laptop-off moment into a ritual", "burns clean for 60 hours", "turns the laptop-off
 * moment into a ritual". A second predicate is split off only where "and" is followed by a verb and
 * its object ("and turn the…"), never inside a list of things ("two kids and the weekly shop").
 */
function predicatesOf(clause: string): string[] {
  const match = RELATIVE_CLAUSE.exec(clause.trim());
  const head = match?.[1] ?? '';
  const predicate = match?.[2]?.replace(/[.!?]+$/u, '') ?? '';
  if (!predicate || PREPOSITION_HEAD.test(head) || wordsOf(head).length === 0) return [];
  const conjugate = (text: string): string | null => {
    const words = text.split(/\s+/);
    const verbAt = ADVERBS.has(words[0]?.toLowerCase() ?? '') ? 1 : 0;
    const verb = words[verbAt];
    const agreed = verb ? thirdPerson(verb) : null;
    if (!agreed || words.length - verbAt < 2) return null;
    return [...words.slice(0, verbAt), agreed, ...words.slice(verbAt + 1)].join(' ');
  };
  const split =
    /^(.+?)\s+and\s+([a-z]+\s+(?:the|a|an|your|our|their|its|it|them|you|every|each|any|all)\b.*)$/iu.exec(
      predicate,
    );
  const pieces = split?.[1] && split[2] ? [predicate, split[1], split[2]] : [predicate];
  const lines: string[] = [];
  for (const piece of pieces) {
    const whole = conjugate(piece);
    const joined = whole && piece === predicate && split?.[2] ? conjugateJoined(whole, split[2]) : whole;
    if (joined) lines.push(joined);
  }
  return lines;

  /** "burns clean … and turn the…" → "… and turns the…": both verbs agree with the product. */
  function conjugateJoined(whole: string, second: string): string | null {
    const agreed = conjugate(second);
    const at = whole.lastIndexOf(second);
    return agreed && at >= 0 ? `${whole.slice(0, at)}${agreed}` : null;
  }
}

/**
 * The whole phrases of a text, longest first: sentences, their clauses, then clause heads, then the
 * change a clause describes ("from a late night to an evening ritual") and what a relative clause
 * says the product does ("carries two kids and the weekly shop up any hill").
 */
function phrasesOf(text: string, proper: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const add = (raw: string) => {
    const clean = cleanPhrase(raw, proper);
    if (clean && !found.includes(clean)) found.push(clean);
  };
  const sentences = collapse(text.replace(/\r/g, '')).length
    ? text.replace(/\r/g, '').split(SENTENCE_END)
    : [];
  // Several sentences (or lines) are first used together, each closed as the owner closed it.
  const whole = sentences.flatMap((piece) => {
    const clean = cleanPhrase(piece, proper);
    return clean ? [{ clean, end: /[!?]/.exec(piece.trim().slice(-1))?.[0] ?? '.' }] : [];
  });
  if (whole.length > 1)
    found.push(
      whole
        .map((entry, index) => (index < whole.length - 1 ? `${entry.clean}${entry.end}` : entry.clean))
        .join(' '),
    );
  for (const piece of sentences) add(piece);
  // A one-word clause ("Hot" of "Hot, protein-rich kits") is an adjective cut from its noun.
  for (const piece of sentences)
    for (const clause of piece.split(CLAUSE_BREAK)) if (wordsOf(clause).length >= 2) add(clause);
  for (const piece of sentences)
    for (const clause of piece.split(CLAUSE_BREAK)) {
      const head = clause.split(HEAD_BREAK)[0] ?? '';
      if (wordsOf(head).length >= 2 && head.length < clause.length) add(head);
      // "no added sugar and no preservatives": the first of two real clauses joined by "and".
      const pair = /^(.+?)\s+(?:and|but|or)\s+(.+)$/iu.exec(clause);
      if (pair?.[1] && pair[2] && wordsOf(pair[1]).length >= 3 && wordsOf(pair[2]).length >= 2) add(pair[1]);
    }
  for (const piece of sentences)
    for (const clause of piece.split(CLAUSE_BREAK)) {
      for (const change of transformationsOf(clause)) add(change);
      for (const line of predicatesOf(clause)) add(line);
    }
  return found;
}

/**
 * Words the owner capitalises in the middle of a phrase ("made in Portugal"): proper names, kept
 * capitalised wherever their phrase is used.
 */
function properWords(texts: readonly string[]): Set<string> {
  const proper = new Set<string>();
  for (const text of texts) {
    for (const piece of text.split(/[.!?\n:;,()—–]+/u)) {
      if (isShouted(piece) || isTitleCased(piece)) continue;
      wordsOf(piece)
        .slice(1)
        .filter((word) => /^\p{Lu}\p{Ll}/u.test(word))
        .forEach((word) => {
          proper.add(word);
        });
    }
  }
  return proper;
}

// ------------------------------------------------------------------------- the customer's voice

/**
 * How a fear or desire reads, which decides the template it fits: a noun phrase ("hidden fees"), a
 * gerund ("wasting money"), a bare verb ("look unprofessional", from "to look…"), a clause with its
 * own subject ("you'll get a surprise bill"), "worry" (an "afraid of"/possessive phrase taken as
 * something to worry about), or "not" ("not being taken seriously").
 */
type Form = 'noun' | 'gerund' | 'verb' | 'clause' | 'worry' | 'not';

interface Voiced {
  /** Rewritten to speak to the customer ("my" → "your"), first letter as in a sentence's middle. */
  text: string;
  form: Form;
  /** As the owner wrote it (tidied), for notes. */
  original: string;
  role: 'fear' | 'desire';
  /** Which of the avatar's fears or desires it is. */
  index: number;
}

const COMMON_VERBS = new Set(
  `feel look be become get have save spend know make keep find stop start grow win enjoy avoid stay build earn reach impress relax take give go do see eat live lose gain create focus breathe waste run fail miss forget buy pay choose learn sleep wake struggle worry end fall break seem sound appear disappoint regret hire launch scale sell attract land stand show share connect belong matter afford cook drink switch spend switch turn treat wear smell taste hear fit come leave move travel read write sit walk talk speak ask answer help care trust love deal juggle manage cope handle overpay overspend burn shop order open close finish`.split(
    ' ',
  ),
);

const NOT_GERUNDS = new Set(
  'morning evening nothing something everything anything thing things spring king ring string wedding clothing bedding ceiling pudding building darling sibling earring ingredients icing'.split(
    ' ',
  ),
);

const AUXILIARIES = new Set(
  "is are am was were will can cannot could would should shall might may must do does did don't doesn't didn't won't can't couldn't wouldn't shouldn't isn't aren't wasn't weren't has have had hasn't haven't".split(
    ' ',
  ),
);

/**
 * The customer's own first-person words, turned to speak to them. Third person ("they", "their") is
 * left as written: it may be the customer or someone else (their kids, their dog).
 */
const SECOND_PERSON: Record<string, string> = {
  i: 'you',
  me: 'you',
  my: 'your',
  mine: 'yours',
  myself: 'yourself',
  "i'm": "you're",
  "i've": "you've",
  "i'll": "you'll",
  "i'd": "you'd",
  we: 'you',
  us: 'you',
  our: 'your',
  ours: 'yours',
  ourselves: 'yourselves',
  "we're": "you're",
  "we've": "you've",
  "we'll": "you'll",
  "we'd": "you'd",
};

/** Speaks to the customer: "I'll get a bill" → "you'll get a bill", "my kids" → "your kids". */
function toSecondPerson(text: string): string {
  return text
    .replace(/\bI\s+am\b/g, 'you are')
    .replace(/\bwe\s+are\b/gi, 'you are')
    .replace(/[\p{L}]+(?:['’][\p{L}]+)?/gu, (word) => {
      if (/^\p{Lu}{2,}$/u.test(word)) return word;
      const apostrophe = word.includes('’') ? '’' : "'";
      const swapped = SECOND_PERSON[word.toLowerCase().replace('’', "'")];
      if (!swapped) return word;
      const styled = swapped.replace("'", apostrophe);
      return /^\p{Lu}/u.test(word) && word !== 'I' ? capital(styled) : styled;
    });
}

/** Words that open a clause of its own: "they'll judge me", "I can't keep up". */
const PRONOUN_SUBJECTS = new Set(['i', 'we', 'they', 'you', 'he', 'she']);
/** Nouns that open a clause only when a verb follows: "people will laugh", not "people like me". */
const NOUN_SUBJECTS = new Set(['it', 'people', 'customers', 'everyone', 'others', 'nobody']);
const POSSESSIVES = new Set(['my', 'our', 'their', 'your', 'his', 'her']);

function isContraction(word: string): boolean {
  return /['’](?:ll|re|m|ve|d|s)$|n['’]t$/i.test(word);
}

/** Reads one fear or desire; null when nothing of it is left to write with. */
function voiced(
  raw: string,
  role: 'fear' | 'desire',
  index: number,
  proper: ReadonlySet<string>,
): Voiced | null {
  const original = cleanPhrase(raw, proper);
  if (!original) return null;
  let text = original;
  let form: Form | null = null;
  const lead = (pattern: RegExp): boolean => {
    const match = pattern.exec(text);
    if (!match) return false;
    text = text.slice(match[0].length).trim();
    return true;
  };
  if (
    lead(
      /^(?:i|we|they|you)\s+(?:really\s+)?(?:want|wish|hope|need|would love|would like|['’]d like|['’]d love)\s+to\s+/i,
    )
  )
    form = 'verb';
  else if (
    lead(/^(?:wants?|wishes|hopes?|needs?|would love|would like|longs?|dreams? of being able)\s+to\s+/i)
  )
    form = 'verb';
  else if (lead(/^(?:i|we|they|you)\s+(?:really\s+)?(?:want|need|would love|would like)\s+/i)) form = null;
  else if (lead(/^(?:wants?|needs?|dreams? of|longs? for)\s+/i)) form = null;
  if (role === 'fear' && form === null) {
    if (
      lead(
        /^(?:(?:is|are|being|feeling|feel|gets?|getting)\s+)?(?:scared|afraid|worried|anxious|nervous|concerned|frightened|terrified)\s+(?:of|about|by)\s+/i,
      )
    )
      form = 'worry';
    else if (lead(/^(?:worr(?:y|ies|ying)|fears?)\s+(?:about|over)\s+/i)) form = 'worry';
    else if (lead(/^(?:(?:is|are|being)\s+)?(?:worried|scared|afraid|fearful)\s+(?:that\s+)?/i))
      form = 'clause';
  }
  if (lead(/^to\s+/i)) form = 'verb';
  if (!text || !/[\p{L}\p{N}]/u.test(text)) return null;

  const words = wordsOf(text.toLowerCase());
  const first = words[0] ?? '';
  const second = words[1] ?? '';
  const finite = (word: string) => AUXILIARIES.has(word.replace('’', "'")) || isContraction(word);
  if (form === null) {
    if (first === 'not') form = 'not';
    // "they'll judge me", "I can't keep up", "it won't work", "people will laugh": a whole clause.
    else if (
      PRONOUN_SUBJECTS.has(first.split(/['’]/)[0] ?? '') &&
      (PRONOUN_SUBJECTS.has(first) || isContraction(first))
    )
      form = 'clause';
    else if ((NOUN_SUBJECTS.has(first) && finite(second)) || (first.startsWith('it') && isContraction(first)))
      form = 'clause';
    else if (POSSESSIVES.has(first))
      form = words.some(finite) ? 'clause' : role === 'fear' ? 'worry' : 'noun';
    else if (first.length >= 5 && first.endsWith('ing') && !NOT_GERUNDS.has(first) && second !== 'of')
      form = 'gerund';
    else if (COMMON_VERBS.has(first) && words.length >= 2) form = 'verb';
    else {
      // "looks unprofessional", "wastes money": the verb without its third-person -s.
      const base =
        first.endsWith('es') && COMMON_VERBS.has(first.slice(0, -2))
          ? first.slice(0, -2)
          : first.endsWith('s') && COMMON_VERBS.has(first.slice(0, -1))
            ? first.slice(0, -1)
            : null;
      if (base && words.length >= 2) {
        text = `${base}${text.slice(firstWord(text).length)}`;
        form = 'verb';
      } else form = 'noun';
    }
  }
  text = embed(toSecondPerson(text), proper);
  return { text, form, original, role, index };
}

// --------------------------------------------------------------------------------- the audience

interface Audience {
  text: string;
  source: 'audience' | 'avatarDescription';
}

const HEAD_STOPS = new Set(
  'aged age living who that which with from based in at on for between over under around working whose'.split(
    ' ',
  ),
);

/** "founder" → "founders", "nanny" → "nannies", "coach" → "coaches"; phrases already plural stay. */
function pluralOf(word: string): string {
  const lower = word.toLowerCase();
  const irregular: Record<string, string> = {
    man: 'men',
    woman: 'women',
    person: 'people',
    child: 'children',
    wife: 'wives',
    staff: 'staff',
    people: 'people',
    chef: 'chefs',
    chief: 'chiefs',
  };
  const known = irregular[lower];
  if (known) return /^\p{Lu}/u.test(word) ? capital(known) : known;
  if (/^\p{Lu}{2,}$/u.test(word)) return `${word}s`;
  if (/(?:ed|ing)$/.test(lower)) return `${word} people`;
  if (/[^aeiou]y$/.test(lower)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/.test(lower))
    return lower.endsWith('ss') || !lower.endsWith('s') ? `${word}es` : word;
  return `${word}s`;
}

/** "a graphic designer aged 25-34" → "graphic designers"; "a head of marketing" → "heads of marketing". */
function pluralAudience(phrase: string): string | null {
  const words = phrase.replace(/^(?:an?|one)\s+/i, '').split(/\s+/);
  const kept: string[] = [];
  let ofTail: string[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    if (lower === 'of' && kept.length > 0) {
      ofTail = [word];
      continue;
    }
    if (ofTail.length > 0) {
      if (HEAD_STOPS.has(lower)) break;
      ofTail.push(word);
      continue;
    }
    if (HEAD_STOPS.has(lower)) break;
    kept.push(word);
  }
  const head = kept.at(-1);
  if (!head || !/\p{L}/u.test(head)) return null;
  return [...kept.slice(0, -1), pluralOf(head), ...ofTail].join(' ');
}

const NOT_AN_AUDIENCE = /^(?:i|we|he|she|they|it|this|that|there|his|her|their|my|our)\b/i;

/**
 * Who the copy is for, from the owner's typed audience or the avatar's description: never the
 * avatar's name. The workspace writes a description as "Name (a nurse aged 25-34 …). Lifestyle".
 */
function audienceOf(request: CopyRequest, proper: ReadonlySet<string>): Audience | null {
  const typed = request.audience ? cleanPhrase(request.audience.split(/[.!?\n;]/)[0] ?? '', proper) : '';
  if (typed) {
    const text = /^an?\s/i.test(typed) ? pluralAudience(typed) : typed;
    if (text) return { text: embed(text, proper), source: 'audience' };
  }
  const avatar = request.brand.avatar;
  const description = collapse(avatar?.description ?? '');
  if (!avatar || !description) return null;
  const name = collapse(avatar.name);
  let rest = description;
  if (name && rest.toLowerCase().startsWith(name.toLowerCase())) {
    rest = rest.slice(name.length);
    const bracketed = /^\s*\(([^)]*)\)/.exec(rest);
    // "Maya (a nurse …)", "Maya, a nurse …", "Maya is a nurse …".
    rest = bracketed ? (bracketed[1] ?? '') : rest.replace(/^\s*(?:[,:—–-]|\bis\b)?\s*/i, '');
  }
  const first = cleanPhrase(rest.split(/[.!?\n;:,()]/)[0] ?? '', proper);
  if (!first || NOT_AN_AUDIENCE.test(first)) return null;
  if (name && first.toLowerCase() === name.toLowerCase()) return null;
  let text: string | null;
  if (/^an?\s/i.test(first)) text = pluralAudience(first);
  else {
    const words = wordsOf(first.toLowerCase());
    // A free description ("Busy parents of toddlers") is used only when it reads as a noun phrase.
    text =
      words.length <= 6 && !words.some((word) => AUXILIARIES.has(word) || isContraction(word)) ? first : null;
  }
  if (!text || (name && text.toLowerCase() === name.toLowerCase())) return null;
  return { text: embed(text, proper), source: 'avatarDescription' };
}

// ------------------------------------------------------------------------- ingredients and tones

type Angle = 'relief' | 'desire' | 'proposition' | 'feature' | 'audience' | 'proof' | 'product';

interface Bit {
  text: string;
  uses: CopySource[];
  /** Which owner phrase it is, so options can lead with different ones. */
  key: string;
}

interface Ingredients {
  /** The product, or the brand when there is no product. */
  name: Bit | null;
  category: string | null;
  /** Per feature: its whole phrases, longest first. */
  features: Bit[][];
  proposition: Bit[];
  positioning: Bit[];
  purpose: Bit[];
  values: string[];
  audience: Audience | null;
  fears: Voiced[];
  desires: Voiced[];
  quotes: string[];
  proper: ReadonlySet<string>;
}

function usableName(name: string | undefined): string | null {
  const trimmed = collapse(name ?? '');
  return trimmed && trimmed.toLowerCase() !== DEFAULT_BRAND_NAME.toLowerCase() ? trimmed : null;
}

function gather(request: CopyRequest): Ingredients {
  const { brand } = request;
  const avatar = brand.avatar ?? null;
  const ownerTexts = [
    ...(request.features ?? []),
    brand.positioning ?? '',
    brand.valueProposition ?? '',
    brand.purpose ?? '',
    ...(avatar?.fears ?? []),
    ...(avatar?.desires ?? []),
    avatar?.description ?? '',
  ];
  const proper = properWords(ownerTexts);
  for (const name of [request.product, brand.name]) for (const word of wordsOf(name ?? '')) proper.add(word);

  const product = usableName(request.product);
  const brandName = usableName(brand.name);
  const name: Bit | null = product
    ? { text: product, uses: ['product'], key: 'product' }
    : brandName
      ? { text: brandName, uses: ['brandName'], key: 'brand' }
      : null;
  const unit = (text: string | undefined, source: CopySource, key: string): Bit[] =>
    phrasesOf(text ?? '', proper).map((phrase, index) => ({
      text: phrase,
      uses: [source],
      key: `${key}:${index}`,
    }));
  const features = (request.features ?? [])
    .map((feature, index) =>
      unit(feature, 'features', `feature${index}`).map((bit) => ({ ...bit, key: `feature${index}` })),
    )
    .filter((bits) => bits.length > 0);
  const category = cleanPhrase(request.category ?? '', proper);
  const values = (brand.values ?? []).map((value) => cleanPhrase(value, proper)).filter(Boolean);
  const fears = (avatar?.fears ?? [])
    .map((fear, index) => voiced(fear, 'fear', index, proper))
    .filter((fear): fear is Voiced => fear !== null);
  const desires = (avatar?.desires ?? [])
    .map((desire, index) => voiced(desire, 'desire', index, proper))
    .filter((desire): desire is Voiced => desire !== null);
  const quotes = (brand.reviewQuotes ?? [])
    // A customer's words keep their own casing: they are quoted, not rewritten.
    .map((quote) => cleanPhrase(quote, proper, true))
    .filter((quote) => quote && !/["“”]/.test(quote));
  return {
    name,
    category: category ? embed(category, proper) : null,
    features,
    proposition: unit(brand.valueProposition, 'valueProposition', 'proposition'),
    positioning: unit(brand.positioning, 'positioning', 'positioning'),
    purpose: unit(brand.purpose, 'purpose', 'purpose'),
    values,
    audience: audienceOf(request, proper),
    fears,
    desires,
    quotes,
    proper,
  };
}

interface ToneWords {
  /** Opens an audience line: "Made for busy parents". */
  madeFor: string;
  /** A closing call to action. */
  cta: (name: string) => string;
  /** Relief templates in the order this tone prefers. */
  relief: readonly ReliefFrame[];
}

type ReliefFrame = 'positive' | 'noMore' | 'goodbye' | 'notWith' | 'notAnymore';

const TONES: Record<CopyTone, ToneWords> = {
  warm: {
    madeFor: 'Made for',
    cta: (name) => `Say hello to ${name}.`,
    relief: ['positive', 'noMore', 'goodbye', 'notWith', 'notAnymore'],
  },
  confident: {
    madeFor: 'Built for',
    cta: (name) => `Get ${name}.`,
    relief: ['notWith', 'positive', 'noMore', 'goodbye', 'notAnymore'],
  },
  playful: {
    madeFor: 'Made for',
    cta: (name) => `Go on, meet ${name}.`,
    relief: ['notAnymore', 'goodbye', 'positive', 'notWith', 'noMore'],
  },
  premium: {
    madeFor: 'Crafted for',
    cta: (name) => `Discover ${name}.`,
    relief: ['positive', 'noMore', 'notWith', 'goodbye', 'notAnymore'],
  },
  plain: {
    madeFor: 'For',
    cta: (name) => `Try ${name}.`,
    relief: ['noMore', 'positive', 'notWith', 'goodbye', 'notAnymore'],
  },
};

/** Which angle leads, per emotional payoff; without one, relief first (benefit-led copy). */
const LEAD: Record<EmotionalTrigger | 'none', readonly Angle[]> = {
  none: ['relief', 'desire', 'proposition', 'feature', 'audience', 'proof'],
  relief: ['relief', 'feature', 'proposition', 'desire', 'audience', 'proof'],
  hope: ['desire', 'proposition', 'relief', 'feature', 'audience', 'proof'],
  aspiration: ['desire', 'audience', 'proposition', 'feature', 'relief', 'proof'],
  empowerment: ['desire', 'feature', 'proposition', 'relief', 'audience', 'proof'],
  trust: ['feature', 'proof', 'proposition', 'relief', 'desire', 'audience'],
  belonging: ['audience', 'desire', 'proposition', 'proof', 'feature', 'relief'],
  validation: ['proof', 'desire', 'proposition', 'feature', 'relief', 'audience'],
};

/** What each lead angle is built from: the fields that show it was used, and what to add when it is missing. */
const ANGLE_MATERIAL: Record<Angle, { fields: readonly CopySource[]; needs: string }> = {
  relief: { fields: ['avatarFears'], needs: 'a fear on your avatar' },
  desire: { fields: ['avatarDesires'], needs: 'a desire on your avatar' },
  proposition: {
    fields: ['valueProposition', 'positioning', 'purpose'],
    needs: 'a value proposition on your canvas',
  },
  feature: { fields: ['features'], needs: 'product features' },
  audience: { fields: ['audience', 'avatarDescription'], needs: 'an audience (your avatar’s occupation)' },
  proof: { fields: ['reviews', 'values'], needs: 'customer quotes or canvas values' },
  product: { fields: ['product', 'brandName'], needs: 'a product name' },
};

// ------------------------------------------------------------------------ fear → relief, desire → benefit

/** "no more wasting money", "no more worrying you'll look unprofessional" (sentence middle). */
function noMore(fear: Voiced): string {
  switch (fear.form) {
    case 'noun':
    case 'gerund':
      return `no more ${fear.text}`;
    case 'worry':
    case 'not':
      return `no more worrying about ${fear.text}`;
    case 'verb':
      return `no more worrying you'll ${fear.text}`;
    case 'clause':
      return `no more worrying that ${fear.text}`;
  }
}

/** The fear as a question the reader answers yes to: "Wasting money on candles?" */
function fearQuestion(fear: Voiced): string {
  switch (fear.form) {
    case 'noun':
    case 'gerund':
      return `${capital(fear.text)}?`;
    case 'worry':
    case 'not':
      return `Worried about ${fear.text}?`;
    case 'verb':
      return `Worried you'll ${fear.text}?`;
    case 'clause':
      return `Worried ${fear.text}?`;
  }
}

function tiredOf(fear: Voiced): string {
  return fear.form === 'noun' || fear.form === 'gerund' ? `Tired of ${fear.text}?` : fearQuestion(fear);
}

function goodbye(fear: Voiced): string {
  switch (fear.form) {
    case 'noun':
    case 'gerund':
      return `Say goodbye to ${fear.text}`;
    case 'worry':
    case 'not':
      return `Stop worrying about ${fear.text}`;
    case 'verb':
      return `Stop worrying you'll ${fear.text}`;
    case 'clause':
      return `Stop worrying that ${fear.text}`;
  }
}

/** "so you can switch off", "so you get more time", "for feeling confident" (sentence middle). */
function benefit(desire: Voiced): string {
  switch (desire.form) {
    case 'verb':
      return `so you can ${desire.text}`;
    case 'clause':
      return `so ${desire.text}`;
    case 'gerund':
    case 'not':
    case 'worry':
      return `for ${desire.text}`;
    case 'noun':
      return /^(?:no|less|fewer|zero)\b/i.test(desire.text)
        ? `for ${desire.text}`
        : `so you get ${desire.text}`;
  }
}

/** "Want more time?", "Want to switch off?", "Imagine feeling calm." */
function wantQuestion(desire: Voiced): string {
  switch (desire.form) {
    case 'noun':
      return `Want ${desire.text}?`;
    case 'verb':
      return `Want to ${desire.text}?`;
    case 'clause':
      return `Imagine if ${desire.text}.`;
    case 'gerund':
    case 'not':
    case 'worry':
      return `Imagine ${desire.text}.`;
  }
}

/** "More time with Calm Kit"; null for a clause, which does not take "with". */
function desireWith(desire: Voiced, name: string): string | null {
  return desire.form === 'clause' || /\bwith\b/i.test(desire.text)
    ? null
    : `${capital(desire.text)} with ${name}`;
}

// ----------------------------------------------------------------------------------- candidates

interface Candidate {
  text: string;
  length: number;
  uses: CopySource[];
  angle: Angle;
  key: string;
  /** Which fears/desires it draws on, for the notes. */
  fears: number[];
  desires: number[];
  /** For bullets: which feature it presents, so each feature gets its own bullet. */
  group?: string | undefined;
}

type Part = Bit | Voiced | Audience | { uses: CopySource[]; key?: string } | null;

/** Candidates per angle, each finished (tidied) as it is added. */
class Pool {
  readonly byAngle = new Map<Angle, Candidate[]>();
  /** Angles the brief had material for, whether or not any of it fits the limit. */
  readonly tried = new Set<Angle>();
  readonly finish: (text: string) => string;
  private readonly limit: number;

  constructor(finish: (text: string) => string, limit: number) {
    this.finish = finish;
    this.limit = limit;
  }

  add(angle: Angle, text: string | null, parts: readonly Part[], group?: string, finishedText?: string) {
    if (!text) return;
    this.tried.add(angle);
    // Tidying moves the length by a few characters at most: text far over the limit can never fit.
    if (copyLength(text) > this.limit * 1.25 + 10) return;
    const uses = new Set<CopySource>();
    const fears: number[] = [];
    const desires: number[] = [];
    // The option's key is its most specific owner phrase: a fear or desire before a feature or name.
    let voiceKey = '';
    let key = '';
    for (const part of parts) {
      if (!part) continue;
      if ('form' in part) {
        (part.role === 'fear' ? fears : desires).push(part.index);
        uses.add(part.role === 'fear' ? 'avatarFears' : 'avatarDesires');
        voiceKey ||= `${part.role}${part.index}`;
      } else if ('source' in part) {
        uses.add(part.source);
        key ||= 'audience';
      } else {
        for (const use of part.uses) uses.add(use);
        key ||= part.key ?? '';
      }
    }
    const list = this.byAngle.get(angle) ?? [];
    const finished = finishedText ?? this.finish(text);
    list.push({
      text: finished,
      length: copyLength(finished),
      uses: [...uses],
      angle,
      key: voiceKey || key || angle,
      fears,
      desires,
      group,
    });
    this.byAngle.set(angle, list);
  }
}

/** Every phrase of a list of units, the first phrase of each unit first (variety before shortening). */
function interleave<T>(units: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...units.map((unit) => unit.length));
  for (let index = 0; index < longest; index += 1)
    for (const unit of units) if (unit[index]) out.push(unit[index] as T);
  return out;
}

interface Context {
  kind: CopyKind;
  /** The angles in the order the payoff asks for. */
  angles: readonly Angle[];
  limit: number;
  tone: ToneWords;
  ing: Ingredients;
  pool: Pool;
}

/** Fits text in the sentence's middle. */
function mid(bit: Bit, ing: Ingredients): string {
  return embed(bit.text, ing.proper);
}

/** One-line kinds: ad headline, headline, tagline, email subject, short-video hook. */
function shortLines(context: Context) {
  const { kind, tone, ing, pool } = context;
  const name = ing.name;
  const n = name?.text ?? null;
  const features = interleave(ing.features);
  // A positioning reads as a subject line too ("The friendly roaster for coffee beginners"); a
  // purpose is a tagline's or headline's.
  const propositions = [
    ...ing.proposition,
    ...(kind === 'tagline' || kind === 'headline'
      ? [...ing.positioning, ...ing.purpose]
      : kind === 'email-subject'
        ? ing.positioning
        : []),
  ];
  const positives = [...ing.proposition, ...features];
  const audience = ing.audience;
  const fears = ing.fears;
  const desires = ing.desires;
  const email = kind === 'email-subject';
  const hook = kind === 'video-hook';

  // Relief: frame by frame, each fear in turn, so consecutive options name different fears.
  for (const frame of tone.relief) {
    for (const fear of fears) {
      if (hook) {
        if (frame === 'noMore') pool.add('relief', `${fearQuestion(fear)} Watch this.`, [fear]);
        if (frame === 'goodbye' && (fear.form === 'noun' || fear.form === 'gerund'))
          pool.add('relief', `Stop scrolling if you're tired of ${fear.text}.`, [fear]);
        if (frame === 'notWith' && n)
          pool.add('relief', `${fearQuestion(fear)} Here's how ${n} fixes that.`, [fear, name]);
        continue;
      }
      if (email) {
        if (frame === 'noMore') pool.add('relief', tiredOf(fear), [fear]);
        if (frame === 'notWith' && n) pool.add('relief', `${fearQuestion(fear)} Meet ${n}`, [fear, name]);
        if (frame === 'goodbye') pool.add('relief', goodbye(fear), [fear]);
        continue;
      }
      if (frame === 'positive')
        for (const positive of positives.filter((bit) => answers(bit, fear)))
          pool.add('relief', `${capital(positive.text)} — ${noMore(fear)}`, [fear, positive]);
      if (frame === 'noMore') pool.add('relief', capital(noMore(fear)), [fear]);
      if (frame === 'goodbye') pool.add('relief', goodbye(fear), [fear]);
      if (frame === 'notWith' && n) pool.add('relief', `${fearQuestion(fear)} Not with ${n}.`, [fear, name]);
      if (frame === 'notAnymore') pool.add('relief', `${fearQuestion(fear)} Not anymore.`, [fear]);
    }
  }

  // Desire: the benefit, with the product or after a feature.
  for (const desire of desires) {
    if (hook) {
      pool.add('desire', `${wantQuestion(desire)} Here's how.`, [desire]);
      continue;
    }
    if (email) pool.add('desire', wantQuestion(desire), [desire]);
    for (const feature of features.filter((bit) => answers(bit, desire)))
      pool.add('desire', `${capital(feature.text)}, ${benefit(desire)}`, [desire, feature]);
    if (n) pool.add('desire', desireWith(desire, n), [desire, name]);
    if (n) pool.add('desire', `${n}: ${desire.text}`, [desire, name]);
  }

  // Proposition: the canvas's promise in the owner's words.
  for (const proposition of propositions) {
    if (hook) pool.add('proposition', `${capital(proposition.text)}. Here's how.`, [proposition]);
    else {
      pool.add('proposition', capital(proposition.text), [proposition]);
      if (n && !email) pool.add('proposition', `${n}: ${mid(proposition, ing)}`, [proposition, name]);
    }
  }

  // Feature.
  for (const feature of features) {
    if (hook) {
      if (n) pool.add('feature', `${n} in 10 seconds: ${mid(feature, ing)}.`, [feature, name]);
      pool.add('feature', `Stop scrolling: ${mid(feature, ing)}.`, [feature]);
      continue;
    }
    if (n) pool.add('feature', `${n}: ${mid(feature, ing)}`, [feature, name]);
    pool.add('feature', capital(feature.text), [feature]);
    if (email && n) pool.add('feature', `${capital(feature.text)} — meet ${n}`, [feature, name]);
  }
  const [firstFeature, secondFeature] = ing.features.map((unit) => unit.at(-1));
  if (firstFeature && secondFeature && !email && !hook)
    pool.add('feature', `${capital(firstFeature.text)}. ${capital(secondFeature.text)}.`, [
      firstFeature,
      secondFeature,
    ]);

  // Audience.
  if (audience) {
    if (hook) {
      for (const feature of features.slice(0, 2))
        pool.add(
          'audience',
          `Calling all ${audience.text}: ${mid(feature, ing)}.`,
          Array.of<Part>(audience, feature),
        );
      pool.add('audience', `Calling all ${audience.text}.`, Array.of(audience));
    } else {
      for (const positive of positives.slice(0, 3))
        pool.add('audience', `${capital(positive.text)}, ${tone.madeFor.toLowerCase()} ${audience.text}`, [
          audience,
          positive,
        ]);
      if (n)
        pool.add(
          'audience',
          `${n}, ${tone.madeFor.toLowerCase()} ${audience.text}`,
          Array.of<Part>(audience, name),
        );
      pool.add('audience', `${tone.madeFor} ${audience.text}`, Array.of(audience));
    }
  }

  // Proof: a customer's words, or the values as a triplet.
  for (const quote of ing.quotes)
    pool.add('proof', hook ? `“${quote}” Here's why.` : `“${quote}”`, [
      { uses: ['reviews'], key: `quote:${quote}` },
    ]);
  const shortValues = ing.values.filter((value) => wordsOf(value).length <= 3).slice(0, 3);
  if ((kind === 'tagline' || kind === 'headline') && shortValues.length >= 2)
    pool.add('proof', shortValues.map((value) => sentence(value)).join(' '), [
      { uses: ['values'], key: 'values' },
    ]);

  // Product: the last resort, still the owner's words (a brand name alone is not enough to write from).
  if (name && name.key === 'product') {
    pool.add('product', hook ? `Meet ${n}.` : `Meet ${n}`, [name]);
    if (!hook) pool.add('product', n, [name]);
    if (ing.category && n)
      pool.add('product', `${n}, the ${ing.category}`, [name, { uses: ['category'], key: 'category' }]);
    for (const piece of productHeads(name.text)) pool.add('product', piece, [name]);
  }
}

/**
 * A long product name's shorter whole heads: the part before a clause break or before the phrase
 * that qualifies it ("Harbour Linen Shirt — Relaxed Fit", "Lavender Pillow Spray for Deep Sleep"
 * → "Harbour Linen Shirt", "Lavender Pillow Spray").
 */
function productHeads(name: string): string[] {
  const heads = [name.split(CLAUSE_BREAK)[0] ?? '', name.split(/\s+(?:for|with|by|from|in)\s+/i)[0] ?? '']
    .map((piece) => piece.trim())
    .filter((piece) => piece && piece !== name && /[\p{L}\p{N}]/u.test(piece));
  return [...new Set(heads)];
}

/**
 * A slot of a longer text: its alternatives, longest first. Optional slots can be dropped; the
 * lowest-priority slot gives way first when the text is over the limit.
 */
interface Slot {
  alts: { text: string; parts: Part[] }[];
  priority: number;
  required?: boolean;
}

function assemble(pool: Pool, angle: Angle, slots: readonly (Slot | null)[], limit: number, join = ' ') {
  const live = slots.filter((slot): slot is Slot => slot !== null && slot.alts.length > 0);
  if (live.length === 0) return;
  const lengths = live.map((slot) => slot.alts.map((alt) => copyLength(alt.text)));
  const state = live.map(() => 0);
  for (;;) {
    const chosen: SlotAlt[] = [];
    let rough = 0;
    live.forEach((slot, index) => {
      const at = state[index] ?? 0;
      const alt = slot.alts[at];
      if (!alt) return;
      chosen.push(alt);
      rough += (lengths[index]?.[at] ?? 0) + join.length;
    });
    // Tidying moves the length by a few characters at most: far over the limit, shrink without it.
    if (chosen.length > 0 && rough <= limit * 1.25 + 10) {
      const text = chosen.map((alt) => alt.text).join(join);
      const finished = pool.finish(text);
      if (copyLength(finished) <= limit) {
        pool.add(
          angle,
          text,
          chosen.flatMap((alt) => alt.parts),
          undefined,
          finished,
        );
        return;
      }
    }
    let shrink = -1;
    live.forEach((slot, index) => {
      const at = state[index] ?? 0;
      const canShrink = at < slot.alts.length - 1 || (!slot.required && at < slot.alts.length);
      if (canShrink && (shrink < 0 || slot.priority < (live[shrink]?.priority ?? 0))) shrink = index;
    });
    if (shrink < 0) {
      pool.tried.add(angle);
      return;
    }
    state[shrink] = (state[shrink] ?? 0) + 1;
  }
}

type SlotAlt = Slot['alts'][number];

function slot(priority: number, alts: readonly (SlotAlt | null)[], required = false): Slot | null {
  const present = alts.filter((alt): alt is SlotAlt => alt !== null && alt.text.length > 0);
  return present.length > 0 ? { alts: present, priority, required } : null;
}

/** A list item: the feature's whole text, or its first clause when the whole holds commas of its own. */
function listItem(unit: readonly Bit[]): Bit {
  const whole = unit[0] as Bit;
  if (!/[;:.!?]/.test(whole.text)) return whole;
  return unit.find((bit) => !/[,;:.!?]/.test(bit.text)) ?? whole;
}

/**
 * The features as one sentence ("Name: a, b and c."), then with fewer features, longest first. Items
 * with commas of their own are set apart by semicolons ("beef chews; no grain, no fillers").
 */
function featureListAlts(ing: Ingredients, lead: string | null): SlotAlt[] {
  const items = ing.features.slice(0, 4).map(listItem);
  const alts: SlotAlt[] = [];
  for (let size = items.length; size >= 1; size -= 1) {
    const chosen = items.slice(0, size);
    const texts = chosen.map((bit) => embed(bit.text, ing.proper));
    const list = texts.some((text) => text.includes(',')) ? texts.join('; ') : joinList(texts);
    alts.push({
      text: lead ? `${lead}: ${list}.` : sentence(list),
      parts: [...chosen, ...(lead && ing.name ? [ing.name] : [])],
    });
  }
  return alts;
}

/**
 * Each feature as a sentence with a benefit or relief after it ("Ready in five minutes, so you get
 * more time."), all of them first, then fewer.
 */
function featureSentenceAlts(ing: Ingredients, reliefFirst: boolean, skip: Voiced | null = null): SlotAlt[] {
  const tails = featureTails(ing, reliefFirst, skip);
  const lines = ing.features.slice(0, 5).map((unit, index) => {
    const feature = unit[0] as Bit;
    const tail = tails[index];
    return tail
      ? { text: sentence(`${feature.text}${tail.text}`), parts: [feature, ...tail.parts] }
      : { text: sentence(feature.text), parts: [feature] };
  });
  return cumulative(lines, ' ');
}

/** "a b c", "a b", "a": the first n lines together, most first. */
function cumulative(lines: readonly SlotAlt[], join: string): SlotAlt[] {
  const alts: SlotAlt[] = [];
  for (let size = lines.length; size >= 1; size -= 1) {
    const chosen = lines.slice(0, size);
    alts.push({
      text: chosen.map((line) => line.text).join(join),
      parts: chosen.flatMap((line) => line.parts),
    });
  }
  return alts;
}

/**
 * Words that belong to the same concern, so a feature can be tied to the fear or desire it answers
 * ("scented only with essential oils" answers "candles that smell of nothing"). Matched as prefixes.
 */
const CONCERNS: readonly (readonly string[])[] = [
  [
    'time',
    'minute',
    'hour',
    'second',
    'quick',
    'fast',
    'ready',
    'instant',
    'busy',
    'rush',
    'speed',
    'evening',
    'morning',
    'weekend',
    'late',
  ],
  [
    'money',
    'price',
    'cost',
    'cheap',
    'afford',
    'budget',
    'invoice',
    'fee',
    'bill',
    'pay',
    'refund',
    'guarantee',
    'saving',
  ],
  ['smell', 'scent', 'fragran', 'aroma', 'perfume', 'odour', 'odor', 'stink'],
  [
    'sugar',
    'healthy',
    'health',
    'natural',
    'organic',
    'chemical',
    'toxi',
    'additive',
    'preservative',
    'ingredient',
    'allerg',
    'synthetic',
    'junk',
  ],
  ['sleep', 'night', 'rest', 'tired', 'insomnia', 'bed', 'exhaust'],
  ['skin', 'rash', 'irritat', 'gentle', 'moistur', 'itch'],
  ['last', 'durab', 'break', 'broke', 'quality', 'sturdy', 'warrant', 'tear', 'falls apart', 'cheaply made'],
  ['plastic', 'recycl', 'packaging', 'planet', 'landfill', 'compost', 'sustainab', 'eco', 'carbon'],
  [
    'deadline',
    'month',
    'week',
    'schedule',
    'admin',
    'paperwork',
    'tax',
    'filing',
    'books',
    'bookkeep',
    'account',
  ],
  ['support', 'answer', 'reply', 'respond', 'expert', 'human', 'named', 'person', 'ignored', 'help'],
  ['fit', 'size', 'sizing', 'comfort', 'soft', 'breathab', 'itchy', 'tight'],
  ['easy', 'simple', 'effort', 'hassle', 'mess', 'setup', 'instruction', 'complicated', 'confus'],
];

const CONCERN_PATTERNS = CONCERNS.map((concern) => new RegExp(`\\b(?:${concern.join('|')})`, 'u'));

/** The meaningful words of a text, as rough stems. */
function stems(text: string): string[] {
  return wordsOf(text.toLowerCase())
    .filter((word) => word.length >= 4 && !STOP_WORDS.has(word))
    .map((word) => word.replace(/(?:ing|ed|es|s|ly)$/, '').slice(0, 6));
}

/** Whether a feature and a fear or desire speak of the same thing (a shared word or concern). */
function related(feature: string, voice: string): boolean {
  const ours = stems(feature);
  const theirs = new Set(stems(voice));
  if (ours.some((stem) => theirs.has(stem))) return true;
  const lowerFeature = feature.toLowerCase();
  const lowerVoice = voice.toLowerCase();
  return CONCERN_PATTERNS.some((pattern) => pattern.test(lowerFeature) && pattern.test(lowerVoice));
}

/**
 * Whether a phrase may be followed by this relief or benefit: the canvas promise answers the
 * customer's fears and desires as a whole; a feature only the ones about the same thing.
 */
function answers(bit: Bit, voice: Voiced): boolean {
  return !bit.uses.includes('features') || related(bit.text, voice.original);
}

/**
 * What follows each feature: the relief or benefit it actually answers (a fear or desire about the
 * same thing), each used once; nothing when no fear or desire is about it, so no feature is credited
 * with a benefit it does not bring.
 */
function featureTails(
  ing: Ingredients,
  reliefFirst: boolean,
  skip: Voiced | null,
): ({ text: string; parts: Part[] } | null)[] {
  const voices = (reliefFirst ? [...ing.fears, ...ing.desires] : [...ing.desires, ...ing.fears]).filter(
    (voice) => voice !== skip,
  );
  const used = new Set<Voiced>();
  return ing.features.map((unit) => {
    const feature = (unit[0] as Bit).text;
    const voice = voices.find((candidate) => !used.has(candidate) && related(feature, candidate.original));
    if (!voice) return null;
    used.add(voice);
    return voice.role === 'fear'
      ? { text: ` — ${noMore(voice)}`, parts: [voice] }
      : { text: `, ${benefit(voice)}`, parts: [voice] };
  });
}

function bitAlts(bits: readonly Bit[], render: (bit: Bit) => string): SlotAlt[] {
  return bits.map((bit) => ({ text: render(bit), parts: [bit] }));
}

/** What the product does for them, as a sentence: "Calm Kit gives you more time." */
function promise(desire: Voiced, name: string): string {
  switch (desire.form) {
    case 'verb':
      return `${name} helps you ${desire.text}.`;
    case 'clause':
      return `With ${name}, ${desire.text}.`;
    case 'gerund':
    case 'not':
    case 'worry':
      return `${name} is made for ${desire.text}.`;
    case 'noun':
      return /^(?:no|less|fewer|zero)\b/i.test(desire.text)
        ? `${name} means ${desire.text}.`
        : `${name} gives you ${desire.text}.`;
  }
}

/** Starts a new paragraph (in product descriptions and about sections). */
function paragraph(alts: readonly SlotAlt[]): SlotAlt[] {
  return alts.map((alt) => ({ ...alt, text: `\n\n${alt.text}` }));
}

/** Longer kinds: social caption, landing hero, product description, bio, about. */
function longTexts(context: Context) {
  const { kind, limit, tone, ing, pool } = context;
  const name = ing.name;
  const n = name?.text ?? null;
  const audience = ing.audience;
  const long = kind === 'product-description' || kind === 'about';
  const para = (alts: readonly SlotAlt[]) => (long ? paragraph(alts) : [...alts]);
  const audienceLine: SlotAlt | null = audience
    ? n
      ? { text: sentence(`${n}, ${tone.madeFor.toLowerCase()} ${audience.text}`), parts: [name, audience] }
      : { text: sentence(`${tone.madeFor} ${audience.text}`), parts: Array.of(audience) }
    : null;
  const madeFor: SlotAlt | null = audience
    ? { text: sentence(`${tone.madeFor} ${audience.text}`), parts: Array.of(audience) }
    : null;
  const cta: SlotAlt | null =
    n && kind !== 'landing-hero' && kind !== 'bio' ? { text: tone.cta(n), parts: [name] } : null;
  const propositions = bitAlts(ing.proposition, (bit) => sentence(bit.text));
  const positionings = bitAlts(ing.positioning, (bit) => sentence(bit.text));
  const purposes = bitAlts(ing.purpose, (bit) => sentence(bit.text));
  const featureList = featureListAlts(ing, n);
  // After "Meet <name>." the list goes without the name again.
  const bareList = featureListAlts(ing, null);
  const reliefFirst = context.angles.indexOf('relief') < context.angles.indexOf('desire');
  const featureLines = featureSentenceAlts(ing, reliefFirst);
  const values: SlotAlt | null =
    ing.values.length > 0
      ? {
          text: `What we stand for: ${joinList(ing.values.slice(0, 4).map((value) => embed(value, ing.proper)))}.`,
          parts: [{ uses: ['values'], key: 'values' }],
        }
      : null;
  const closing = (alt: SlotAlt | null) => (alt ? para([alt]) : []);
  const add = (angle: Angle, slots: readonly (Slot | null)[]) => assemble(pool, angle, slots, limit);

  // Relief-led: the fear as a question (or "no more …" after the promise), then the answer.
  for (const fear of ing.fears) {
    const question: SlotAlt = n
      ? { text: `${fearQuestion(fear)} Meet ${n}.`, parts: [fear, name] }
      : { text: fearQuestion(fear), parts: [fear] };
    const answered = ing.proposition.map((bit) => ({
      text: sentence(`${bit.text} — ${noMore(fear)}`),
      parts: [bit, fear],
    }));
    const noMoreLine: SlotAlt = { text: sentence(noMore(fear)), parts: [fear] };
    const lines = featureSentenceAlts(ing, reliefFirst, fear);
    if (kind === 'landing-hero' || kind === 'bio')
      add('relief', [slot(9, [...answered, noMoreLine], true), slot(6, featureList), slot(4, [madeFor])]);
    else if (long)
      add('relief', [
        slot(9, [question], true),
        slot(8, propositions),
        slot(8, para(lines)),
        slot(3, para(kind === 'about' ? [...purposes, ...positionings] : positionings)),
        slot(3, closing(values)),
        slot(5, closing(madeFor)),
        slot(2, [cta]),
      ]);
    else
      add('relief', [
        slot(9, [question], true),
        slot(7, n ? bareList : featureList),
        slot(6, propositions),
        slot(4, [madeFor]),
        slot(1, [cta]),
      ]);
  }

  // Desire-led: what they want, then how the product gives it.
  for (const desire of ing.desires) {
    const promised: SlotAlt[] = n ? [{ text: promise(desire, n), parts: [desire, name] }] : [];
    const want: SlotAlt = { text: wantQuestion(desire), parts: [desire] };
    const meet: SlotAlt[] = n ? [{ text: `${wantQuestion(desire)} Meet ${n}.`, parts: [desire, name] }] : [];
    const lines = featureSentenceAlts(ing, reliefFirst, desire);
    if (kind === 'landing-hero' || kind === 'bio')
      add('desire', [slot(9, [...promised, want], true), slot(6, featureList), slot(4, [madeFor])]);
    else if (long)
      add('desire', [
        slot(9, [...meet, want], true),
        slot(8, para(lines)),
        slot(7, para(propositions)),
        slot(3, para(kind === 'about' ? purposes : positionings)),
        slot(3, closing(values)),
        slot(5, closing(madeFor)),
        slot(2, [cta]),
      ]);
    else
      add('desire', [
        slot(9, [...meet, want], true),
        slot(7, bareList),
        slot(6, propositions),
        slot(4, [madeFor]),
        slot(1, [cta]),
      ]);
  }

  // Proposition-led: the canvas promise first (an about section or bio may open with the purpose).
  const openers =
    kind === 'about' || kind === 'bio'
      ? [...purposes, ...propositions, ...positionings]
      : [...propositions, ...positionings];
  if (openers.length > 0) {
    const opener = openers[0] as SlotAlt;
    // A second canvas field, not another phrase of the one that opens.
    const rest = [positionings[0], purposes[0], propositions[0]].filter(
      (alt): alt is SlotAlt =>
        alt !== undefined &&
        !alt.parts.some((part) => opener.parts.includes(part)) &&
        (alt.parts[0] as Bit | undefined)?.uses[0] !== (opener.parts[0] as Bit | undefined)?.uses[0],
    );
    if (kind === 'landing-hero' || kind === 'bio')
      add('proposition', [
        slot(
          9,
          n && kind === 'bio'
            ? [{ text: `${n}. ${opener.text}`, parts: [name, ...opener.parts] }, ...openers]
            : openers,
          true,
        ),
        slot(6, featureList),
        slot(4, [madeFor]),
      ]);
    else if (long)
      add('proposition', [
        slot(9, openers, true),
        slot(6, rest.slice(0, 1)),
        slot(8, para(featureLines)),
        slot(3, closing(values)),
        slot(5, closing(madeFor)),
        slot(2, [cta]),
      ]);
    else
      add('proposition', [slot(9, openers, true), slot(7, featureList), slot(4, [madeFor]), slot(1, [cta])]);
  }

  // Feature-led: the specifics, each with what it does for them.
  if (ing.features.length > 0) {
    if (kind === 'bio') add('feature', [slot(9, featureList, true), slot(4, [madeFor])]);
    else
      add('feature', [
        slot(9, featureLines, true),
        slot(6, long ? para(propositions) : []),
        slot(4, long ? para(kind === 'about' ? purposes : positionings) : []),
        slot(5, long ? closing(audienceLine) : Array.of(audienceLine)),
        slot(3, long ? closing(values) : []),
        slot(1, [cta]),
      ]);
  }

  // Audience-led.
  if (audienceLine) {
    add('audience', [
      slot(9, Array.of(audienceLine), true),
      slot(7, propositions),
      slot(6, long ? para(featureLines) : featureList),
      slot(3, long ? closing(values) : []),
      slot(1, [cta]),
    ]);
  }

  // Proof-led: a customer's words, or what the brand stands for.
  for (const quote of ing.quotes) {
    const said: SlotAlt = {
      text: `“${quote}” — a customer.`,
      parts: [{ uses: ['reviews'], key: `quote:${quote}` }],
    };
    add('proof', [
      slot(9, [said], true),
      slot(7, featureList),
      slot(5, propositions),
      slot(4, [madeFor]),
      slot(1, [cta]),
    ]);
  }
  if (values && (kind === 'bio' || long)) {
    add('proof', [
      slot(
        9,
        n ? [{ text: `${n}. ${values.text}`, parts: [name, ...values.parts] }, values] : [values],
        true,
      ),
      slot(6, propositions),
      slot(5, long ? para(featureLines) : []),
      slot(4, [madeFor]),
    ]);
  }

  // Product: the name with what little there is.
  if (name && name.key === 'product')
    add('product', [
      slot(9, [{ text: `Meet ${name.text}.`, parts: [name] }], true),
      slot(5, featureList),
      slot(4, [madeFor]),
    ]);
}

/** Bullets: one per feature with a benefit or relief, then lines from the avatar and the canvas. */
function bulletLines(context: Context) {
  const { tone, ing, pool, angles } = context;
  const name = ing.name;
  const tails = featureTails(ing, angles.indexOf('relief') < angles.indexOf('desire'), null);
  ing.features.forEach((unit, index) => {
    const tail = tails[index];
    for (const feature of unit) {
      if (tail)
        pool.add(
          'feature',
          sentence(`${feature.text}${tail.text}`),
          [feature, ...tail.parts],
          `feature${index}`,
        );
      pool.add('feature', sentence(feature.text), [feature], `feature${index}`);
    }
  });
  for (const fear of ing.fears) {
    if (name) pool.add('relief', sentence(`${name.text}: ${noMore(fear)}`), [fear, name]);
    pool.add('relief', sentence(noMore(fear)), [fear]);
  }
  for (const desire of ing.desires) {
    if (name) pool.add('desire', promise(desire, name.text), [desire, name]);
    pool.add('desire', wantQuestion(desire), [desire]);
  }
  for (const bit of [...ing.proposition, ...ing.positioning])
    pool.add('proposition', sentence(bit.text), [bit]);
  if (ing.audience) pool.add('audience', sentence(`${tone.madeFor} ${ing.audience.text}`), [ing.audience]);
  for (const quote of ing.quotes)
    pool.add('proof', `Customers say: “${quote}”`, [{ uses: ['reviews'], key: `quote:${quote}` }]);
  if (ing.values.length > 0)
    pool.add(
      'proof',
      sentence(`What we stand for: ${joinList(ing.values.map((value) => embed(value, ing.proper)))}`),
      [{ uses: ['values'], key: 'values' }],
    );
}

// ----------------------------------------------------------------------------- whole phrases only

/** The owner's texts copy is written from, whose sentences an option must not stop short of. */
export function ownerTextsOf(brand: CopyBrand, features: readonly string[] = []): string[] {
  return [
    brand.valueProposition,
    brand.positioning,
    brand.purpose,
    ...(brand.avatar?.fears ?? []),
    ...(brand.avatar?.desires ?? []),
    brand.avatar?.description,
    ...features,
  ].filter((text): text is string => Boolean(text?.trim()));
}

const lowerWords = (text: string) => text.toLowerCase().replace(/[’‘]/g, "'").split(/\s+/).filter(Boolean);
const bare = (token: string) => token.replace(/^[("'“‘]+|[)"'”’.,;:!?—–-]+$/g, '');

/**
 * Whether an option, or a part of it after a colon or dash ("Quartz: a cargo bike"), is the start of
 * one of the owner's sentences or clauses stopped where the sentence goes on without a pause: a
 * phrase that reads as cut to the owner who wrote the rest ("a cargo bike" of "a cargo bike that
 * carries two kids…").
 */
export function stopsShort(option: string, texts: readonly string[]): boolean {
  return option.split(/:\s+|\s+[—–-]\s+/).some((part) => partStopsShort(part, texts));
}

function partStopsShort(option: string, texts: readonly string[]): boolean {
  const words = lowerWords(option).map(bare).filter(Boolean);
  if (words.length < 2) return false;
  return texts.some((text) => {
    const tokens = lowerWords(text);
    for (let start = 0; start + words.length < tokens.length; start += 1) {
      if (start > 0 && !/[.,;:!?—–-]$/.test(tokens[start - 1] ?? '')) continue;
      if (!words.every((word, index) => bare(tokens[start + index] ?? '') === word)) continue;
      if (!/[.,;:!?)"”—–-]$/.test(tokens[start + words.length - 1] ?? '')) return true;
    }
    return false;
  });
}

// ------------------------------------------------------------------------------------ selection

/** Picks options: angles in turn (lead angle first), each owner phrase leading once before any repeats. */
function select(
  pool: Pool,
  angles: readonly Angle[],
  count: number,
  limit: number,
  bullets: boolean,
  reject: ((option: string) => boolean) | undefined,
): Candidate[] {
  const chosen: Candidate[] = [];
  const seen = new Set<string>();
  const fits = (candidate: Candidate) =>
    candidate.length > 0 &&
    candidate.length <= limit &&
    !seen.has(sameKey(candidate.text)) &&
    !reject?.(candidate.text);
  const take = (candidate: Candidate) => {
    chosen.push(candidate);
    seen.add(sameKey(candidate.text));
  };
  const order: Angle[] = [...angles, 'product'];
  const usedKeys = new Set<string>();
  const groups = new Set<string>();
  if (bullets) {
    // A bullet per feature first, in the owner's order; then lines from the avatar and the canvas.
    for (const candidate of pool.byAngle.get('feature') ?? []) {
      if (chosen.length >= count) break;
      if (!candidate.group || groups.has(candidate.group) || !fits(candidate)) continue;
      take(candidate);
      groups.add(candidate.group);
      usedKeys.add(candidate.key);
    }
  }
  // First pass: one new owner phrase per option; second: any distinct text.
  for (const strict of [true, false]) {
    let progress = true;
    while (chosen.length < count && progress) {
      progress = false;
      for (const angle of order) {
        if (chosen.length >= count) break;
        if (angle === 'product' && chosen.length > 0 && strict) continue;
        const candidate = (pool.byAngle.get(angle) ?? []).find(
          (entry) =>
            fits(entry) && (!strict || !usedKeys.has(entry.key)) && !(entry.group && groups.has(entry.group)),
        );
        if (!candidate) continue;
        take(candidate);
        usedKeys.add(candidate.key);
        progress = true;
      }
    }
  }
  return chosen;
}

// ----------------------------------------------------------------------------------------- notes

function quoted(texts: readonly string[]): string {
  return joinList(texts.map((text) => `“${text}”`));
}

function notesFor(
  pool: Pool,
  request: CopyRequest,
  ing: Ingredients,
  chosen: readonly Candidate[],
  lead: { trigger: EmotionalTrigger | null; fromAvatar: boolean },
): string[] {
  const { brand } = request;
  const avatar = brand.avatar ?? null;
  const used = new Set(chosen.flatMap((candidate) => candidate.uses));
  const label = COPY_KIND_LABELS[request.format];
  const limit = COPY_KIND_LIMITS[request.format];
  const onValueLens = request.surface === 'value-lens';
  const canvasPage = `the ${WORKSPACE_AREA_LABELS['brand-canvas']} page`;
  const avatarsPage = `the ${WORKSPACE_AREA_LABELS.avatars} page`;
  const notes: string[] = [];

  if (chosen.length === 0) {
    notes.push(
      ing.features.length + ing.proposition.length + ing.fears.length + ing.desires.length > 0
        ? `Nothing you wrote fits a ${label.toLowerCase()} (${limit} characters) as a whole phrase, and the coach does not cut your words: add a shorter feature or benefit of a few words.`
        : `There is nothing saved to write a ${label.toLowerCase()} from yet: add your value proposition on ${canvasPage}, or an avatar with fears and desires on ${avatarsPage}.`,
    );
  } else {
    const owner: string[] = [];
    if (used.has('features'))
      owner.push(onValueLens ? 'the features in your brief' : 'your product features');
    if (used.has('category')) owner.push('your category');
    if (used.has('audience')) owner.push(`the audience you named (“${ing.audience?.text ?? ''}”)`);
    if (used.has('valueProposition')) owner.push('your canvas value proposition');
    if (used.has('positioning')) owner.push('your canvas positioning');
    if (used.has('purpose')) owner.push('your canvas purpose');
    if (used.has('values')) owner.push('your canvas values');
    if (used.has('reviews')) owner.push('your customers’ reviews');
    const avatarParts: string[] = [];
    const fearTexts = [...new Set(chosen.flatMap((candidate) => candidate.fears))]
      .sort()
      .map((index) => ing.fears.find((fear) => fear.index === index)?.original ?? '')
      .filter(Boolean);
    const desireTexts = [...new Set(chosen.flatMap((candidate) => candidate.desires))]
      .sort()
      .map((index) => ing.desires.find((desire) => desire.index === index)?.original ?? '')
      .filter(Boolean);
    if (fearTexts.length > 0)
      avatarParts.push(`the ${fearTexts.length === 1 ? 'fear' : 'fears'} ${quoted(fearTexts)}`);
    if (desireTexts.length > 0)
      avatarParts.push(`the ${desireTexts.length === 1 ? 'desire' : 'desires'} ${quoted(desireTexts)}`);
    if (used.has('avatarDescription')) avatarParts.push(`who they are (“${ing.audience?.text ?? ''}”)`);
    if (avatar && avatarParts.length > 0) owner.push(`your avatar ${avatar.name}: ${joinList(avatarParts)}`);
    if (owner.length === 0 && (used.has('product') || used.has('brandName')))
      owner.push(used.has('product') ? 'your product name only' : 'your brand name only');
    notes.push(`Built on ${joinList(owner)}.`);
  }

  if (lead.trigger && chosen.length > 0) {
    const knowledge = TRIGGER_KNOWLEDGE[lead.trigger];
    const angle = LEAD[lead.trigger][0] ?? 'relief';
    const from =
      lead.fromAvatar && avatar ? `the first trigger of your avatar ${avatar.name}` : 'the payoff you chose';
    const material = ANGLE_MATERIAL[angle];
    const built = chosen.some((candidate) => candidate.uses.some((use) => material.fields.includes(use)));
    const exists = pool.tried.has(angle);
    notes.push(
      built
        ? `Led with ${knowledge.label.toLowerCase()} (${knowledge.meaning}), ${from}: ${knowledge.copyAngle}.`
        : exists
          ? `${knowledge.label} (${from}) leads with ${material.needs}, but yours is too long for a ${label.toLowerCase()} as a whole phrase: a shorter one (a few words) would fit.`
          : `${knowledge.label} (${from}) leads with ${material.needs}; there is none to use yet, so the copy leads with what there is.`,
    );
  }

  const canvasUsed = ['valueProposition', 'positioning', 'purpose', 'values'].some((field) =>
    used.has(field as CopySource),
  );
  const canvasSaved = Boolean(
    brand.valueProposition || brand.positioning || brand.purpose || (brand.values ?? []).length > 0,
  );
  if (!canvasSaved)
    notes.push(
      onValueLens
        ? `No brand canvas went into this copy: save your value proposition and positioning on ${canvasPage} (and keep “Use my brand canvas as context” ticked) so it carries your promise.`
        : `No brand canvas went into this copy: save your value proposition and positioning on ${canvasPage} so it carries your promise.`,
    );
  else if (!brand.valueProposition && !brand.positioning)
    notes.push(
      `Your canvas has no value proposition or positioning yet: add them on ${canvasPage} to give the copy your promise.`,
    );
  else if (!canvasUsed && chosen.length > 0)
    notes.push(
      `Your canvas value proposition and positioning are longer than a ${label.toLowerCase()} as whole phrases, so this copy does not use them: a value proposition of a few words would fit.`,
    );

  if (!avatar)
    notes.push(
      onValueLens
        ? `No avatar chosen: pick one in the brief (or create one on ${avatarsPage}) so the copy speaks to a customer’s fears and desires.`
        : `No customer avatar was used: add one with fears and desires on ${avatarsPage} so the copy speaks to a real customer.`,
    );
  else if (avatar.fears.length === 0 && avatar.desires.length === 0)
    notes.push(
      `Your avatar ${avatar.name} has no fears or desires saved: add them on ${avatarsPage} for relief and benefit lines.`,
    );
  else if (!ing.audience)
    notes.push(
      `No audience is named: ${onValueLens ? 'fill in the audience in the brief, or ' : ''}add your avatar’s occupation on ${avatarsPage}.`,
    );

  const personality = (brand.personality ?? []).filter((trait) => trait.trim());
  const voice = brand.voice ? phrasesOf(brand.voice, ing.proper)[0] : undefined;
  if (personality.length > 0 || voice)
    notes.push(
      `Before publishing, read it against your canvas ${[
        personality.length > 0 ? `personality (${personality.join(', ')})` : '',
        voice ? `voice (“${voice}”)` : '',
      ]
        .filter(Boolean)
        .join(' and ')}.`,
    );

  if (chosen.length > 0)
    notes.push(
      `Every ${BULLET_KINDS.has(request.format) ? 'bullet' : 'option'} fits the ${label.toLowerCase()} limit of ${limit} characters and is built from whole phrases of what you wrote: nothing was cut.`,
    );
  return notes.slice(0, 6).map(fixArticles);
}

// --------------------------------------------------------------------------------------- writing

/**
 * After the first mention, a later sentence does not open with the name again: "Meet Calm Kit. Calm
 * Kit: ready in five minutes." becomes "Meet Calm Kit. Ready in five minutes."
 */
function namedOnce(text: string, name: string | null): string {
  const first = name ? text.indexOf(name) : -1;
  if (!name || first < 0) return text;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const cut = first + name.length;
  const rest = text
    .slice(cut)
    .replace(
      new RegExp(`([.!?]\\s+)${escaped}: (\\p{L})`, 'gu'),
      (_match, end: string, letter: string) => `${end}${letter.toUpperCase()}`,
    )
    .replace(
      new RegExp(`([.!?]\\s+)${escaped}, (made|built|crafted|for)\\b`, 'gu'),
      (_match, end: string, word: string) => `${end}${capital(word)}`,
    );
  return `${text.slice(0, cut)}${rest}`;
}

/** Kinds written as one line, by `shortLines`. */
const ONE_LINE_KINDS: ReadonlySet<CopyKind> = new Set([
  'ad-headline',
  'headline',
  'tagline',
  'email-subject',
  'video-hook',
]);

/** Writes copy from the owner's own words. See the module comment for the rules it keeps. */
export function writeCopy(request: CopyRequest): CopyResult {
  const kind = request.format;
  const limit = COPY_KIND_LIMITS[kind];
  const count = Math.max(1, Math.min(MAX_OPTIONS, Math.round(request.count ?? defaultCount(kind))));
  const ing = gather(request);
  const headlineLike = kind === 'ad-headline' || kind === 'headline' || kind === 'email-subject';
  const finish = (text: string) => {
    const tidied = tidy(namedOnce(text, ing.name?.text ?? null));
    // A one-sentence headline or subject line reads without its closing full stop.
    return headlineLike && !/[.!?].+[.!?]$/.test(tidied) ? tidied.replace(/\.$/, '') : tidied;
  };
  const pool = new Pool(finish, limit);
  const avatarTrigger = request.brand.avatar?.triggers[0] ?? null;
  const trigger = request.payoff ?? avatarTrigger;
  const angles = LEAD[trigger ?? 'none'];
  const context: Context = { kind, limit, angles, tone: TONES[request.tone], ing, pool };
  if (BULLET_KINDS.has(kind)) bulletLines(context);
  else if (ONE_LINE_KINDS.has(kind)) shortLines(context);
  else longTexts(context);

  const bullets = BULLET_KINDS.has(kind);
  // One-line copy leaves out lines that stop short of the owner's sentence; only when nothing else
  // fits are they offered at all.
  const owner = ownerTextsOf(request.brand, request.features);
  const cut = (option: string) => !bullets && ONE_LINE_KINDS.has(kind) && stopsShort(option, owner);
  const whole = select(pool, angles, count, limit, bullets, cut);
  const chosen = whole.length > 0 ? whole : select(pool, angles, count, limit, bullets, undefined);
  return {
    options: chosen.map((candidate) => candidate.text),
    notes: notesFor(pool, request, ing, chosen, {
      trigger,
      fromAvatar: !request.payoff && avatarTrigger !== null,
    }),
    uses: chosen.map((candidate) => COPY_SOURCES.filter((source) => candidate.uses.includes(source))),
  };
}
