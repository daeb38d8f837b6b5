/**
 * The review engine's reading of text: sentences located in the source (so every quote is verbatim),
 * word tokens, lemmas and stems. Hand-written rules rather than a tagger: a full compromise parse
 * costs about 1.7 ms per review, this about 0.05 ms, and reviews need only these few steps.
 */

export interface SentenceSpan {
  /** The sentence exactly as it stands in the review. */
  text: string;
  start: number;
  end: number;
}

export type TokenKind = 'word' | 'number' | 'money' | 'punct';

export interface Token {
  /** As written. */
  raw: string;
  /** Lower case, curly apostrophes made straight. */
  lower: string;
  lemma: string;
  kind: TokenKind;
  /** Shouted ("AMAZING"): three or more capitals in a sentence that is not all capitals. */
  shouted: boolean;
  /** Where the token starts in the sentence. */
  start: number;
  end: number;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'vs',
  'etc',
  'approx',
  'incl',
  'no',
  'e.g',
  'i.e',
]);

/**
 * Splits a review into sentences at `.`, `!`, `?` (and runs of them) followed by a space, and at line
 * breaks; a decimal point or an abbreviation's full stop does not split.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (/[\p{L}\p{N}]/u.test(trimmed))
      spans.push({ text: trimmed, start: start + leading, end: start + leading + trimmed.length });
    start = end;
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (char === '\n') {
      push(index);
      continue;
    }
    if (char !== '.' && char !== '!' && char !== '?' && char !== '…') continue;
    let end = index + 1;
    while (end < text.length && /[.!?…"”’')\]]/.test(text[end] as string)) end += 1;
    const next = text[end];
    if (next !== undefined && !/\s/.test(next)) continue;
    if (char === '.') {
      const word = /([\p{L}.]+)\.$/u.exec(text.slice(Math.max(0, index - 6), index + 1))?.[1];
      if (word && ABBREVIATIONS.has(word.toLowerCase())) continue;
    }
    push(end);
    index = end - 1;
  }
  push(text.length);
  return spans;
}

const TOKEN =
  /[$£€]\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?(?:%|dollars?|pounds?|euros?|bucks|quid)?|\p{L}+(?:['’]\p{L}+)*(?:-\p{L}+)*|[!?]+|[.,;:()"“”—–]/gu;

/** The sentence's tokens: words (with contractions and hyphenated words kept whole), amounts, punctuation. */
export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  const allCaps = sentence === sentence.toUpperCase();
  for (const match of sentence.matchAll(TOKEN)) {
    const raw = match[0];
    const lower = raw.toLowerCase().replace(/’/g, "'");
    let kind: TokenKind = 'word';
    if (/^[$£€]|dollar|pound|euro|bucks|quid/.test(lower) && /\d/.test(lower)) kind = 'money';
    else if (/^\d/.test(lower)) kind = 'number';
    else if (!/\p{L}/u.test(lower)) kind = 'punct';
    tokens.push({
      raw,
      lower,
      lemma: kind === 'word' ? lemmaOf(lower) : lower,
      kind,
      shouted:
        kind === 'word' && !allCaps && raw.length >= 3 && raw === raw.toUpperCase() && /\p{Lu}/u.test(raw),
      start: match.index,
      end: match.index + raw.length,
    });
  }
  return tokens;
}

/** Irregular forms reviews use, mapped to their lemma. */
const IRREGULAR: Record<string, string> = {
  gave: 'give',
  given: 'give',
  got: 'get',
  gotten: 'get',
  bought: 'buy',
  broke: 'break',
  broken: 'break',
  smelt: 'smell',
  ate: 'eat',
  eaten: 'eat',
  went: 'go',
  gone: 'go',
  made: 'make',
  came: 'come',
  felt: 'feel',
  paid: 'pay',
  sent: 'send',
  left: 'leave',
  kept: 'keep',
  took: 'take',
  taken: 'take',
  thought: 'think',
  ran: 'run',
  wore: 'wear',
  worn: 'wear',
  tore: 'tear',
  torn: 'tear',
  fell: 'fall',
  fallen: 'fall',
  found: 'find',
  told: 'tell',
  said: 'say',
  saw: 'see',
  seen: 'see',
  knew: 'know',
  known: 'know',
  had: 'have',
  has: 'have',
  did: 'do',
  done: 'do',
  does: 'do',
  was: 'be',
  were: 'be',
  is: 'be',
  are: 'be',
  am: 'be',
  been: 'be',
  shrank: 'shrink',
  shrunk: 'shrink',
  burnt: 'burn',
  lit: 'light',
  spent: 'spend',
  lost: 'lose',
  won: 'win',
  held: 'hold',
  built: 'build',
  began: 'begin',
  begun: 'begin',
  chose: 'choose',
  chosen: 'choose',
  drove: 'drive',
  fed: 'feed',
  led: 'lead',
  meant: 'mean',
  met: 'meet',
  sold: 'sell',
  stuck: 'stick',
  stood: 'stand',
  slept: 'sleep',
  spun: 'spin',
  taught: 'teach',
  understood: 'understand',
  woke: 'wake',
  wrote: 'write',
  written: 'write',
  headaches: 'headache',
  children: 'child',
  men: 'man',
  women: 'woman',
  feet: 'foot',
  teeth: 'tooth',
  mice: 'mouse',
  people: 'person',
  knives: 'knife',
  leaves: 'leaf',
  shelves: 'shelf',
  better: 'good',
  best: 'good',
  worse: 'bad',
  worst: 'bad',
};

/** Words whose ending looks inflected but is not. */
const KEEP = new Set(
  'is was has does this thus bus gas yes us plus less unless news series species always perhaps its his hers ours yours chaos canvas lens bias atlas alias basis analysis crisis axis diabetes mattress dress glass class grass boss loss process access success address press stress business kindness fitness witness bless across chess guess mess toss pass miss kiss bliss cross gloss moss fuss asthma during nothing something anything everything thing string spring ring king wing sing bring sting morning evening ceiling wedding pudding bedding clothing shipping packaging lightning ping ding swing being feeling seed need speed feed bed red shed bleed breed weed reed greed wed led sled hundred kindred sacred naked wicked wretched rugged ragged beloved jagged crooked learned aged blessed dogged tired bored fixed mixed nicked'.split(
    ' ',
  ),
);

/**
 * The dictionary form of a lower-case word: plural nouns to singular, verb forms to the infinitive,
 * by irregular table then suffix rules (`headaches` → `headache`, `tunnelled` → `tunnel`,
 * `burning` → `burn`, `tries` → `try`). Good enough to match what customers say against an avatar's
 * words; wrong lemmas only need to be consistent on both sides.
 */
export function lemmaOf(word: string): string {
  const cached = LEMMAS.get(word);
  if (cached !== undefined) return cached;
  const lemma = lemmaRule(word);
  remember(LEMMAS, word, lemma);
  return lemma;
}

/**
 * Words repeat across reviews, so their lemma and stem are worked out once; the caches are bounded
 * (cleared when full) so a stream of odd tokens cannot grow them without limit.
 */
const LEMMAS = new Map<string, string>();
const STEMS = new Map<string, string>();
const CACHE_LIMIT = 50_000;

function remember(cache: Map<string, string>, key: string, value: string): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

function lemmaRule(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (word.length <= 3 || KEEP.has(word) || word.includes("'")) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ied') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(ches|shes|sses|xes|zzes)$/.test(word)) return word.slice(0, -2);
  if (/oes$/.test(word) && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  if (word.endsWith('ing') && word.length > 5) return stemBase(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 4) {
    if (word.endsWith('eed')) return word.slice(0, -1);
    return stemBase(word.slice(0, -2));
  }
  return word;
}

/**
 * Restores a verb base after `-ing`/`-ed` is cut: a doubled consonant (`stopp` → `stop`,
 * `tunnell` → `tunnel`, but `smell` stays) and, for one-syllable bases, a dropped silent `e`
 * (`lik` → `like`, `us` → `use`). Bases it cannot restore (`arriv`) still meet their other forms
 * through `stemOf`, which drops a final `e` on both sides.
 */
function stemBase(base: string): string {
  const syllables = base.match(/[aeiouy]+/g)?.length ?? 0;
  if (/([bdgkmnprtz])\1$/.test(base)) return base.slice(0, -1);
  if (/ll$/.test(base) && syllables > 1) return base.slice(0, -1);
  if (syllables === 1 && /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(base)) return `${base}e`;
  if (/[cvz]$/.test(base)) return `${base}e`;
  return base;
}

/**
 * A coarser key than the lemma, so derived words meet: `safety`/`safe`, `reliability`/`reliable`,
 * `convenience`/`convenient`, `comfortable`/`comfort`, `happiness`/`happy`.
 */
export function stemOf(lemma: string): string {
  const cached = STEMS.get(lemma);
  if (cached !== undefined) return cached;
  const stem = stemRule(lemma);
  remember(STEMS, lemma, stem);
  return stem;
}

function stemRule(lemma: string): string {
  const rules: readonly [RegExp, string][] = [
    [/ability$/, 'able'],
    [/ibility$/, 'ible'],
    [/iness$/, 'y'],
    [/ness$/, ''],
    [/ety$/, 'e'],
    [/ity$/, ''],
    [/ence$/, 'ent'],
    [/ance$/, 'ant'],
    [/ily$/, 'y'],
    [/ly$/, ''],
    [/ful$/, ''],
    [/ment$/, ''],
    [/able$/, ''],
    [/ible$/, ''],
  ];
  let stem = lemma;
  // Suffixes stack (reliability → reliable → reli); a stem keeps at least four letters.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [pattern, replacement] of rules) {
      const next = stem.replace(pattern, replacement);
      if (next !== stem && next.length >= 4) {
        stem = next;
        changed = true;
        break;
      }
    }
  }
  return stem.replace(/e$/, '').replace(/y$/, 'i');
}
